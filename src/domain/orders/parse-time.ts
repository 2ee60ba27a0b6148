import type { Language } from '../shared/vocabulary';
import { NUMBER_WORD_PATTERN, numberValue } from './numbers';
import { mask, type Span } from './text';

export interface TimeReading {
  start?: string;
  end?: string;
  durationMinutes?: number;
  spans: Span[];
}

const L0 = '(?<![\\p{L}\\d])';
const L1 = '(?![\\p{L}\\d])';
const MERIDIEM = '(am|pm|a\\.m\\.|p\\.m\\.)';
const CLOCK = `(\\d{1,2})(?:[:.](\\d{2}))?\\s*${MERIDIEM}?`;
const PREFIX = '(klo|kl|kello|at|@|from|fr[åa]n|between|mellan|alkaen|starting at)';
const SEPARATOR = '(?:-|to|till|until|and|och)';

const RANGE = new RegExp(
  `(?<![\\d.:/])(?:${PREFIX}\\.?:?\\s*)?${CLOCK}\\s*${SEPARATOR}\\s*(?:klo\\s*|kl\\.?\\s*)?${CLOCK}(?![\\d:]|[.,]\\d)`,
  'gu',
);
const SINGLE_PREFIXED = new RegExp(`${L0}${PREFIX}\\.?:?\\s*${CLOCK}(?![\\d:]|[.,]\\d)`, 'gu');
const SINGLE_BARE = new RegExp(
  `(?<![\\d.:/])(\\d{1,2})(?:([:.])(\\d{2}))?\\s*${MERIDIEM}?(?![\\d:]|[.,]\\d)`,
  'gu',
);

// After a bare "1-2" these words make it a count or an amount, not a clock range.
const NOT_A_TIME_AFTER = new RegExp(
  `^\\s*(?:\\p{L}+\\s+){0,2}?(?:kokemus\\p{L}*|asiantunt\\p{L}*|henkil\\p{L}*|hlö\\p{L}*|hl[oö]|osallistuj\\p{L}*|kuulij\\p{L}*|opiskelij\\p{L}*|kert\\p{L}*|tunti\\p{L}*|tunni\\p{L}*|min\\p{L}*|h|hrs?|hours?|timm\\p{L}*|erfarenhets\\p{L}*|expert\\p{L}*|person\\p{L}*|deltagare|people|persons?|participants?|students?|times|gånger|viikko\\p{L}*|weeks?|veckor|päivä\\p{L}*|days?|dagar|%|€|e|euro\\p{L}*|vuo\\p{L}*|years?|år|kpl)${L1}`,
  'u',
);

const HOURS_UNIT =
  '(?:tuntia|tunnin|tunti|tuntiin|tunniksi|timmar|timmars|timme|timmes|hours?|hrs?|h)';
const MINUTES_UNIT =
  '(?:minuuttia|minuutin|minuutiksi|minuutit|min|mins|minuter|minuters|minutes?)';
const AMOUNT = `(\\d+(?:[.,]\\d+)?|${NUMBER_WORD_PATTERN}|an?|one|en|ett)`;
const HOURS = new RegExp(
  `${L0}${AMOUNT}(?:\\s*-\\s*(\\d+(?:[.,]\\d+)?))?\\s*-?\\s*${HOURS_UNIT}${L1}`,
  'gu',
);
const MINUTES = new RegExp(`${L0}(\\d+)\\s*-?\\s*${MINUTES_UNIT}${L1}`, 'gu');
const WORD_DURATIONS: ReadonlyArray<[RegExp, number]> = [
  [
    new RegExp(
      `${L0}(?:puolitoista|puolentoista)\\s+tunt\\p{L}*|${L0}one and a half hours?|${L0}an hour and a half|${L0}en och en halv timme|${L0}one and half hours?`,
      'gu',
    ),
    90,
  ],
  [
    new RegExp(
      `${L0}puoli\\s+tuntia|${L0}puolen\\s+tunnin|${L0}half an hour|${L0}(?:en\\s+)?halvtimme|${L0}en halv timme`,
      'gu',
    ),
    30,
  ],
  [
    new RegExp(
      `${L0}(?:parin|pari)\\s+tun\\p{L}*|${L0}a couple of hours|${L0}ett par timmar`,
      'gu',
    ),
    120,
  ],
  [
    new RegExp(
      `${L0}tunnin${L1}|${L0}tunti${L1}|${L0}(?:an|one)\\s*-?\\s*hour${L1}|${L0}en\\s+timme${L1}`,
      'gu',
    ),
    60,
  ],
];

export interface DurationReading {
  durationMinutes?: number;
  spans: Span[];
}

/** Reads a duration ("2 tuntia", "90 min", "1,5 h", "an hour"); read before dates, as "1.5 h" looks like one. */
export function parseDuration(folded: string): DurationReading {
  const spans: Span[] = [];
  const durationMinutes = readDuration(folded, spans);
  return durationMinutes === undefined ? { spans } : { durationMinutes, spans };
}

/** Reads start and end from folded text whose dates and durations are blanked out. */
export function parseTime(
  folded: string,
  lang: Language,
  duration: number | undefined,
): TimeReading {
  const spans: Span[] = [];
  let text = folded;

  let start: number | undefined;
  let end: number | undefined;
  for (const m of text.matchAll(RANGE)) {
    const [whole, prefix, h1, m1, mer1, h2, m2, mer2] = m;
    const index = m.index ?? 0;
    const anchored =
      Boolean(prefix) || Boolean(m1) || Boolean(m2) || Boolean(mer1) || Boolean(mer2);
    const after = text.slice(index + whole.length, index + whole.length + 40);
    if (!prefix && NOT_A_TIME_AFTER.test(after)) continue;
    if (!anchored && /\s(?:and|och)\s/u.test(whole)) continue;
    const range = toRange(
      Number(h1),
      Number(m1 ?? 0),
      mer1,
      Number(h2),
      Number(m2 ?? 0),
      mer2,
      lang,
    );
    if (!range) continue;
    [start, end] = range;
    spans.push({ start: index, end: index + whole.length });
    break;
  }
  text = mask(text, spans);
  if (start === undefined) {
    for (const m of text.matchAll(SINGLE_PREFIXED)) {
      const [whole, prefix = '', h, min, mer] = m;
      const t = toMinutes(Number(h), Number(min ?? 0), mer, lang, !mer && prefix === 'at');
      if (t === undefined) continue;
      start = t;
      spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + whole.length });
      break;
    }
  }
  if (start === undefined) {
    for (const m of text.matchAll(SINGLE_BARE)) {
      const [whole, h, sep, min, mer] = m;
      // A bare number is a time only as 14:00, 9.30 or 2pm.
      if (!mer && sep !== ':' && !(sep === '.' && min)) continue;
      const t = toMinutes(Number(h), Number(min ?? 0), mer, lang, false);
      if (t === undefined) continue;
      start = t;
      spans.push({ start: m.index ?? 0, end: (m.index ?? 0) + whole.length });
      break;
    }
  }

  const reading: TimeReading = { spans };
  if (start !== undefined) reading.start = hhmm(start);
  if (start !== undefined && end !== undefined) {
    reading.end = hhmm(end);
    reading.durationMinutes = end - start;
  } else if (duration !== undefined) {
    reading.durationMinutes = duration;
    if (start !== undefined && start + duration < 24 * 60) reading.end = hhmm(start + duration);
  }
  return reading;
}

function readDuration(text: string, spans: Span[]): number | undefined {
  let total: number | undefined;
  let lastEnd = -1;
  const add = (minutes: number, index: number, length: number): void => {
    // "1 h 30 min" adds up; a second, separate duration does not.
    if (total !== undefined && index - lastEnd > 3) return;
    total = (total ?? 0) + minutes;
    lastEnd = index + length;
    spans.push({ start: index, end: index + length });
  };
  const found: Array<[number, number, number]> = [];
  for (const m of text.matchAll(HOURS)) {
    const amount = parseAmount(m[2] ?? m[1] ?? '');
    if (amount === undefined || amount <= 0 || amount > 12) continue;
    found.push([m.index ?? 0, m[0].length, Math.round(amount * 60)]);
  }
  for (const m of text.matchAll(MINUTES)) {
    const amount = Number(m[1]);
    if (amount > 0 && amount <= 600) found.push([m.index ?? 0, m[0].length, amount]);
  }
  for (const [re, minutes] of WORD_DURATIONS) {
    for (const m of text.matchAll(re)) {
      const index = m.index ?? 0;
      if (found.some(([i, len]) => index < i + len && i < index + m[0].length)) continue;
      found.push([index, m[0].length, minutes]);
    }
  }
  found.sort((a, b) => a[0] - b[0]);
  for (const [index, length, minutes] of found) add(minutes, index, length);
  return total;
}

function parseAmount(token: string): number | undefined {
  if (/^\d/.test(token)) return Number(token.replace(',', '.'));
  if (['a', 'an', 'one', 'en', 'ett'].includes(token)) return 1;
  return numberValue(token);
}

function toRange(
  h1: number,
  m1: number,
  mer1: string | undefined,
  h2: number,
  m2: number,
  mer2: string | undefined,
  lang: Language,
): [number, number] | undefined {
  let first = mer1;
  // "1-3 pm": the first takes the second's pm unless that would put it after the end.
  if (!first && mer2 && isPm(mer2) && h1 !== 12) first = h1 <= h2 || h2 === 12 ? 'pm' : 'am';
  if (!first && mer2 && !isPm(mer2)) first = 'am';
  let a = toMinutes(h1, m1, first, lang, !mer1 && !mer2);
  let b = toMinutes(h2, m2, mer2 ?? (mer1 && h2 > h1 ? mer1 : undefined), lang, !mer1 && !mer2);
  if (a === undefined || b === undefined) return undefined;
  // "9 to 3", "11-1": the end is in the afternoon.
  if (b <= a && b + 12 * 60 > a && b < 13 * 60) b += 12 * 60;
  if (b <= a || b - a > 14 * 60) return undefined;
  if (a < 5 * 60 && !mer1 && !mer2 && lang === 'en') a += 12 * 60;
  if (b > 24 * 60) return undefined;
  return [a, b];
}

function toMinutes(
  h: number,
  m: number,
  meridiem: string | undefined,
  lang: Language,
  guessPm: boolean,
): number | undefined {
  if (m > 59) return undefined;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    const base = h % 12;
    return (isPm(meridiem) ? base + 12 : base) * 60 + m;
  }
  if (h > 24) return undefined;
  // In English "at 3" at work means 15:00.
  if (guessPm && lang === 'en' && h >= 1 && h <= 6) return (h + 12) * 60 + m;
  return h * 60 + m;
}

function isPm(meridiem: string): boolean {
  return meridiem.startsWith('p');
}

function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
