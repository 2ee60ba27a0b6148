import {
  decideOffer,
  type AnswerCommand,
  type Offer,
  type OfferRefusal,
} from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { changeOrder } from './change-order';
import { offersOf } from './offer-more';
import type { Services } from './services';

export type AnswerOutcome =
  | { type: 'accepted' | 'declined'; order: Order; offer: Offer }
  | { type: 'refused'; reason: OfferRefusal | 'offer_not_found'; order?: Order; offer?: Offer };

/**
 * An expert answers their offer. The expert is who Teams says clicked, never who the card names;
 * a second or late click gets a refusal and changes nothing.
 */
export async function answerOffer(
  s: Services,
  orderId: string,
  expertEmail: string,
  answer: 'accept' | 'decline',
  /** Accept all of a series: the orderer hears once for the series, not for this session. */
  opts: { quietToOrderer?: boolean } = {},
): Promise<AnswerOutcome> {
  const expert = await s.registers.getExpert(expertEmail);
  const outcome = await changeOrder<AnswerOutcome>(s, orderId, (file) => {
    const offer = file.offers.get(expertEmail)?.value;
    const order = file.order.value;
    if (!offer || !expert) return { result: { type: 'refused', reason: 'offer_not_found' } };
    const at = s.clock.now();
    const command: AnswerCommand =
      answer === 'accept'
        ? { type: 'accept_offer', expert: expertEmail, expertName: expert.name, at }
        : { type: 'decline_offer', expert: expertEmail, at };
    const decision = decideOffer(offersOf(file), command);
    if (!decision.ok) return { result: { type: 'refused', reason: decision.error, order, offer } };
    const mine = decision.value.offers.find((o) => o.expertEmail === expertEmail)!;
    const effects = opts.quietToOrderer
      ? decision.value.effects.filter(
          (e) => !(e.type === 'notify_orderer' && (e.about === 'filled' || e.about === 'assigned')),
        )
      : decision.value.effects;
    return {
      change: { ...decision.value, effects },
      result: {
        type: answer === 'accept' ? 'accepted' : 'declined',
        order: decision.value.order,
        offer: mine,
      },
    };
  });
  return outcome ?? { type: 'refused', reason: 'offer_not_found' };
}
