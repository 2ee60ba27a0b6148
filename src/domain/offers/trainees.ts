import type { Order, TraineeAlong } from '../orders/order';
import type { Effect, Offer, OfferDecision, OfferStatus } from './offer';

/**
 * A trainee goes with their mentor, never without (SPEC §3). A trainee's join offer moves:
 * - `join`: pending → accepted, while the mentor holds the task and before it starts;
 * - `mentor_left`: pending or accepted → closed, when the mentor no longer holds the task (Can't
 *   make it, no answer to a change, taken off by a coordinator, released by a change). A joined
 *   trainee leaves the task with the mentor, is told kindly, and the orderer hears.
 * - `stays_away`: accepted → closed, the trainee's own Can't make it before the task starts: no
 *   place is offered again (they held none), the orderer hears, the mentor goes as planned.
 * A cancelled order closes the join offers and tells those who joined, as it tells the experts.
 */
export const TRAINEE_TRANSITIONS = {
  join: { from: ['pending'], to: 'accepted' },
  mentor_left: { from: ['pending', 'accepted'], to: 'closed' },
  stays_away: { from: ['accepted'], to: 'closed' },
} as const satisfies Record<string, { from: readonly OfferStatus[]; to: OfferStatus }>;

export interface TraineesLeft {
  /** The trainees still going along. */
  trainees: TraineeAlong[];
  /** The trainees' offers that closed. */
  offers: Offer[];
  effects: Effect[];
}

/**
 * `mentor_left`: the mentors in `mentors` no longer hold the task; their trainees' join offers
 * close (the card says the trip along is off) and those who joined leave the task: their load row
 * goes, they are told (never the mentor's reason), and the orderer hears.
 */
export function traineesLeaveWith(
  order: Order,
  offers: readonly Offer[],
  mentors: readonly string[],
  at: Date,
): TraineesLeft {
  const gone = new Set(mentors);
  const now = at.toISOString();
  const from: readonly OfferStatus[] = TRAINEE_TRANSITIONS.mentor_left.from;
  const closed = offers
    .filter((o) => o.asTrainee && o.mentorEmail !== undefined && gone.has(o.mentorEmail))
    .filter((o) => from.includes(o.status))
    .map((o): Offer => ({
      ...o,
      status: TRAINEE_TRANSITIONS.mentor_left.to,
      answeredAt: now,
      mentorLeftAt: now,
    }));
  const along = order.trainees ?? [];
  const leaving = along.filter((t) => gone.has(t.mentorEmail));
  const mentorName = (email: string) =>
    order.assigned.find((a) => a.email === email)?.name ?? email;
  const effects: Effect[] = closed.map((o) => ({
    type: 'update_offer_card',
    email: o.expertEmail,
  }));
  for (const t of leaving)
    effects.push(
      { type: 'release_assignment', email: t.email },
      { type: 'notify_trainee_off', email: t.email },
      {
        type: 'notify_orderer_trainee',
        about: 'left',
        trainee: t.name,
        mentor: mentorName(t.mentorEmail),
      },
    );
  return { trainees: along.filter((t) => !gone.has(t.mentorEmail)), offers: closed, effects };
}

/** The order and its changed offers with the trainees of `mentors` gone along with them. */
export function withTraineesOf<D extends { order: Order; offers: Offer[]; effects: Effect[] }>(
  before: { order: Order; offers: readonly Offer[] },
  decision: D,
  mentors: readonly string[],
  at: Date,
): D {
  const left = traineesLeaveWith(before.order, before.offers, mentors, at);
  if (left.offers.length === 0 && left.effects.length === 0) return decision;
  return {
    ...decision,
    order: { ...decision.order, trainees: left.trainees },
    offers: [...decision.offers, ...left.offers],
    effects: [...decision.effects, ...left.effects],
  };
}

/**
 * `stays_away`: a trainee who joined says Can't make it. Their trip along ends (the load row goes),
 * the orderer hears (never the reason, which the audit keeps), and nothing else changes.
 */
export function traineeStaysAway(
  order: Order,
  offer: Offer | undefined,
  along: TraineeAlong,
  at: Date,
  reason?: string,
): OfferDecision {
  const now = at.toISOString();
  const closed: Offer = {
    orderId: order.orderId,
    expertEmail: along.email,
    wave: 0,
    sentAt: along.at,
    expiresAt: along.at,
    asTrainee: true,
    mentorEmail: along.mentorEmail,
    ...offer,
    status: TRAINEE_TRANSITIONS.stays_away.to,
    answeredAt: now,
    withdrawnAt: now,
  };
  const mentor =
    order.assigned.find((a) => a.email === along.mentorEmail)?.name ?? along.mentorEmail;
  return {
    order: {
      ...order,
      trainees: (order.trainees ?? []).filter((t) => t.email !== along.email),
      audit: [
        ...(order.audit ?? []),
        {
          at: now,
          by: along.email,
          what: 'withdrawn',
          who: `${along.name} (${along.email})`,
          ...(reason ? { reason } : {}),
        },
      ],
    },
    offers: [closed],
    effects: [
      { type: 'update_offer_card', email: along.email },
      { type: 'release_assignment', email: along.email },
      { type: 'notify_orderer_trainee', about: 'stays_away', trainee: along.name, mentor },
    ],
  };
}
