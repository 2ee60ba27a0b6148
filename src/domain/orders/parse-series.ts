import { DateTime } from 'luxon';
import { isPublicHoliday } from '../shared/working-days';
import type { Language } from '../shared/vocabulary';
import { NUMBER_WORD_PATTERN, numberValue } from './numbers';
import { FI_MONTH_STEMS, parseDate, ZONE } from './parse-date';
import type { Span } from './text';

/** SPEC §3: a series has at most this many sessions. */
export const MAX_SESSIONS = 26;

/** Why a series the orderer wrote is not made: they are answered with examples, nothing stored. */
export type SeriesProblem =
  'series_no_end' | 'series_too_long' | 'series_end_before_start' | 'series_unclear';

/** What the text says about a repeating task, before its dates are worked out. */
export interface SeriesWords {
  /** 1: every week; 2: every other week. */
  every: 1 | 2;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** The first day written ("3.3.–26.5.", "alkaen 3.3."), YYYY-MM-DD. */
  start?: string;
  /** The last day the series may reach, YYYY-MM-DD (a date, or a month's last day). */
  until?: string;
  /** "8 kertaa", "8 sessions": the number of sessions held. */
  count?: number;
}

export type SeriesReading =
  | { kind: 'none' }
  | { kind: 'problem'; problem: SeriesProblem; spans: Span[] }
  | { kind: 'series'; words: SeriesWords; spans: Span[] };

/** A series' sessions, worked out: the dates it is held, and the public holidays it skips. */
export interface SeriesPlan {
  every: 1 | 2;
  /** The first session, YYYY-MM-DD. */
  first: string;
  /** The last session, YYYY-MM-DD. */
  until: string;
  dates: string[];
  /** Finnish public holidays on the series' weekday, not held. */
  skipped: string[];
}

const L0 = '(?<![\\p{L}\\d])';
const L1 = '(?![\\p{L}\\d])';

const WEEKDAYS: ReadonlyArray<readonly string[]> = [
  ['maanantai', 'måndag', 'monday'],
  ['tiistai', 'tisdag', 'tuesday'],
  ['keskiviikko', 'onsdag', 'wednesday'],
  ['torstai', 'torsdag', 'thursday'],
  ['perjantai', 'fredag', 'friday'],
  ['lauantai', 'lördag', 'saturday'],
  ['sunnuntai', 'söndag', 'sunday'],
];
const WEEKDAY_OF = new Map(WEEKDAYS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const WEEKDAY = new RegExp(`${L0}(${[...WEEKDAY_OF.keys()].join('|')})(\\p{L}*)`, 'gu');

/** Habitual forms: "tiistaisin", "tisdagar", "tuesdays". */
const HABITUAL_SUFFIX = /^(?:i?sin|ar|arna|s)$/u;
/** Words right before a weekday that make it repeat: "joka", "every", "varje", "varannan". */
const EVERY_BEFORE = new RegExp(
  `${L0}(?:joka|jokainen|every|each|varje|var|varannan|vartannan|fortnightly|biweekly|bi-weekly|weekly|viikoittain|veckovis)` +
    `(?:\\s+(?:toinen|toisen|other|second|2nd|annan|andra|viikko|viikon|week|vecka|veckan|two\\s+weeks|on|på|the))*\\s*$`,
  'u',
);
const EVERY_OTHER = new RegExp(
  `${L0}(?:joka\\s+toi\\p{L}*|varannan|vartannan|var\\s+annan|varje\\s+(?:annan|andra)|every\\s+(?:other|second|2nd|two\\s+weeks)|fortnightly|bi-?weekly|kahden\\s+viikon\\s+välein|parittomi\\p{L}*|parillisi\\p{L}*)`,
  'u',
);
/** A repeat this parser cannot make a plan of, whatever else the text says (monthly, twice a week). */
const UNCLEAR = new RegExp(
  `${L0}(?:kuukausittain|kerran\\s+kuussa|joka\\s+kuu(?:kausi|kauden)|monthly|every\\s+month|each\\s+month|once\\s+a\\s+month|varje\\s+månad|en\\s+gång\\s+i\\s+månaden|månatligen|kahdesti\\s+viikossa|kaksi\\s+kertaa\\s+viikossa|twice\\s+a\\s+week|två\\s+gånger\\s+i\\s+veckan|joka\\s+kolma\\p{L}*\\s+viik\\p{L}*|every\\s+third\\s+week|var\\s+tredje\\s+vecka|varje\\s+tredje\\s+vecka)${L1}`,
  'u',
);
/** Daily repeats: unclear only beside a repeating weekday ("every day" alone may describe the ward). */
const DAILY = new RegExp(
  `${L0}(?:joka\\s+päivä|päivittäin|every\\s+day|daily|varje\\s+dag|dagligen|arkisin|on\\s+weekdays|vardagar)${L1}`,
  'u',
);
/** "joka viikko", "weekly", "varannan vecka" without a weekday: the first date's weekday is meant. */
const WEEK_WORD = new RegExp(
  `${L0}(?:joka\\s+(?:toinen\\s+)?viikko|viikoittain|joka\\s+viikon|weekly|every\\s+(?:other\\s+)?week|each\\s+week|fortnightly|bi-?weekly|varje\\s+vecka|varannan\\s+vecka|var\\s+annan\\s+vecka|veckovis|varannan\\s+viikon|joka\\s+toisen\\s+viikon)${L1}`,
  'u',
);

const SV_EN_MONTHS: ReadonlyArray<readonly string[]> = [
  ['januari', 'january', 'jan'],
  ['februari', 'february', 'feb'],
  ['mars', 'march', 'mar'],
  ['april', 'apr'],
  ['maj', 'may'],
  ['juni', 'june', 'jun'],
  ['juli', 'july', 'jul'],
  ['augusti', 'august', 'aug'],
  ['september', 'sept', 'sep'],
  ['oktober', 'october', 'okt', 'oct'],
  ['november', 'nov'],
  ['december', 'dec'],
];
const MONTH_OF = new Map<string, number>([
  ...FI_MONTH_STEMS.map((s, i) => [`${s}kuu`, i + 1] as const),
  ...SV_EN_MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
]);
const FI_MONTH = `(${FI_MONTH_STEMS.join('|')})kuu(?:n|ta)?`;
const MONTH_NAMES = [...SV_EN_MONTHS.flat()].sort((a, b) => b.length - a.length).join('|');
const NAMED_MONTH = `(${MONTH_NAMES})`;
const ANY_MONTH = `(?:${MONTH_NAMES})`;

/** A written date: 26.5., 26.5.2027, 2027-05-26, 26 May, May 26, 26. toukokuuta, 26 maj. */
const DATE = `(?:\\d{1,2}\\.\\s?\\d{1,2}\\.(?:\\d{4}|\\d{2})?|20\\d\\d-\\d\\d-\\d\\d|\\d{1,2}(?:\\.|st|nd|rd|th|:e)?\\s*(?:of\\s+)?(?:${FI_MONTH_STEMS.join('|')})kuuta(?:\\s+20\\d\\d)?|\\d{1,2}(?:\\.|st|nd|rd|th|:e)?\\s*(?:of\\s+)?${ANY_MONTH}${L1}(?:\\s*,?\\s*20\\d\\d)?|${ANY_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?${L1}(?:\\s*,?\\s*20\\d\\d)?)`;

const MONTH_END: ReadonlyArray<RegExp> = [
  new RegExp(`${L0}${FI_MONTH}\\s+(?:loppuun|lopulle|loppuun\\s+asti|loppuun\\s+saakka)${L1}`, 'u'),
  new RegExp(
    `${L0}(?:till|fram\\s+till|intill)\\s+(?:slutet|utgången)\\s+av\\s+${NAMED_MONTH}${L1}`,
    'u',
  ),
  new RegExp(
    `${L0}(?:till\\s+och\\s+med|t\\.o\\.m\\.?|tom)\\s+${NAMED_MONTH}${L1}(?!\\s*\\d)`,
    'u',
  ),
  new RegExp(`${L0}${NAMED_MONTH}\\s+ut${L1}`, 'u'),
  new RegExp(
    `${L0}(?:until|till|to|through|up\\s+to)\\s+(?:the\\s+)?end\\s+of\\s+${NAMED_MONTH}${L1}`,
    'u',
  ),
  new RegExp(`${L0}(?:through|throughout)\\s+${NAMED_MONTH}${L1}(?!\\s*\\d)`, 'u'),
];
const UNTIL_DATE: ReadonlyArray<RegExp> = [
  new RegExp(`(${DATE})\\s*(?:asti|saakka|mennessä|loppuun)${L1}`, 'u'),
  new RegExp(
    `${L0}(?:till\\s+och\\s+med|t\\.o\\.m\\.?|tom|fram\\s+till|intill|till|until|till|through|thru|up\\s+to|to|ending|ending\\s+on)\\s+(?:the\\s+)?(${DATE})`,
    'u',
  ),
];
const DATE_RANGE = new RegExp(`(?<![\\d.])(${DATE})\\s*-\\s*(${DATE})`, 'u');
const START_DATE: ReadonlyArray<RegExp> = [
  new RegExp(`(${DATE})\\s*(?:alkaen|lähtien|lukien|och\\s+framåt|onwards)${L1}`, 'u'),
  new RegExp(
    `${L0}(?:alkaen|from|starting|starting\\s+on|starting\\s+from|beginning|från\\s+och\\s+med|fr\\.o\\.m\\.?|från|med\\s+start)\\s+(?:the\\s+)?(${DATE})`,
    'u',
  ),
];
const COUNT = new RegExp(
  `${L0}(\\d{1,3}|${NUMBER_WORD_PATTERN})\\s*(kertaa|kerran|krt|tapaamista|kerta|gånger|tillfällen|träffar|sessions|times|meetings|occasions|viikkoa|viikon\\s+ajan|veckor|weeks)${L1}`,
  'u',
);

/**
 * Reads a repeating task from folded text ("joka tiistai toukokuun loppuun", "every other Thursday
 * until 26 May", "varje tisdag till och med 26.5."): weekly or every other week, one weekday,
 * an end (a date, the end of a month, or a number of sessions). Pure; the dates come from `planSeries`.
 */
export function parseSeries(folded: string, now: Date, lang: Language): SeriesReading {
  const spans: Span[] = [];
  const at = (m: RegExpMatchArray): Span => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  });

  const weekdays: Array<{ weekday: number; span: Span; repeats: boolean }> = [];
  for (const m of folded.matchAll(WEEKDAY)) {
    const weekday = WEEKDAY_OF.get(m[1] ?? '') ?? 0;
    const before = folded.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0);
    const everyBefore = EVERY_BEFORE.exec(before);
    const habitual = HABITUAL_SUFFIX.test(m[2] ?? '');
    const span = at(m);
    if (everyBefore) span.start -= everyBefore[0].length;
    weekdays.push({ weekday, span, repeats: habitual || Boolean(everyBefore) });
  }
  const repeating = weekdays.filter((w) => w.repeats);
  const weekWord = WEEK_WORD.exec(folded);
  const unclear = UNCLEAR.exec(folded);
  if (repeating.length === 0 && !weekWord) {
    return unclear ? { kind: 'problem', problem: 'series_unclear', spans: [at(unclear)] } : none;
  }
  spans.push(...repeating.map((w) => w.span));
  if (weekWord) spans.push(at(weekWord));
  const distinct = new Set(repeating.map((w) => w.weekday));
  if (unclear || DAILY.test(folded) || distinct.size > 1)
    return { kind: 'problem', problem: 'series_unclear', spans };
  const every: 1 | 2 = EVERY_OTHER.test(folded) ? 2 : 1;

  const resolve = (text: string): string | undefined => parseDate(text, now, lang).date;
  const words: Omit<SeriesWords, 'weekday'> & { weekday?: number } = {
    every,
    weekday: repeating[0]?.weekday,
  };
  const range = DATE_RANGE.exec(folded);
  if (range) {
    words.start = resolve(range[1] ?? '');
    words.until = resolve(range[2] ?? '');
    spans.push(at(range));
  }
  for (const re of START_DATE) {
    const m = words.start ? null : re.exec(folded);
    if (m) {
      words.start = resolve(m[1] ?? '');
      spans.push(at(m));
    }
  }
  for (const re of MONTH_END) {
    const m = words.until ? null : re.exec(folded);
    if (m) {
      words.until = monthEnd(monthOf(m), words.start, now);
      spans.push(at(m));
    }
  }
  for (const re of UNTIL_DATE) {
    const m = words.until ? null : re.exec(folded);
    if (m) {
      words.until = resolve(m[1] ?? '');
      spans.push(at(m));
    }
  }
  const count = COUNT.exec(folded);
  if (count && !words.until) {
    const n = numberValue(count[1] ?? '') ?? 0;
    const weeks = /^(?:viiko|viikon|veckor|week)/u.test(count[2] ?? '');
    words.count = weeks ? Math.ceil(n / every) : n;
    spans.push(at(count));
  }
  if (words.weekday === undefined) {
    if (!words.start) return { kind: 'problem', problem: 'series_unclear', spans };
    words.weekday = DateTime.fromISO(words.start, { zone: ZONE }).weekday;
  }
  return { kind: 'series', words: words as SeriesWords, spans };
}

const none: SeriesReading = { kind: 'none' };

function monthOf(m: RegExpExecArray): number {
  const fi = m[0].match(new RegExp(`(${FI_MONTH_STEMS.join('|')})kuu`, 'u'));
  if (fi) return MONTH_OF.get(`${fi[1]}kuu`) ?? 0;
  const name = m.slice(1).find((g) => g && MONTH_OF.has(g));
  return name ? (MONTH_OF.get(name) ?? 0) : 0;
}

/** The last day of a month: the first such day on or after the start (or today). */
function monthEnd(month: number, start: string | undefined, now: Date): string | undefined {
  if (!month) return undefined;
  const from = start ?? DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const end = DateTime.fromObject({ year: y, month }, { zone: ZONE }).endOf('month').toISODate()!;
    if (end >= from) return end;
  }
  return undefined;
}

/**
 * The sessions of a series: from the first given weekday on or after `start` (else after
 * `today`), every one or two weeks, until `until` or `count` sessions are held. Finnish public
 * holidays are skipped (and a counted series goes on a week longer for each). Refused without an
 * end, with an end before the start, or with more than 26 sessions.
 */
export function planSeries(
  words: SeriesWords,
  today: string,
): { ok: true; plan: SeriesPlan } | { ok: false; problem: SeriesProblem } {
  if (!words.until && !words.count) return { ok: false, problem: 'series_no_end' };
  if (words.count !== undefined && words.count < 1) return { ok: false, problem: 'series_unclear' };
  const from = DateTime.fromISO(words.start && words.start > today ? words.start : today, {
    zone: ZONE,
  });
  const strictlyAfter = !words.start || words.start <= today;
  let first = from.plus({ days: (words.weekday - from.weekday + 7) % 7 });
  if (strictlyAfter && first.toISODate() === today) first = first.plus({ weeks: 1 });
  if (words.until && words.until < first.toISODate()!)
    return { ok: false, problem: 'series_end_before_start' };
  const dates: string[] = [];
  const skipped: string[] = [];
  for (let d = first; ; d = d.plus({ weeks: words.every })) {
    const iso = d.toISODate()!;
    if (words.until ? iso > words.until : dates.length >= (words.count ?? 0)) break;
    if (isPublicHoliday(iso)) skipped.push(iso);
    else dates.push(iso);
    if (dates.length > MAX_SESSIONS) return { ok: false, problem: 'series_too_long' };
  }
  if (dates.length === 0) return { ok: false, problem: 'series_end_before_start' };
  return {
    ok: true,
    plan: { every: words.every, first: dates[0]!, until: dates.at(-1)!, dates, skipped },
  };
}
