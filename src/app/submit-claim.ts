import { ConflictUnresolved, retryOnConflict, WriteConflict } from './conflict';
import {
  type Claim,
  type ClaimRefusal,
  createClaim,
  currentVersion,
  decideClaim,
  effectsOfNewClaim,
  formatClaimNumber,
} from '../domain/fees/claim';
import { chainOf } from '../domain/fees/chain';
import {
  checkClaimForm,
  type ClaimForm,
  type NewClaimVersion,
  prefilledClaimForm,
} from '../domain/fees/claim-form';
import { isUnpaid } from '../domain/fees/tariff';
import { recordClaim, type Order } from '../domain/orders/order';
import type { Effect } from '../domain/offers/offer';
import { helsinkiDate, helsinkiInstant } from '../domain/shared/helsinki';
import { containsPersonalIdentityCode } from '../domain/shared/personal-identity-code';
import { changeClaim, storeNewClaim } from './change-claim';
import { changeOrder } from './change-order';
import type { ClaimFormView } from './ports';
import type { Services } from './services';

export type ClaimFormRefusal =
  | 'order_not_found'
  | 'claim_not_found'
  | 'claim_not_returned'
  | 'claim_not_assigned'
  | 'claim_unpaid'
  | 'task_not_started'
  | 'order_cancelled'
  | 'claim_unit_missing';

export type SubmitOutcome =
  | { type: 'form'; view: ClaimFormView } // errors to correct; nothing stored
  | { type: 'submitted' | 'resubmitted' | 'already'; claim: Claim }
  | { type: 'refused'; reason: ClaimFormRefusal | ClaimRefusal };

/** The assignment an expert claims a fee for, with the tariff that prices it; or why there is none. */
async function assignmentOf(
  s: Services,
  order: Order,
  expertEmail: string,
): Promise<Omit<ClaimFormView, 'form'> | ClaimFormRefusal> {
  const [expert, tariff] = await Promise.all([
    s.registers.getExpert(expertEmail),
    s.tariffs.current(),
  ]);
  const asTrainee = isTraineeOf(order, expertEmail);
  if (!expert || (!order.assigned.some((a) => a.email === expertEmail) && !asTrainee))
    return 'claim_not_assigned';
  if (order.status === 'cancelled') return 'order_cancelled';
  if (s.clock.now() < helsinkiInstant(order.date, order.start)) return 'task_not_started';
  const unit = await s.registers.getUnit(order.unitId);
  if (!unit) return 'claim_unit_missing';
  // SPEC §5: unpaid is not uncompensated: peer supporters and trainees claim their expenses.
  const expensesOnly = isUnpaid(tariff, expert.kind, asTrainee);
  return { order, unitName: unit.name, tariff, expertKind: expert.kind, asTrainee, expensesOnly };
}

/**
 * A returned claim is corrected against the claim alone (the order may have been cancelled or the
 * expert's register row changed since), and priced with the tariff version it was computed with.
 */
async function correctionOf(
  s: Services,
  order: Order,
  claim: Claim,
): Promise<Omit<ClaimFormView, 'form'>> {
  const version = currentVersion(claim);
  const [unit, expert, stored] = await Promise.all([
    s.registers.getUnit(claim.unitId),
    s.registers.getExpert(claim.expertEmail),
    s.tariffs.get(version.tariffVersion),
  ]);
  const tariff = stored ?? (await s.tariffs.current());
  const asTrainee = isTraineeOf(order, claim.expertEmail);
  const expertKind = expert?.kind ?? 'trained';
  return {
    order,
    unitName: unit?.name ?? claim.unitId,
    tariff,
    expertKind,
    asTrainee,
    expensesOnly: isUnpaid(tariff, expertKind, asTrainee),
    claimId: claim.claimId,
    reason: claim.history.filter((h) => h.action === 'rejected').at(-1)?.reason,
  };
}

type Found = { order: Order; claim?: Claim } | ClaimFormRefusal;

/** The order and, when one was sent, the expert's claim for it. */
async function claimOf(s: Services, orderId: string, expertEmail: string): Promise<Found> {
  const order = (await s.orders.get(orderId))?.value;
  if (!order) return 'order_not_found';
  const claimId = order.claims?.[expertEmail];
  return { order, claim: claimId ? await claimSoon(s, claimId) : undefined };
}

/**
 * The claim card as the expert first sees it, or again to correct a returned claim; a claim that
 * is sent and not returned has no card to fill in.
 */
export async function claimFormFor(
  s: Services,
  orderId: string,
  expertEmail: string,
): Promise<ClaimFormView | ClaimFormRefusal> {
  const found = await claimOf(s, orderId, expertEmail);
  if (typeof found === 'string') return found;
  const { order, claim } = found;
  if (order.claims?.[expertEmail] && !claim) return 'claim_not_found';
  if (claim && claim.status !== 'returned') return 'claim_not_returned';
  const view = claim
    ? await correctionOf(s, order, claim)
    : await assignmentOf(s, order, expertEmail);
  if (typeof view === 'string') return view;
  const form = prefilledClaimForm(order, claim ? currentVersion(claim) : undefined);
  const checked = checkClaimForm(form, contextOf(view));
  return { ...view, form, amount: checked.ok ? checked.value.amount : undefined };
}

const isTraineeOf = (order: Order, email: string) =>
  (order.trainees ?? []).some((t) => t.email === email);

/**
 * An expenses-only card has no times nor payment type: the claim takes the ordered hours (they
 * price nothing) and is paid as palkkio, i.e. through payroll.
 */
const completed = (v: Omit<ClaimFormView, 'form'>, form: ClaimForm): ClaimForm =>
  v.expensesOnly
    ? {
        ...prefilledClaimForm(v.order),
        km: form.km,
        expenses: form.expenses,
        expensesNote: form.expensesNote,
      }
    : form;

const contextOf = (v: Omit<ClaimFormView, 'form'>) => ({
  taskType: v.order.taskType,
  expertKind: v.expertKind,
  asTrainee: v.asTrainee,
  tariff: v.tariff,
  hasIdentityCode: containsPersonalIdentityCode,
});

/**
 * The expert sends their claim card. The claim is tied to the assignment on the order row (its
 * ETag decides between two clicks), so one assignment has one claim; a returned claim is
 * corrected as a new version of the same claim.
 */
export async function submitClaim(
  s: Services,
  orderId: string,
  expertEmail: string,
  form: ClaimForm,
): Promise<SubmitOutcome> {
  const found = await claimOf(s, orderId, expertEmail);
  if (typeof found === 'string') return { type: 'refused', reason: found };
  const { order, claim: existing } = found;
  if (order.claims?.[expertEmail] && !existing)
    return { type: 'refused', reason: 'claim_not_found' };
  if (existing && existing.status !== 'returned') return { type: 'already', claim: existing };
  const view = existing
    ? await correctionOf(s, order, existing)
    : await assignmentOf(s, order, expertEmail);
  if (typeof view === 'string') return { type: 'refused', reason: view };
  const checked = checkClaimForm(completed(view, form), contextOf(view));
  if (!checked.ok) return { type: 'form', view: { ...view, form, errors: checked.error } };
  if (existing) return resubmit(s, existing.claimId, expertEmail, checked.value);

  const now = s.clock.now();
  const unit = (await s.registers.getUnit(order.unitId))!;
  const year = Number(helsinkiDate(now).slice(0, 4));
  const claimId = formatClaimNumber(year, await s.claims.allocateNumber(year));
  const outcome = await changeOrder<{ claim?: Claim; existingId?: string }>(s, orderId, (file) => {
    const recorded = recordClaim(file.order.value, expertEmail, claimId);
    if (!recorded) return { result: { existingId: file.order.value.claims?.[expertEmail] } };
    const claim = createClaim({
      claimId,
      orderId,
      expertEmail,
      unitId: recorded.unitId,
      chain: { orderer: recorded.ordererEmail, ...chainOf(unit) },
      version: { ...checked.value, submittedAt: now.toISOString() },
      at: now,
      confirmed:
        recorded.taskDoneAt && recorded.taskDoneBy
          ? { by: recorded.taskDoneBy, at: recorded.taskDoneAt }
          : undefined,
    });
    // The orderer has said that the task did not take place: this claim, too, waits for a coordinator.
    const notDone: Effect[] = recorded.taskNotDoneAt
      ? [
          { type: 'hold_claims', by: recorded.taskNotDoneBy ?? recorded.ordererEmail },
          { type: 'notify_coordinators', about: 'task_not_done' },
        ]
      : [];
    return {
      change: {
        order: recorded,
        offers: [],
        effects: [{ type: 'create_claim', claim }, ...notDone],
      },
      result: { claim },
    };
  });
  if (outcome?.claim) {
    await storeNewClaim(s, outcome.claim, effectsOfNewClaim(outcome.claim));
    return { type: 'submitted', claim: outcome.claim };
  }
  // Another click of the same card won the order row: answer with its claim.
  const other = outcome?.existingId ? await claimSoon(s, outcome.existingId) : undefined;
  return other ? { type: 'already', claim: other } : { type: 'refused', reason: 'order_not_found' };
}

async function resubmit(
  s: Services,
  claimId: string,
  expertEmail: string,
  version: NewClaimVersion,
): Promise<SubmitOutcome> {
  const outcome = await changeClaim<SubmitOutcome>(s, claimId, (file) => {
    const decision = decideClaim(file.claim.value, {
      type: 'resubmit',
      actor: expertEmail,
      at: s.clock.now(),
      version,
    });
    if (!decision.ok)
      return {
        result:
          decision.error === 'claim_not_returned'
            ? { type: 'already', claim: file.claim.value }
            : { type: 'refused', reason: decision.error },
      };
    return { change: decision.value, result: { type: 'resubmitted', claim: decision.value.claim } };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}

/**
 * A claim whose number the order row already holds: the click that won writes the claim row right
 * after the order row, so a click that lost waits a moment for it instead of answering "not found".
 */
async function claimSoon(s: Services, claimId: string): Promise<Claim | undefined> {
  return retryOnConflict(
    'claim_submit',
    async () => {
      const claim = (await s.claims.load(claimId))?.claim.value;
      if (!claim) throw new WriteConflict('claim_submit');
      return claim;
    },
    { attempts: 40 },
  ).catch((err: unknown) => {
    if (err instanceof ConflictUnresolved) return undefined;
    throw err;
  });
}
