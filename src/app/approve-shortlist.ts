import { decideOffer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { changeOrder } from './change-order';
import { offersOf } from './offer-more';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import type { Services } from './services';

export type ShortlistOutcome =
  | { type: 'sent'; order: Order }
  | { type: 'refused'; reason: 'shortlist_not_waiting' | typeof NOT_ALLOWED };

/**
 * A coordinator approves the reviewed shortlist: its wave of offers goes out (once, however often
 * clicked); a shortlist of the wished expert alone sends them the first offer alone (SPEC §3).
 */
export async function approveShortlist(
  s: Services,
  actor: Actor,
  orderId: string,
): Promise<ShortlistOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  const outcome = await changeOrder<ShortlistOutcome>(s, orderId, (file) => {
    const decision = decideOffer(offersOf(file), {
      type: 'send_shortlist',
      windowMs: s.offerSettings.offerWindowMs,
      at: s.clock.now(),
    });
    if (!decision.ok) return { result: { type: 'refused', reason: 'shortlist_not_waiting' } };
    return { change: decision.value, result: { type: 'sent', order: decision.value.order } };
  });
  return outcome ?? { type: 'refused', reason: 'shortlist_not_waiting' };
}
