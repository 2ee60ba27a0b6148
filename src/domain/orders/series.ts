import { DateTime } from 'luxon';
import { ZONE } from '../shared/helsinki';
import { planSeries, type SeriesPlan, type SeriesProblem } from './parse-series';

/** The order card's series inputs as they arrive: every 1 or 2 weeks, until the last date. */
export interface SeriesForm {
  seriesEvery?: string;
  seriesUntil?: string;
}

/** A repeating task: one order per session under one series number (SPEC §3). */
export interface Series {
  seriesId: string; // S-YYYY-NNNN
  ordererId: string;
  ordererEmail: string;
  unitId: string;
  every: 1 | 2;
  /** The sessions in date order, each its own order. */
  sessions: Array<{ orderId: string; date: string }>;
  /** Finnish public holidays the series skips. */
  skipped: string[];
  createdAt: string;
  cancelledAt?: string;
  cancelledBy?: string;
}

export const SERIES_NUMBER = /\bS-(\d{4})-(\d{4,6})\b/i;

export function formatSeriesNumber(year: number, n: number): string {
  return `S-${year}-${String(n).padStart(4, '0')}`;
}

/** True when the card carries a series (every one or two weeks). */
export function isSeriesForm(form: SeriesForm): boolean {
  return form.seriesEvery === '1' || form.seriesEvery === '2';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The sessions of the series on a submitted card: the card's date is the first session and gives
 * the weekday; the series runs every one or two weeks until `seriesUntil`, skipping public holidays.
 */
export function planFromForm(
  date: string,
  form: SeriesForm,
  today: string,
): { ok: true; plan: SeriesPlan } | { ok: false; problem: SeriesProblem } {
  const every = form.seriesEvery === '2' ? 2 : 1;
  const until = form.seriesUntil?.trim();
  if (!until || !DATE.test(until) || !DateTime.fromISO(until, { zone: ZONE }).isValid)
    return { ok: false, problem: 'series_no_end' };
  const weekday = DateTime.fromISO(date, { zone: ZONE }).weekday;
  return planSeries({ every, weekday, start: date, until }, today);
}

/** The sessions of a series that have not yet begun on `today` (YYYY-MM-DD): what cancelling it stops. */
export function futureSessions(series: Series, today: string): string[] {
  return series.sessions.filter((s) => s.date > today).map((s) => s.orderId);
}
