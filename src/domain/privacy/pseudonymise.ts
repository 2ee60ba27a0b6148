import type { Claim } from '../fees/claim';
import type { Offer } from '../offers/offer';
import type { Order } from '../orders/order';

/** Who is erased (SPEC §13): the e-mail (lower case), the Entra object id when known, and the pseudonym that replaces both. */
export interface Erased {
  email: string;
  aadObjectId?: string;
  pseudonym: string;
}

/** The pseudonym's shape: stored in place of a name and an e-mail, never derived from either. */
export const PSEUDONYM = /^poistettu-[0-9a-f]{10}$/;

const swap = (value: string | undefined, who: Erased): string | undefined =>
  value !== undefined && value.toLowerCase() === who.email ? who.pseudonym : value;

/**
 * The order with the person's name and e-mail replaced by the pseudonym wherever they appear, and
 * the free texts they wrote on it (as its orderer: audience, wishes, address, the reason it did not
 * take place) dropped. Figures stay: dates, task type, unit, number of experts, status.
 */
export function pseudonymiseOrder(order: Order, who: Erased): Order {
  const p = who.pseudonym;
  const isOrderer =
    order.ordererEmail.toLowerCase() === who.email ||
    (who.aadObjectId !== undefined && order.ordererId === who.aadObjectId) ||
    order.phoneOrder?.email.toLowerCase() === who.email;
  const {
    audience: _audience,
    wishes: _wishes,
    address: _address,
    taskNotDoneReason: _reason,
    ...rest
  } = order;
  const next: Order = {
    ...(isOrderer ? rest : order),
    ordererEmail: swap(order.ordererEmail, who)!,
    ordererId: order.ordererId === who.aadObjectId ? p : order.ordererId,
    assigned: order.assigned.map((a) =>
      a.email.toLowerCase() === who.email
        ? { ...a, email: p, name: p }
        : { ...a, ...(a.byCoordinator ? { byCoordinator: swap(a.byCoordinator, who) } : {}) },
    ),
  };
  if (!isOrderer && order.taskNotDoneBy?.toLowerCase() === who.email) delete next.taskNotDoneReason;
  for (const field of ['cancelledBy', 'taskDoneBy', 'taskNotDoneBy'] as const)
    if (next[field] !== undefined) next[field] = swap(next[field], who);
  if (order.shortlist) next.shortlist = order.shortlist.map((e) => swap(e, who)!);
  if (order.claims)
    next.claims = Object.fromEntries(
      Object.entries(order.claims).map(([email, claimId]) => [swap(email, who)!, claimId]),
    );
  if (order.phoneOrder) {
    const mine = order.phoneOrder.email.toLowerCase() === who.email;
    next.phoneOrder = {
      name: mine ? p : order.phoneOrder.name,
      email: mine ? p : order.phoneOrder.email,
      takenBy: swap(order.phoneOrder.takenBy, who)!,
    };
  }
  if (order.audit)
    next.audit = order.audit.map((e) => ({
      ...e,
      by: swap(e.by, who)!,
      ...(e.who !== undefined && e.who.toLowerCase().includes(who.email) ? { who: p } : {}),
    }));
  return next;
}

/** The order's offers keyed by e-mail, the person's under the pseudonym. */
export function pseudonymiseOffers(offers: readonly Offer[], who: Erased): Offer[] {
  return offers.map((o) =>
    o.expertEmail.toLowerCase() === who.email ? { ...o, expertEmail: who.pseudonym } : o,
  );
}

/**
 * The claim with the person's e-mail replaced wherever it appears; what the Accounting Act keeps
 * stays (amounts, dates, unit and its cost centre, payment type and business id). Free texts the
 * person wrote (their expense note, their reasons) are dropped.
 */
export function pseudonymiseClaim(claim: Claim, who: Erased): Claim {
  const isExpert = claim.expertEmail.toLowerCase() === who.email;
  return {
    ...claim,
    expertEmail: swap(claim.expertEmail, who)!,
    holderEmail: swap(claim.holderEmail, who)!,
    chain: {
      orderer: swap(claim.chain.orderer, who)!,
      supervisor: swap(claim.chain.supervisor, who)!,
      ...(claim.chain.director ? { director: swap(claim.chain.director, who)! } : {}),
      payroll: swap(claim.chain.payroll, who)!,
    },
    versions: claim.versions.map((v) => {
      if (!isExpert) return v;
      const { expensesNote: _note, ...rest } = v;
      return rest;
    }),
    history: claim.history.map((h) => {
      const mine = h.by.toLowerCase() === who.email;
      const { reason: _reason, ...rest } = h;
      return {
        ...(mine ? rest : h),
        by: swap(h.by, who)!,
        ...(h.from !== undefined ? { from: swap(h.from, who)! } : {}),
        ...(h.to !== undefined ? { to: swap(h.to, who)! } : {}),
      };
    }),
  };
}

/** True when the order still names the person anywhere (a second erasure finds nothing to do). */
export function namesPerson(order: Order, offers: readonly Offer[], who: Erased): boolean {
  return JSON.stringify([order, offers]).toLowerCase().includes(who.email);
}
