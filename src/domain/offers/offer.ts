import type { Claim } from '../fees/claim';
import type { CountDelta } from '../stats/aggregate';
import {
  pickWave,
  rankCandidates,
  whyTraineeMayNotJoin,
  type ExpertLoad,
} from '../matching/match-experts';
import {
  ORDER_STATUSES,
  traineesWelcome,
  type Assignee,
  type Order,
  type OrderStatus,
} from '../orders/order';
import type { Expert } from '../registers/types';
import { helsinkiDate, helsinkiInstant } from '../shared/helsinki';
import { assertNever, ok, refuse, type Result } from '../shared/result';
import { toMatchOrder } from './follow-up';
import { traineeStaysAway, withTraineesOf } from './trainees';

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
  /** A coordinator took the expert off the order: never offered this order again. */
  unassignedAt?: string;
  /** The expert gave the place back (Can't make it, or no answer to a change): never offered this order again. */
  withdrawnAt?: string;
  /** A change of the order took the place away (fewer places, or its hard rules no longer fit). */
  released?: { at: string; why: 'count' | 'rules' };
  /** The order's time or place changed: the expert answers Still fine by then, or the place is released. */
  confirmBy?: string;
  /** An offer to join the mentor as a trainee: it fills no ordered place (SPEC §3). */
  asTrainee?: boolean;
  mentorEmail?: string;
  /** The mentor no longer holds the task: the trainee's join offer or place went with them (SPEC §3). */
  mentorLeftAt?: string;
}

/**
 * Something that must happen after a transition is stored: carried out by the outbox, at least
 * once. An offer card is always drawn from the offer's current state; updating one that was never
 * sent sends it.
 */
export type Effect =
  | { type: 'update_offer_card'; email: string }
  | { type: 'notify_orderer'; about: OrdererNews }
  | {
      type: 'notify_coordinators';
      about: 'unfilled' | 'unreachable' | 'review' | 'task_not_done' | 'withdrawn';
      email?: string;
    }
  | { type: 'notify_expert_cancelled'; email: string }
  | { type: 'offer_more'; wave: 'same' | 'next' }
  | { type: 'record_assignment'; email: string; asTrainee?: boolean }
  /** The mentor took the task: their trainees are asked to come along (SPEC §3). */
  | { type: 'invite_trainees'; mentor: string }
  | { type: 'schedule_wave_expiry'; wave: number; dueAt: string }
  /** The claim row is written by the submitting turn; this repeats it if that turn died first. */
  | { type: 'create_claim'; claim: Claim }
  | { type: 'confirm_claims'; by: string }
  /** A coordinator took the expert off: the expert is told kindly, the orderer is told. */
  | { type: 'notify_unassigned'; email: string; name: string }
  /** The task did not take place: its claims wait for a coordinator; each expert is told why. */
  | { type: 'hold_claims'; by: string }
  | { type: 'notify_expert_not_done'; email: string }
  /**
   * An expert gave their place back: it no longer counts in their load (fair shares, overlap), and
   * a claim already sent for the task is withdrawn.
   */
  | { type: 'release_assignment'; email: string }
  /** A change took the place away, or its answer time ran out: the expert is told why. */
  | { type: 'notify_released'; email: string; why: 'count' | 'rules' | 'silence' }
  /** The order's time or place changed: a card asks the expert, and a timer waits until `dueAt`. */
  | { type: 'ask_still_fine'; email: string; dueAt: string }
  /** The order's date or time changed: the expert's load row and the timers of the task follow it. */
  | { type: 'reschedule_assignment'; email: string }
  /** What the change adds to the running counts of `/stats` (SPEC §6), applied once. */
  | { type: 'count_stats'; delta: CountDelta }
  /**
   * One Accept all of a series: the orderer hears once how many sessions the expert took and which
   * are still being offered, instead of once per session.
   */
  | {
      type: 'notify_orderer_series';
      seriesId: string;
      name: string;
      count: number;
      total: number;
      open: string[];
    }
  /** The trainee's mentor no longer holds the task, so the trainee's trip along is off: told kindly. */
  | { type: 'notify_trainee_off'; email: string }
  /** The orderer hears that a trainee comes along with an expert, or no longer does (names as shown). */
  | {
      type: 'notify_orderer_trainee';
      about: 'joined' | 'left' | 'stays_away';
      trainee: string;
      mentor: string;
    };

/** What the orderer is told as the order fills or loses an expert. */

/** What the orderer hears as the order fills; `wished_declined`: the wished expert could not take it. */
export type OrdererNews =
  'assigned' | 'filled' | 'unfilled' | 'partly_filled' | 'withdrawn' | 'wished_declined';

/** The wished expert's solo offer lasts at most this part of a wave's offer time (SPEC §3). */
export const WISHED_WINDOW_DIVISOR = 3;

/** Why a click on an offer or an assignment changes nothing (catalogue keys: shown to the person). */
export type OfferRefusal =
  | 'order_already_filled'
  | 'order_cancelled'
  | 'offer_closed'
  | 'offer_already_accepted'
  | 'offer_already_declined'
  | 'withdraw_not_assigned'
  | 'withdraw_task_started'
  | 'withdraw_reason_too_long'
  | 'recheck_not_asked';

/**
 * Why a timer or an outbox step changes nothing: it came late (the wave moved on, the order was
 * filled or cancelled) or twice. Never shown to anyone.
 */
export type OfferNoop =
  | 'offer_not_found'
  | 'wave_not_current'
  | 'order_not_open'
  | 'order_not_cancelled'
  | 'answers_pending'
  | 'shortlist_not_waiting'
  | 'no_trainee_to_invite';

export interface OfferDecision {
  order: Order;
  offers: Offer[]; // the offers that changed
  effects: Effect[];
}

/** An order and all its offers, as loaded. */
export interface OrderOffers {
  order: Order;
  offers: readonly Offer[];
}

/** How waves go out (the app's settings). */
export interface WaveSettings {
  waveSize: number;
  windowMs: number;
  /** A coordinator approves each new wave's shortlist before it goes out. */
  review: boolean;
}

interface Base {
  at: Date;
}
/** Everything that moves an order's offers; time (and the actor, where one acts) come in it. */
export type OfferCommand =
  | (Base & { type: 'accept_offer'; expert: string; expertName: string })
  | (Base & { type: 'decline_offer'; expert: string })
  | (Base & { type: 'skip_unreachable'; expert: string })
  | (Base & { type: 'expire_wave'; wave: number })
  | (Base & { type: 'assign_by_coordinator'; actor: string; expert: string; expertName: string })
  | (Base & { type: 'withdraw_offers' })
  /** Can't make it: an assigned expert gives the place back before the task starts. */
  | (Base & { type: 'withdraw_assignment'; expert: string; reason?: string })
  /** Still fine: the assigned expert keeps the place after a change of time or place. */
  | (Base & { type: 'confirm_still_fine'; expert: string })
  /** The answer time to a change ran out: a silent expert's place is released. */
  | (Base & { type: 'recheck_expired'; expert: string })
  /** `next`: a new wave of the best K; `same`: one more in the current wave after a decline. */
  | (Base & {
      type: 'offer_more';
      which: 'same' | 'next';
      experts: readonly Expert[];
      loads: ReadonlyMap<string, ExpertLoad>;
      settings: WaveSettings;
    })
  | (Base & { type: 'send_shortlist'; windowMs: number })
  /** The mentor's trainees (from the register) who may come along get a join offer. */
  | (Base & {
      type: 'invite_trainees';
      mentor: string;
      trainees: readonly Expert[];
      loads: ReadonlyMap<string, ExpertLoad>;
    });
export type OfferCommandType = OfferCommand['type'];

interface Transition {
  /** The order statuses in which the command acts. */
  orders: readonly OrderStatus[];
  /** How the offers it touches move (none: it sends new ones, status `pending`). */
  offer?: { from: OfferStatus; to: OfferStatus };
  /** What the order becomes. */
  order: string;
}

/**
 * The diagram of an order's offers. Every offer starts `pending` (sent by `offer_more` or
 * `send_shortlist`); the order is `open` until its places are taken (`filled`), nobody is left
 * (`unfilled`, a coordinator decides) or it is `cancelled`.
 */
export const OFFER_TRANSITIONS: Readonly<Record<OfferCommandType, Transition>> = {
  accept_offer: {
    orders: ['open', 'unfilled'],
    offer: { from: 'pending', to: 'accepted' },
    order: 'filled by the last place; the others pending → closed',
  },
  decline_offer: {
    orders: ORDER_STATUSES,
    offer: { from: 'pending', to: 'declined' },
    order: 'unchanged; the place is offered again',
  },
  skip_unreachable: {
    orders: ORDER_STATUSES,
    offer: { from: 'pending', to: 'expired' },
    order: 'unchanged; the place is offered again',
  },
  expire_wave: {
    orders: ['open'],
    offer: { from: 'pending', to: 'expired' },
    order: 'unchanged; the next wave goes out',
  },
  assign_by_coordinator: {
    orders: ['open', 'unfilled', 'filled'],
    offer: { from: 'pending', to: 'accepted' },
    order: 'as accept_offer',
  },
  withdraw_offers: {
    orders: ['cancelled'],
    offer: { from: 'pending', to: 'closed' },
    order: 'cancelled; assigned experts told',
  },
  offer_more: {
    orders: ['open'],
    order: 'unfilled when nobody is left and nobody is answering; or a shortlist to review',
  },
  send_shortlist: {
    orders: ['open'],
    order: 'the reviewed wave goes out (a wished expert’s shortlist: to them alone, for a third)',
  },
  withdraw_assignment: {
    orders: ['open', 'unfilled', 'filled'],
    offer: { from: 'accepted', to: 'closed' },
    order:
      'open again, the place offered to the next candidates, the mentor’s trainee goes too; a trainee’s own leaves the place as it is; refused once the task started',
  },
  confirm_still_fine: {
    orders: ['open', 'unfilled', 'filled'],
    offer: { from: 'accepted', to: 'accepted' },
    order: 'unchanged; the question is answered',
  },
  recheck_expired: {
    orders: ['open', 'unfilled', 'filled'],
    offer: { from: 'accepted', to: 'closed' },
    order: 'as withdraw_assignment, once the answer time is over and nobody answered',
  },
  invite_trainees: {
    orders: ['open', 'unfilled', 'filled'],
    order: 'unchanged; the trainees of an assigned mentor get join offers (no place)',
  },
};

const acts = (type: OfferCommandType, order: Order) =>
  OFFER_TRANSITIONS[type].orders.includes(order.status);
const moved = (type: OfferCommandType, offer: Offer, at?: Date): Offer => ({
  ...offer,
  status: OFFER_TRANSITIONS[type].offer!.to,
  ...(at ? { answeredAt: at.toISOString() } : {}),
});
const full = (order: Order) => order.assigned.length >= order.expertCount;
/** Pending offers of ordered places (a trainee's join offer is none). */
const pendingOf = (offers: readonly Offer[]) =>
  offers.filter((o) => o.status === 'pending' && !o.asTrainee);
const card = (o: Offer): Effect => ({ type: 'update_offer_card', email: o.expertEmail });

/** An expert's click on their offer card. */
export type AnswerCommand = Extract<OfferCommand, { type: 'accept_offer' | 'decline_offer' }>;

/** Decides one command on an order's offers. */
export function decideOffer(
  state: OrderOffers,
  cmd: AnswerCommand,
): Result<OfferDecision, OfferRefusal | 'offer_not_found'>;
export function decideOffer(
  state: OrderOffers,
  cmd: OfferCommand,
): Result<OfferDecision, OfferRefusal | OfferNoop>;
export function decideOffer(
  state: OrderOffers,
  cmd: OfferCommand,
): Result<OfferDecision, OfferRefusal | OfferNoop> {
  switch (cmd.type) {
    case 'accept_offer': {
      const offer = offerOf(state, cmd.expert);
      return offer
        ? accept(state.order, offer, state.offers, cmd.expertName, cmd.at)
        : refuse('offer_not_found');
    }
    case 'decline_offer': {
      const offer = offerOf(state, cmd.expert);
      return offer ? decline(state.order, offer, cmd.at) : refuse('offer_not_found');
    }
    case 'skip_unreachable':
      return skipUnreachable(state, cmd.expert);
    case 'expire_wave':
      return expireWave(state, cmd.wave, cmd.at);
    case 'assign_by_coordinator':
      return assign(state.order, offerOf(state, cmd.expert), state.offers, cmd);
    case 'withdraw_offers':
      return acts(cmd.type, state.order)
        ? ok(withdraw(state, cmd.at))
        : refuse('order_not_cancelled');
    case 'offer_more':
      return offerMore(state, cmd);
    case 'send_shortlist':
      return sendShortlist(state, cmd.windowMs, cmd.at);
    case 'withdraw_assignment':
      return withdrawAssignment(state, cmd);
    case 'confirm_still_fine':
      return confirmStillFine(state, cmd.expert, cmd.at);
    case 'recheck_expired':
      return recheckExpired(state, cmd.expert, cmd.at);
    case 'invite_trainees':
      return inviteTrainees(state, cmd);
    default:
      return assertNever(cmd);
  }
}

function offerOf(state: OrderOffers, email: string): Offer | undefined {
  return state.offers.find((o) => o.expertEmail === email);
}

function refusalFor(order: Order, offer: Offer): OfferRefusal {
  if (offer.status === 'accepted') return 'offer_already_accepted';
  if (offer.status === 'declined') return 'offer_already_declined';
  if (order.status === 'cancelled') return 'order_cancelled';
  if (full(order)) return 'order_already_filled';
  return 'offer_closed';
}

/**
 * An expert takes an offered place. Exactly `expertCount` experts can hold the order: the caller
 * writes the result conditionally on the order's ETag and decides again on a conflict.
 */
function accept(
  order: Order,
  offer: Offer,
  offers: readonly Offer[],
  expertName: string,
  at: Date,
): Result<OfferDecision, OfferRefusal> {
  if (offer.asTrainee) return joinAsTrainee(order, offer, expertName, at);
  if (
    offer.status !== OFFER_TRANSITIONS.accept_offer.offer!.from ||
    !acts('accept_offer', order) ||
    full(order)
  ) {
    return refuse(refusalFor(order, offer));
  }
  const now = at.toISOString();
  const assigned = [...order.assigned, { email: offer.expertEmail, name: expertName, at: now }];
  const filled = assigned.length >= order.expertCount;
  // The last place taken: everyone still answering is told the order is full.
  const closed = filled
    ? pendingOf(offers)
        .filter((o) => o.expertEmail !== offer.expertEmail)
        .map((o) => ({ ...o, status: 'closed' as const, answeredAt: now }))
    : [];
  return ok({
    order: { ...order, assigned, status: filled ? 'filled' : 'open' },
    offers: [moved('accept_offer', offer, at), ...closed],
    effects: [
      card(offer),
      { type: 'record_assignment', email: offer.expertEmail },
      ...closed.map(card),
      // Before the orderer's message: its removal then goes with that one's (one write less).
      ...(traineesWelcome(order)
        ? [{ type: 'invite_trainees', mentor: offer.expertEmail } as const]
        : []),
      { type: 'notify_orderer', about: filled ? 'filled' : 'assigned' },
      // The wished expert took one of several places: the others go out now, not after their time.
      ...(!filled && isWishedOffer(order, offer)
        ? [{ type: 'offer_more', wave: 'next' } as const]
        : []),
    ],
  });
}

/**
 * A trainee joins their mentor's task: recorded beside the assigned experts, never in a place; the
 * mentor must still hold the task, and the task must not have started.
 */
function joinAsTrainee(
  order: Order,
  offer: Offer,
  name: string,
  at: Date,
): Result<OfferDecision, OfferRefusal> {
  if (offer.status !== 'pending') return refuse(refusalFor(order, offer));
  if (order.status === 'cancelled') return refuse('order_cancelled');
  const mentor = order.assigned.find((a) => a.email === offer.mentorEmail);
  if (!mentor || at.getTime() >= Date.parse(offer.expiresAt)) return refuse('offer_closed');
  const along = {
    email: offer.expertEmail,
    name,
    mentorEmail: offer.mentorEmail ?? '',
    at: at.toISOString(),
  };
  return ok({
    order: { ...order, trainees: [...(order.trainees ?? []), along] },
    offers: [moved('accept_offer', offer, at)],
    effects: [
      card(offer),
      { type: 'record_assignment', email: offer.expertEmail, asTrainee: true },
      { type: 'notify_orderer_trainee', about: 'joined', trainee: name, mentor: mentor.name },
    ],
  });
}

/**
 * The mentor holds the task and the order welcomes a trainee: each of the mentor's trainees who
 * passes the hard rules (no area needed) and was not asked yet gets a join offer, open until the
 * task starts (SPEC §3).
 */
function inviteTrainees(
  { order, offers }: OrderOffers,
  cmd: OfferCommand & { type: 'invite_trainees' },
): Result<OfferDecision, OfferNoop> {
  if (!acts(cmd.type, order) || !traineesWelcome(order)) return refuse('order_not_open');
  if (!order.assigned.some((a) => a.email === cmd.mentor)) return refuse('no_trainee_to_invite');
  const startsAt = helsinkiInstant(order.date, order.start);
  const ctx = {
    today: helsinkiDate(cmd.at),
    loads: cmd.loads,
    exclude: new Set(offers.map((o) => o.expertEmail)),
  };
  const match = toMatchOrder(order);
  const invited = cmd.trainees.filter(
    (t) =>
      t.mentorEmail === cmd.mentor &&
      !order.assigned.some((a) => a.email === t.email) &&
      whyTraineeMayNotJoin(match, t, ctx) === undefined,
  );
  if (invited.length === 0 || cmd.at >= startsAt) return refuse('no_trainee_to_invite');
  const sent: Offer[] = invited.map((t) => ({
    orderId: order.orderId,
    expertEmail: t.email,
    wave: 0, // no wave: it does not expire with one, only when the task starts
    status: 'pending',
    sentAt: cmd.at.toISOString(),
    expiresAt: startsAt.toISOString(),
    asTrainee: true,
    mentorEmail: cmd.mentor,
  }));
  return ok({ order, offers: sent, effects: sent.map(card) });
}

/** A coordinator assigns an expert by hand (the order could not be filled by offers). */
function assign(
  order: Order,
  existing: Offer | undefined,
  offers: readonly Offer[],
  cmd: OfferCommand & { type: 'assign_by_coordinator' },
): Result<OfferDecision, OfferRefusal> {
  if (order.assigned.some((a) => a.email === cmd.expert)) return refuse('offer_already_accepted');
  if (!acts(cmd.type, order)) return refuse('order_cancelled');
  if (full(order)) return refuse('order_already_filled');
  const now = cmd.at.toISOString();
  // Whatever became of an earlier offer (declined, expired), the coordinator's word gives the place.
  const offer: Offer = {
    orderId: order.orderId,
    expertEmail: cmd.expert,
    wave: order.wave,
    sentAt: now,
    expiresAt: now,
    ...existing,
    status: 'pending',
  };
  const decision = accept({ ...order, status: 'open' }, offer, offers, cmd.expertName, cmd.at);
  if (!decision.ok) return decision;
  const assigned = decision.value.order.assigned.map((a) =>
    a.email === cmd.expert ? { ...a, byCoordinator: cmd.actor } : a,
  );
  return ok({ ...decision.value, order: { ...decision.value.order, assigned } });
}

/** An expert lets an offer go: their place goes to the next candidate at once. */
function decline(order: Order, offer: Offer, at: Date): Result<OfferDecision, OfferRefusal> {
  if (offer.status !== OFFER_TRANSITIONS.decline_offer.offer!.from)
    return refuse(refusalFor(order, offer));
  const effects: Effect[] = [card(offer)];
  // A place another expert could still take (an unfilled order is offered on too).
  if ((order.status === 'open' || order.status === 'unfilled') && !full(order) && !offer.asTrainee)
    effects.push(...replacementFor(order, offer));
  return ok({ order, offers: [moved('decline_offer', offer, at)], effects });
}

/** The wished expert's own solo offer (SPEC §3). */
function isWishedOffer(order: Order, offer: Offer): boolean {
  return order.wishedWave !== undefined && offer.wave === order.wishedWave;
}

/**
 * Who gets a place let go: one more in the current wave; but when the wished expert lets their solo
 * offer go, the wave goes out at once and the orderer is told (without why).
 */
function replacementFor(order: Order, offer: Offer): Effect[] {
  if (!isWishedOffer(order, offer)) return [{ type: 'offer_more', wave: 'same' }];
  return [
    { type: 'notify_orderer', about: 'wished_declined' },
    { type: 'offer_more', wave: 'next' },
  ];
}

/** An expert who cannot be reached loses the offer; the next candidate gets it and coordinators hear. */
function skipUnreachable(state: OrderOffers, email: string): Result<OfferDecision, OfferNoop> {
  const offer = offerOf(state, email);
  if (!offer || offer.status !== OFFER_TRANSITIONS.skip_unreachable.offer!.from)
    return refuse('offer_not_found');
  const effects: Effect[] = [{ type: 'notify_coordinators', about: 'unreachable', email }];
  if (state.order.status === 'open' && !offer.asTrainee)
    effects.push(...replacementFor(state.order, offer));
  return ok({
    order: state.order,
    offers: [{ ...moved('skip_unreachable', offer), unreachable: true }],
    effects,
  });
}

/** The offer time of a wave ran out: its pending offers expire and the next wave goes out. */
function expireWave(
  { order, offers }: OrderOffers,
  wave: number,
  at: Date,
): Result<OfferDecision, OfferNoop> {
  if (order.wave !== wave) return refuse('wave_not_current');
  if (!acts('expire_wave', order) || full(order)) return refuse('order_not_open');
  const expired = pendingOf(offers)
    .filter((o) => o.wave === wave)
    .map((o) => moved('expire_wave', o, at));
  const wishedGone: Effect[] =
    wave === order.wishedWave ? [{ type: 'notify_orderer', about: 'wished_declined' }] : [];
  return ok({
    order,
    offers: expired,
    effects: [...expired.map(card), ...wishedGone, { type: 'offer_more', wave: 'next' }],
  });
}

/** Cancelling an order withdraws its open offers and tells the assigned experts. */
function withdraw({ order, offers }: OrderOffers, at: Date): OfferDecision {
  const closed = offers
    .filter((o) => o.status === 'pending')
    .map((o) => moved('withdraw_offers', o, at));
  return {
    order,
    offers: closed,
    effects: [
      ...closed.map(card),
      ...[...order.assigned, ...(order.trainees ?? [])].map((a): Effect => ({
        type: 'notify_expert_cancelled',
        email: a.email,
      })),
    ],
  };
}

/**
 * The next offers: a new wave of the best K (at least the places left), or after a decline one
 * more in the current wave. Nobody left and nobody still answering: the order goes to the
 * coordinators and the orderer hears. With review on, a new wave waits as a shortlist.
 */
function offerMore(
  { order, offers }: OrderOffers,
  cmd: OfferCommand & { type: 'offer_more' },
): Result<OfferDecision, OfferNoop> {
  if (!acts(cmd.type, order) || full(order) || order.shortlist) return refuse('order_not_open');
  const pending = pendingOf(offers);
  // Those whose offer closed when the order filled may get it again when a place frees up.
  const exclude = new Set(offers.filter((o) => !mayBeOfferedAgain(o)).map((o) => o.expertEmail));
  const ranked = rankCandidates(toMatchOrder(order), cmd.experts, {
    today: helsinkiDate(cmd.at),
    loads: cmd.loads,
    exclude,
  });
  const places = order.expertCount - order.assigned.length;
  const newWave = cmd.which === 'next' || order.wave === 0;
  const size = newWave
    ? Math.max(cmd.settings.waveSize, places)
    : Math.max(0, places - pending.length) || 1;
  const chosen = pickWave(ranked, size).map((c) => c.email);

  // SPEC §3: the wished expert, when they pass the hard rules, gets the first offer alone for a
  // third of the offer time; if not, the orderer is told. SPEC §4: with review on, no offer goes out
  // unreviewed, so the solo offer waits for a coordinator too (the card says it is the orderer's wish).
  const wishPending = order.wave === 0 && order.wishedExpert !== undefined;
  if (wishPending && ranked[0]?.wished) {
    if (cmd.settings.review)
      return ok({
        order: { ...order, shortlist: [ranked[0].email], wishedShortlist: true },
        offers: [],
        effects: [{ type: 'notify_coordinators', about: 'review' }],
      });
    return ok(wishedSolo(order, ranked[0].email, cmd.at, cmd.settings.windowMs));
  }
  const wishedGone: Effect[] =
    wishPending && chosen.length > 0 ? [{ type: 'notify_orderer', about: 'wished_declined' }] : [];

  if (chosen.length === 0) {
    if (pending.length > 0) return refuse('answers_pending');
    return ok({
      order: { ...order, status: 'unfilled' },
      offers: [],
      effects: [
        { type: 'notify_coordinators', about: 'unfilled' },
        { type: 'notify_orderer', about: order.assigned.length ? 'partly_filled' : 'unfilled' },
      ],
    });
  }
  if (newWave && cmd.settings.review) {
    return ok({
      order: { ...order, shortlist: chosen },
      offers: [],
      effects: [...wishedGone, { type: 'notify_coordinators', about: 'review' }],
    });
  }
  const currentExpiry = pending.find((o) => o.wave === order.wave)?.expiresAt;
  const wave = sendWave(order, chosen, newWave, cmd.at, cmd.settings.windowMs, currentExpiry);
  return ok({ ...wave, effects: [...wishedGone, ...wave.effects] });
}

/** A coordinator approved the reviewed shortlist: its wave goes out (once, however often clicked). */
function sendShortlist(
  { order, offers }: OrderOffers,
  windowMs: number,
  at: Date,
): Result<OfferDecision, OfferNoop> {
  if (!order.shortlist || !acts('send_shortlist', order)) return refuse('shortlist_not_waiting');
  const offered = new Set(offers.map((o) => o.expertEmail));
  const wished = order.wishedShortlist ? order.shortlist[0] : undefined;
  if (wished !== undefined && !offered.has(wished))
    return ok(wishedSolo(order, wished, at, windowMs));
  return ok(
    sendWave(
      order,
      order.shortlist.filter((email) => !offered.has(email)),
      true,
      at,
      windowMs,
    ),
  );
}

/** The wished expert's first offer, alone, for a third of the offer time (SPEC §3). */
function wishedSolo(order: Order, email: string, at: Date, windowMs: number): OfferDecision {
  const solo = sendWave(order, [email], true, at, windowMs, undefined, WISHED_WINDOW_DIVISOR);
  return { ...solo, order: { ...solo.order, wishedWave: solo.order.wave } };
}

/** The offers of a wave (a new one, or one more in the current wave) and what they set going. */
export function sendWave(
  order: Order,
  emails: readonly string[],
  newWave: boolean,
  now: Date,
  windowMs: number,
  currentExpiry?: string,
  windowDivisor = 1,
): OfferDecision {
  const wave = newWave ? order.wave + 1 : order.wave;
  const window = offerWindowMs(now, helsinkiInstant(order.date, order.start), windowMs);
  const expiresAt =
    !newWave && currentExpiry
      ? currentExpiry
      : new Date(now.getTime() + Math.floor(window / windowDivisor)).toISOString();
  const sent: Offer[] = emails.map((email) => ({
    orderId: order.orderId,
    expertEmail: email,
    wave,
    status: 'pending',
    sentAt: now.toISOString(),
    expiresAt,
  }));
  const effects: Effect[] = sent.map(card);
  if (newWave) effects.push({ type: 'schedule_wave_expiry', wave, dueAt: expiresAt });
  const { shortlist: _reviewed, wishedShortlist: _wished, ...rest } = order;
  return { order: { ...rest, wave }, offers: sent, effects };
}

/**
 * How long a wave stays open: 24 h, but at most a third of the time left before the task, and at
 * least 30 minutes, so that a near task still gets several waves.
 */
export function offerWindowMs(now: Date, taskStart: Date, defaultMs = 24 * 3600_000): number {
  const left = taskStart.getTime() - now.getTime();
  return Math.max(30 * 60_000, Math.min(defaultMs, Math.floor(left / 3)));
}

export type UnassignRefusal = 'not_assigned' | 'order_cancelled';

/**
 * A coordinator takes an assigned expert off the order: the place is free again and the next
 * wave is offered; the expert is not offered this order again.
 */
export function decideUnassign(
  order: Order,
  offer: Offer | undefined,
  email: string,
  coordinatorEmail: string,
  at: Date,
  offers: readonly Offer[] = offer ? [offer] : [],
): Result<OfferDecision, UnassignRefusal> {
  const held = order.assigned.find((a) => a.email === email);
  if (!held) return refuse('not_assigned');
  if (order.status === 'cancelled') return refuse('order_cancelled');
  const now = at.toISOString();
  const released: Offer = {
    orderId: order.orderId,
    expertEmail: email,
    wave: order.wave,
    sentAt: now,
    expiresAt: now,
    ...offer,
    status: 'closed',
    answeredAt: now,
    unassignedAt: now,
  };
  const audit = [
    ...(order.audit ?? []),
    {
      at: now,
      by: coordinatorEmail,
      what: 'unassigned' as const,
      who: `${held.name} (${held.email})`,
    },
  ];
  const decision: OfferDecision = {
    order: {
      ...order,
      assigned: order.assigned.filter((a) => a.email !== email),
      status: 'open',
      audit,
    },
    offers: [released],
    effects: [
      { type: 'notify_unassigned', email, name: held.name },
      { type: 'offer_more', wave: 'next' },
    ],
  };
  // The mentor's trainee goes with them (SPEC §3).
  return ok(withTraineesOf({ order, offers }, decision, [email], at));
}

/** Who may be offered an order again: everyone not yet offered, and those whose offer closed when it filled. */
export function mayBeOfferedAgain(offer: Offer): boolean {
  return (
    offer.status === 'closed' && offer.unassignedAt === undefined && offer.withdrawnAt === undefined
  );
}

export const WITHDRAW_REASON_MAX_LENGTH = 500;
/** A place given back less than this before the task also goes to the coordinators at once. */
export const WITHDRAW_URGENT_MS = 48 * 3600_000;

/**
 * Can't make it (SPEC §3): the assigned expert gives their place back, before the task starts. The
 * place is offered again at once (never to them), the orderer hears (never the reason), the
 * coordinators too when the task is less than 48 h away; the audit keeps who, when and why.
 */
function withdrawAssignment(
  { order, offers }: OrderOffers,
  cmd: OfferCommand & { type: 'withdraw_assignment' },
): Result<OfferDecision, OfferRefusal> {
  const held = order.assigned.find((a) => a.email === cmd.expert);
  // A trainee going along may say Can't make it too (SPEC §3): they held no place.
  const along = (order.trainees ?? []).find((t) => t.email === cmd.expert);
  if (order.status === 'cancelled') return refuse('order_cancelled');
  if ((!held && !along) || !acts(cmd.type, order)) return refuse('withdraw_not_assigned');
  if (cmd.at >= helsinkiInstant(order.date, order.start)) return refuse('withdraw_task_started');
  const reason = cmd.reason?.trim() || undefined;
  if (reason && reason.length > WITHDRAW_REASON_MAX_LENGTH)
    return refuse('withdraw_reason_too_long');
  if (!held)
    return ok(
      traineeStaysAway(order, offerOf({ order, offers }, cmd.expert), along!, cmd.at, reason),
    );
  return ok(giveBack(order, offers, held, cmd.at, 'withdrawn', reason));
}

/** The expert's answer Still fine: the place stays theirs, the question is closed. */
function confirmStillFine(
  { order, offers }: OrderOffers,
  email: string,
  at: Date,
): Result<OfferDecision, OfferRefusal> {
  const offer = offers.find((o) => o.expertEmail === email);
  if (order.status === 'cancelled') return refuse('order_cancelled');
  if (!order.assigned.some((a) => a.email === email) || !offer)
    return refuse('withdraw_not_assigned');
  if (!offer.confirmBy) return refuse('recheck_not_asked');
  const { confirmBy: _answered, ...rest } = offer;
  const kept: Offer = { ...rest, answeredAt: at.toISOString() };
  return ok({ order, offers: [kept], effects: [card(kept)] });
}

/** Nobody answered the change in time: the place is released as if the expert could not come. */
function recheckExpired(
  { order, offers }: OrderOffers,
  email: string,
  at: Date,
): Result<OfferDecision, OfferNoop> {
  const held = order.assigned.find((a) => a.email === email);
  const offer = offers.find((o) => o.expertEmail === email);
  // Answered meanwhile, or asked again after a later change (a later timer decides then).
  if (
    !held ||
    !offer?.confirmBy ||
    offer.confirmBy > at.toISOString() ||
    !acts('recheck_expired', order)
  )
    return refuse('offer_not_found');
  return ok(giveBack(order, offers, held, at, 'recheck_expired'));
}

/**
 * An assigned expert's place freed by their own word (or silence): never offered them again, the
 * load row goes (fair shares unharmed), the orderer is told (never the reason), coordinators too
 * when the task is less than 48 h away, and the next candidates are offered the place at once.
 */
function giveBack(
  order: Order,
  offers: readonly Offer[],
  held: Assignee,
  at: Date,
  what: 'withdrawn' | 'recheck_expired',
  reason?: string,
): OfferDecision {
  const now = at.toISOString();
  const offer = offers.find((o) => o.expertEmail === held.email);
  const { confirmBy: _asked, ...previous } = offer ?? ({} as Partial<Offer>);
  const released: Offer = {
    orderId: order.orderId,
    expertEmail: held.email,
    wave: order.wave,
    sentAt: held.at,
    expiresAt: held.at,
    ...previous,
    status: 'closed',
    answeredAt: now,
    withdrawnAt: now,
  };
  const audit = [
    ...(order.audit ?? []),
    {
      at: now,
      by: held.email,
      what,
      who: `${held.name} (${held.email})`,
      ...(reason ? { reason } : {}),
    },
  ];
  const start = helsinkiInstant(order.date, order.start);
  const urgent = start.getTime() - at.getTime() < WITHDRAW_URGENT_MS;
  const effects: Effect[] = [
    card(released),
    { type: 'release_assignment', email: held.email },
    ...(what === 'recheck_expired'
      ? [{ type: 'notify_released', email: held.email, why: 'silence' } as const]
      : []),
    { type: 'notify_orderer', about: 'withdrawn' },
    ...(urgent
      ? [{ type: 'notify_coordinators', about: 'withdrawn', email: held.email } as const]
      : []),
    { type: 'offer_more', wave: 'next' },
  ];
  const decision: OfferDecision = {
    order: {
      ...order,
      assigned: order.assigned.filter((a) => a.email !== held.email),
      status: 'open',
      audit,
    },
    offers: [released],
    effects,
  };
  // The mentor's trainee goes with them (SPEC §3).
  return withTraineesOf({ order, offers }, decision, [held.email], at);
}

// The same transitions by their former names, for the use cases that call them directly.

export function decideAccept(
  order: Order,
  offer: Offer,
  offers: readonly Offer[],
  expertName: string,
  at: Date,
): Result<OfferDecision, OfferRefusal> {
  return accept(order, offer, offers, expertName, at);
}

export function decideAssign(
  order: Order,
  existing: Offer | undefined,
  offers: readonly Offer[],
  email: string,
  expertName: string,
  coordinatorEmail: string,
  at: Date,
): Result<OfferDecision, OfferRefusal> {
  return assign(order, existing, offers, {
    type: 'assign_by_coordinator',
    actor: coordinatorEmail,
    expert: email,
    expertName,
    at,
  });
}

export function decideDecline(
  order: Order,
  offer: Offer,
  at: Date,
): Result<OfferDecision, OfferRefusal> {
  return decline(order, offer, at);
}

export function decideWaveExpiry(
  order: Order,
  wave: number,
  offers: readonly Offer[],
  at: Date,
): OfferDecision | undefined {
  const decision = expireWave({ order, offers }, wave, at);
  return decision.ok ? decision.value : undefined;
}

export function withdrawOffers(order: Order, offers: readonly Offer[], at: Date): OfferDecision {
  return withdraw({ order, offers }, at);
}
