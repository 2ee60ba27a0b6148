import { whyNotEligible, type ExpertLoad, type HardRule } from '../matching/match-experts';
import type { Assignee, Order, OrderAuditEntry, OrderDetails } from '../orders/order';
import type { Expert } from '../registers/types';
import { helsinkiDate, helsinkiInstant } from '../shared/helsinki';
import { ok, refuse, type Result } from '../shared/result';
import { toMatchOrder } from './follow-up';
import type { Effect, Offer, OfferDecision, OrderOffers } from './offer';
import { withTraineesOf } from './trainees';

/** Why a change of an order is refused (catalogue keys, shown to the person on the card). */
export type ChangeRefusal =
  'change_not_allowed' | 'change_order_closed' | 'order_changed_meanwhile' | 'change_nothing';

export interface ChangeOrderCommand {
  details: OrderDetails;
  actor: { id: string; email: string; isCoordinator: boolean };
  /** The version the change was made from (the card's); another one means someone changed it first. */
  version: number;
  experts: readonly Expert[];
  loads: ReadonlyMap<string, ExpertLoad>;
  at: Date;
}

export interface ChangeDecision extends OfferDecision {
  /** Experts whose place the change took away, latest first, with why. */
  released: Array<{ email: string; name: string; why: 'count' | 'rules' }>;
}

/** The order's fields that a change compares, in the card's order. */
export const CHANGED_FIELDS = [
  'taskType',
  'areas',
  'date',
  'start',
  'end',
  'remote',
  'municipality',
  'address',
  'expertCount',
  'language',
  'audience',
  'wishes',
] as const satisfies ReadonlyArray<keyof OrderDetails>;

/** Fields whose change asks every assigned expert again (Still fine / Can't make it). */
const TIME_OR_PLACE = new Set<keyof OrderDetails>([
  'date',
  'start',
  'end',
  'remote',
  'municipality',
  'address',
]);
/** Fields whose change may break an assigned expert's hard rules. */
const FIT = new Set<keyof OrderDetails>(['taskType', 'areas', 'language']);
/** The hard rules a change of task type, areas or language can break (others are asked). */
const FIT_RULES = new Set<HardRule>(['kind_not_allowed', 'area', 'language']);
const ANSWER_MS = 24 * 3600_000;

export const orderVersion = (order: Order): number => order.version ?? 1;

/** How a field reads in the audit (stable across languages: ids, ISO dates, HH:mm). */
function shown(details: Partial<OrderDetails>, field: keyof OrderDetails): string {
  const v = details[field];
  if (Array.isArray(v)) return [...v].sort().join(', ');
  return v === undefined ? '' : String(v);
}

/** What differs between an order's details and a change of them, field by field, as the audit shows it. */
export function changedFields(
  before: Partial<OrderDetails>,
  after: Partial<OrderDetails>,
): Array<{ field: (typeof CHANGED_FIELDS)[number]; from: string; to: string }> {
  return CHANGED_FIELDS.filter((f) => shown(before, f) !== shown(after, f)).map((field) => ({
    field,
    from: shown(before, field),
    to: shown(after, field),
  }));
}

/** Who may change an order: its orderer and the coordinators. */
export function mayChange(order: Order, actor: { id: string; isCoordinator: boolean }): boolean {
  return order.ordererId === actor.id || actor.isCoordinator;
}

/** An order can be changed until it is cancelled or its task has started. */
export function changeable(order: Order, at: Date): boolean {
  return order.status !== 'cancelled' && at < helsinkiInstant(order.date, order.start);
}

/**
 * How long an assigned expert has to answer a change of time or place: 24 h, or a third of the time
 * left to the (new) start if that is less.
 */
export function answerTimeMs(at: Date, taskStart: Date): number {
  return Math.max(0, Math.min(ANSWER_MS, Math.floor((taskStart.getTime() - at.getTime()) / 3)));
}

/**
 * The orderer (or a coordinator) changes a sent order; it keeps its number and gets a new version.
 * A change of time or place asks each assigned expert (Still fine / Can't make it, answered in
 * time or the place is released); fewer places release the latest assigned first; a task type or
 * areas an assigned expert may not take release them; more places are offered; open offers are
 * redrawn in place. Every version goes to the audit with what changed from what.
 */
export function decideOrderChange(
  { order, offers }: OrderOffers,
  cmd: ChangeOrderCommand,
): Result<ChangeDecision, ChangeRefusal> {
  if (!mayChange(order, cmd.actor)) return refuse('change_not_allowed');
  if (!changeable(order, cmd.at)) return refuse('change_order_closed');
  if (orderVersion(order) !== cmd.version) return refuse('order_changed_meanwhile');
  const changes = changedFields(order, cmd.details);
  if (changes.length === 0) return refuse('change_nothing');

  const now = cmd.at.toISOString();
  const version = orderVersion(order) + 1;
  const changed = (fields: Set<keyof OrderDetails>) => changes.some((c) => fields.has(c.field));
  const next: Order = { ...order, ...cmd.details, version };

  const released: ChangeDecision['released'] = [];
  let kept: Assignee[] = order.assigned;
  if (changed(FIT)) {
    const match = toMatchOrder(next);
    const ctx = { today: helsinkiDate(cmd.at), loads: cmd.loads, exclude: new Set<string>() };
    kept = kept.filter((a) => {
      const expert = cmd.experts.find((e) => e.email === a.email);
      const rule = expert ? whyNotEligible(match, expert, ctx) : 'inactive';
      if (rule === undefined || !FIT_RULES.has(rule)) return true;
      released.push({ email: a.email, name: a.name, why: 'rules' });
      return false;
    });
  }
  if (kept.length > next.expertCount) {
    // The latest assigned go first (the list is in the order they took it: ties go by it).
    const byLatest = [...kept].reverse().sort((a, b) => b.at.localeCompare(a.at));
    const going = new Set(byLatest.slice(0, kept.length - next.expertCount).map((a) => a.email));
    for (const a of byLatest.filter((x) => going.has(x.email)))
      released.push({ email: a.email, name: a.name, why: 'count' });
    kept = kept.filter((a) => !going.has(a.email));
  }

  const offerOf = (email: string) => offers.find((o) => o.expertEmail === email);
  const touched: Offer[] = [];
  const effects: Effect[] = [];
  for (const r of released) {
    const held = order.assigned.find((a) => a.email === r.email)!;
    const { confirmBy: _asked, ...previous } = offerOf(r.email) ?? ({} as Partial<Offer>);
    const offer: Offer = {
      orderId: order.orderId,
      expertEmail: r.email,
      wave: order.wave,
      sentAt: held.at,
      expiresAt: held.at,
      ...previous,
      status: 'closed',
      answeredAt: now,
      released: { at: now, why: r.why },
    };
    touched.push(offer);
    effects.push(
      { type: 'update_offer_card', email: r.email },
      { type: 'release_assignment', email: r.email },
      { type: 'notify_released', email: r.email, why: r.why },
    );
  }

  const timeOrPlace = changed(TIME_OR_PLACE);
  const reschedule = changes.some((c) => ['date', 'start', 'end'].includes(c.field));
  const confirmBy = new Date(
    cmd.at.getTime() + answerTimeMs(cmd.at, helsinkiInstant(next.date, next.start)),
  ).toISOString();
  for (const a of kept) {
    const offer = offerOf(a.email);
    if (reschedule) effects.push({ type: 'reschedule_assignment', email: a.email });
    if (timeOrPlace && offer) {
      touched.push({ ...offer, confirmBy });
      effects.push({ type: 'ask_still_fine', email: a.email, dueAt: confirmBy });
    } else if (offer) {
      effects.push({ type: 'update_offer_card', email: a.email });
    }
  }
  // A trainee going along with a mentor who keeps the task follows the task's new details (their
  // trip stands or falls with the mentor's Still fine); one whose mentor was released goes too.
  const goneMentors = new Set(released.map((r) => r.email));
  for (const t of order.trainees ?? []) {
    if (goneMentors.has(t.mentorEmail)) continue;
    if (reschedule) effects.push({ type: 'reschedule_assignment', email: t.email });
    effects.push({ type: 'update_offer_card', email: t.email });
  }
  for (const o of offers)
    if (o.asTrainee && o.status === 'pending' && !goneMentors.has(o.mentorEmail ?? ''))
      effects.push({ type: 'update_offer_card', email: o.expertEmail });

  const full = kept.length >= next.expertCount;
  // Offers of ordered places (a trainee's join offer is none).
  const pending = offers.filter((o) => o.status === 'pending' && !o.asTrainee);
  for (const o of pending) {
    // The last place is gone: open offers close; otherwise they show the new details.
    if (full) touched.push({ ...o, status: 'closed', answeredAt: now });
    effects.push({ type: 'update_offer_card', email: o.expertEmail });
  }

  const status = full ? 'filled' : 'open';
  if (!full && next.status !== 'cancelled')
    effects.push({ type: 'offer_more', wave: pending.length ? 'same' : 'next' });

  const audit: OrderAuditEntry[] = [
    ...(order.audit ?? []),
    { at: now, by: cmd.actor.email, what: 'changed', version, changes },
    ...released.map((r): OrderAuditEntry => ({
      at: now,
      by: cmd.actor.email,
      what: 'released',
      who: `${r.name} (${r.email})`,
    })),
  ];
  return ok(
    withTraineesOf(
      { order, offers },
      { order: { ...next, assigned: kept, status, audit }, offers: touched, effects, released },
      [...goneMentors],
      cmd.at,
    ),
  );
}
