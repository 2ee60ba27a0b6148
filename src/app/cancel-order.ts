import { withdrawOffers } from '../domain/offers/offer';
import { decideCancel, type CancelRefusal, type Order } from '../domain/orders/order';
import { changeOrder } from './change-order';
import { type Actor, isCoordinator } from './actor';
import type { Services } from './services';

export type CancelOutcome =
  | { type: 'cancelled'; order: Order }
  | { type: 'refused'; reason: CancelRefusal | 'order_not_found' };

/** Cancels an order for its orderer or a coordinator: open offers are withdrawn, assigned experts told. */
export async function cancelOrder(
  s: Services,
  actor: Actor,
  orderId: string,
): Promise<CancelOutcome> {
  const who = { id: actor.aadObjectId, isCoordinator: isCoordinator(actor) };
  const outcome = await changeOrder<CancelOutcome>(s, orderId, (file) => {
    const order = file.order.value;
    // Someone else's order is "not found" to a non-coordinator: its existence is not theirs to know.
    if (order.ordererId !== who.id && !who.isCoordinator)
      return { result: { type: 'refused', reason: 'order_not_found' } };
    const decision = decideCancel(order, who, s.clock.now());
    if (!decision.ok) return { result: { type: 'refused', reason: decision.error } };
    const withdrawn = withdrawOffers(
      decision.value,
      [...file.offers.values()].map((o) => o.value),
      s.clock.now(),
    );
    return { change: withdrawn, result: { type: 'cancelled', order: decision.value } };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}
