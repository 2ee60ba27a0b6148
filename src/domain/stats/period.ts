import { DateTime } from 'luxon';
import { parsePeriod } from '../fees/period';
import { ZONE } from '../shared/helsinki';

/** A `/stats` period: the months it covers, and how it was asked for (for the card's title). */
export type StatsPeriod =
  | { kind: 'year'; year: number; months: string[] }
  | { kind: 'month'; months: string[] }
  | { kind: 'quarter'; quarter: number; year: number; months: string[] }
  | { kind: 'days'; days: number; months: string[] };

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['tammikuu', 'januari', 'january', 'jan'],
  ['helmikuu', 'februari', 'february', 'feb'],
  ['maaliskuu', 'mars', 'march', 'mar'],
  ['huhtikuu', 'april', 'apr'],
  ['toukokuu', 'maj', 'may'],
  ['kesäkuu', 'juni', 'june', 'jun'],
  ['heinäkuu', 'juli', 'july', 'jul'],
  ['elokuu', 'augusti', 'august', 'aug'],
  ['syyskuu', 'september', 'sep', 'sept'],
  ['lokakuu', 'oktober', 'october', 'oct', 'okt'],
  ['marraskuu', 'november', 'nov'],
  ['joulukuu', 'december', 'dec'],
];
const THIS_YEAR = ['tämä vuosi', 'tänä vuonna', 'i år', 'detta år', 'this year'];
const LAST_YEAR = ['viime vuosi', 'viime vuonna', 'förra året', 'i fjol', 'last year'];
/** "last 90 days", "viime 90 päivää", "viimeiset 90 päivää", "senaste 90 dagarna". */
const LAST_DAYS =
  /^(?:last|past|viime|viimeiset|viimeisen|edelliset|senaste|de senaste)\s+(\d{1,4})\s+(?:days?|päivää|päivän|pv|dagarna|dagar|d)$/;
const QUARTER = /^(?:q([1-4])(?:\s*[/-]?\s*(\d{4}))?|(\d{4})\s*[/-]?\s*q([1-4]))$/;
const MAX_DAYS = 3660;

const monthKey = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const monthsBetween = (from: DateTime, to: DateTime): string[] => {
  const out: string[] = [];
  for (let d = from.startOf('month'); d <= to; d = d.plus({ months: 1 }))
    out.push(d.toFormat('yyyy-MM'));
  return out;
};
const wholeYear = (year: number): StatsPeriod => ({
  kind: 'year',
  year,
  months: Array.from({ length: 12 }, (_, i) => monthKey(year, i + 1)),
});

/**
 * The period of `/stats` as written in Finnish, Swedish or English: nothing (this year), `2026`,
 * `2026-11`, `11/2026`, `marraskuu 2026` / `november 2026`, `Q3` (this year) or `Q3 2026`,
 * `last 90 days` / `viime 90 päivää` / `senaste 90 dagarna` (the months those days touch: the
 * figures are kept per month), `this year`, `last year`. Undefined when it is none of these.
 */
export function parseStatsPeriod(text: string, now: Date): StatsPeriod | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const today = DateTime.fromJSDate(now, { zone: ZONE });
  if (!t || THIS_YEAR.includes(t)) return wholeYear(today.year);
  if (LAST_YEAR.includes(t)) return wholeYear(today.year - 1);
  const days = LAST_DAYS.exec(t);
  if (days) {
    const n = Number(days[1]);
    if (n < 1 || n > MAX_DAYS) return undefined;
    return { kind: 'days', days: n, months: monthsBetween(today.minus({ days: n - 1 }), today) };
  }
  const q = QUARTER.exec(t);
  if (q) {
    const quarter = Number(q[1] ?? q[4]);
    const year = Number(q[2] ?? q[3] ?? today.year);
    const months = [1, 2, 3].map((i) => monthKey(year, (quarter - 1) * 3 + i));
    return { kind: 'quarter', quarter, year, months };
  }
  const named = /^([a-zåäö]+)\.?(?:\s+(\d{4}))?$/.exec(t);
  if (named) {
    const index = MONTH_NAMES.findIndex((names) => names.includes(named[1]!));
    if (index < 0) return undefined;
    return { kind: 'month', months: [monthKey(Number(named[2] ?? today.year), index + 1)] };
  }
  if (/^\d{4}$/.test(t)) {
    const year = Number(t);
    return year >= 2000 && year <= 2099 ? wholeYear(year) : undefined;
  }
  const months = parsePeriod(t, now);
  return months?.length === 1 ? { kind: 'month', months } : undefined;
}
