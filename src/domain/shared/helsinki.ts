import { DateTime } from 'luxon';

export const ZONE = 'Europe/Helsinki';

/** The Helsinki calendar date of an instant, YYYY-MM-DD. */
export function helsinkiDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
}

/** The instant of a Helsinki wall-clock date and time (HH:mm). */
export function helsinkiInstant(date: string, time: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toJSDate();
}

/** d.M.yyyy as Finns write dates; weekday prefix in the given language. */
export function formatDate(date: string, lang: 'fi' | 'sv' | 'en'): string {
  const d = DateTime.fromISO(date, { zone: ZONE }).setLocale(lang === 'fi' ? 'fi' : lang === 'sv' ? 'sv' : 'en-GB');
  return `${d.toFormat('ccc')} ${d.toFormat('d.M.yyyy')}`;
}
