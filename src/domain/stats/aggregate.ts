import { DateTime } from 'luxon';
import type { Claim } from '../fees/claim';
import type { FeedbackRole } from '../feedback/feedback';
import type { Order } from '../orders/order';
import { ZONE, helsinkiDate } from '../shared/helsinki';
import { workingDaysBetween } from '../shared/working-days';

/**
 * Running counts (SPEC §6): groups of named counters, e.g. `{ taskType: { lecture: 3 } }`. A
 * stored row holds one month of one unit (`2026-11|U1`), or one unit's claims waiting now
 * (`open|U1`); `/stats` adds up the rows of its period, however many orders lie behind them.
 */
export type Counts = Record<string, Record<string, number>>;

/** What a change adds to (or takes from) each stored row, by row key. */
export type CountDelta = Record<string, Counts>;

/** Working days at which the day histograms stop: 60 and more share one bucket. */
export const DAYS_CAP = 60;

/** The key of a month's row for a unit; `open|unit` for the claims waiting now. */
export const monthRow = (month: string, unitId: string) => `${month}|${unitId}`;
export const openRow = (unitId: string) => `open|${unitId}`;

export const monthOf = (iso: string): string =>
  DateTime.fromISO(iso, { zone: ZONE }).toFormat('yyyy-MM');

const days = (from: string, to: string) =>
  String(Math.min(DAYS_CAP, workingDaysBetween(new Date(from), new Date(to))));

function bump(counts: Counts, group: string, name: string, by = 1): void {
  const g = (counts[group] ??= {});
  g[name] = (g[name] ?? 0) + by;
}

/**
 * What an order counts for in the month it was made: the order, its status, task type and
 * areas; when filled, the working days from the order to its last place taken; the tasks each
 * expert holds (under a pseudonym: the rows hold no e-mail), unless the order was cancelled.
 */
export function orderCounts(order: Order, pseudonym: (email: string) => string): CountDelta {
  const c: Counts = {};
  bump(c, 'total', 'orders');
  bump(c, 'status', order.status);
  bump(c, 'taskType', order.taskType);
  for (const area of order.areas) bump(c, 'area', area);
  if (order.status === 'filled' && order.assigned.length) {
    const last = order.assigned
      .map((a) => a.at)
      .sort()
      .at(-1)!;
    bump(c, 'fillDays', days(order.createdAt, last));
  }
  if (order.status !== 'cancelled')
    for (const a of order.assigned) {
      bump(c, 'total', 'tasks');
      bump(c, 'experts', pseudonym(a.email));
    }
  return { [monthRow(monthOf(order.createdAt), order.unitId)]: c };
}

/** When the claim was paid (the last `paid` entry of its history). */
export function paidAt(claim: Claim): string | undefined {
  return claim.history.filter((h) => h.action === 'paid').at(-1)?.at;
}

/**
 * What a claim counts for: while it waits in the chain, one claim waiting since its holder's
 * day (in its unit's `open` row); once paid, in the month paid, its amount and the working days
 * from the first sending to payment.
 */
export function claimCounts(claim: Claim): CountDelta {
  const paid = claim.status === 'paid' ? paidAt(claim) : undefined;
  if (paid) {
    const c: Counts = {};
    const first = claim.versions[0]?.submittedAt ?? claim.holderSince;
    const amount = claim.versions.at(-1)?.amount.totalCents ?? 0;
    bump(c, 'total', 'paidClaims');
    bump(c, 'total', 'spendingCents', amount);
    bump(c, 'payDays', days(first, paid));
    return { [monthRow(monthOf(paid), claim.unitId)]: c };
  }
  if (claim.status.startsWith('awaiting_')) {
    const c: Counts = {};
    bump(c, 'waiting', helsinkiDate(new Date(claim.holderSince)));
    return { [openRow(claim.unitId)]: c };
  }
  return {};
}

/** A rating counts in the month and unit of the order it rates. */
export function feedbackCounts(order: Order, role: FeedbackRole, rating: number): CountDelta {
  const c: Counts = {};
  bump(c, 'feedback', `${role}Sum`, rating);
  bump(c, 'feedback', `${role}Count`);
  return { [monthRow(monthOf(order.createdAt), order.unitId)]: c };
}

/** Adds `b` times `sign` to `a` (a new object); counters that reach 0 are dropped. */
export function addCounts(a: Counts, b: Counts, sign: 1 | -1 = 1): Counts {
  const out: Counts = {};
  for (const src of [a, b])
    for (const [group, names] of Object.entries(src))
      for (const [name, n] of Object.entries(names)) {
        const by = src === b ? sign * n : n;
        const g = (out[group] ??= {});
        g[name] = (g[name] ?? 0) + by;
      }
  for (const [group, names] of Object.entries(out)) {
    for (const [name, n] of Object.entries(names)) if (n === 0) delete names[name];
    if (Object.keys(names).length === 0) delete out[group];
  }
  return out;
}

/** after − before, row by row; rows with nothing to change are left out (empty: no effect). */
export function deltaOf(before: CountDelta, after: CountDelta): CountDelta {
  const out: CountDelta = {};
  for (const row of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const d = addCounts(after[row] ?? {}, before[row] ?? {}, -1);
    if (Object.keys(d).length) out[row] = d;
  }
  return out;
}

export const isEmptyDelta = (d: CountDelta): boolean => Object.keys(d).length === 0;
