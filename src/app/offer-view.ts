import { estimateFeeCents, isUnpaid, minutesBetween } from '../domain/fees/tariff';
import type { Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import type { OfferView, OrdererContact } from './ports';
import type { Services } from './services';

/** Everything an offer card shows, read from the registers; the contact only once accepted. */
export async function offerViewOf(s: Services, order: Order, offer: Offer): Promise<OfferView> {
  const [unit, expert, tariff, mentor] = await Promise.all([
    s.registers.getUnit(order.unitId),
    s.registers.getExpert(offer.expertEmail),
    s.tariffs.current(),
    offer.asTrainee && offer.mentorEmail ? s.registers.getExpert(offer.mentorEmail) : undefined,
  ]);
  const unpaid = expert && isUnpaid(tariff, expert.kind, offer.asTrainee);
  return {
    order,
    offer,
    unitName: unit?.name ?? order.unitId,
    estimatedFeeCents: expert
      ? unpaid
        ? 0
        : estimateFeeCents(
            tariff,
            order.taskType,
            minutesBetween(order.start, order.end),
            expert.kind,
          )
      : undefined,
    orderer: offer.status === 'accepted' ? await ordererContact(s, order) : undefined,
    ...(offer.asTrainee ? { mentorName: mentor?.name ?? offer.mentorEmail ?? '' } : {}),
  };
}

export async function ordererContact(s: Services, order: Order): Promise<OrdererContact> {
  if (order.phoneOrder) return { name: order.phoneOrder.name, email: order.phoneOrder.email };
  const staff = await s.registers.getStaff(order.ordererEmail);
  return { name: staff?.name ?? order.ordererEmail, email: order.ordererEmail };
}
