import { monthOf as statsMonthOf } from '../domain/stats/aggregate';
import { DateTime } from 'luxon';
import {
  keepsOrder,
  monthOf,
  monthsThrough,
  nextMonth,
  nextRetentionRun,
  orderExpiresOn,
  paidMonthsDue,
  RETENTION,
  removedPersonExpiresAt,
} from '../domain/privacy/retention';
import { helsinkiDate, helsinkiInstant, ZONE } from '../domain/shared/helsinki';
import { log } from '../log';
import { eraseRemoved, resumeErasure } from './forget-person';
import type { Services } from './services';

/** Paid claims before the service's first month are none: the first run starts counting here. */
const FIRST_PAID_MONTH = '2025-12';

/** Schedules the next daily run (once: the timer's key names the run, so every instance schedules the same row). */
export async function scheduleRetention(s: Pick<Services, 'jobs' | 'clock'>): Promise<void> {
  await s.jobs.schedule({
    kind: 'retention',
    dueAt: nextRetentionRun(s.clock.now()).toISOString(),
    orderId: 'retention',
  });
}

export interface RetentionCounts {
  drafts: number;
  orders: number;
  claims: number;
  people: number;
}

/**
 * The daily retention run (SPEC §13). What it reads: its own state row; the order-index rows of
 * orders created in the day that just became 2 years old (a key range); the due list of this month
 * (orders whose task came later than their creation); the paid-claim partition of a month only on
 * the day that month becomes 6 years old; drafts older than 30 days (a filter); expired export
 * rows (a filter); the expert register (read whole for matching anyway) for removed experts.
 */
export async function runRetention(s: Services): Promise<RetentionCounts> {
  const now = s.clock.now();
  const counts: RetentionCounts = { drafts: 0, orders: 0, claims: 0, people: 0 };
  for (const email of await s.privacy.listErasures()) await resumeErasure(s, email, 'retention');
  const state = await s.privacy.readRetention();

  counts.drafts = await s.privacy.deleteDraftsBefore(
    new Date(now.getTime() - RETENTION.draftDays * 24 * 3600_000).toISOString(),
  );
  await s.exports.deleteExpired(now.toISOString());
  const twoYearsAgo = DateTime.fromJSDate(now, { zone: ZONE })
    .minus({ years: RETENTION.orderYears })
    .toJSDate()
    .toISOString();
  await s.privacy.deleteSubmissionsBefore(twoYearsAgo);

  // Claims first: an order kept by a claim goes when its last kept claim goes.
  const paidMonths = paidMonthsDue(state.paidDoneThrough ?? FIRST_PAID_MONTH, now);
  for (const month of paidMonths) {
    for (const claim of await s.claims.listPaid([month])) {
      if (keepsOrder(claim, now)) continue;
      await s.privacy.deleteClaim(claim);
      counts.claims++;
      if (await expireOrder(s, claim.orderId)) counts.orders++;
    }
    state.paidDoneThrough = month;
    await s.privacy.saveRetention(state);
  }

  for (const orderId of await s.privacy.ordersCreatedBetween(state.ordersBefore, twoYearsAgo))
    if (await expireOrder(s, orderId)) counts.orders++;
  state.ordersBefore = twoYearsAgo;

  const thisMonth = monthOf(now);
  for (const month of monthsThrough(state.dueFrom ?? thisMonth, now)) {
    for (const orderId of await s.privacy.listDue(month)) {
      const outcome = await expireOrder(s, orderId, month);
      if (outcome) counts.orders++;
    }
  }
  state.dueFrom = thisMonth;
  await s.privacy.saveRetention(state);

  counts.people = await eraseRemovedExperts(s, now);
  // A run that found nothing to delete is the usual day: not worth a line at the info level.
  const found = Object.values(counts).some((n) => n > 0);
  (found ? log.info : log.debug).call(log, { event: 'retention_run', ...counts }, 'retention run');
  return counts;
}

/**
 * Deletes an order 2 years after its task, with its offers, its cancelled claims and the feedback
 * on it, unless a kept claim refers to it. Feedback comments on it go in any case. Not yet 2
 * years: the order goes on the due list of the month it will be. True when the order went.
 */
async function expireOrder(s: Services, orderId: string, dueMonth?: string): Promise<boolean> {
  const now = s.clock.now();
  const today = helsinkiDate(now);
  const order = (await s.orders.get(orderId))?.value;
  if (!order) {
    if (dueMonth) await s.privacy.removeDue(dueMonth, orderId);
    return false;
  }
  const expiresOn = orderExpiresOn(order);
  if (expiresOn > today) {
    const month = expiresOn.slice(0, 7);
    if (month !== dueMonth) {
      await s.privacy.addDue(month, orderId);
      if (dueMonth) await s.privacy.removeDue(dueMonth, orderId);
    }
    return false;
  }
  if (dueMonth) await s.privacy.removeDue(dueMonth, orderId);
  for (const rater of [order.ordererEmail, ...order.assigned.map((a) => a.email)])
    await s.privacy.dropFeedbackComment(orderId, rater);
  const claims = [];
  for (const claimId of Object.values(order.claims ?? {})) {
    const claim = (await s.claims.load(claimId))?.claim.value;
    if (claim) claims.push(claim);
  }
  const kept = claims.filter((c) => keepsOrder(c, now));
  if (kept.length) {
    // A claim still open two years on: look again next month. A paid one takes the order with it.
    if (kept.some((c) => c.status !== 'paid'))
      await s.privacy.addDue(nextMonth(monthOf(now)), orderId);
    return false;
  }
  for (const claim of claims) await s.privacy.deleteClaim(claim);
  for (const a of order.assigned) await s.loads.remove(a.email, orderId);
  await s.privacy.deleteOrder(order);
  await s.stats.dropFeedbackPointers(statsMonthOf(order.createdAt), orderId);
  return true;
}

/**
 * Experts removed from the register (the row stays, marked removed) are erased 90 days after the
 * last of their items closed: the removal, their last task, their last claim's payment.
 */
async function eraseRemovedExperts(s: Services, now: Date): Promise<number> {
  let erased = 0;
  for (const expert of (await s.registers.listExperts()).filter((e) => e.removed)) {
    const [audit, load, claims] = await Promise.all([
      s.registers.listAudit(expert.email, 50),
      s.loads.get(expert.email),
      s.claims.listByExpert(expert.email, 10_000),
    ]);
    const times = [
      ...audit.filter((a) => a.action === 'removed').map((a) => Date.parse(a.at)),
      ...load.assignments.map((a) => helsinkiInstant(a.date, a.end).getTime()),
      ...claims.flatMap((c) => c.history.map((h) => Date.parse(h.at))),
    ].filter((t) => Number.isFinite(t));
    const lastClosed = new Date(Math.max(0, ...times));
    if (removedPersonExpiresAt(lastClosed) > now) continue;
    if (await eraseRemoved(s, expert.email)) erased++;
  }
  return erased;
}
