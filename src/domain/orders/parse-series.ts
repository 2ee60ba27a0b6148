import { DateTime } from 'luxon';
import { isPublicHoliday } from '../shared/working-days';
import type { Language } from '../shared/vocabulary';
import { NUMBER_WORD_PATTERN, numberValue } from './numbers';
import {
  FI_MONTH_STEMS,
  parseDate,
  SV_EN_MONTHS,
  WEEKDAY_ABBREVIATIONS,
  WEEKDAY_STEMS,
  ZONE,
} from './parse-date';
import { mask, type Span } from './text';

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
  /** "parittomilla viikoilla", "odd weeks": only in weeks of this ISO week number parity. */
  parity?: 'odd' | 'even';
}

/** What a text says, when the weekday is left to the order's date ("ti 1.12. ja sen jälkeen joka viikko"). */
export type SeriesReadingWords = Omit<SeriesWords, 'weekday'> & { weekday?: number };

export type SeriesReading =
  | { kind: 'none' }
  | { kind: 'problem'; problem: SeriesProblem; spans: Span[] }
  | { kind: 'series'; words: SeriesReadingWords; spans: Span[] };

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
const alt = (list: readonly string[]): string =>
  [...list].sort((a, b) => b.length - a.length).join('|');

// ---- The words, in one place: weekdays and months come from parse-date. ----

/** Weekday stem → its ISO weekday and the language it is in (0 fi, 1 sv, 2 en). */
const STEM_OF = new Map(
  WEEKDAY_STEMS.flatMap((stems, i) =>
    stems.map((s, lang) => [s, { weekday: i + 1, lang }] as const),
  ),
);
const WEEKDAY = new RegExp(
  `${L0}(${alt([...STEM_OF.keys()])})(\\p{L}*(?:-\\p{L}+)?)(\\s+(?:mornings|afternoons|evenings|nights))?`,
  'gu',
);
/** Habitual forms per language: "tiistaisin", "tiistai-iltaisin"; "tisdagar(na)"; "tuesdays". */
const HABITUAL: ReadonlyArray<RegExp> = [/sin$/u, /ar(?:na)?$/u, /^s$/u];
const ABBREVIATION_OF = (lang: Language): Map<string, number> =>
  new Map(WEEKDAY_ABBREVIATIONS[lang].flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

/**
 * Words that make the weekday after them repeat, with the words each language lets stand between:
 * "joka (toinen) tiistai", "varannan torsdag", "every (other) week on Tuesday", "weekly, Mondays".
 */
const EVERY = [
  '(?:joka|jokainen|jokaisena)(?:\\s+(?:toinen|toisen|toisena|2\\.|viikko|viikon))*',
  '(?:varje|var|varannan|vartannan)(?:\\s+(?:annan|andra|vecka|veckan|på))*',
  '(?:every|each|weekly|fortnightly|biweekly|bi-weekly)(?:[\\s,]+(?:other|second|2nd|week|two\\s+weeks|2\\s+weeks|on|the))*',
  'viikoittain|viikottain|veckovis',
];
const EVERY_BEFORE = new RegExp(`${L0}(?:${EVERY.join('|')})[\\s,]*$`, 'u');
/** "joka tiistaina 8.12. voisi tulla": "joka" is "who", unless the date starts or ends a series. */
const RELATIVE_JOKA = /^joka\s*$/u;
const ONE_DATE_AFTER =
  /^\s*\d{1,2}\.\s?\d{1,2}\.?(?:\d{2,4})?(?!\s*(?:-|alkaen|lähtien|asti|saakka|mennessä))/u;

/** "parittomilla viikoilla", "odd weeks", "udda veckor": the ISO week number's parity. */
const ODD_WEEKS =
  'parittom\\p{L}*\\s+viiko\\p{L}*|odd(?:-numbered)?\\s+weeks?|udda\\s+veckor\\p{L}*';
const EVEN_WEEKS =
  'parillis\\p{L}*\\s+viiko\\p{L}*|even(?:-numbered)?\\s+weeks?|jämna\\s+veckor\\p{L}*';
/** Every week, said without a weekday: "joka viikko", "weekly", "varje vecka". */
const WEEKLY = [
  'joka\\s+viikko',
  'joka\\s+viikon',
  'jokainen\\s+viikko',
  'viikoittain',
  'viikottain',
  'kerran\\s+viikossa',
  'varje\\s+vecka',
  'en\\s+gång\\s+(?:i|per)\\s+veckan?',
  'veckovis',
  'weekly',
  'every\\s+week',
  'each\\s+week',
  'once\\s+a\\s+week',
];
/** Every other week, said without a weekday: "kahden viikon välein", "fortnightly", "varannan vecka". */
const FORTNIGHTLY = [
  'joka\\s+(?:toinen|2\\.)\\s*viikko',
  'joka\\s+toisen\\s+viikon',
  'joka\\s+toisella\\s+viikolla',
  '(?:kahden|2)\\s+viikon\\s+välein',
  'varannan\\s+viikon',
  'varannan\\s+vecka',
  'var\\s+annan\\s+vecka',
  'var\\s+(?:fjortonde|14:e)\\s+dag',
  'every\\s+(?:other|second|2nd)\\s+week',
  'every\\s+(?:2|two)\\s+weeks',
  'every\\s+fortnight',
  'fortnightly',
  'bi-?weekly',
  ODD_WEEKS,
  EVEN_WEEKS,
];
/** Every other week, said before a weekday: "joka toinen tiistai", "varannan torsdag", "every other Thursday". */
const OTHER_BEFORE_WEEKDAY = [
  'joka\\s+toi\\p{L}*',
  'joka\\s+2\\.',
  'varannan',
  'vartannan',
  'var\\s+annan',
  'varje\\s+(?:annan|andra)',
  'every\\s+(?:other|second|2nd)',
];
const EVERY_OTHER = new RegExp(
  `${L0}(?:${[...FORTNIGHTLY, ...OTHER_BEFORE_WEEKDAY].join('|')})${L1}`,
  'u',
);
const PARITY: ReadonlyArray<readonly ['odd' | 'even', RegExp]> = [
  ['odd', new RegExp(`${L0}(?:${ODD_WEEKS})`, 'u')],
  ['even', new RegExp(`${L0}(?:${EVEN_WEEKS})`, 'u')],
];
/** A weekly or fortnightly rhythm without a weekday: the first date's weekday is meant. */
const WEEK_WORD = new RegExp(`${L0}(?:${[...WEEKLY, ...FORTNIGHTLY].join('|')})${L1}`, 'gu');
/** A repeat this parser cannot make a plan of, whatever else the text says (monthly, every third week). */
const UNCLEAR = new RegExp(
  `${L0}(?:${[
    'kuukausittain',
    'kerran\\s+(?:kuussa|kuukaudessa)',
    'joka\\s+kuu(?:n|kausi|kauden)',
    'jokaisen\\s+kuun',
    'monthly',
    'every\\s+(?:other\\s+)?month',
    'each\\s+month',
    'once\\s+a\\s+month',
    'varje\\s+månad',
    'varannan\\s+månad',
    'en\\s+gång\\s+(?:i|per)\\s+månad(?:en)?',
    'månatligen',
    'månadsvis',
    'joka\\s+kolma\\p{L}*',
    'every\\s+third',
    'var\\s+tredje',
    'varje\\s+tredje',
  ].join('|')})${L1}`,
  'u',
);
/** "kahdesti viikossa", "2 kertaa kuussa", "twice a month": a rate other than once a week is unclear. */
const RATE = new RegExp(
  `${L0}(\\d{1,2}|${NUMBER_WORD_PATTERN}|kahdesti|kolmesti|twice|thrice|once)\\s*(?:x|kertaa|kerran|krt|gånger|ggr|times)?\\s*` +
    `(?:(viikossa|i\\s+veckan|per\\s+vecka|a\\s+week|per\\s+week|weekly|\\/\\s*(?:vko|vk|viikko|v|vecka|week|wk))|` +
    `kuussa|kuukaudessa|i\\s+månaden|per\\s+månad|a\\s+month|per\\s+month|monthly|\\/\\s*(?:kk|kuukausi|kuu|mån|månad|month|mo))${L1}`,
  'u',
);
const RATE_VALUE: Record<string, number> = {
  kahdesti: 2,
  kolmesti: 3,
  twice: 2,
  thrice: 3,
  once: 1,
};
/** An exception the card cannot show: the parser would have to guess which sessions are dropped. */
const EXCEPT = new RegExp(
  `(?:${L0}(?:paitsi|lukuun\\s+ottamatta|poikkeuksena|ei\\s+kuitenkaan|ei\\s+pidetä|except|excluding|apart\\s+from|but\\s+not|no\\s+sessions?|utom|förutom|undantaget|dock\\s+inte)|` +
    `\\(\\s*(?:ei|not|inte|ej)|${L0}(?:ei|not(?:\\s+on)?|inte|ej)\\s+(?:den\\s+)?\\d{1,2}[./])${L1}`,
  'u',
);
/** Daily repeats: unclear only beside a repeating weekday ("every day" alone may describe the ward). */
const DAILY = new RegExp(
  `${L0}(?:joka\\s+päivä|päivittäin|every\\s+(?:week)?day|daily|varje\\s+dag|dagligen|arkisin|on\\s+weekdays|vardagar)${L1}`,
  'u',
);
/** Between two weekdays, these make a list or a range: "ti ja to", "Tuesday and Thursday", "ma–pe". */
const WEEKDAY_JOIN = /^\s*(?:,|&|\/|-|ja|sekä|tai|och|samt|eller|and|or|to|till)?\s*$/u;
/** After "weekly" or "monthly", a noun makes it an adjective ("our weekly staff meeting"). */
const NOT_AN_ADJECTIVE_AFTER = new RegExp(
  `^\\s*(?:$|[,.;:!?()-]|\\d|(?:on|until|till|from|for|at|starting|through|in|during|between|sessions?|times|and|or|every|${alt([...STEM_OF.keys()])})\\p{L}*)`,
  'u',
);

const FI_MONTH = `(${FI_MONTH_STEMS.join('|')})kuu(?:n|ta)?`;
const MONTH_NAMES = alt([...SV_EN_MONTHS.keys()]);
const NAMED_MONTH = `(${MONTH_NAMES})`;
const ANY_MONTH = `(?:${MONTH_NAMES})`;

/**
 * A written date: 26.5., 26.5.2027, 2027-05-26, 26 May, May 26, 26. toukokuuta, 26 maj, and the
 * bare 26.5 / 14.1 where it cannot be a clock time (a one-digit month, or a day after 24).
 */
const DATE = `(?:\\d{1,2}\\.\\s?\\d{1,2}\\.(?:\\d{4}|\\d{2})?|20\\d\\d-\\d\\d-\\d\\d|\\d{1,2}\\.[1-9](?![\\d.:])|(?:2[5-9]|3[01])\\.1[0-2](?![\\d.:])|\\d{1,2}(?:\\.|st|nd|rd|th|:e)?\\s*(?:of\\s+)?(?:${FI_MONTH_STEMS.join('|')})kuuta(?:\\s+20\\d\\d)?|\\d{1,2}(?:\\.|st|nd|rd|th|:e)?\\s*(?:of\\s+)?${ANY_MONTH}${L1}(?:\\s*,?\\s*20\\d\\d)?|${ANY_MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?${L1}(?:\\s*,?\\s*20\\d\\d)?)`;
const ANY_DATE = new RegExp(`(?<![\\d.])${DATE}`, 'u');

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
/** The end of a year: "vuoden loppuun", "vuoden 2027 loppuun", "till slutet av året", "until the end of the year". */
const YEAR_END = new RegExp(
  `${L0}(?:(?:tämän\\s+|kuluvan\\s+)?vuoden\\s+(?:(20\\d\\d)\\s+)?loppuun(?:\\s+asti|\\s+saakka)?|vuoden\\s+(20\\d\\d)\\s+loppuun|vuodenvaihteeseen|` +
    `(?:till|fram\\s+till)\\s+(?:årets\\s+slut|slutet\\s+av\\s+(?:året|(20\\d\\d)))|året\\s+ut|` +
    `(?:until|till|to|through)\\s+(?:the\\s+)?end\\s+of\\s+(?:the\\s+year|this\\s+year|(20\\d\\d))|until\\s+year[\\s-]end)${L1}`,
  'u',
);
const UNTIL_DATE: ReadonlyArray<RegExp> = [
  new RegExp(`(${DATE})\\s*(?:asti|saakka|mennessä|loppuun|päättyen)${L1}`, 'u'),
  new RegExp(
    `${L0}(?:till\\s+och\\s+med|t\\.o\\.m\\.?|tom|fram\\s+till|intill|till|until|through|thru|up\\s+to|to|ending|ending\\s+on|viimei\\p{L}*(?:\\s+kerta)?|last\\s+session(?:\\s+on)?|sista\\s+gången)\\s+(?:the\\s+)?(${DATE})`,
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
/** After a month's name: "January 12" is a date, "January 2-3pm" a month and a time. */
const NO_DAY_AFTER = `(?!\\s*\\d{1,2}(?:st|nd|rd|th)?(?![\\d:.]|\\s*-|\\s*(?:am|pm)))`;
/** "alkaen ensi viikolla", "starting next week", "från nästa vecka": from next week's Monday. */
const NEXT_WEEK_START = new RegExp(
  `${L0}(?:(?:alkaen|lähtien)\\s+ensi\\s+viiko\\p{L}*|ensi\\s+viiko(?:sta|lla)\\s+(?:alkaen|lähtien)|` +
    `(?:starting|from|beginning)\\s+next\\s+week|(?:från(?:\\s+och\\s+med)?|med\\s+start)\\s+nästa\\s+vecka)${L1}`,
  'u',
);
/** Months from one to another: "helmi-maaliskuun ajan", "tammi–toukokuussa", "February–March", "jan-mar". */
const MONTH_RANGE: ReadonlyArray<RegExp> = [
  new RegExp(
    `${L0}(${FI_MONTH_STEMS.join('|')})(?:kuu(?:sta)?)?\\s*-\\s*(${FI_MONTH_STEMS.join('|')})kuu(?:n\\s+(?:ajan|aikana|loppuun)|ssa|hun(?:\\s+(?:asti|saakka))?)${L1}`,
    'u',
  ),
  new RegExp(
    `${L0}(?:from\\s+|från\\s+)?${NAMED_MONTH}\\s*(?:-|to|till|through|until)\\s*${NAMED_MONTH}${L1}${NO_DAY_AFTER}`,
    'u',
  ),
];
/** A whole month: "tammikuussa", "tammikuun ajan", "in January", "i januari" (from its start to its end). */
const MONTH_WHOLE: ReadonlyArray<RegExp> = [
  new RegExp(`${L0}(${FI_MONTH_STEMS.join('|')})kuu(?:ssa|n\\s+ajan)${L1}`, 'u'),
  new RegExp(
    `${L0}(?:in|during|throughout|i|under)\\s+(?:the\\s+month\\s+of\\s+)?${NAMED_MONTH}${L1}` +
      NO_DAY_AFTER,
    'u',
  ),
];
/** The start of a month: "tammikuusta alkaen", "tammikuun alusta", "from January", "från januari". */
const MONTH_START: ReadonlyArray<RegExp> = [
  new RegExp(
    `${L0}(${FI_MONTH_STEMS.join('|')})kuu(?:sta\\s+(?:alkaen|lähtien|lukien)|n\\s+alusta(?:\\s+(?:alkaen|lähtien))?)${L1}`,
    'u',
  ),
  new RegExp(
    `${L0}(?:from|starting(?:\\s+in)?|beginning(?:\\s+in)?|från\\s+och\\s+med|fr\\.o\\.m\\.?|från|med\\s+start\\s+i)\\s+${NAMED_MONTH}${L1}(?!\\s*\\d)`,
    'u',
  ),
];
const COUNT = new RegExp(
  `${L0}(\\d{1,3}|${NUMBER_WORD_PATTERN})\\s*(\\p{L}*kertaa|krt|kerta|kerran|tapaamista|käyntiä|gånger|ggr|tillfällen|träffar|sessions|times|meetings|occasions|visits|viikkoa|viikon\\s+ajan|veckor|weeks)${L1}` +
    `(?!\\s+(?:viikossa|kuussa|kuukaudessa|päivässä|i\\s+veckan|i\\s+månaden|om\\s+dagen|per|a\\s+week|a\\s+month|a\\s+day)${L1}|\\s*\\/)`,
  'u',
);

/**
 * Reads a repeating task from folded text ("joka tiistai toukokuun loppuun", "every other Thursday
 * until 26 May", "varje tisdag till och med 26.5."): weekly or every other week (or on odd or even
 * weeks), one weekday, an end (a date, the end of a month or year, or a number of sessions). A
 * rhythm it cannot make a plan of (monthly, twice a week, two weekdays) is unclear, never guessed.
 * Pure; the dates come from `planSeries`.
 */
export function parseSeries(folded: string, now: Date, lang: Language): SeriesReading {
  const spans: Span[] = [];
  const at = (m: RegExpMatchArray): Span => ({
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  });

  const mentions = weekdayMentions(folded, lang);
  const repeating = mentions.filter((w) => w.repeats);
  const weekWords = [...folded.matchAll(WEEK_WORD)];
  const unclear = UNCLEAR.exec(folded) ?? unclearRate(folded);
  const hasDate = ANY_DATE.test(folded);
  // "our weekly staff meeting on 3 Dec", "monthly meeting on 3 Dec": a description, not a series.
  const described = (m: RegExpMatchArray): boolean =>
    hasDate && /(?:weekly|monthly|fortnightly)$/u.test(m[0]) && isAdjective(folded, m);
  const rhythm = weekWords.filter((m) => !described(m));
  if (repeating.length === 0 && rhythm.length === 0) {
    return unclear && !described(unclear)
      ? { kind: 'problem', problem: 'series_unclear', spans: [at(unclear)] }
      : none;
  }
  spans.push(...repeating.map((w) => w.span), ...rhythm.map(at));
  const distinct = new Set(repeating.map((w) => w.weekday));
  if (
    unclear ||
    DAILY.test(folded) ||
    EXCEPT.test(folded) ||
    distinct.size > 1 ||
    listsWeekdays(folded, mentions)
  )
    return { kind: 'problem', problem: 'series_unclear', spans };
  const every: 1 | 2 = EVERY_OTHER.test(folded) ? 2 : 1;
  const parity = PARITY.find(([, re]) => re.test(folded))?.[0];

  const resolve = (text: string): string | undefined => parseDate(text, now, lang).date;
  const words: SeriesReadingWords = { every, weekday: repeating[0]?.weekday };
  if (parity) words.parity = parity;
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
  const nextWeek = words.start ? null : NEXT_WEEK_START.exec(folded);
  if (nextWeek) {
    const today = DateTime.fromJSDate(now, { zone: ZONE });
    words.start = today.startOf('week').plus({ weeks: 1 }).toISODate()!;
    spans.push(at(nextWeek));
  }
  for (const re of MONTH_RANGE) {
    const m = words.start || words.until ? null : re.exec(folded);
    if (m) {
      const [from, to] = [m[1] ?? '', m[2] ?? ''].map(monthNumber);
      words.start = monthStart(from ?? 0, now);
      words.until = monthEnd(to ?? 0, words.start, now);
      spans.push(at(m));
    }
  }
  for (const re of MONTH_START) {
    const m = words.start ? null : re.exec(folded);
    if (m) {
      words.start = monthStart(monthOf(m), now);
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
  const yearEnd = words.until ? null : YEAR_END.exec(folded);
  if (yearEnd) {
    const year =
      yearEnd.slice(1).find(Boolean) ?? String(DateTime.fromJSDate(now, { zone: ZONE }).year);
    words.until = `${year}-12-31`;
    spans.push(at(yearEnd));
  }
  for (const re of UNTIL_DATE) {
    const m = words.until ? null : re.exec(folded);
    if (m) {
      words.until = resolve(m[1] ?? '');
      spans.push(at(m));
    }
  }
  // Counted on what is left, so that "every 2 weeks" or a date's digits are no count.
  const count = COUNT.exec(mask(folded, spans));
  const countedWeekdays = repeating.find((w) => w.count)?.count;
  if (countedWeekdays && !words.until) words.count = countedWeekdays;
  else if (count && !words.until) {
    const n = numberValue(count[1] ?? '') ?? 0;
    const weeks = /^(?:viiko|viikon|veckor|week)/u.test(count[2] ?? '');
    words.count = weeks ? Math.ceil(n / every) : n;
    spans.push(at(count));
  }
  // "each Wednesday in January": the month's sessions, or its first ones when they are counted.
  for (const re of MONTH_WHOLE) {
    const m = words.start || words.until ? null : re.exec(folded);
    if (m) {
      words.start = monthStart(monthOf(m), now);
      if (!words.count) words.until = monthEnd(monthOf(m), words.start, now);
      spans.push(at(m));
    }
  }
  return { kind: 'series', words, spans };
}

interface WeekdayMention {
  weekday: number;
  span: Span;
  /** Habitual ("tiistaisin", "tuesdays") or after an every-word ("joka ti", "every Tuesday"). */
  repeats: boolean;
  /** "8 tiistaina", "4 Tuesdays": the number of sessions written before the weekday. */
  count?: number;
}

/** Every weekday the text names, in full or short ("ti", "tis", "tue"), in text order. */
function weekdayMentions(folded: string, lang: Language): WeekdayMention[] {
  const out: WeekdayMention[] = [];
  const everyBefore = (index: number): RegExpExecArray | null =>
    EVERY_BEFORE.exec(folded.slice(Math.max(0, index - 40), index));
  for (const m of folded.matchAll(WEEKDAY)) {
    const found = STEM_OF.get(m[1] ?? '');
    if (!found) continue;
    const index = m.index ?? 0;
    const suffix = m[2] ?? '';
    const habitual =
      (HABITUAL[found.lang]?.test(suffix) ?? false) || (found.lang === 2 && Boolean(m[3]));
    let before = everyBefore(index);
    const after = folded.slice(index + m[0].length);
    if (
      before &&
      RELATIVE_JOKA.test(before[0]) &&
      /na$/u.test(suffix) &&
      ONE_DATE_AFTER.test(after)
    )
      before = null;
    // "8 tiistaina", "4 Tuesdays": a number of sessions on that weekday.
    const counted = COUNTED_BEFORE.exec(folded.slice(Math.max(0, index - 20), index));
    const lead = before?.[0].length ?? counted?.[0].length ?? 0;
    const span = { start: index - lead, end: index + m[0].length };
    const count = counted ? numberValue(counted[1] ?? '') : undefined;
    out.push({
      weekday: found.weekday,
      span,
      repeats: habitual || Boolean(counted) || Boolean(before),
      ...(count ? { count } : {}),
    });
  }
  // "tiistasin", "tistaisin", "torsdgar": a weekday misspelt by one letter, where it repeats.
  for (const m of folded.matchAll(LONG_WORD)) {
    const index = m.index ?? 0;
    if (out.some((w) => index < w.span.end && w.span.start < index + m[0].length)) continue;
    const misspelt = misspeltWeekday(m[0]);
    const before = misspelt && !misspelt.habitual ? everyBefore(index) : null;
    if (!misspelt || (!misspelt.habitual && !before)) continue;
    const span = { start: index - (before?.[0].length ?? 0), end: index + m[0].length };
    out.push({ weekday: misspelt.weekday, span, repeats: true });
  }
  const short = ABBREVIATION_OF(lang);
  const SHORT = new RegExp(`${L0}(${alt([...short.keys()])})\\.?${L1}`, 'gu');
  for (const m of folded.matchAll(SHORT)) {
    const index = m.index ?? 0;
    if (out.some((w) => index >= w.span.start && index < w.span.end)) continue;
    const before = everyBefore(index);
    const span = { start: index - (before?.[0].length ?? 0), end: index + m[0].length };
    out.push({ weekday: short.get(m[1] ?? '') ?? 0, span, repeats: Boolean(before) });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

const COUNTED_BEFORE = new RegExp(
  `(?<!(?:klo|kello|kl|at)\\.?\\s*)${L0}([2-9]|1\\d|2[0-6]|${NUMBER_WORD_PATTERN})\\s+$`,
  'u',
);
const LONG_WORD = /(?<![\p{L}\d])\p{L}{5,}(?![\p{L}\d])/gu;
/** Full weekday names (fi, sv, en) and the habitual endings a misspelt one may carry. */
const FULL_NAMES = WEEKDAY_STEMS.map(([fi, sv, en]) => [
  fi === 'keskiviik' ? 'keskiviikko' : fi,
  sv,
  en,
]);
const HABITUAL_ENDINGS = ['isin', 'sin', 'arna', 'ar', 's'];

function misspeltWeekday(word: string): { weekday: number; habitual: boolean } | undefined {
  const found: Array<{ weekday: number; habitual: boolean }> = [];
  FULL_NAMES.forEach((names, i) => {
    for (const name of names) {
      if (withinOneEdit(word, name)) found.push({ weekday: i + 1, habitual: false });
      for (const ending of HABITUAL_ENDINGS)
        if (word.endsWith(ending) && withinOneEdit(word.slice(0, -ending.length), name))
          found.push({ weekday: i + 1, habitual: true });
    }
  });
  const days = new Set(found.map((f) => f.weekday));
  return days.size === 1 ? (found.find((f) => f.habitual) ?? found[0]) : undefined;
}

/** True when a and b differ by at most one letter left out, added, changed or swapped. */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1 || Math.min(a.length, b.length) < 5) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const rest = (x: string, y: string): boolean => x === y;
  return (
    rest(a.slice(i + 1), b.slice(i + 1)) ||
    rest(a.slice(i + 1), b.slice(i)) ||
    rest(a.slice(i), b.slice(i + 1)) ||
    (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a.slice(i + 2), b.slice(i + 2)))
  );
}

/** Two different weekdays side by side ("ti ja to", "every Tuesday and Thursday", "ma–pe"). */
function listsWeekdays(folded: string, mentions: readonly WeekdayMention[]): boolean {
  return mentions.some((w, i) => {
    const next = mentions[i + 1];
    return (
      next !== undefined &&
      next.weekday !== w.weekday &&
      WEEKDAY_JOIN.test(folded.slice(w.span.end, next.span.start))
    );
  });
}

/** "twice a week", "2 kertaa kuussa": unclear unless it is once a week. */
function unclearRate(folded: string): RegExpExecArray | null {
  const m = RATE.exec(folded);
  if (!m) return null;
  const n = RATE_VALUE[m[1] ?? ''] ?? numberValue(m[1] ?? '');
  return n === 1 && m[2] ? null : m;
}

/** "weekly" before a noun describes the event ("our weekly staff meeting"). */
function isAdjective(folded: string, m: RegExpMatchArray): boolean {
  return !NOT_AN_ADJECTIVE_AFTER.test(folded.slice((m.index ?? 0) + m[0].length));
}

const none: SeriesReading = { kind: 'none' };

function monthOf(m: RegExpExecArray): number {
  const fi = m[0].match(new RegExp(`(${FI_MONTH_STEMS.join('|')})kuu`, 'u'));
  if (fi) return FI_MONTH_STEMS.indexOf(fi[1] ?? '') + 1;
  const name = m.slice(1).find((g) => g && SV_EN_MONTHS.has(g));
  return name ? (SV_EN_MONTHS.get(name) ?? 0) : 0;
}

/** A month's number from a Finnish stem ("helmi") or a Swedish or English name ("feb", "mars"). */
function monthNumber(name: string): number | undefined {
  const fi = FI_MONTH_STEMS.indexOf(name);
  return fi >= 0 ? fi + 1 : SV_EN_MONTHS.get(name);
}

/** The first day of a month, the next time that month has not yet ended. */
function monthStart(month: number, now: Date): string | undefined {
  if (!month) return undefined;
  const today = DateTime.fromJSDate(now, { zone: ZONE }).toISODate()!;
  const end = monthEnd(month, undefined, now);
  return end ? (`${end.slice(0, 8)}01` > today ? `${end.slice(0, 8)}01` : today) : undefined;
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
 * `today`; on odd or even weeks, the first such week), every one or two weeks, until `until` or `count` sessions are held. Finnish public
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
  const parityOf = (d: DateTime): 'odd' | 'even' => (d.weekNumber % 2 === 1 ? 'odd' : 'even');
  if (words.parity && parityOf(first) !== words.parity) first = first.plus({ weeks: 1 });
  if (words.until && words.until < first.toISODate()!)
    return { ok: false, problem: 'series_end_before_start' };
  const dates: string[] = [];
  const skipped: string[] = [];
  for (let d = first; ; d = d.plus({ weeks: words.every })) {
    const iso = d.toISODate()!;
    if (words.until ? iso > words.until : dates.length >= (words.count ?? 0)) break;
    // Odd weeks 49, 51, 53 and then 1: across a 53-week year they are not every other week.
    if (words.parity && parityOf(d) !== words.parity)
      return { ok: false, problem: 'series_unclear' };
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
