import type { OfferRefusal } from '../domain/offers/offer';
import type { Actor } from './actor';
import { answerOffer } from './answer-offer';
import { offerViewOf } from './offer-view';
import type { OfferView } from './ports';
import type { Services } from './services';

export type OfferCardOutcome =
  | { type: 'refused'; reason: OfferRefusal | 'offer_not_found' }
  /** The offer card as it now stands; `refusal` when this click changed nothing. */
  | { type: 'shown'; view: OfferView; refusal?: OfferRefusal | 'offer_not_found' };

/**
 * An expert clicks Accept or Decline on their offer card. The expert is who Teams says clicked;
 * to anybody who is not an expert there is no offer.
 */
export async function answerOfferCard(
  s: Services,
  actor: Actor,
  orderId: string,
  answer: 'accept' | 'decline',
): Promise<OfferCardOutcome> {
  if (!actor.expert) return { type: 'refused', reason: 'offer_not_found' };
  const outcome = await answerOffer(s, orderId, actor.expert.email, answer);
  if (!outcome.order || !outcome.offer)
    return {
      type: 'refused',
      reason: outcome.type === 'refused' ? outcome.reason : 'offer_not_found',
    };
  return {
    type: 'shown',
    view: await offerViewOf(s, outcome.order, outcome.offer),
    refusal: outcome.type === 'refused' ? outcome.reason : undefined,
  };
}
