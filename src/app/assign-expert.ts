import { decideAssign, type OfferRefusal } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { changeOrder } from './change-order';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import type { Services } from './services';

export type AssignOutcome =
  | { type: 'assigned'; order: Order; expertName: string }
  /** `order`: the order as it stands, when there is one (the coordinator's card is drawn again). */
  | {
      type: 'refused';
      reason:
        | OfferRefusal
        | 'order_not_found'
        | 'expert_not_found'
        | 'cannot_assign_self'
        | 'assign_usage'
        | typeof NOT_ALLOWED;
      order?: Order;
    };

/** A coordinator assigns an expert by hand (the Assign button, or `/assign T-… email`). */
export async function assignExpert(
  s: Services,
  actor: Actor,
  orderId: string | undefined,
  expertEmail: string | undefined,
): Promise<AssignOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  if (!orderId || !expertEmail) return { type: 'refused', reason: 'assign_usage' };
  const coordinatorEmail = actor.email;
  const email = expertEmail.trim().toLowerCase();
  const refused = async (
    reason: 'expert_not_found' | 'cannot_assign_self',
  ): Promise<AssignOutcome> => ({
    type: 'refused',
    reason,
    order: (await s.orders.get(orderId))?.value,
  });
  // Nobody decides on their own assignment (SPEC §2): another coordinator assigns them.
  if (email === coordinatorEmail) return refused('cannot_assign_self');
  const expert = await s.registers.getExpert(email);
  if (!expert || expert.removed) return refused('expert_not_found');
  const outcome = await changeOrder<AssignOutcome>(s, orderId, (file) => {
    const offers = [...file.offers.values()].map((o) => o.value);
    const decision = decideAssign(
      file.order.value,
      file.offers.get(expert.email)?.value,
      offers,
      expert.email,
      expert.name,
      coordinatorEmail,
      s.clock.now(),
    );
    if (!decision.ok)
      return { result: { type: 'refused', reason: decision.error, order: file.order.value } };
    const name = decision.value.order.assigned.find((a) => a.email === email)?.name ?? expertEmail;
    return {
      change: decision.value,
      result: { type: 'assigned', order: decision.value.order, expertName: name },
    };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}
