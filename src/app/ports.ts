import type { AssignmentRef, ExpertLoad } from '../domain/matching/match-experts';
import type { Claim, ClaimEffect } from '../domain/fees/claim';
import type { Tariff } from '../domain/fees/tariff';
import type { Effect, Offer, OrdererNews } from '../domain/offers/offer';
import type { Order, OrderForm } from '../domain/orders/order';
import type { Series, SeriesForm } from '../domain/orders/series';
import type { Expert, StaffMember, Unit } from '../domain/registers/types';
import type { FeedbackEntry, FeedbackRole } from '../domain/feedback/feedback';
import type { CountDelta, Counts } from '../domain/stats/aggregate';
import type { ClaimAmount } from '../domain/fees/claim-amount';
import type { ClaimFieldErrors, ClaimForm } from '../domain/fees/claim-form';
import type { ExpertKind, Language } from '../domain/shared/vocabulary';
import type { ReachReason } from './reach';
import type { InstallAllView } from './install-all';

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
  action: 'added' | 'changed' | 'paused' | 'removed' | 'erased';
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
  /**
   * Creates (no etag) or updates conditionally on `etag`; throws on a conflict (412/409).
   * `previous`: the person as read for this update (read again when not given).
   */
  save(person: Person, etag?: string, previous?: Person): Promise<string>;
  /**
   * Changes a stored person conditionally on the ETag, deciding again on a conflict; `change`
   * returns undefined when nothing needs writing.
   */
  update(aadObjectId: string, change: (person: Person) => Person | undefined): Promise<void>;
  /** Deletes the person and their e-mail index row (erasure, SPEC §13). */
  remove(person: Person): Promise<void>;
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
  /**
   * Ties a card submission to an order number; returns the number of the first claim. `at` (ISO)
   * lets retention delete the row with its order (SPEC §13).
   */
  claimSubmission(submissionId: string, orderId: string, at?: string): Promise<string>;
  /**
   * Index rows of every order, newest first, after the row `after` (exclusive): one range read
   * of one index partition, however many orders the store holds.
   */
  listNewest(after: string | undefined, limit: number): Promise<OrderIndexRow[]>;
  /** The next free series number of the year (S-YYYY-NNNN), a counter like the order numbers'. */
  allocateSeriesNumber(year: number): Promise<number>;
  /** Stores a series with its sessions' order numbers; storing the same series again changes nothing. */
  createSeries(series: Series): Promise<void>;
  getSeries(seriesId: string): Promise<Series | undefined>;
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
  fields: OrderForm & SeriesForm;
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
  /**
   * Claims the sending of a card that several orders share (a series' one card to an expert), on
   * the sent-card row of `orderId` (written only if absent, or taken over with its ETag once the
   * holder's `holdMs` ran out): `mine` to send it now, `sent` when it went out already (update
   * that one), `busy` while another instance is sending it. Two instances never both send it.
   */
  claimSharedCard(
    orderId: string,
    email: string,
    at: Date,
    holdMs: number,
  ): Promise<
    { type: 'mine'; etag: string } | { type: 'sent'; activityId: string } | { type: 'busy' }
  >;
  /** Gives a claim back when nothing was sent (the expert could not be reached). */
  releaseSharedCard(orderId: string, email: string, etag: string): Promise<void>;
  /** The orders whose offer card went to `email` (for `my data`; one query over the table). */
  listOfferedTo(email: string, limit: number): Promise<string[]>;
}

export type ReleaseWhy = 'count' | 'rules' | 'silence';

/** still_fine: an assigned expert's answer time to a changed order ran out (place released if silent). */
/** task_ended: the claim card to `email`, or with no email the orderer's Task done card. */
/** quiet_wave: a new offer wave held back for the night (SPEC §4), sent at 08:00. */
/** reach_deadline: what waited an hour for an installation goes to the coordinators (SPEC §12). */
/** install_all: the next slice of Install for all (orderId: the job, wave: the slice). */
export const TIMER_KINDS = [
  'wave_expiry',
  'task_reminder',
  'task_ended',
  'claim_timer',
  'feedback_card',
  'quiet_wave',
  'reach_deadline',
  'install_all',
  /** The daily retention run (SPEC §13). */
  'retention',
  'still_fine',
] as const;
export type TimerKind = (typeof TIMER_KINDS)[number];

export interface Timer {
  key: string;
  kind: TimerKind;
  dueAt: string;
  orderId: string;
  wave?: number;
  email?: string;
  claimId?: string;
}

/** A lease extended: its new etag, and whether the row was marked again since the etag held. */
export interface Renewed {
  etag: string;
  markedAgain: boolean;
}

/**
 * Work that must happen later or again: timers (waves, reminders) and orders whose effects are
 * still to be carried out. Claimed with a lease so that two instances never run the same row.
 */
export interface JobStore {
  schedule(timer: Omit<Timer, 'key'>): Promise<void>;
  /** Several timers in one round trip (same rows as `schedule` for each). */
  scheduleAll(timers: readonly Omit<Timer, 'key'>[]): Promise<void>;
  /** Due timers, each leased to this caller for `leaseMs`. */
  claimDueTimers(now: Date, leaseMs: number, limit: number): Promise<Timer[]>;
  /** Extends this caller's lease on a timer it claimed; false when it is no longer ours. */
  renewTimer(key: string, now: Date, leaseMs: number): Promise<boolean>;
  completeTimer(key: string): Promise<void>;
  /** Marks an order or claim as having effects to carry out; keeps a lease someone holds. */
  markDirty(id: string): Promise<void>;
  /** Orders and claims with effects to carry out that nobody holds a lease on now. */
  listDirty(now: Date, limit: number): Promise<string[]>;
  /**
   * Leases one order or claim to this caller (marking it when no mark is left: a drain elsewhere
   * may have cleared the mark set before the caller's commit landed); undefined when someone else
   * holds it, and then the mark is set again so that they go round once more.
   */
  leaseDirty(id: string, now: Date, leaseMs: number): Promise<string | undefined>;
  /**
   * Extends the caller's lease, held as of `etag`, while it works; undefined when it is no longer
   * the caller's (it ran out and another instance took it, or the mark is gone).
   */
  renewDirty(id: string, etag: string, now: Date, leaseMs: number): Promise<Renewed | undefined>;
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
  /** What the link gives: the payroll CSV (the default), or orders or feedback (SPEC §6). */
  kind?: 'fees' | 'orders' | 'feedback';
  /** The units a supervisor's or director's export is limited to (absent: a coordinator's, all). */
  units?: string[];
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
  ordererUpdate(orderer: Person, order: Order, about: OrdererNews): Promise<void>;
  /** One Accept all of a series: how many sessions the expert took, and which are still offered. */
  ordererSeriesTaken(
    orderer: Person,
    news: { seriesId: string; name: string; count: number; total: number; open: string[] },
  ): Promise<void>;
  /** An expert gave their place back less than 48 h before the task (the reason, if any, for coordinators only). */
  coordinatorWithdrawn(
    coordinator: Person,
    order: Order,
    expertName: string,
    reason?: string,
  ): Promise<void>;
  /** A change of the order released the expert: fewer places, broken hard rules, or no answer in time. */
  expertReleased(expert: Person, order: Order, why: ReleaseWhy): Promise<void>;
  coordinatorUnfilled(
    coordinator: Person,
    order: Order,
    candidates: CandidateView[],
  ): Promise<void>;
  coordinatorReview(coordinator: Person, order: Order, shortlist: CandidateView[]): Promise<void>;
  coordinatorUnreachable(
    coordinator: Person,
    order: Order,
    expertName: string,
    reason: ReachReason,
  ): Promise<void>;
  expertCancelled(expert: Person, order: Order): Promise<void>;
  /** A coordinator took the expert off the order. */
  expertUnassigned(expert: Person, order: Order): Promise<void>;
  /** The trainee's mentor no longer holds the task, so the trainee's trip along is off (SPEC §3). */
  traineeOff(trainee: Person, order: Order): Promise<void>;
  /** The orderer hears that a trainee comes along with an expert (no place; `paid`: the tariff pays trainees), or no longer does. */
  ordererTrainee(
    orderer: Person,
    order: Order,
    about: 'joined' | 'left' | 'stays_away',
    who: { trainee: string; mentor: string; paid: boolean },
  ): Promise<void>;
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
  claimUnreachable(coordinator: Person, view: ClaimView, reason: ReachReason): Promise<void>;
  /** Install for all's progress, on the card it was started from (updated in place). */
  installAllCard(coordinator: Person, view: InstallAllView, activityId?: string): Promise<Delivery>;
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
  /** Went along with their mentor as a trainee (SPEC §3). */
  asTrainee?: boolean;
  /** Kilometres and other expenses only, no fee: peer supporters and trainees (SPEC §5). */
  expensesOnly?: boolean;
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
  /** A trainee's join offer: whom they would go along with (SPEC §3). */
  mentorName?: string;
  /** A session of a series offered to the expert with other sessions: the one series card. */
  series?: SeriesOfferView;
}

/** The sessions of one series offered to one expert, each with its offer and order as they stand. */
export interface SeriesOfferView {
  seriesId: string;
  sessions: Array<{ order: Order; offer: Offer }>;
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

/** Where the daily retention run has got to (SPEC §13): one row, so that each run reads only what became due since. */
export interface RetentionState {
  /** Orders created before this instant (ISO) have been looked at. */
  ordersBefore?: string;
  /** The last month (YYYY-MM) whose paid claims have been deleted. */
  paidDoneThrough?: string;
  /** The first month (YYYY-MM) of the due list still to read. */
  dueFrom?: string;
}

/**
 * The rows that erasure and retention find and rewrite or delete by key (SPEC §13), beside the
 * other stores: who is being erased, index partitions, and the retention run's own rows.
 */
export interface PrivacyStore {
  /** Starts the erasure of `email` once: the pseudonym in use, and whether this call started it. */
  beginErasure(email: string, pseudonym: string): Promise<{ pseudonym: string; started: boolean }>;
  /** The pseudonym of an erasure begun and not finished. */
  erasureOf(email: string): Promise<string | undefined>;
  endErasure(email: string): Promise<void>;
  /** The e-mails of erasures begun and not finished (normally none). */
  listErasures(): Promise<string[]>;
  /** The orders in an orderer's index partition. */
  ordersOfOrderer(ordererId: string): Promise<string[]>;
  /**
   * Writes the order row with exactly these offers, conditionally on the loaded ETag (412 when it
   * changed), then its index rows.
   */
  rewriteOrder(file: OrderFile, order: Order, offers: Offer[]): Promise<void>;
  /** Deletes the order's rows keyed by the person: their sent offer card and feedback card marks. */
  dropOrderRowsOf(orderId: string, email: string): Promise<void>;
  /** Writes the claim conditionally on its ETag and moves its per-person index rows; drops card rows of `dropCardsOf`. */
  rewriteClaim(file: ClaimFile, claim: Claim, dropCardsOf?: string): Promise<void>;
  /** Drops the comment of one feedback answer; the rating stays. */
  dropFeedbackComment(orderId: string, raterEmail: string): Promise<void>;
  /** Deletes the rows keyed by the person's e-mail or object id that no other store owns. */
  deletePersonRows(email: string, aadObjectId?: string): Promise<void>;
  readRetention(): Promise<RetentionState>;
  saveRetention(state: RetentionState): Promise<void>;
  /** The order ids of orders created at or after `since` (none: from the first) and before `before` (ISO). */
  ordersCreatedBetween(since: string | undefined, before: string): Promise<string[]>;
  /** Orders to look at again in a month (their task was not yet 2 years past when first seen). */
  addDue(month: string, orderId: string): Promise<void>;
  listDue(month: string): Promise<string[]>;
  removeDue(month: string, orderId: string): Promise<void>;
  /** Deletes every row of the order (its partition, orderer and order index rows, feedback on it). */
  deleteOrder(order: Order): Promise<void>;
  /** Deletes the claim's rows and its index rows. */
  deleteClaim(claim: Claim): Promise<void>;
  /** Deletes order drafts last saved before `before` (ISO); returns how many. */
  deleteDraftsBefore(before: string): Promise<number>;
  /** Deletes the rows that tied a sent order card to its order number, written before `before`. */
  deleteSubmissionsBefore(before: string): Promise<number>;
}

/** One stored row of running counts: `YYYY-MM|unit` or `open|unit` (SPEC §6). */
export interface StatsRow {
  key: string;
  counts: Counts;
}

/** The running counts behind `/stats`, and pointers to the feedback given on each month's orders. */
export interface StatsStore {
  /** Adds a change's counts to its rows once: a repeat with the same key changes nothing. */
  apply(delta: CountDelta, key: string): Promise<void>;
  /** The month rows of `months` (consecutive, in order) and every `open|unit` row: one read. */
  read(months: readonly string[]): Promise<StatsRow[]>;
  /** Notes that feedback was given on an order made in `month` (by a pseudonymous rater). */
  addFeedbackPointer(month: string, orderId: string, rater: string): Promise<void>;
  hasFeedbackPointer(month: string, orderId: string, rater: string): Promise<boolean>;
  /** Forgets the pointers of an order deleted by retention (SPEC §13). */
  dropFeedbackPointers(month: string, orderId: string): Promise<void>;
  /** The orders made in `months` on which feedback was given. */
  listFeedbackPointers(months: readonly string[]): Promise<string[]>;
}
