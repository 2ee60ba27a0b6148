import { DateTime } from 'luxon';
import type { Language } from '../shared/vocabulary';
import { mask, type Span } from './text';

export const ZONE = 'Europe/Helsinki';

export type DateProblem = 'date_in_past' | 'date_impossible';

export interface DateReading {
  date?: string;
  dateProblem?: DateProblem;
  /** Everything read as a date or a weekday, to keep its digits from other readers. */
  spans: Span[];
}

/** A year-less date that passed longer ago than this means next year; a more recent one is a mistake. */
const RECENTLY_PASSED_DAYS = 60;

const L0 = '(?<![\\p{L}\\d])';
const L1 = '(?![\\p{L}\\d])';

/** Finnish month names without their `kuu` (tammikuu, helmikuu…), January first. */
export const FI_MONTH_STEMS = [
  'tammi',
  'helmi',
  'maalis',
  'huhti',
  'touko',
  'kesä',
  'heinä',
  'elo',
  'syys',
  'loka',
  'marras',
  'joulu',
];
const SV_MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
const EN_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  '',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/** Swedish and English month names and their short forms, to the month's number. */
export const SV_EN_MONTHS: ReadonlyMap<string, number> = new Map([
  ...[SV_MONTHS, EN_MONTHS, ABBREVIATIONS].flatMap((list) =>
    list.flatMap((name, i) => (name ? [[name, i + 1] as const] : [])),
  ),
  ['sept', 9],
  ['okt', 10],
]);
const MONTHS = new Map<string, number>(SV_EN_MONTHS);
FI_MONTH_STEMS.forEach((stem, i) => {
  for (const end of ['kuuta', 'kuun', 'kuu', 'k']) MONTHS.set(stem + end, i + 1);
});
const MONTH_ALT = [...MONTHS.keys()].sort((a, b) => b.length - a.length).join('|');

const ISO = /(?<!\d)(20\d\d)-(\d\d)-(\d\d)(?!\d)/gu;
// 12.3. / 12.3.2027 / 12.3.27 – the trailing dot makes it a date, not a time.
const NUMERIC_DOTTED = /(?<![\d.:/])(\d{1,2})\.\s?(\d{1,2})\.(?:(\d{4}|\d{2})(?!\d))?/gu;
// 12.3 without the trailing dot: a date only when it cannot be a time (see isTimeLike).
const NUMERIC_BARE = /(?<![\d.:/])(\d{1,2})\.(\d{1,2})(?![\d.:])/gu;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/gu;
const DAY_MONTH = new RegExp(
  `${L0}(\\d{1,2})(?:\\.|:e|st|nd|rd|th)?\\s*(?:of\\s+)?(${MONTH_ALT})\\.?${L1}(?:\\s*,?\\s*(\\d{4})(?!\\d))?`,
  'gu',
);
const MONTH_DAY = new RegExp(
  `${L0}(${MONTH_ALT})\\.?\\s+(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th|:e)?(?![\\d:]|\\.\\d)\\.?(?:\\s*,?\\s*(\\d{4})(?!\\d))?`,
  'gu',
);
const CLOCK_PREFIX = /(?:klo|kl|kello)\.?\s*$/u;
const TIME_PREFIX = /(?:klo|kl|kello|at|@|from|från|between|mellan)\.?\s*$/u;

const RELATIVE: ReadonlyArray<[RegExp, number]> = [
  [
    new RegExp(
      `${L0}(?:the\\s+)?day\\s+after\\s+tomorrow${L1}|${L0}ylihuom\\p{L}*|${L0}(?:i\\s*)?övermorgon${L1}`,
      'gu',
    ),
    2,
  ],
  [
    new RegExp(
      `${L0}huomenna${L1}|${L0}huomis\\p{L}*|${L0}tomorrow${L1}|${L0}i\\s*morgon${L1}|${L0}imorgon${L1}`,
      'gu',
    ),
    1,
  ],
  [
    new RegExp(
      `${L0}tänään${L1}|${L0}today${L1}|${L0}tonight${L1}|${L0}i\\s*dag${L1}|${L0}idag${L1}|${L0}i\\s*kväll${L1}`,
      'gu',
    ),
    0,
  ],
];

/** Weekday stems, Monday first: [Finnish, Swedish, English]; a stem takes any ending (tiistaisin). */
export const WEEKDAY_STEMS: ReadonlyArray<readonly [string, string, string]> = [
  ['maanantai', 'måndag', 'monday'],
  ['tiistai', 'tisdag', 'tuesday'],
  ['keskiviik', 'onsdag', 'wednesday'],
  ['torstai', 'torsdag', 'thursday'],
  ['perjantai', 'fredag', 'friday'],
  ['lauantai', 'lördag', 'saturday'],
  ['sunnuntai', 'söndag', 'sunday'],
];
const WEEKDAY_BY_STEM = new Map(
  WEEKDAY_STEMS.flatMap((stems, i) => stems.map((s) => [s, i + 1] as const)),
);
const WEEKDAY = new RegExp(`${L0}(${[...WEEKDAY_BY_STEM.keys()].join('|')})\\p{L}*`, 'gu');

/** Short weekday names per language, Monday first ("ti", "tis", "tue"). */
export const WEEKDAY_ABBREVIATIONS: Record<Language, readonly string[][]> = {
  fi: [['ma'], ['ti'], ['ke'], ['to'], ['pe'], ['la'], ['su']],
  sv: [['mån'], ['tis'], ['ons'], ['tors', 'tor'], ['fre'], ['lör'], ['sön']],
  en: [['mon'], ['tues', 'tue'], ['wed'], ['thurs', 'thur', 'thu'], ['fri'], ['sat'], ['sun']],
};
// An abbreviation counts only right before a date (or, in Finnish, before "klo" or a time range).
const ABBREVIATED_RE = Object.fromEntries(
  (Object.keys(WEEKDAY_ABBREVIATIONS) as Language[]).map((lang) => {
    const alt = WEEKDAY_ABBREVIATIONS[lang].flat().join('|');
    const after =
      lang === 'fi'
        ? `(?=\\s*(?:\\d{1,2}\\.\\d|\\d{1,2}\\s*\\p{L}|klo|kl\\.|kello|\\d{1,2}(?:[.:]\\d\\d)?\\s*-\\s*\\d))`
        : `(?=\\s*(?:\\d{1,2}[./]\\d|\\d{1,2}\\s*\\p{L}))`;
    return [lang, new RegExp(`${L0}(${alt})\\.?,?${after}`, 'gu')];
  }),
) as Record<Language, RegExp>;
const ABBREVIATION_DAY = new Map(
  Object.values(WEEKDAY_ABBREVIATIONS).flatMap((list) =>
    list.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
  ),
);

const NEXT_WEEK = new RegExp(
  `${L0}(?:ensi|seuraava\\p{L}*|tuleva\\p{L}*)\\s+viiko\\p{L}*|${L0}next\\s+week|${L0}following\\s+week|${L0}nästa\\s+veck\\p{L}*|${L0}kommande\\s+veck\\p{L}*`,
  'u',
);

interface Candidate extends Span {
  day: number;
  month: number;
  year?: number;
}

/** Reads the order's date from folded text, resolving relative words in Helsinki from `now`. */
export function parseDate(folded: string, now: Date, lang: Language): DateReading {
  const today = DateTime.fromJSDate(now, { zone: ZONE }).startOf('day');
  const spans: Span[] = [];
  const explicit: Candidate[] = [];
  let text = folded;
  const take = (re: RegExp, build: (m: RegExpMatchArray) => Candidate | undefined): void => {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const c = build(m);
      if (!c) continue;
      explicit.push(c);
      spans.push({ start, end: start + m[0].length });
    }
    text = mask(text, spans);
  };
  const at = (m: RegExpMatchArray) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });

  take(ISO, (m) => ({ ...at(m), year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }));
  take(DAY_MONTH, (m) => {
    const start = m.index ?? 0;
    // "klo 13-15 toukokuun loppuun": the 15 ends a clock range; the genitive month is no day's.
    if (/kuun$/u.test(m[2] ?? '') && /(?:[-–]|klo|kello|kl\.?)\s*$/u.test(text.slice(0, start)))
      return undefined;
    return {
      ...at(m),
      day: Number(m[1]),
      month: MONTHS.get(m[2] ?? '') ?? 0,
      year: optionalYear(m[3]),
    };
  });
  take(MONTH_DAY, (m) => ({
    ...at(m),
    day: Number(m[2]),
    month: MONTHS.get(m[1] ?? '') ?? 0,
    year: optionalYear(m[3]),
  }));
  take(NUMERIC_DOTTED, (m) => {
    const start = m.index ?? 0;
    // "klo 10.10." is a time; "from 13.1.2027" is a date.
    if (!m[3] && CLOCK_PREFIX.test(text.slice(Math.max(0, start - 8), start))) return undefined;
    if (!isDayMonth(m[1], m[2])) return undefined;
    return { ...at(m), day: Number(m[1]), month: Number(m[2]), year: optionalYear(m[3]) };
  });
  take(NUMERIC_BARE, (m) => {
    const start = m.index ?? 0;
    if (isTimeLike(text, m, start)) return undefined;
    return { ...at(m), day: Number(m[1]), month: Number(m[2]) };
  });
  take(SLASHED, (m) =>
    isDayMonth(m[1], m[2])
      ? { ...at(m), day: Number(m[1]), month: Number(m[2]), year: optionalYear(m[3]) }
      : undefined,
  );

  const weekdays: Array<Span & { weekday: number }> = [];
  for (const re of [WEEKDAY, ABBREVIATED_RE[lang]]) {
    for (const m of text.matchAll(re)) {
      const weekday = WEEKDAY_BY_STEM.get(m[1] ?? '') ?? ABBREVIATION_DAY.get(m[1] ?? '');
      if (weekday) weekdays.push({ ...at(m), weekday });
    }
  }
  spans.push(...weekdays);
  const relative: Array<Span & { days: number }> = [];
  for (const [re, days] of RELATIVE) {
    for (const m of mask(text, spans).matchAll(re)) {
      relative.push({ ...at(m), days });
      spans.push(at(m));
    }
  }

  explicit.sort((a, b) => a.start - b.start);
  const first = explicit[0];
  if (first) {
    const weekday = weekdays.find(
      (w) => w.end <= first.start && first.start - w.end <= 16,
    )?.weekday;
    return { ...resolveDayMonth(first, today, weekday), spans };
  }
  relative.sort((a, b) => a.start - b.start);
  const rel = relative[0];
  if (rel) return { date: iso(today.plus({ days: rel.days })), spans };
  weekdays.sort((a, b) => a.start - b.start);
  const wd = weekdays[0];
  if (wd) {
    const date = NEXT_WEEK.test(folded)
      ? today.startOf('week').plus({ weeks: 1, days: wd.weekday - 1 })
      : today.plus({ days: (wd.weekday - today.weekday + 7) % 7 || 7 });
    return { date: iso(date), spans };
  }
  return { spans };
}

function resolveDayMonth(
  c: Candidate,
  today: DateTime,
  weekday: number | undefined,
): Omit<DateReading, 'spans'> {
  const make = (year: number) =>
    DateTime.fromObject({ year, month: c.month, day: c.day }, { zone: ZONE });
  if (c.year !== undefined) {
    const date = make(c.year);
    if (!date.isValid) return { dateProblem: 'date_impossible' };
    return date < today ? { dateProblem: 'date_in_past' } : { date: iso(date) };
  }
  const thisYear = make(today.year);
  const nextYear = make(today.year + 1);
  if (!thisYear.isValid && !nextYear.isValid) return { dateProblem: 'date_impossible' };
  if (thisYear.isValid && thisYear >= today) return { date: iso(thisYear) };
  if (!nextYear.isValid) return { dateProblem: 'date_in_past' };
  // A weekday written beside the date says which year the writer meant.
  if (weekday !== undefined && nextYear.weekday === weekday) return { date: iso(nextYear) };
  if (weekday !== undefined && thisYear.isValid && thisYear.weekday === weekday)
    return { dateProblem: 'date_in_past' };
  const passedDays = thisYear.isValid ? today.diff(thisYear, 'days').days : Infinity;
  return passedDays > RECENTLY_PASSED_DAYS
    ? { date: iso(nextYear) }
    : { dateProblem: 'date_in_past' };
}

function isDayMonth(day: string | undefined, month: string | undefined): boolean {
  const d = Number(day);
  const m = Number(month);
  return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/** "9.30", "10.05", "klo 10.10" and "10.15-11" are clock times; "2.12" is a date. */
function isTimeLike(text: string, m: RegExpMatchArray, start: number): boolean {
  const [whole, day, month = ''] = m;
  if (!isDayMonth(day, month)) return true;
  if (month.length === 2 && month.startsWith('0')) return true;
  if (TIME_PREFIX.test(text.slice(Math.max(0, start - 8), start))) return true;
  const after = text.slice(start + whole.length, start + whole.length + 8);
  return /^\s*-\s*\d/u.test(after) || /^\s*(?:am|pm|h|asti|saakka)(?!\p{L})/u.test(after);
}

function optionalYear(y: string | undefined): number | undefined {
  if (!y) return undefined;
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function iso(d: DateTime): string {
  return d.toFormat('yyyy-MM-dd');
}
