import { DateTime } from 'luxon';
import type { Claim } from '../fees/claim';
import type { Order } from '../orders/order';
import { ZONE } from '../shared/helsinki';

/** How long things are kept (SPEC §13). */
export const RETENTION = {
  draftDays: 30,
  orderYears: 2,
  claimYears: 6,
  removedPersonDays: 90,
} as const;

/** The daily run starts at this Helsinki hour, when nobody is working. */
const RUN_HOUR = 3;

/** The next daily run after `now`: 03:00 Helsinki time. */
export function nextRetentionRun(now: Date): Date {
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  let run = local.startOf('day').set({ hour: RUN_HOUR });
  if (run <= local) run = run.plus({ days: 1 });
  return run.toJSDate();
}

/** The Helsinki month (YYYY-MM) of an instant. */
export const monthOf = (at: Date): string =>
  DateTime.fromJSDate(at, { zone: ZONE }).toFormat('yyyy-MM');

export const nextMonth = (month: string): string =>
  DateTime.fromISO(`${month}-01`, { zone: ZONE }).plus({ months: 1 }).toFormat('yyyy-MM');

/** The day (YYYY-MM-DD) from which an order's rows may go: 2 years after its task. */
export function orderExpiresOn(order: Pick<Order, 'date'>): string {
  return DateTime.fromISO(order.date, { zone: ZONE })
    .plus({ years: RETENTION.orderYears })
    .toISODate()!;
}

/** The instant from which a claim may go: 6 years after it was paid; a claim never paid has none. */
export function claimExpiresAt(claim: Claim): Date | undefined {
  const paid = claim.history.filter((h) => h.action === 'paid').at(-1);
  if (claim.status !== 'paid' || !paid) return undefined;
  return DateTime.fromISO(paid.at).plus({ years: RETENTION.claimYears }).toJSDate();
}

/**
 * A claim that keeps its order: one still open (it may yet be paid), or paid less than 6 years
 * ago. A cancelled claim keeps nothing: it goes with its order.
 */
export function keepsOrder(claim: Claim, now: Date): boolean {
  if (claim.status === 'cancelled') return false;
  const expires = claimExpiresAt(claim);
  return expires === undefined || expires > now;
}

/** The months whose paid claims are all 6 years old at `now`, after `doneThrough`. */
export function paidMonthsDue(doneThrough: string, now: Date): string[] {
  const months: string[] = [];
  for (let m = nextMonth(doneThrough); ; m = nextMonth(m)) {
    const end = DateTime.fromISO(`${m}-01`, { zone: ZONE }).plus({ months: 1 });
    if (end.plus({ years: RETENTION.claimYears }).toJSDate() > now) return months;
    months.push(m);
  }
}

/** The months from `from` through the month of `now`. */
export function monthsThrough(from: string, now: Date): string[] {
  const last = monthOf(now);
  const months: string[] = [];
  for (let m = from; m <= last; m = nextMonth(m)) months.push(m);
  return months;
}

/** The time from which a removed person's data goes: 90 days after the last of their items closed. */
export function removedPersonExpiresAt(lastClosed: Date): Date {
  return new Date(lastClosed.getTime() + RETENTION.removedPersonDays * 24 * 3600_000);
}
