import type { AssignmentRef, ExpertLoad } from '../domain/matching/match-experts';
import type { Claim, ClaimEffect } from '../domain/fees/claim';
import type { Tariff } from '../domain/fees/tariff';
import type { Effect, Offer } from '../domain/offers/offer';
import type { Order, OrderForm } from '../domain/orders/order';
import type { Expert, StaffMember, Unit } from '../domain/registers/types';
import type { FeedbackEntry, FeedbackRole } from '../domain/feedback/feedback';
import type { ClaimAmount } from '../domain/fees/claim-amount';
import type { ClaimFieldErrors, ClaimForm } from '../domain/fees/claim-form';
import type { ExpertKind, Language } from '../domain/shared/vocabulary';

/** Registers keyed by e-mail (experts, staff) and unit id; rows are replaced by key on import. */
export interface RegisterRepository {
  getExpert(email: string): Promise<Expert | undefined>;
  listExperts(): Promise<Expert[]>;
  putExpert(expert: Expert): Promise<void>;
  /**
   * Changes an expert's row conditionally on its ETag, deciding again on a conflict; `by` is who
   * changed it (a register card shows it when its own Save comes too late).
   */
  updateExpert(
    email: string,
    change: (expert: Expert) => Expert,
    by?: RowChange,
  ): Promise<Expert | undefined>;
  getUnit(unitId: string): Promise<Unit | undefined>;
  listUnits(): Promise<Unit[]>;
  putUnit(unit: Unit): Promise<void>;
  getStaff(email: string): Promise<StaffMember | undefined>;
  listStaff(): Promise<StaffMember[]>;
  putStaff(staff: StaffMember): Promise<void>;
  /** True when no register row of any kind exists (the demo register is loaded then). */
  isEmpty(): Promise<boolean>;
  /** One row with its ETag and who last changed it from a card (an import leaves no name). */
  readRow<K extends RegisterTable>(
    table: K,
    key: string,
  ): Promise<VersionedRow<RegisterRowOfTable[K]> | undefined>;
  /**
   * Writes one row from a register card: created when `etag` is undefined, else replaced only if
   * unchanged since that ETag; throws WriteConflict when it exists already or changed meanwhile.
   */
  writeRow<K extends RegisterTable>(
    table: K,
    key: string,
    value: RegisterRowOfTable[K],
    etag: string | undefined,
    change: RowChange,
  ): Promise<void>;
  /** Deletes one row if unchanged since `etag`; throws WriteConflict otherwise. */
  deleteRow(table: RegisterTable, key: string, etag: string): Promise<void>;
  appendAudit(entry: RegisterAuditEntry): Promise<void>;
  /** The audit entries of one e-mail or unit id, newest first. */
  listAudit(subject: string, limit: number): Promise<RegisterAuditEntry[]>;
}

export type RegisterTable = 'expert' | 'unit' | 'staff';
export interface RegisterRowOfTable {
  expert: Expert;
  unit: Unit;
  staff: StaffMember;
}

export interface VersionedRow<T> {
  value: T;
  etag: string;
  changedBy?: string; // e-mail; none when an import wrote the row
  changedAt: string; // ISO
}

export interface RowChange {
  by: string;
  at: string;
}

/** A change made from a register card: who, when, which fields from what to what. */
export interface RegisterAuditEntry {
  subject: string; // the e-mail or unit id
  table: RegisterTable;
  action: 'added' | 'changed' | 'paused' | 'removed';
  by: string;
  at: string;
  changes: Array<{ field: string; from: string; to: string }>;
}

/** Where the bot can reach a person: the Bot Framework conversation reference, as stored. */
export interface ConversationAddress {
  conversationId: string;
  serviceUrl: string;
  tenantId?: string;
  userId: string; // Teams MRI, 29:…
  botId: string;
  channelId: string;
}

export interface Person {
  aadObjectId: string;
  email: string;
  locale: Language;
  address: ConversationAddress;
  unreachableSince?: string; // ISO; set on 403, cleared when they write again
  chosenUnitId?: string;
  firstSeenAt: string;
  /** When the e-mail was last read from Teams (ISO); read again after a day (SPEC §9). */
  emailCheckedAt?: string;
  /** When the person was told what the service is and stores (SPEC §12), ISO; once per person. */
  introducedAt?: string;
}

export interface Stored<T> {
  value: T;
  etag: string;
}

export interface PersonRepository {
  get(aadObjectId: string): Promise<Stored<Person> | undefined>;
  findByEmail(email: string): Promise<Person | undefined>;
  /** Creates (no etag) or updates conditionally on `etag`; throws on a conflict (412/409). */
  save(person: Person, etag?: string): Promise<string>;
  /**
   * Changes a stored person conditionally on the ETag, deciding again on a conflict; `change`
   * returns undefined when nothing needs writing.
   */
  update(aadObjectId: string, change: (person: Person) => Person | undefined): Promise<void>;
}

/** Orders: one partition per order (its offers will live beside it), plus an index per orderer. */
export interface OrderRepository {
  /**
   * Creates the order with the effects that start its work, and its orderer-index row; creating
   * the same order again changes nothing.
   */
  create(order: Order, effects: readonly Effect[]): Promise<void>;
  get(orderId: string): Promise<Stored<Order> | undefined>;
  /** The orderer's orders, newest first. */
  listByOrderer(ordererId: string, limit: number): Promise<Order[]>;
  /** How many orders the orderer has created at or after `since` (ISO instant): the hourly limit. */
  countCreatedSince(ordererId: string, since: string): Promise<number>;
  /** The next free number of the year, unique across instances and restarts. */
  allocateNumber(year: number): Promise<number>;
  /** Ties a card submission to an order number; returns the number of the first claim. */
  claimSubmission(submissionId: string, orderId: string): Promise<string>;
  /**
   * Index rows of every order, newest first, after the row `after` (exclusive): one range read
   * of one index partition, however many orders the store holds.
   */
  listNewest(after: string | undefined, limit: number): Promise<OrderIndexRow[]>;
}

/** An order's row in the newest-first index: its key (for paging) and a summary for filters. */
export interface OrderIndexRow {
  key: string;
  orderId: string;
  status: Order['status'];
  date: string;
  taskType: string;
  municipality: string;
  unitId: string;
  remote: boolean;
  /** "Name <email>; …" of the assigned experts when the row was last written. */
  assigned: string;
  createdAt: string;
}

/** An order being written: what the parser and the orderer's corrections have given so far. */
export interface OrderDraft {
  draftId: string;
  fields: OrderForm;
  updatedAt: string;
}

export interface DraftRepository {
  get(personId: string): Promise<OrderDraft | undefined>;
  save(personId: string, draft: OrderDraft): Promise<void>;
  delete(personId: string): Promise<void>;
}

/** An order with everything in its partition: offers, the ids of sent offer cards. */
export interface OrderFile {
  order: Stored<Order>;
  offers: Map<string, Stored<Offer>>; // by expert email
  sentCards: Map<string, string>; // expert email → activity id of their offer card
  /** The effects still to carry out, as loaded with the order (the drain reads them from here). */
  effects?: StoredEffect[];
}

export interface OrderChange {
  order: Stored<Order>;
  offers: Offer[];
  effects: Effect[];
}

export interface StoredEffect<E = Effect> {
  key: string;
  effect: E;
}

/** The rows of one order that change together, written in one transaction (one partition). */
export interface OfferStore {
  load(orderId: string): Promise<OrderFile | undefined>;
  /**
   * Writes the order (conditionally on its ETag), the changed offers and the effects to carry out,
   * atomically. Throws a 412 when the order changed meanwhile: the caller decides again.
   */
  commit(change: OrderChange, existing: OrderFile): Promise<void>;
  listEffects(orderId: string): Promise<StoredEffect[]>;
  /** Removes carried-out effects (several in one write). */
  deleteEffects(orderId: string, keys: readonly string[]): Promise<void>;
  recordSentCard(orderId: string, email: string, activityId: string): Promise<void>;
  /** The orders whose offer card went to `email` (for `my data`; one query over the table). */
  listOfferedTo(email: string, limit: number): Promise<string[]>;
}

/** task_ended: the claim card to `email`, or with no email the orderer's Task done card. */
/** quiet_wave: a new offer wave held back for the night (SPEC §4), sent at 08:00. */
/** reach_deadline: what waited an hour for an installation goes to the coordinators (SPEC §12). */
export type TimerKind =
  | 'wave_expiry'
  | 'task_reminder'
  | 'task_ended'
  | 'claim_timer'
  | 'feedback_card'
  | 'quiet_wave'
  | 'reach_deadline';

export interface Timer {
  key: string;
  kind: TimerKind;
  dueAt: string;
  orderId: string;
  wave?: number;
  email?: string;
  claimId?: string;
}

/**
 * Work that must happen later or again: timers (waves, reminders) and orders whose effects are
 * still to be carried out. Claimed with a lease so that two instances never run the same row.
 */
export interface JobStore {
  schedule(timer: Omit<Timer, 'key'>): Promise<void>;
  /** Due timers, each leased to this caller until `leaseUntil`. */
  claimDueTimers(now: Date, leaseMs: number, limit: number): Promise<Timer[]>;
  completeTimer(key: string): Promise<void>;
  /** Marks an order or claim as having effects to carry out; keeps a lease someone holds. */
  markDirty(id: string): Promise<void>;
  /** Orders and claims with effects to carry out that nobody holds a lease on now. */
  listDirty(now: Date, limit: number): Promise<string[]>;
  /**
   * Leases one order or claim to this caller (marking it when no mark is left: a drain elsewhere
   * may have cleared the mark set before the caller's commit landed); undefined when someone else
   * holds it, and then the mark is set again so that they go round once more. `renew`: the caller
   * holds the lease already and extends it (the mark was set again); undefined when it is gone.
   */
  leaseDirty(id: string, now: Date, leaseMs: number, renew?: boolean): Promise<string | undefined>;
  /** Clears the mark unless it was set again meanwhile (then the etag no longer matches). */
  clearDirty(id: string, etag: string): Promise<boolean>;
}

/** What each expert already holds, for the matching rules (overlap, monthly maximum, fair shares). */
export interface LoadStore {
  all(): Promise<Map<string, ExpertLoad>>;
  get(email: string): Promise<ExpertLoad>;
  /** Adds the assignment unless it is there already (effects run at least once). */
  add(email: string, assignment: AssignmentRef): Promise<void>;
  remove(email: string, orderId: string): Promise<void>;
  /** The expert's feedback average (none below 3 ratings) and count, for matching (SPEC §6). */
  setFeedback(email: string, feedback: { average?: number; count: number }): Promise<void>;
}

/** A fee claim with its pending effects and the cards sent about it (to update them in place). */
export interface ClaimFile {
  claim: Stored<Claim>;
  effects: StoredEffect<ClaimEffect>[];
  cards: SentCard[];
}

export interface SentCard {
  email: string;
  activityId: string;
}

/**
 * Fee claims, one row each (written with its ETag), with index rows by expert, by holder, open
 * claims, and claims paid per month. Index rows are written before the claim and checked against
 * it when read, so a stale index row is skipped and a missing one cannot happen.
 */
export interface ClaimStore {
  allocateNumber(year: number): Promise<number>;
  /** Writes a new claim; false when it exists already (a repeated submission). */
  create(claim: Claim, effects: readonly ClaimEffect[]): Promise<boolean>;
  load(claimId: string): Promise<ClaimFile | undefined>;
  /** Writes the claim conditionally on the loaded ETag (412 when it changed) with more effects. */
  commit(file: ClaimFile, claim: Claim, effects: readonly ClaimEffect[]): Promise<void>;
  deleteEffect(claimId: string, key: string): Promise<void>;
  recordCard(claimId: string, card: SentCard): Promise<void>;
  listByExpert(email: string, limit: number): Promise<Claim[]>;
  /** The claims waiting for this person now. */
  listByHolder(email: string): Promise<Claim[]>;
  /** Claims not yet paid (waiting for someone, or returned to the expert). */
  listOpen(): Promise<Claim[]>;
  /** Claims paid in the given months (YYYY-MM). */
  listPaid(months: readonly string[]): Promise<Claim[]>;
}

/** Tariff versions; a claim keeps the version it was computed with. */
export interface TariffStore {
  current(): Promise<Tariff>;
  get(version: string): Promise<Tariff | undefined>;
  /** Stores a new version and makes it current; refuses a version that exists. */
  add(tariff: Tariff): Promise<boolean>;
}

/** A payroll CSV to fetch once by its secret link: who asked and what, until when. */
export interface ExportRequest {
  email: string;
  isCoordinator: boolean;
  months: string[];
  expiresAt: string;
}

export interface ExportStore {
  create(request: ExportRequest): Promise<string>; // the token
  get(token: string): Promise<ExportRequest | undefined>;
  delete(token: string): Promise<void>;
  /** Removes every request whose link expired before `now` (ISO instant). */
  deleteExpired(now: string): Promise<void>;
}

export interface Settings {
  /** Every shortlist waits for a coordinator's review before offers go out (SPEC §4). */
  reviewShortlists: boolean;
}

export interface SettingStore {
  get(): Promise<Settings>;
  set(settings: Settings): Promise<void>;
}

/** The Teams side of the outbox: draws the cards and messages that effects call for. */
export interface Notifier {
  /** Sends the expert's offer card in its current state, or updates the one sent before. */
  offerCard(
    expert: Person,
    view: OfferView,
    sentActivityId?: string,
  ): Promise<{ ok: boolean; activityId?: string; unreachable?: boolean; retry?: boolean }>;
  ordererUpdate(
    orderer: Person,
    order: Order,
    about: 'assigned' | 'filled' | 'unfilled' | 'partly_filled',
  ): Promise<void>;
  coordinatorUnfilled(
    coordinator: Person,
    order: Order,
    candidates: CandidateView[],
  ): Promise<void>;
  coordinatorReview(coordinator: Person, order: Order, shortlist: CandidateView[]): Promise<void>;
  coordinatorUnreachable(coordinator: Person, order: Order, expertName: string): Promise<void>;
  expertCancelled(expert: Person, order: Order): Promise<void>;
  /** A coordinator took the expert off the order. */
  expertUnassigned(expert: Person, order: Order): Promise<void>;
  /** The orderer hears that an expert was taken off and the place is offered again. */
  ordererUnassigned(orderer: Person, order: Order, expertName: string): Promise<void>;
  /** The orderer said that the task did not take place: the expert is told kindly, with the reason. */
  expertTaskNotDone(expert: Person, order: Order): Promise<void>;
  /** The same for the coordinators, who decide on the task's claims. */
  coordinatorTaskNotDone(coordinator: Person, order: Order): Promise<void>;
  taskReminder(expert: Person, order: Order, orderer: OrdererContact): Promise<void>;
  /** The expert's claim card, pre-filled (after the task, or again after a rejection). */
  claimForm(expert: Person, view: ClaimFormView): Promise<Delivery>;
  taskDoneCard(orderer: Person, order: Order, unitName: string): Promise<Delivery>;
  /** A claim as its viewer sees it now; sent anew, or updated in place when `activityId` is given. */
  claimCard(viewer: Person, view: ClaimView, activityId?: string): Promise<Delivery>;
  claimStep(expert: Person, view: ClaimView, reason?: string): Promise<Delivery>;
  claimReminder(holder: Person, view: ClaimView): Promise<Delivery>;
  claimStuck(coordinator: Person, view: ClaimView): Promise<void>;
  claimUnreachable(coordinator: Person, view: ClaimView): Promise<void>;
  /** The stage would sit with the claim's own expert: a coordinator gives it to a stand-in. */
  claimNeedsStandIn(coordinator: Person, view: ClaimView): Promise<void>;
  claimReassigned(person: Person, view: ClaimView, gained: boolean): Promise<void>;
  /** The feedback card after a task (SPEC §6), to the orderer or an assigned expert. */
  feedbackCard(person: Person, view: FeedbackView): Promise<Delivery>;
}

/**
 * unreachable: the person has not installed the bot (403), or Teams refused the call for good
 * (another 4xx); failed: throttled, timed out or down after all retries, worth trying again later.
 */
export type Delivery =
  { ok: true; activityId?: string } | { ok: false; reason: 'unreachable' | 'failed' };

/** What a claim card shows: the task, the expert, the amount, and who holds it. */
export interface ClaimView {
  claim: Claim;
  order: Order;
  unitName: string;
  expertName: string;
  holderName: string;
  /** Names of everyone in the history, by e-mail. */
  names: Record<string, string>;
}

export interface ClaimFormView {
  order: Order;
  unitName: string;
  form: ClaimForm;
  tariff: Tariff;
  expertKind: ExpertKind;
  claimId?: string; // a returned claim being corrected
  reason?: string;
  errors?: ClaimFieldErrors;
  amount?: ClaimAmount;
}

export interface OrdererContact {
  name: string;
  email: string;
}

/** All an offer card shows; the address and contact only once the expert holds the task. */
export interface OfferView {
  order: Order;
  offer: Offer;
  unitName: string;
  estimatedFeeCents?: number;
  orderer?: OrdererContact;
}

export interface CandidateView {
  email: string;
  name: string;
}

/** What a feedback card shows: the task, and whether its reader rates it as orderer or expert. */
export interface FeedbackView {
  order: Order;
  role: FeedbackRole;
  unitName: string;
  /** Set once the person has answered: the card shows their answer and no button. */
  given?: FeedbackEntry;
}

/**
 * Feedback on tasks (SPEC §6): each answer once per person and task, the ratings about each expert
 * (for their average), and a mark per card sent so that a card goes out once.
 */
export interface FeedbackStore {
  /** Stores one person's feedback on one task; false when they gave it already (nothing changes). */
  give(entry: FeedbackEntry): Promise<boolean>;
  get(orderId: string, raterEmail: string): Promise<FeedbackEntry | undefined>;
  /** Everything `email` has given, oldest task first. */
  listGivenBy(email: string): Promise<FeedbackEntry[]>;
  /** Records the orderer's rating of a task about one of its experts (once per task); returns every rating about them. */
  recordAbout(expertEmail: string, orderId: string, rating: number): Promise<number[]>;
  /** Marks the card to `email` about the order as sent; false when it was marked already. */
  markCardSent(orderId: string, email: string): Promise<boolean>;
  unmarkCardSent(orderId: string, email: string): Promise<void>;
}
