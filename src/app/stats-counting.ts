import { createHash } from 'node:crypto';
import type { FeedbackEntry } from '../domain/feedback/feedback';
import type { Claim, ClaimEffect } from '../domain/fees/claim';
import type { Effect } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import {
  claimCounts,
  deltaOf,
  feedbackCounts,
  isEmptyDelta,
  monthOf,
  orderCounts,
} from '../domain/stats/aggregate';
import type { Services } from './services';

/** The name an expert's tasks are counted under: the rows of `/stats` hold no e-mail. */
export const pseudonym = (email: string): string =>
  createHash('sha256')
    .update(`stats|${email.trim().toLowerCase()}`)
    .digest('base64url')
    .slice(0, 12);

/**
 * The effect that moves `/stats` from what an order counted for before the change to what it
 * counts for after it; none when nothing counted changed (a wave, a decline). It is written in the
 * order's own transaction and carried out once by the outbox (SPEC §6).
 */
export function orderCountEffects(before: Order | undefined, after: Order): Effect[] {
  const delta = deltaOf(
    before ? orderCounts(before, pseudonym) : {},
    orderCounts(after, pseudonym),
  );
  return isEmptyDelta(delta) ? [] : [{ type: 'count_stats', delta }];
}

/** The same for a claim: waiting in the chain, then paid. */
export function claimCountEffects(before: Claim | undefined, after: Claim): ClaimEffect[] {
  const delta = deltaOf(before ? claimCounts(before) : {}, claimCounts(after));
  return isEmptyDelta(delta) ? [] : [{ type: 'count_stats', delta }];
}

/**
 * A rating counts once: the pointer row written after the counts marks it counted, and the
 * counts' key names the order and the rater, so the repeat of a click that stopped half-way
 * (which runs this again) changes nothing.
 */
export async function countFeedback(
  s: Services,
  order: Order,
  entry: FeedbackEntry,
): Promise<void> {
  const rater = pseudonym(entry.raterEmail);
  const month = monthOf(order.createdAt);
  if (await s.stats.hasFeedbackPointer(month, order.orderId, rater)) return;
  await s.stats.apply(
    feedbackCounts(order, entry.role, entry.rating),
    // The key holds no order number: the counts outlive the order (retention, SPEC §13).
    `feedback|${pseudonym(order.orderId)}|${rater}`,
  );
  await s.stats.addFeedbackPointer(month, order.orderId, rater);
}
