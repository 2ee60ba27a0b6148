import { looseWord } from '../domain/commands/command-table';
import type { FeedbackEntry } from '../domain/feedback/feedback';
import { orderCountEffects } from './stats-counting';
import { DateTime } from 'luxon';
import { checkForcedAssignment, type OverridableRule } from '../domain/matching/forced-assignment';
import { rankCandidates, type HardRule } from '../domain/matching/match-experts';
import {
  decideAssign,
  decideUnassign,
  type Offer,
  type OfferRefusal,
  type UnassignRefusal,
} from '../domain/offers/offer';
import type { Role } from '../domain/registers/roles';
import type { Claim } from '../domain/fees/claim';
import { canonicalMunicipality } from '../domain/orders/canonical-municipality';
import {
  checkOrderForm,
  formatOrderNumber,
  type FieldErrors,
  type Order,
  type OrderForm,
} from '../domain/orders/order';
import { containsPersonalIdentityCode } from '../domain/shared/personal-identity-code';
import { helsinkiDate, ZONE } from '../domain/shared/helsinki';
import { cancelOrder, type CancelOutcome } from './cancel-order';
import { changeOrder } from './change-order';
import { toMatchOrder } from './offer-more';
import type { OrderIndexRow, Person } from './ports';
import type { Services } from './services';
import { wishedResolver } from './submit-order';

/** Who acts, from Teams (never from card data): every use case here is for coordinators only. */
export interface ConsoleActor {
  email: string;
  roles: readonly Role[];
}

export type NotCoordinator = { type: 'refused'; reason: 'command_not_allowed' };
const notAllowed: NotCoordinator = { type: 'refused', reason: 'command_not_allowed' };
const isCoordinator = (a: ConsoleActor) => a.roles.includes('coordinator');

export const ORDERS_PAGE = 10;
/** A filtered list looks at this many newest orders at most (one range read); the card says so. */
export const ORDERS_WINDOW = 500;
export const ORDER_FILTERS = ['all', 'open', 'unfilled', 'week', 'words'] as const;
export type OrdersFilter = (typeof ORDER_FILTERS)[number];

/**
 * Where a list stands, carried in the card's data (never in memory): for the whole list, the
 * index key each page starts after ('' for the first page); for a filter, the page number.
 */
export interface OrdersPaging {
  filter: OrdersFilter;
  words?: string;
  starts?: string[];
  page?: number;
}

export interface OrdersPage {
  type: 'page';
  orders: Order[];
  paging: OrdersPaging;
  next?: OrdersPaging;
  previous?: OrdersPaging;
  /** A filter looked at the newest ORDERS_WINDOW orders and the store holds more. */
  windowEnded: boolean;
}

/** `/orders [open|unfilled|week|all|words]`: newest first, 10 a page, never the whole table. */
export async function listOrders(
  s: Services,
  actor: ConsoleActor,
  paging: OrdersPaging,
  searchText: (row: OrderIndexRow) => string,
): Promise<OrdersPage | NotCoordinator> {
  if (!isCoordinator(actor)) return notAllowed;
  if (paging.filter === 'all') {
    const starts = paging.starts?.length ? paging.starts : [''];
    const after = starts.at(-1) || undefined;
    let rows = await s.orders.listNewest(after, ORDERS_PAGE + 1);
    let current = starts;
    if (rows.length === 0 && starts.length > 1) {
      // A page beyond the end (orders went away meanwhile): show the page before it.
      current = starts.slice(0, -1);
      rows = await s.orders.listNewest(current.at(-1) || undefined, ORDERS_PAGE + 1);
    }
    const shown = rows.slice(0, ORDERS_PAGE);
    return {
      type: 'page',
      orders: await load(s, shown),
      paging: { filter: 'all', starts: current },
      next:
        rows.length > ORDERS_PAGE
          ? { filter: 'all', starts: [...current, shown.at(-1)!.key] }
          : undefined,
      previous: current.length > 1 ? { filter: 'all', starts: current.slice(0, -1) } : undefined,
      windowEnded: false,
    };
  }
  const window = await s.orders.listNewest(undefined, ORDERS_WINDOW);
  const match = rowFilter(paging, helsinkiDate(s.clock.now()), searchText);
  const matching = window.filter(match);
  const lastPage = Math.max(0, Math.ceil(matching.length / ORDERS_PAGE) - 1);
  const page = Math.min(Math.max(0, paging.page ?? 0), lastPage);
  const at = (p: number): OrdersPaging => ({
    filter: paging.filter,
    ...(paging.words ? { words: paging.words } : {}),
    page: p,
  });
  return {
    type: 'page',
    // The index row's status is a hint (a crash between the two writes leaves it stale): the order decides.
    orders: (await load(s, matching.slice(page * ORDERS_PAGE, (page + 1) * ORDERS_PAGE))).filter(
      (o) =>
        paging.filter === 'open' || paging.filter === 'unfilled'
          ? o.status === paging.filter
          : true,
    ),
    paging: at(page),
    next: page < lastPage ? at(page + 1) : undefined,
    previous: page > 0 ? at(page - 1) : undefined,
    windowEnded: window.length >= ORDERS_WINDOW,
  };
}

async function load(s: Services, rows: readonly OrderIndexRow[]): Promise<Order[]> {
  const found = await Promise.all(rows.map((r) => s.orders.get(r.orderId)));
  return found.flatMap((f) => (f ? [f.value] : []));
}

function rowFilter(
  paging: OrdersPaging,
  today: string,
  searchText: (row: OrderIndexRow) => string,
): (row: OrderIndexRow) => boolean {
  switch (paging.filter) {
    case 'open':
      return (r) => r.status === 'open';
    case 'unfilled':
      return (r) => r.status === 'unfilled';
    case 'week': {
      const monday = DateTime.fromISO(today, { zone: ZONE }).startOf('week');
      const from = monday.toISODate()!;
      const to = monday.plus({ days: 6 }).toISODate()!;
      return (r) => r.date >= from && r.date <= to;
    }
    case 'all':
    case 'words': {
      const words = looseWord(paging.words ?? '')
        .split(' ')
        .filter(Boolean);
      return (r) => {
        const text = looseWord(searchText(r));
        return words.every((w) => text.includes(w));
      };
    }
  }
}

/** `/order T-…`: the order with every offer, its claims and the candidates for Assign. */
export interface OrderDetails {
  type: 'order';
  order: Order;
  offers: Offer[];
  claims: Claim[];
  candidates: Array<{ email: string; name: string }>;
  names: Record<string, string>;
  /** The feedback given on the task, comments included: coordinators only (SPEC §6). */
  feedback?: FeedbackEntry[];
}

const CANDIDATES = 5;

export async function orderDetails(
  s: Services,
  actor: ConsoleActor,
  orderId: string,
): Promise<OrderDetails | NotCoordinator | { type: 'refused'; reason: 'order_not_found' }> {
  if (!isCoordinator(actor)) return notAllowed;
  const file = await s.offers.load(orderId);
  if (!file) return { type: 'refused', reason: 'order_not_found' };
  const order = file.order.value;
  const offers = [...file.offers.values()]
    .map((o) => o.value)
    .sort((a, b) => a.sentAt.localeCompare(b.sentAt));
  const claims = (
    await Promise.all(Object.values(order.claims ?? {}).map((id) => s.claims.load(id)))
  ).flatMap((f) => (f ? [f.claim.value] : []));
  const emails = [
    ...new Set([...offers.map((o) => o.expertEmail), ...order.assigned.map((a) => a.email)]),
  ];
  const experts = await Promise.all(emails.map((e) => s.registers.getExpert(e)));
  const names = Object.fromEntries(emails.map((e, i) => [e, experts[i]?.name ?? e]));
  let candidates: OrderDetails['candidates'] = [];
  if (order.status !== 'cancelled' && order.assigned.length < order.expertCount) {
    const [all, loads] = await Promise.all([s.registers.listExperts(), s.loads.all()]);
    const exclude = new Set([...order.assigned.map((a) => a.email), actor.email.toLowerCase()]);
    const ranked = rankCandidates(toMatchOrder(order), all, {
      today: helsinkiDate(s.clock.now()),
      loads,
      exclude,
    });
    const byEmail = new Map(all.map((e) => [e.email, e.name]));
    candidates = ranked
      .slice(0, CANDIDATES)
      .map((c) => ({ email: c.email, name: byEmail.get(c.email) ?? c.email }));
  }
  const given = await Promise.all(
    [order.ordererEmail, ...order.assigned.map((a) => a.email)].map((e) =>
      s.feedback.get(order.orderId, e),
    ),
  );
  const feedback = given.filter((f): f is FeedbackEntry => f !== undefined);
  return { type: 'order', order, offers, claims, candidates, names, feedback };
}

export type ForcedAssignOutcome =
  | { type: 'assigned'; order: Order; name: string; rules: OverridableRule[] }
  | { type: 'needs_confirmation'; rules: OverridableRule[]; name: string }
  | {
      type: 'refused';
      reason:
        | OfferRefusal
        | 'order_not_found'
        | 'expert_not_found'
        | 'cannot_assign_self'
        | 'command_not_allowed'
        | `rule_${HardRule}`;
    };

/**
 * `/assign T-… email` and the Assign button: the hard rules except the wave. A broken rule that a
 * coordinator may set aside (monthly maximum, area, language, place) needs `confirmed`; the check
 * is made again when they confirm. Paused or removed experts, overlaps and oneself are refused.
 */
export async function forceAssign(
  s: Services,
  actor: ConsoleActor,
  orderId: string,
  expertEmail: string,
  confirmed: boolean,
): Promise<ForcedAssignOutcome> {
  if (!isCoordinator(actor)) return notAllowed;
  const email = expertEmail.trim().toLowerCase();
  const by = actor.email.toLowerCase();
  // Nobody decides on their own assignment (SPEC §2).
  if (email === by) return { type: 'refused', reason: 'cannot_assign_self' };
  const expert = await s.registers.getExpert(email);
  if (!expert) return { type: 'refused', reason: 'expert_not_found' };
  const load = await s.loads.get(email);
  const outcome = await changeOrder<ForcedAssignOutcome>(s, orderId, (file) => {
    const order = file.order.value;
    const check = checkForcedAssignment(toMatchOrder(order), expert, {
      today: helsinkiDate(s.clock.now()),
      loads: new Map([[email, load]]),
    });
    if (check.type === 'refused')
      return { result: { type: 'refused', reason: `rule_${check.rule}` } };
    const rules = check.type === 'needs_confirmation' ? check.rules : [];
    if (rules.length && !confirmed)
      return { result: { type: 'needs_confirmation', rules, name: expert.name } };
    const offers = [...file.offers.values()].map((o) => o.value);
    const decision = decideAssign(
      order,
      file.offers.get(email)?.value,
      offers,
      email,
      expert.name,
      by,
      s.clock.now(),
    );
    if (!decision.ok) return { result: { type: 'refused', reason: decision.error } };
    const now = s.clock.now().toISOString();
    const audit = rules.length
      ? [
          ...(decision.value.order.audit ?? []),
          {
            at: now,
            by,
            what: 'forced_assignment' as const,
            who: `${expert.name} (${email})`,
            rules,
          },
        ]
      : decision.value.order.audit;
    const changed = { ...decision.value.order, ...(audit ? { audit } : {}) };
    return {
      change: { ...decision.value, order: changed },
      result: { type: 'assigned', order: changed, name: expert.name, rules },
    };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}

export type UnassignOutcome =
  | { type: 'unassigned'; order: Order; name: string }
  | { type: 'refused'; reason: UnassignRefusal | 'order_not_found' | 'command_not_allowed' };

/** `/unassign T-… email` and the Unassign button: the place is free and offered again. */
export async function unassignExpert(
  s: Services,
  actor: ConsoleActor,
  orderId: string,
  expertEmail: string,
): Promise<UnassignOutcome> {
  if (!isCoordinator(actor)) return notAllowed;
  const email = expertEmail.trim().toLowerCase();
  const outcome = await changeOrder<UnassignOutcome>(s, orderId, (file) => {
    const order = file.order.value;
    const name = order.assigned.find((a) => a.email === email)?.name ?? email;
    const decision = decideUnassign(
      order,
      file.offers.get(email)?.value,
      email,
      actor.email.toLowerCase(),
      s.clock.now(),
      [...file.offers.values()].map((o) => o.value),
    );
    if (!decision.ok) return { result: { type: 'refused', reason: decision.error } };
    return {
      change: decision.value,
      result: { type: 'unassigned', order: decision.value.order, name },
    };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}

export type ContactField = 'ordererName' | 'ordererEmail';
export type PhoneOrderOutcome =
  | {
      type: 'invalid';
      errors: FieldErrors;
      contact: Partial<Record<ContactField, 'field_required' | 'field_invalid'>>;
    }
  | { type: 'created'; order: Order; ordererKnown: boolean }
  | { type: 'already_sent'; orderId: string }
  | { type: 'refused'; reason: 'command_not_allowed' | 'unit_not_found' };

const EMAIL = /^[^\s@<>(),;]+@[^\s@<>(),;]+\.[^\s@<>(),;]+$/;

/**
 * `/order for <unit id>`: a coordinator takes an order by phone. The order is the unit's; the
 * caller gets its messages when they are a person of the tenant the bot knows, else the
 * coordinator does. The card's id makes a double click one order.
 */
export async function submitPhoneOrder(
  s: Services,
  actor: ConsoleActor & { person: Person },
  unitId: string,
  form: OrderForm & { ordererName?: string; ordererEmail?: string },
  draftId: string,
): Promise<PhoneOrderOutcome> {
  if (!isCoordinator(actor)) return notAllowed;
  const unit = await s.registers.getUnit(unitId);
  if (!unit) return { type: 'refused', reason: 'unit_not_found' };
  const now = DateTime.fromJSDate(s.clock.now(), { zone: ZONE });
  // A wished expert by phone: "same as last time" looks at the caller's own orders, if any.
  const wishedFor = form.wishedExpert?.trim()
    ? (await s.people.findByEmail(form.ordererEmail?.trim().toLowerCase() ?? ''))?.aadObjectId
    : undefined;
  const checked = checkOrderForm(
    { ...form, unitId: undefined },
    {
      today: now.toISODate()!,
      nowTime: now.toFormat('HH:mm'),
      resolveMunicipality: canonicalMunicipality,
      resolveWishedExpert: form.wishedExpert?.trim()
        ? await wishedResolver(s, wishedFor ?? '')
        : undefined,
    },
  );
  const name = form.ordererName?.trim() ?? '';
  const email = form.ordererEmail?.trim().toLowerCase() ?? '';
  const contact: Extract<PhoneOrderOutcome, { type: 'invalid' }>['contact'] = {};
  if (!name) contact.ordererName = 'field_required';
  else if (name.length > 100 || containsPersonalIdentityCode(name))
    contact.ordererName = 'field_invalid';
  if (!email) contact.ordererEmail = 'field_required';
  else if (email.length > 200 || !EMAIL.test(email)) contact.ordererEmail = 'field_invalid';
  if (!checked.ok || Object.keys(contact).length)
    return { type: 'invalid', errors: checked.ok ? {} : checked.error, contact };

  const { unitId: _none, ...details } = checked.value;
  const orderId = formatOrderNumber(now.year, await s.orders.allocateNumber(now.year));
  const claimed = await s.orders.claimSubmission(draftId, orderId, now.toUTC().toISO()!);
  if (claimed !== orderId && (await s.orders.get(claimed)))
    return { type: 'already_sent', orderId: claimed };
  const caller = await s.people.findByEmail(email);
  const at = now.toUTC().toISO()!;
  const order: Order = {
    ...details,
    orderId: claimed,
    status: 'open',
    ordererId: caller?.aadObjectId ?? actor.person.aadObjectId,
    ordererEmail: caller?.email.toLowerCase() ?? actor.email.toLowerCase(),
    unitId: unit.unitId,
    createdAt: at,
    assigned: [],
    wave: 0,
    phoneOrder: { name, email, takenBy: actor.email.toLowerCase() },
    audit: [{ at, by: actor.email.toLowerCase(), what: 'phone_order', who: `${name} (${email})` }],
  };
  await s.jobs.markDirty(order.orderId);
  await s.orders.create(order, [
    ...orderCountEffects(undefined, order),
    { type: 'offer_more', wave: 'next' },
  ]);
  s.afterCommit(order.orderId);
  return { type: 'created', order, ordererKnown: caller !== undefined };
}

/** The Cancel button of the `/order` card: a coordinator's cancellation (the orderer has `peru`). */
export async function consoleCancel(
  s: Services,
  actor: ConsoleActor & { aadObjectId: string },
  orderId: string,
): Promise<CancelOutcome | NotCoordinator> {
  if (!isCoordinator(actor)) return notAllowed;
  return cancelOrder(
    s,
    { email: actor.email, aadObjectId: actor.aadObjectId, roles: actor.roles },
    orderId,
  );
}
