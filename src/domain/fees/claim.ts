import { DateTime } from 'luxon';
import { ZONE, helsinkiDate } from '../shared/helsinki';
import { type Result, assertNever, ok, refuse } from '../shared/result';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../shared/working-days';
import { isValidBusinessId, type ClaimAmount } from './claim-amount';
import type { CountDelta } from '../stats/aggregate';

export const CLAIM_STATUSES = [
  'awaiting_orderer',
  'awaiting_supervisor',
  'awaiting_director',
  'awaiting_payroll',
  'paid',
  'returned',
  /** A coordinator cancelled the claim with a reason (SPEC §5): it is not paid, and nothing waits. */
  'cancelled',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const APPROVAL_STEPS = ['orderer', 'supervisor', 'director', 'payroll'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

export const PAYMENT_TYPES = ['palkkio', 'tyokorvaus'] as const;
export type PaymentType = (typeof PAYMENT_TYPES)[number];

export interface ClaimVersion {
  version: number;
  submittedAt: string; // ISO instant
  actualStart: string; // HH:mm
  actualEnd: string; // HH:mm
  km: number;
  otherExpensesCents: number;
  expensesNote?: string;
  paymentType: PaymentType;
  businessId?: string; // required for tyokorvaus
  amount: ClaimAmount;
  tariffVersion: string;
}

export interface Approval {
  step: ApprovalStep;
  by: string; // email
  at: string; // ISO instant
  /** not_done: the orderer said that the task did not take place; the claim waits for a coordinator. */
  action: 'approved' | 'rejected' | 'paid' | 'reassigned' | 'cancelled' | 'not_done';
  version: number; // the claim version acted on
  reason?: string; // rejected, cancelled, not_done
  from?: string; // reassigned: the previous holder
  to?: string; // reassigned: the new holder
}

export interface ClaimChain {
  orderer: string;
  supervisor: string;
  director?: string; // no director: the stage is left out
  payroll: string;
}

export interface Claim {
  claimId: string; // P-YYYY-NNNN
  orderId: string;
  expertEmail: string;
  unitId: string;
  status: ClaimStatus;
  holderEmail: string; // who must act now; the expert when returned; payroll, who paid, when paid
  holderSince: string; // ISO instant
  versions: ClaimVersion[];
  history: Approval[];
  chain: ClaimChain;
  remindedAt?: string;
  escalatedAt?: string;
}

type NewVersion = Omit<ClaimVersion, 'version' | 'submittedAt'>;
interface Base {
  actor: string; // email, from Teams, never from card data
  at: Date;
}
/**
 * `step` and `version` come from the clicked card: they tell a stale or replayed click (an earlier
 * stage, or the version before a correction) from a click on the current card.
 */
export type ClaimCommand =
  | (Base & { type: 'confirm_task'; version?: number })
  | (Base & { type: 'approve'; step?: ApprovalStep; version?: number })
  | (Base & { type: 'reject'; reason: string; step?: ApprovalStep; version?: number })
  | (Base & { type: 'mark_paid'; version?: number })
  | (Base & { type: 'resubmit'; version: NewVersion })
  | (Base & { type: 'reassign'; to: string }) // the use case checks that the actor is a coordinator
  | (Base & { type: 'cancel'; reason: string }) // the use case checks that the actor is a coordinator
  /** From the order: its orderer (or a coordinator) said that the task did not take place. */
  | (Base & { type: 'task_not_done'; reason: string });

export type ClaimRefusal =
  | 'claim_already_closed'
  | 'claim_already_approved'
  | 'claim_returned'
  | 'claim_not_returned'
  | 'not_your_approval'
  | 'not_the_expert'
  | 'reason_required'
  | 'reason_too_long'
  | 'business_id_invalid'
  | 'already_the_holder'
  | 'claim_version_changed'
  /** The claim's expert clicked a stage of their own claim (SPEC §2: nobody decides on their own claim). */
  | 'own_claim'
  /** A stage of a claim cannot be given to its own expert. */
  | 'own_claim_reassign'
  | 'claim_already_cancelled'
  | 'cancel_reason_required'
  /** The orderer said the task did not take place: a coordinator decides (cancel or /reassign). */
  | 'task_reported_not_done';

export type ClaimEffect =
  | { type: 'notify_expert'; status: ClaimStatus; reason?: string }
  | { type: 'card_to_holder'; email: string }
  | { type: 'update_cards' }
  | { type: 'remind_holder'; email: string }
  | { type: 'notify_coordinators_stuck' }
  | { type: 'notify_reassigned'; from: string; to: string }
  /** The stage's holder by the chain is the claim's own expert: coordinators pick a stand-in. */
  | { type: 'stand_in_needed' }
  /** A returned claim's pre-filled card, for the expert to correct (its own effect: retried alone). */
  | { type: 'claim_form_to_expert' }
  /** The orderer confirmed on the claim card: the order remembers it, for the task's later claims. */
  | { type: 'record_task_done'; by: string }
  /** What the change adds to the running counts of `/stats` (SPEC §6), applied once. */
  | { type: 'count_stats'; delta: CountDelta };

export type ClaimDecision = Result<{ claim: Claim; effects: ClaimEffect[] }, ClaimRefusal>;

type Forward = 'confirm_task' | 'approve' | 'mark_paid';
interface Step {
  step: ApprovalStep;
  accepts: Forward;
  next: ClaimStatus;
}

/** Who holds the claim, which button moves it on, and where it goes then. */
export const STEPS: Partial<Record<ClaimStatus, Step>> = {
  awaiting_orderer: { step: 'orderer', accepts: 'confirm_task', next: 'awaiting_supervisor' },
  awaiting_supervisor: { step: 'supervisor', accepts: 'approve', next: 'awaiting_director' },
  awaiting_director: { step: 'director', accepts: 'approve', next: 'awaiting_payroll' },
  awaiting_payroll: { step: 'payroll', accepts: 'mark_paid', next: 'paid' },
};
const stepRows = (Object.entries(STEPS) as [ClaimStatus, Step][]).map(([status, row]) => ({
  status,
  ...row,
}));
/** A stage's status and button, derived from `STEPS` (a stage without a row there fails the tests). */
export const STEP_STATUS = Object.fromEntries(stepRows.map((r) => [r.step, r.status])) as Record<
  ApprovalStep,
  ClaimStatus
>;
export const STEP_ACCEPTS = Object.fromEntries(stepRows.map((r) => [r.step, r.accepts])) as Record<
  ApprovalStep,
  Forward
>;

export const REASON_MAX_LENGTH = 500;
const REMIND_AFTER_WORKING_DAYS = 2;
export const ESCALATE_AFTER_WORKING_DAYS = 5;
const REMIND_INTERVAL_MS = 24 * 60 * 60 * 1000;
const TIMER_HOUR = 8; // Helsinki: reminders arrive in the morning

const email = (s: string): string => s.trim().toLowerCase();
const same = (a: string, b: string): boolean => email(a) === email(b);

/** The first status at or after `status` whose stage the chain has: a unit may have no director. */
function skipMissing(status: ClaimStatus, chain: ClaimChain): ClaimStatus {
  const step = STEPS[status];
  if (step && chain[step.step] === undefined) return skipMissing(step.next, chain);
  return status;
}

function holderOf(
  status: ClaimStatus,
  claim: Pick<Claim, 'chain' | 'expertEmail' | 'holderEmail'>,
): string {
  const step = STEPS[status];
  if (step) return claim.chain[step.step] ?? claim.holderEmail;
  return status === 'returned' ? claim.expertEmail : claim.holderEmail;
}

/**
 * A claim exists from the moment the expert sends it; it goes first to the orderer, or straight to
 * the next stage when the orderer has already confirmed the task (`confirmedBy`, from the order).
 */
export function createClaim(input: {
  claimId: string;
  orderId: string;
  expertEmail: string;
  unitId: string;
  chain: ClaimChain;
  version: Omit<ClaimVersion, 'version'>;
  at: Date;
  confirmed?: { by: string; at: string };
}): Claim {
  const chain: ClaimChain = {
    orderer: email(input.chain.orderer),
    supervisor: email(input.chain.supervisor),
    payroll: email(input.chain.payroll),
    ...(input.chain.director ? { director: email(input.chain.director) } : {}),
  };
  const claim: Claim = {
    claimId: input.claimId,
    orderId: input.orderId,
    expertEmail: email(input.expertEmail),
    unitId: input.unitId,
    status: 'awaiting_orderer',
    holderEmail: chain.orderer,
    holderSince: input.at.toISOString(),
    versions: [{ ...input.version, version: 1 }],
    history: [],
    chain,
  };
  // The expert's own Task done (they ordered the task they did) does not confirm their claim.
  if (!input.confirmed || same(input.confirmed.by, claim.expertEmail)) return claim;
  const confirmation: Approval = {
    step: 'orderer',
    by: email(input.confirmed.by),
    at: input.confirmed.at,
    action: 'approved',
    version: 1,
  };
  return moveTo(claim, skipMissing('awaiting_supervisor', chain), input.at.toISOString(), [
    confirmation,
  ]);
}

/** The effects of a new claim: its first holder gets the card. */
export function effectsOfNewClaim(claim: Claim): ClaimEffect[] {
  return [toHolder(claim)];
}

/**
 * The stage waits with the claim's own expert, who holds it by the unit's chain (an expert who is
 * also the unit's supervisor, or who ordered the task themselves) but may not decide on it.
 */
export function waitsForStandIn(
  claim: Pick<Claim, 'status' | 'holderEmail' | 'expertEmail'>,
): boolean {
  return STEPS[claim.status] !== undefined && same(claim.holderEmail, claim.expertEmail);
}

/**
 * The new holder's card; or, when the stage would sit with the claim's own expert, word to the
 * coordinators, as with an approver Teams cannot reach, so that one of them gives the stage to a
 * stand-in with `/reassign`. The stage is not skipped: the chain is the unit's, and the next
 * approver would take the stage as checked by somebody (only a missing director is left out,
 * SPEC §5); a deputy taking over a stage is what a coordinator already does for an absent approver.
 */
function toHolder(claim: Claim): ClaimEffect {
  return waitsForStandIn(claim)
    ? { type: 'stand_in_needed' }
    : { type: 'card_to_holder', email: claim.holderEmail };
}

export function currentVersion(claim: Claim): ClaimVersion {
  const v = claim.versions[claim.versions.length - 1];
  if (!v) throw new Error(`claim ${claim.claimId} has no version`);
  return v;
}

/** Decides one click or command on a claim; time comes in the command. */
export function decideClaim(claim: Claim, cmd: ClaimCommand): ClaimDecision {
  switch (cmd.type) {
    case 'confirm_task':
    case 'approve':
    case 'mark_paid':
      return forward(claim, cmd);
    case 'reject':
      return reject(claim, cmd);
    case 'resubmit':
      return resubmit(claim, cmd);
    case 'reassign':
      return reassign(claim, cmd);
    case 'cancel':
      return cancel(claim, cmd);
    case 'task_not_done':
      return taskNotDone(claim, cmd);
    default:
      return assertNever(cmd);
  }
}

/** A click on a card of an earlier version (the claim was corrected since) acts on nothing. */
function staleVersion(claim: Claim, cmd: { version?: number }): boolean {
  return cmd.version !== undefined && cmd.version !== currentVersion(claim).version;
}

function forward(claim: Claim, cmd: ClaimCommand & { type: Forward }): ClaimDecision {
  if (same(claim.expertEmail, cmd.actor)) return refuse('own_claim');
  if (staleVersion(claim, cmd)) return refuse('claim_version_changed');
  if (heldForCoordinators(claim)) return refuse('task_reported_not_done');
  const step = STEPS[claim.status];
  const cardStep = cmd.type === 'approve' ? cmd.step : undefined;
  if (
    !step ||
    step.accepts !== cmd.type ||
    !same(claim.holderEmail, cmd.actor) ||
    isRepeat(claim, cmd)
  ) {
    return refuse(whyNot(claim, cmd, cardStep));
  }
  if (cardStep && cardStep !== step.step) return refuse(whyNot(claim, cmd, cardStep));

  let status = skipMissing(step.next, claim.chain);
  const approval = entry(claim, step.step, cmd, cmd.type === 'mark_paid' ? 'paid' : 'approved');
  const history = [...claim.history, approval];
  // One person holding the next stage too, with the same button (supervisor and director of the
  // unit): one click approves both, each stage in the history. Task done (a fact) and Mark paid
  // (money moved) are other acts than an approval, so they stay clicks of their own.
  for (
    let then = STEPS[status];
    then?.accepts === cmd.type && same(holderOf(status, claim), cmd.actor);
    then = STEPS[status]
  ) {
    history.push({ ...approval, step: then.step });
    status = skipMissing(then.next, claim.chain);
  }
  const next = moveTo(claim, status, approval.at, history);
  // The expert is told once, of where the claim is now (as when steps follow each other quickly).
  const effects: ClaimEffect[] = [{ type: 'update_cards' }, { type: 'notify_expert', status }];
  if (STEPS[status]) effects.push(toHolder(next));
  if (step.step === 'orderer') effects.push({ type: 'record_task_done', by: email(cmd.actor) });
  return ok({ claim: next, effects });
}

function reject(claim: Claim, cmd: ClaimCommand & { type: 'reject' }): ClaimDecision {
  if (same(claim.expertEmail, cmd.actor)) return refuse('own_claim');
  if (staleVersion(claim, cmd)) return refuse('claim_version_changed');
  if (heldForCoordinators(claim)) return refuse('task_reported_not_done');
  const step = STEPS[claim.status];
  if (!step || !same(claim.holderEmail, cmd.actor) || (cmd.step && cmd.step !== step.step)) {
    return refuse(whyNot(claim, cmd, cmd.step));
  }
  const reason = cmd.reason.trim();
  if (!reason) return refuse('reason_required');
  if (reason.length > REASON_MAX_LENGTH) return refuse('reason_too_long');
  const approval = entry(claim, step.step, cmd, 'rejected', { reason });
  return ok({
    claim: moveTo(claim, 'returned', approval.at, [...claim.history, approval]),
    effects: [
      { type: 'update_cards' },
      { type: 'notify_expert', status: 'returned', reason },
      { type: 'claim_form_to_expert' },
    ],
  });
}

/**
 * The expert's corrected claim becomes a new version. It goes back to the supervisor when the
 * orderer has already confirmed that the task took place (that fact does not change with the
 * amount), otherwise to the orderer; the later stages approve the new version again.
 */
function resubmit(claim: Claim, cmd: ClaimCommand & { type: 'resubmit' }): ClaimDecision {
  if (!same(claim.expertEmail, cmd.actor)) return refuse('not_the_expert');
  if (claim.status === 'paid') return refuse('claim_already_closed');
  if (claim.status === 'cancelled') return refuse('claim_already_cancelled');
  if (claim.status !== 'returned') return refuse('claim_not_returned');
  const { version } = cmd;
  if (version.paymentType === 'tyokorvaus' && !isValidBusinessId(version.businessId ?? '')) {
    return refuse('business_id_invalid');
  }
  const confirmed = claim.history.some((h) => h.step === 'orderer' && h.action === 'approved');
  const status = skipMissing(confirmed ? 'awaiting_supervisor' : 'awaiting_orderer', claim.chain);
  const at = cmd.at.toISOString();
  const versionNumber = currentVersion(claim).version + 1;
  const versions = [...claim.versions, { ...version, version: versionNumber, submittedAt: at }];
  const next = moveTo({ ...claim, versions }, status, at, claim.history);
  return ok({ claim: next, effects: handedOn(next) });
}

/** A coordinator gives the current stage to someone else (an approver on leave); the chain stays. */
function reassign(claim: Claim, cmd: ClaimCommand & { type: 'reassign' }): ClaimDecision {
  const step = STEPS[claim.status];
  if (claim.status === 'paid') return refuse('claim_already_closed');
  if (claim.status === 'cancelled') return refuse('claim_already_cancelled');
  if (!step) return refuse('claim_returned');
  if (same(claim.expertEmail, cmd.to)) return refuse('own_claim_reassign');
  if (same(claim.holderEmail, cmd.to)) return refuse('already_the_holder');
  const approval = entry(claim, step.step, cmd, 'reassigned', {
    from: claim.holderEmail,
    to: email(cmd.to),
  });
  const { remindedAt: _r, escalatedAt: _e, ...rest } = claim;
  const history = [...claim.history, approval];
  const next: Claim = { ...rest, holderEmail: email(cmd.to), holderSince: approval.at, history };
  return ok({ claim: next, effects: reassigned(next, claim.holderEmail) });
}

/**
 * A coordinator cancels a claim that should not be paid (SPEC §5: nothing is finally refused in the
 * chain), from any unpaid status, with a reason the expert is told. The card of whoever holds it
 * loses its buttons, and no reminder waits any more. Nobody cancels their own claim (SPEC §2).
 */
function cancel(claim: Claim, cmd: ClaimCommand & { type: 'cancel' }): ClaimDecision {
  if (same(claim.expertEmail, cmd.actor)) return refuse('own_claim');
  if (claim.status === 'paid') return refuse('claim_already_closed');
  if (claim.status === 'cancelled') return refuse('claim_already_cancelled');
  const reason = cmd.reason.trim();
  if (!reason) return refuse('cancel_reason_required');
  if (reason.length > REASON_MAX_LENGTH) return refuse('reason_too_long');
  const approval = entry(claim, stageNow(claim), cmd, 'cancelled', { reason });
  return ok({
    claim: moveTo(claim, 'cancelled', approval.at, [...claim.history, approval]),
    effects: [{ type: 'update_cards' }, { type: 'notify_expert', status: 'cancelled', reason }],
  });
}

/**
 * The orderer said that the task did not take place: the claim is not passed on (nor reminded
 * about) until a coordinator cancels it or gives the stage to someone else with `/reassign`.
 */
function taskNotDone(claim: Claim, cmd: ClaimCommand & { type: 'task_not_done' }): ClaimDecision {
  if (claim.status === 'paid') return refuse('claim_already_closed');
  if (claim.status === 'cancelled') return refuse('claim_already_cancelled');
  if (heldForCoordinators(claim)) return refuse('task_reported_not_done');
  const reason = cmd.reason.trim();
  if (!reason) return refuse('reason_required');
  const approval = entry(claim, stageNow(claim), cmd, 'not_done', {
    reason: reason.slice(0, REASON_MAX_LENGTH),
  });
  const { remindedAt: _r, escalatedAt: _e, ...rest } = claim;
  return ok({
    claim: { ...rest, history: [...claim.history, approval] },
    effects: [{ type: 'update_cards' }],
  });
}

/** The stage a claim is at, or (returned) the stage that returned it, for its history. */
function stageNow(claim: Claim): ApprovalStep {
  return (
    STEPS[claim.status]?.step ??
    claim.history.filter((h) => h.action !== 'reassigned').at(-1)?.step ??
    'orderer'
  );
}

/**
 * The orderer said the task did not take place, and no coordinator has given the stage to anyone
 * since: nobody in the chain acts on it, and it is not chased.
 */
export function heldForCoordinators(claim: Pick<Claim, 'status' | 'history'>): boolean {
  if (claim.status === 'paid' || claim.status === 'cancelled') return false;
  const last = (action: Approval['action']) =>
    claim.history.map((h) => h.action).lastIndexOf(action);
  const held = last('not_done');
  return held >= 0 && held > last('reassigned');
}

/** One line of the claim's history: who did what at which stage, on its current version. */
function entry(
  claim: Claim,
  step: ApprovalStep,
  cmd: Base,
  action: Approval['action'],
  extra: Pick<Approval, 'reason' | 'from' | 'to'> = {},
): Approval {
  return {
    step,
    by: email(cmd.actor),
    at: cmd.at.toISOString(),
    action,
    version: currentVersion(claim).version,
    ...extra,
  };
}

function handedOn(claim: Claim): ClaimEffect[] {
  return [{ type: 'update_cards' }, toHolder(claim)];
}

/** A reassignment also tells the previous holder that the stage is no longer theirs. */
function reassigned(claim: Claim, from: string): ClaimEffect[] {
  return [...handedOn(claim), { type: 'notify_reassigned', from, to: claim.holderEmail }];
}

function moveTo(claim: Claim, status: ClaimStatus, at: string, history: Approval[]): Claim {
  const { remindedAt: _r, escalatedAt: _e, ...rest } = claim; // timers belong to the holder
  return { ...rest, status, holderEmail: holderOf(status, claim), holderSince: at, history };
}

/**
 * A second identical click: the actor's own last act on this version was this same button.
 * It must not count as the next stage when one person came to hold two stages in a row by a
 * reassignment (a chain's consecutive stages of one person are approved with one click).
 */
function isRepeat(claim: Claim, cmd: ClaimCommand & { type: Forward }): boolean {
  const version = currentVersion(claim).version;
  const last = claim.history
    .filter((h) => h.version === version && h.action !== 'reassigned')
    .at(-1);
  if (!last || last.action === 'rejected' || !same(last.by, cmd.actor)) return false;
  if (cmd.type === 'approve' && cmd.step) return cmd.step === last.step;
  return STEP_ACCEPTS[last.step] === cmd.type;
}

/** Why a click cannot act now: "already approved by you" is kinder than "not yours". */
function whyNot(claim: Claim, cmd: ClaimCommand, cardStep: ApprovalStep | undefined): ClaimRefusal {
  const version = currentVersion(claim).version;
  const done = claim.history.some(
    (h) =>
      (h.action === 'approved' || h.action === 'paid') &&
      same(h.by, cmd.actor) &&
      (h.version === version || h.step === 'orderer') && // the task's confirmation carries over
      (cardStep ? h.step === cardStep : cmd.type === 'reject' || STEP_ACCEPTS[h.step] === cmd.type),
  );
  if (claim.status === 'cancelled') return 'claim_already_cancelled';
  if (done) return 'claim_already_approved';
  if (claim.status === 'paid') return 'claim_already_closed';
  if (claim.status === 'returned') return 'claim_returned';
  return 'not_your_approval';
}

/** The stage a status stands for, for cards and `my fees`. */
export function stepOf(status: ClaimStatus): ApprovalStep | undefined {
  return STEPS[status]?.step;
}

/** The status of a stage, for parsing a card's `step`. */
export function statusOf(step: ApprovalStep): ClaimStatus {
  return STEP_STATUS[step];
}

export type ClaimTimer = 'remind_holder' | 'escalate';

/**
 * What a waiting claim needs now: the coordinators are told once when it has waited more than
 * 5 working days with its holder; the holder is reminded when it has waited more than 2, on a
 * working day, at most once in 24 h. Returned claims wait for the expert and are not chased.
 * The use case records `escalatedAt` / `remindedAt` = now and asks again.
 */
export function dueReminders(claim: Claim, now: Date): ClaimTimer | undefined {
  if (!STEPS[claim.status] || heldForCoordinators(claim)) return undefined;
  const waited = workingDaysBetween(new Date(claim.holderSince), now);
  if (waited > ESCALATE_AFTER_WORKING_DAYS && !claim.escalatedAt) return 'escalate';
  if (
    !waitsForStandIn(claim) && // the expert is not reminded to approve their own claim
    waited > REMIND_AFTER_WORKING_DAYS &&
    isWorkingDay(helsinkiDate(now)) &&
    (!claim.remindedAt || now.getTime() - Date.parse(claim.remindedAt) >= REMIND_INTERVAL_MS)
  ) {
    return 'remind_holder';
  }
  return undefined;
}

/**
 * When to look at the claim again (a stored timer row's due time): 08:00 Helsinki on the first
 * working day on which `dueReminders` will have something to do; undefined when nothing will.
 */
export function nextTimerAt(claim: Claim): Date | undefined {
  if (!STEPS[claim.status] || heldForCoordinators(claim)) return undefined;
  const since = helsinkiDate(new Date(claim.holderSince));
  const morning = (date: string) =>
    DateTime.fromISO(date, { zone: ZONE }).set({ hour: TIMER_HOUR });
  let remind = morning(addWorkingDays(since, REMIND_AFTER_WORKING_DAYS + 1));
  if (claim.remindedAt) {
    const again = DateTime.fromISO(claim.remindedAt, { zone: ZONE }).plus({
      milliseconds: REMIND_INTERVAL_MS,
    });
    if (again > remind) {
      const day = again.toISODate()!;
      remind = isWorkingDay(day) ? again : morning(addWorkingDays(day, 1));
    }
  }
  const times = waitsForStandIn(claim) ? [] : [remind]; // nobody to remind: see dueReminders
  if (!claim.escalatedAt)
    times.push(morning(addWorkingDays(since, ESCALATE_AFTER_WORKING_DAYS + 1)));
  return times.length ? DateTime.min(...times)!.toJSDate() : undefined;
}

/**
 * A claim's stored timer fired: records the reminder or the escalation that is due now (so that it
 * happens once, even when two instances fire the same timer), or undefined when none is.
 */
export function decideTimer(
  claim: Claim,
  now: Date,
): { claim: Claim; effects: ClaimEffect[] } | undefined {
  const due = dueReminders(claim, now);
  const at = now.toISOString();
  switch (due) {
    case undefined:
      return undefined;
    case 'escalate':
      return {
        claim: { ...claim, escalatedAt: at },
        effects: [{ type: 'notify_coordinators_stuck' }],
      };
    case 'remind_holder':
      return {
        claim: { ...claim, remindedAt: at },
        effects: [{ type: 'remind_holder', email: claim.holderEmail }],
      };
    default:
      return assertNever(due);
  }
}

/** Waiting more than 5 working days with its holder (SPEC §5): `/fees stuck` lists these. */
export function isStuck(claim: Claim, now: Date): boolean {
  return (
    STEPS[claim.status] !== undefined &&
    workingDaysBetween(new Date(claim.holderSince), now) > ESCALATE_AFTER_WORKING_DAYS
  );
}

/**
 * When a fired claim timer should look again: its next due time, or, when that has passed without
 * anything being due (the timer fired on a weekend or holiday, e.g. after downtime), 08:00 on the
 * next working day. Undefined when the claim waits for nobody.
 */
export function nextLookAt(claim: Claim, now: Date): Date | undefined {
  const due = nextTimerAt(claim);
  if (!due || due > now) return due;
  const next = addWorkingDays(helsinkiDate(now), 1);
  return DateTime.fromISO(next, { zone: ZONE }).set({ hour: TIMER_HOUR }).toJSDate();
}

export const CLAIM_NUMBER = /\bP-(\d{4})-(\d{4,6})\b/i;

export function formatClaimNumber(year: number, n: number): string {
  return `P-${year}-${String(n).padStart(4, '0')}`;
}
