import { DateTime } from 'luxon';
import { ZONE } from '../src/domain/shared/helsinki';
import type { Language } from '../src/domain/shared/vocabulary';

/**
 * The one place that writes numbers, dates and times for people, one style per language:
 * fi "ti 1.12.2026 klo 13.00–15.00", "25.11. klo 9.02"; sv "tis 1.12.2026 kl. 13.00–15.00",
 * "25.11 kl. 9.02"; en "Tue 1 Dec 2026, 13:00–15:00", "25 Nov, 09:02"; periods "11/2026".
 */
const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-IE' };
/** Weekday and month names (en-US: "Sep", where en-GB writes "Sept"). */
const NAMES: Record<Language, string> = { fi: 'fi', sv: 'sv', en: 'en-US' };
const CLOCK: Record<Language, string> = { fi: 'klo ', sv: 'kl. ', en: '' };

/** Euros from integer cents, as people in that language write them. */
export function euros(cents: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(
    cents / 100,
  );
}

/** A calendar date (YYYY-MM-DD) with its weekday: "ti 1.12.2026", "tis 1.12.2026", "Tue 1 Dec 2026". */
export function formatDate(date: string, lang: Language): string {
  const d = DateTime.fromISO(date, { zone: ZONE }).setLocale(NAMES[lang]);
  return d.toFormat(lang === 'en' ? 'ccc d LLL yyyy' : 'ccc d.M.yyyy');
}

/** A wall-clock time (HH:mm) without the "klo" word: "9.00" in fi and sv, "09:00" in en. */
function clock(time: string, lang: Language): string {
  const [h = '0', m = '00'] = time.split(':');
  return lang === 'en' ? `${h.padStart(2, '0')}:${m}` : `${Number(h)}.${m}`;
}

/** A span of wall-clock times (HH:mm): "klo 13.00–15.00", "kl. 13.00–15.00", "13:00–15:00". */
export function timeRange(start: string, end: string, lang: Language): string {
  return `${CLOCK[lang]}${clock(start, lang)}–${clock(end, lang)}`;
}

/** A date and a span of times: "ti 1.12.2026 klo 13.00–15.00", "Tue 1 Dec 2026, 13:00–15:00". */
export function dateTimeRange(date: string, start: string, end: string, lang: Language): string {
  return `${formatDate(date, lang)}${lang === 'en' ? ', ' : ' '}${timeRange(start, end, lang)}`;
}

/** An instant as a Helsinki date and time: "25.11. klo 9.02", "25.11 kl. 9.02", "25 Nov, 09:02". */
export function helsinkiDateTime(iso: string, lang: Language): string {
  const d = DateTime.fromISO(iso, { zone: ZONE }).setLocale(NAMES[lang]);
  const day = d.toFormat(lang === 'fi' ? 'd.M.' : lang === 'sv' ? 'd.M' : 'd LLL');
  return `${day}${lang === 'en' ? ', ' : ' '}${CLOCK[lang]}${clock(d.toFormat('HH:mm'), lang)}`;
}

/** A payroll month (YYYY-MM) as people write it: "11/2026". */
export function formatPeriod(month: string): string {
  const [year, m] = month.split('-');
  return `${Number(m)}/${year}`;
}

/** Names as one list: "Anna", "Anna ja Ben", "Anna, Ben och Cecilia". */
export function listText(items: readonly string[], lang: Language): string {
  return new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
}

/** A session's date as the series card lists it (SPEC §10), the same in every language: "18.3.2027". */
export function sessionDate(date: string): string {
  return DateTime.fromISO(date, { zone: ZONE }).toFormat('d.M.yyyy');
}

/** A figure with at most one decimal, as people in that language write it: "4,5", "4.5". */
export function decimal(n: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(n);
}
