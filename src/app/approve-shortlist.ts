import type { Order } from '../domain/orders/order';
import { changeOrder } from './change-order';
import { waveChange } from './offer-more';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import type { Services } from './services';

export type ShortlistOutcome =
  | { type: 'sent'; order: Order }
  | { type: 'refused'; reason: 'shortlist_not_waiting' | typeof NOT_ALLOWED };

/** A coordinator approves the reviewed shortlist: its wave of offers goes out (once, however often clicked). */
export async function approveShortlist(
  s: Services,
  actor: Actor,
  orderId: string,
): Promise<ShortlistOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  const outcome = await changeOrder<ShortlistOutcome>(s, orderId, (file) => {
    const order = file.order.value;
    if (!order.shortlist || order.status !== 'open')
      return { result: { type: 'refused', reason: 'shortlist_not_waiting' } };
    const fresh = order.shortlist.filter((email) => !file.offers.has(email));
    const change = waveChange(order, fresh, true, s.clock.now(), s.offerSettings.offerWindowMs);
    return { change, result: { type: 'sent', order: change.order } };
  });
  return outcome ?? { type: 'refused', reason: 'shortlist_not_waiting' };
}
