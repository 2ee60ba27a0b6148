import type { Claim } from '../fees/claim';
import type { Order } from '../orders/order';
import { ok, refuse, type Result } from '../shared/result';

/**
 * pending: the expert may accept or decline; accepted: they hold a place; declined, expired:
 * they let it go; closed: the order was filled or cancelled before they answered.
 */
export const OFFER_STATUSES = ['pending', 'accepted', 'declined', 'expired', 'closed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

export interface Offer {
  orderId: string;
  expertEmail: string;
  wave: number;
  status: OfferStatus;
  sentAt: string;
  expiresAt: string;
  answeredAt?: string;
  /** The expert could not be reached (app not installed): skipped, the coordinator is told. */
  unreachable?: boolean;
}

/**
 * Something that must happen after a transition is stored: carried out by the outbox, at least
 * once. An offer card is always drawn from the offer's current state; updating one that was never
 * sent sends it.
 */
export type Effect =
  | { type: 'update_offer_card'; email: string }
  | { type: 'notify_orderer'; about: 'assigned' | 'filled' | 'unfilled' | 'partly_filled' }
  | { type: 'notify_coordinators'; about: 'unfilled' | 'unreachable' | 'review' | 'task_not_done'; email?: string }
  | { type: 'notify_expert_cancelled'; email: string }
  | { type: 'offer_more'; wave: 'same' | 'next' }
  | { type: 'record_assignment'; email: string }
  | { type: 'schedule_wave_expiry'; wave: number; dueAt: string }
  /** The claim row is written by the submitting turn; this repeats it if that turn died first. */
  | { type: 'create_claim'; claim: Claim }
  | { type: 'confirm_claims'; by: string }
  /** The task did not take place: its claims wait for a coordinator; each expert is told why. */
  | { type: 'hold_claims'; by: string }
  | { type: 'notify_expert_not_done'; email: string };

export type OfferRefusal = 'order_already_filled' | 'order_cancelled' | 'offer_closed' | 'offer_already_accepted' | 'offer_already_declined';

export interface OfferDecision {
  order: Order;
  offers: Offer[]; // the offers that changed
  effects: Effect[];
}

const isOpen = (o: Order) => o.status === 'open' || o.status === 'unfilled';

function refusalFor(order: Order, offer: Offer): OfferRefusal {
  if (offer.status === 'accepted') return 'offer_already_accepted';
  if (offer.status === 'declined') return 'offer_already_declined';
  if (order.status === 'cancelled') return 'order_cancelled';
  if (order.assigned.length >= order.expertCount) return 'order_already_filled';
  return 'offer_closed';
}

/**
 * An expert takes an offered place. Exactly `expertCount` experts can hold the order: the caller
 * writes the result conditionally on the order's ETag and decides again on a conflict.
 */
export function decideAccept(order: Order, offer: Offer, pending: readonly Offer[], expertName: string, at: Date): Result<OfferDecision, OfferRefusal> {
  if (offer.status !== 'pending' || !isOpen(order) || order.assigned.length >= order.expertCount) {
    return refuse(refusalFor(order, offer));
  }
  const now = at.toISOString();
  const assigned = [...order.assigned, { email: offer.expertEmail, name: expertName, at: now }];
  const filled = assigned.length >= order.expertCount;
  const accepted: Offer = { ...offer, status: 'accepted', answeredAt: now };
  const closed = filled
    ? pending.filter((o) => o.expertEmail !== offer.expertEmail && o.status === 'pending').map((o) => ({ ...o, status: 'closed' as const, answeredAt: now }))
    : [];
  return ok({
    order: { ...order, assigned, status: filled ? 'filled' : 'open' },
    offers: [accepted, ...closed],
    effects: [
      { type: 'update_offer_card', email: offer.expertEmail },
      { type: 'record_assignment', email: offer.expertEmail },
      ...closed.map((o): Effect => ({ type: 'update_offer_card', email: o.expertEmail })),
      { type: 'notify_orderer', about: filled ? 'filled' : 'assigned' },
    ],
  });
}

/** A coordinator assigns an expert by hand (the order could not be filled by offers). */
export function decideAssign(order: Order, existing: Offer | undefined, pending: readonly Offer[], email: string, expertName: string, coordinatorEmail: string, at: Date): Result<OfferDecision, OfferRefusal> {
  if (order.assigned.some((a) => a.email === email)) return refuse('offer_already_accepted');
  if (order.status === 'cancelled') return refuse('order_cancelled');
  if (order.assigned.length >= order.expertCount) return refuse('order_already_filled');
  const now = at.toISOString();
  const offer: Offer = { orderId: order.orderId, expertEmail: email, wave: order.wave, sentAt: now, expiresAt: now, ...existing, status: 'pending' };
  const decision = decideAccept({ ...order, status: 'open' }, offer, pending, expertName, at);
  if (!decision.ok) return decision;
  const assigned = decision.value.order.assigned.map((a) => (a.email === email ? { ...a, byCoordinator: coordinatorEmail } : a));
  return ok({ ...decision.value, order: { ...decision.value.order, assigned } });
}

/** An expert lets an offer go: their place goes to the next candidate at once. */
export function decideDecline(order: Order, offer: Offer, at: Date): Result<OfferDecision, OfferRefusal> {
  if (offer.status !== 'pending') return refuse(refusalFor(order, offer));
  const declined: Offer = { ...offer, status: 'declined', answeredAt: at.toISOString() };
  const effects: Effect[] = [{ type: 'update_offer_card', email: offer.expertEmail }];
  if (isOpen(order) && order.assigned.length < order.expertCount) effects.push({ type: 'offer_more', wave: 'same' });
  return ok({ order, offers: [declined], effects });
}

/** The offer time of a wave ran out: its pending offers expire and the next wave goes out. */
export function decideWaveExpiry(order: Order, wave: number, pending: readonly Offer[], at: Date): OfferDecision | undefined {
  if (order.wave !== wave || order.status !== 'open' || order.assigned.length >= order.expertCount) return undefined;
  const expired = pending
    .filter((o) => o.status === 'pending' && o.wave === wave)
    .map((o) => ({ ...o, status: 'expired' as const, answeredAt: at.toISOString() }));
  return { order, offers: expired, effects: [...expired.map((o): Effect => ({ type: 'update_offer_card', email: o.expertEmail })), { type: 'offer_more', wave: 'next' }] };
}

/** Cancelling an order withdraws its open offers and tells the assigned experts. */
export function withdrawOffers(order: Order, offers: readonly Offer[], at: Date): OfferDecision {
  const closed = offers.filter((o) => o.status === 'pending').map((o) => ({ ...o, status: 'closed' as const, answeredAt: at.toISOString() }));
  return {
    order,
    offers: closed,
    effects: [
      ...closed.map((o): Effect => ({ type: 'update_offer_card', email: o.expertEmail })),
      ...order.assigned.map((a): Effect => ({ type: 'notify_expert_cancelled', email: a.email })),
    ],
  };
}

/**
 * How long a wave stays open: 24 h, but at most a third of the time left before the task, and at
 * least 30 minutes, so that a near task still gets several waves.
 */
export function offerWindowMs(now: Date, taskStart: Date, defaultMs = 24 * 3600_000): number {
  const left = taskStart.getTime() - now.getTime();
  return Math.max(30 * 60_000, Math.min(defaultMs, Math.floor(left / 3)));
}
