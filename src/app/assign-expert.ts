import { decideAssign, type OfferRefusal } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { changeOrder } from './change-order';
import type { Services } from './services';

export type AssignOutcome = { type: 'assigned'; order: Order } | { type: 'refused'; reason: OfferRefusal | 'order_not_found' | 'expert_not_found' | 'cannot_assign_self' };

/** A coordinator assigns an expert by hand (the Assign button, or `/assign T-… email`). */
export async function assignExpert(s: Services, orderId: string, expertEmail: string, coordinatorEmail: string): Promise<AssignOutcome> {
  // Nobody decides on their own assignment (SPEC §2): another coordinator assigns them.
  if (expertEmail.trim().toLowerCase() === coordinatorEmail.trim().toLowerCase()) return { type: 'refused', reason: 'cannot_assign_self' };
  const expert = await s.registers.getExpert(expertEmail);
  if (!expert || expert.removed) return { type: 'refused', reason: 'expert_not_found' };
  const outcome = await changeOrder<AssignOutcome>(s, orderId, (file) => {
    const offers = [...file.offers.values()].map((o) => o.value);
    const decision = decideAssign(file.order.value, file.offers.get(expert.email)?.value, offers, expert.email, expert.name, coordinatorEmail, s.clock.now());
    if (!decision.ok) return { result: { type: 'refused', reason: decision.error } };
    return { change: decision.value, result: { type: 'assigned', order: decision.value.order } };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}
