import { randomBytes } from 'node:crypto';
import type { Claim } from '../domain/fees/claim';
import { monthOf, monthsThrough, RETENTION } from '../domain/privacy/retention';
import { helsinkiInstant } from '../domain/shared/helsinki';
import {
  type Erased,
  namesPerson,
  pseudonymiseClaim,
  pseudonymiseOffers,
  pseudonymiseOrder,
} from '../domain/privacy/pseudonymise';
import { log } from '../log';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import { retryOnConflict } from './conflict';
import type { Person } from './ports';
import type { Services } from './services';

const ALL = 10_000;
/** No claim was paid before the service started. */
const FIRST_MONTH = '2026-01';
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What the service holds on a person, as counts for the confirmation card. */
export interface Held {
  registerRows: number;
  teamsAddress: boolean;
  ordered: number;
  offers: number;
  assignments: number;
  claims: number;
  /** Paid claims: kept for the Accounting Act, under the pseudonym. */
  paidClaims: number;
  feedback: number;
}

/** What keeps a person from being erased now: numbers the coordinator can look up. */
export interface OpenItems {
  orders: string[];
  claims: string[];
  units: string[];
}

export type ForgetOutcome =
  | { type: 'refused'; reason: typeof NOT_ALLOWED | 'forget_usage' }
  | { type: 'not_found'; email: string }
  | { type: 'in_progress'; email: string }
  | { type: 'open'; email: string; open: OpenItems }
  | { type: 'preview'; email: string; held: Held }
  | { type: 'erased'; email: string; pseudonym: string };

interface Found {
  email: string;
  person?: Person;
  held: Held;
  open: OpenItems;
  orderIds: Set<string>;
  /** Orders the person ordered or took part in: the comments given on them go too. */
  takenPart: Set<string>;
  /** Their own claims, and paid claims they approved or paid. */
  claims: Claim[];
  nothing: boolean;
}

/** Everything the service holds on `email`, found through the indexes `my data` uses, and what is still open. */
async function find(s: Services, email: string): Promise<Found> {
  const now = s.clock.now();
  const [expert, staff, person, load, offered, claims, feedback, openClaims, units] =
    await Promise.all([
      s.registers.getExpert(email),
      s.registers.getStaff(email),
      s.people.findByEmail(email),
      s.loads.get(email),
      s.offers.listOfferedTo(email, ALL),
      s.claims.listByExpert(email, ALL),
      s.feedback.listGivenBy(email),
      s.claims.listOpen(),
      s.registers.listUnits(),
    ]);
  const ordered = person ? await s.privacy.ordersOfOrderer(person.aadObjectId) : [];
  // Claims the person approved or paid: the paid-month partitions still kept (6 years at most).
  const from = monthOf(new Date(now.getTime() - (RETENTION.claimYears + 1) * 366 * 24 * 3600_000));
  const approved = (
    await s.claims.listPaid(monthsThrough(from < FIRST_MONTH ? FIRST_MONTH : from, now))
  ).filter(
    (c) =>
      c.expertEmail !== email && JSON.stringify([c.chain, c.history]).toLowerCase().includes(email),
  );
  const open: OpenItems = { orders: [], claims: [], units: [] };
  for (const a of load.assignments)
    if (helsinkiInstant(a.date, a.end) > now) open.orders.push(a.orderId);
  for (const id of ordered) {
    const order = (await s.orders.get(id))?.value;
    if (order && order.status !== 'cancelled' && helsinkiInstant(order.date, order.end) > now)
      open.orders.push(id);
  }
  for (const c of openClaims)
    if (
      c.expertEmail === email ||
      c.holderEmail === email ||
      Object.values(c.chain).includes(email)
    )
      open.claims.push(c.claimId);
  for (const u of units)
    if ([u.supervisorEmail, u.directorEmail, u.payrollEmail].includes(email))
      open.units.push(u.unitId);
  const takenPart = new Set([
    ...ordered,
    ...load.assignments.map((a) => a.orderId),
    ...claims.map((c) => c.orderId),
  ]);
  const orderIds = new Set([...takenPart, ...offered, ...feedback.map((f) => f.orderId)]);
  const held: Held = {
    registerRows: (expert ? 1 : 0) + (staff ? 1 : 0),
    teamsAddress: person !== undefined,
    ordered: ordered.length,
    offers: offered.length,
    assignments: load.assignments.length,
    claims: claims.length,
    paidClaims: claims.filter((c) => c.status === 'paid').length,
    feedback: feedback.length,
  };
  return {
    email,
    ...(person ? { person } : {}),
    held,
    open: {
      orders: [...new Set(open.orders)].sort(),
      claims: open.claims.sort(),
      units: open.units.sort(),
    },
    orderIds,
    takenPart,
    claims: [...claims, ...approved],
    nothing:
      !expert &&
      !staff &&
      !person &&
      orderIds.size === 0 &&
      claims.length === 0 &&
      approved.length === 0,
  };
}

const hasOpen = (o: OpenItems) => o.orders.length + o.claims.length + o.units.length > 0;

/** Reads the e-mail a coordinator typed or a card carried: one address, lower case. */
function emailOf(text: string): string | undefined {
  const email = text.trim().toLowerCase();
  return EMAIL.test(email) && email.length <= 320 ? email : undefined;
}

/**
 * `/forget <email>` (SPEC §13): what would be erased and kept, for the confirmation card; refused
 * while the person has a task to come, an unpaid claim or a unit role.
 */
export async function previewForget(
  s: Services,
  actor: Actor,
  text: string,
): Promise<ForgetOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  const email = emailOf(text);
  if (!email) return { type: 'refused', reason: 'forget_usage' };
  if (await s.privacy.erasureOf(email)) return { type: 'in_progress', email };
  const found = await find(s, email);
  if (found.nothing) return { type: 'not_found', email };
  if (hasOpen(found.open)) return { type: 'open', email, open: found.open };
  return { type: 'preview', email, held: found.held };
}

/**
 * **Erase data** on the confirmation card: checks the actor and what is open again (the card may be
 * old or forged), then erases. A second click finds nothing left and changes nothing.
 */
export async function confirmForget(
  s: Services,
  actor: Actor,
  text: string,
): Promise<ForgetOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  const email = emailOf(text);
  if (!email) return { type: 'refused', reason: 'forget_usage' };
  const found = await find(s, email);
  if (found.nothing) return { type: 'not_found', email };
  if (hasOpen(found.open)) return { type: 'open', email, open: found.open };
  const begun = await s.privacy.beginErasure(email, `poistettu-${randomBytes(5).toString('hex')}`);
  if (!begun.started) return { type: 'in_progress', email };
  await erase(s, found, begun.pseudonym, actor.email);
  return { type: 'erased', email, pseudonym: begun.pseudonym };
}

/**
 * Finishes an erasure left unfinished (the instance stopped in the middle): the daily retention
 * run calls it for each one. Every step is safe to repeat.
 */
export async function resumeErasure(s: Services, email: string, by: string): Promise<void> {
  const pseudonym = await s.privacy.erasureOf(email);
  if (pseudonym) await erase(s, await find(s, email), pseudonym, by);
}

/** Erases a person whom retention found removed long enough ago with nothing open (SPEC §13). */
export async function eraseRemoved(s: Services, email: string): Promise<string | undefined> {
  const found = await find(s, email);
  if (found.nothing || hasOpen(found.open)) return undefined;
  const begun = await s.privacy.beginErasure(email, `poistettu-${randomBytes(5).toString('hex')}`);
  if (!begun.started) return undefined;
  await erase(s, found, begun.pseudonym, 'retention');
  return begun.pseudonym;
}

/**
 * Replaces the person by the pseudonym in every order, offer and claim, and deletes the rows that
 * are theirs alone (register rows and their audit, Teams address, load, feedback, drafts, timers,
 * waiting items, export links). The audit entry names only the pseudonym and who erased.
 */
async function erase(s: Services, found: Found, pseudonym: string, by: string): Promise<void> {
  const { email, person } = found;
  const who: Erased = {
    email,
    pseudonym,
    ...(person ? { aadObjectId: person.aadObjectId } : {}),
  };
  let orders = 0;
  for (const orderId of found.orderIds) {
    await retryOnConflict('erase_order', async () => {
      const file = await s.offers.load(orderId);
      if (!file) return;
      const before = file.order.value;
      const offers = [...file.offers.values()].map((o) => o.value);
      if (found.takenPart.has(orderId))
        for (const rater of [before.ordererEmail, ...before.assigned.map((a) => a.email)])
          await s.privacy.dropFeedbackComment(orderId, rater);
      await s.privacy.dropOrderRowsOf(orderId, email);
      if (!namesPerson(before, offers, who)) return;
      await s.privacy.rewriteOrder(
        file,
        pseudonymiseOrder(before, who),
        pseudonymiseOffers(offers, who),
      );
      orders++;
    });
  }
  for (const claim of found.claims) {
    await retryOnConflict('erase_claim', async () => {
      const file = await s.claims.load(claim.claimId);
      if (!file) return;
      await s.privacy.rewriteClaim(file, pseudonymiseClaim(file.claim.value, who), email);
    });
  }
  for (const mentee of (await s.registers.listExperts()).filter((e) => e.mentorEmail === email))
    await s.registers.updateExpert(mentee.email, ({ mentorEmail: _m, ...rest }) => rest);
  let table: 'expert' | 'staff' = 'expert';
  for (const kind of ['expert', 'staff'] as const) {
    await retryOnConflict('erase_register_row', async () => {
      const row = await s.registers.readRow(kind, email);
      if (!row) return;
      table = kind;
      await s.registers.deleteRow(kind, email, row.etag);
    });
  }
  if (person) await s.people.remove(person);
  await s.privacy.deletePersonRows(email, person?.aadObjectId);
  await s.registers.appendAudit({
    subject: pseudonym,
    table,
    action: 'erased',
    by,
    at: s.clock.now().toISOString(),
    changes: [],
  });
  await s.privacy.endErasure(email);
  log.info(
    { event: 'person_erased', pseudonym, orders, claims: found.claims.length },
    'personal data erased',
  );
}
