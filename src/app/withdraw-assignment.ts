import { decideOffer, type Offer, type OfferRefusal } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import type { Actor } from './actor';
import { changeOrder } from './change-order';
import { offersOf } from './offer-more';
import { offerViewOf } from './offer-view';
import type { OfferView } from './ports';
import type { Services } from './services';

export type AssignmentAnswerOutcome =
  | { type: 'refused'; reason: OfferRefusal | 'offer_not_found' }
  /** The task's card as it now stands; `refusal` when this click changed nothing. */
  | { type: 'shown'; view: OfferView; refusal?: OfferRefusal };

/**
 * An assigned expert answers on their task's card: Can't make it (`withdraw`, with an optional
 * reason) or Still fine after a change. The expert is who Teams says clicked; a second click or a
 * stale card gets a clear refusal and changes nothing.
 */
export async function answerAssignment(
  s: Services,
  actor: Actor,
  orderId: string,
  answer: { type: 'withdraw'; reason?: string } | { type: 'still_fine' },
): Promise<AssignmentAnswerOutcome> {
  const email = actor.expert?.email;
  if (!email) return { type: 'refused', reason: 'offer_not_found' };
  const outcome = await changeOrder<{ order: Order; offer?: Offer; refusal?: OfferRefusal }>(
    s,
    orderId,
    (file) => {
      const at = s.clock.now();
      const decision = decideOffer(
        offersOf(file),
        answer.type === 'withdraw'
          ? { type: 'withdraw_assignment', expert: email, reason: answer.reason, at }
          : { type: 'confirm_still_fine', expert: email, at },
      );
      const offer = file.offers.get(email)?.value;
      if (!decision.ok)
        return {
          result: { order: file.order.value, offer, refusal: decision.error as OfferRefusal },
        };
      return {
        change: decision.value,
        result: {
          order: decision.value.order,
          offer: decision.value.offers.find((o) => o.expertEmail === email) ?? offer,
        },
      };
    },
  );
  if (!outcome?.offer) return { type: 'refused', reason: outcome?.refusal ?? 'offer_not_found' };
  return {
    type: 'shown',
    view: await offerViewOf(s, outcome.order, outcome.offer),
    refusal: outcome.refusal,
  };
}
