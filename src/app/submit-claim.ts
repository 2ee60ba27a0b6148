import { type Claim, type ClaimRefusal, createClaim, currentVersion, decideClaim, effectsOfNewClaim, formatClaimNumber } from '../domain/fees/claim';
import { checkClaimForm, type ClaimForm, type NewClaimVersion, prefilledClaimForm } from '../domain/fees/claim-form';
import { recordClaim, type Order } from '../domain/orders/order';
import { helsinkiDate, helsinkiInstant } from '../domain/shared/helsinki';
import { containsPersonalIdentityCode } from '../domain/shared/personal-identity-code';
import { changeClaim, storeNewClaim } from './change-claim';
import { changeOrder } from './change-order';
import type { ClaimFormView } from './ports';
import type { Services } from './services';

export type ClaimFormRefusal = 'order_not_found' | 'claim_not_assigned' | 'claim_unpaid' | 'task_not_started' | 'order_cancelled' | 'claim_unit_missing';

export type SubmitOutcome =
  | { type: 'form'; view: ClaimFormView } // errors to correct; nothing stored
  | { type: 'submitted' | 'resubmitted' | 'already'; claim: Claim }
  | { type: 'refused'; reason: ClaimFormRefusal | ClaimRefusal };

interface Assignment {
  order: Order;
  view: Omit<ClaimFormView, 'form'>;
}

/** The assignment an expert claims a fee for, with the tariff that prices it; or why there is none. */
async function assignmentOf(s: Services, orderId: string, expertEmail: string): Promise<Assignment | ClaimFormRefusal> {
  const [stored, expert, tariff] = await Promise.all([s.orders.get(orderId), s.registers.getExpert(expertEmail), s.tariffs.current()]);
  const order = stored?.value;
  if (!order) return 'order_not_found';
  if (!expert || !order.assigned.some((a) => a.email === expertEmail)) return 'claim_not_assigned';
  if (order.status === 'cancelled') return 'order_cancelled';
  if (tariff.unpaidKinds.includes(expert.kind)) return 'claim_unpaid';
  if (s.clock.now() < helsinkiInstant(order.date, order.start)) return 'task_not_started';
  const unit = await s.registers.getUnit(order.unitId);
  if (!unit) return 'claim_unit_missing';
  return { order, view: { order, unitName: unit.name, tariff, expertKind: expert.kind } };
}

/** The claim card as the expert first sees it, or again to correct a returned claim. */
export async function claimFormFor(s: Services, orderId: string, expertEmail: string): Promise<ClaimFormView | ClaimFormRefusal> {
  const a = await assignmentOf(s, orderId, expertEmail);
  if (typeof a === 'string') return a;
  const claimId = a.order.claims?.[expertEmail];
  const claim = claimId ? (await s.claims.load(claimId))?.claim.value : undefined;
  const previous = claim ? currentVersion(claim) : undefined;
  const form = prefilledClaimForm(a.order, previous);
  const checked = checkClaimForm(form, contextOf(a.view));
  const reason = claim?.history.filter((h) => h.action === 'rejected').at(-1)?.reason;
  return { ...a.view, form, amount: checked.ok ? checked.value.amount : undefined, ...(claim ? { claimId: claim.claimId, reason } : {}) };
}

const contextOf = (v: Omit<ClaimFormView, 'form'>) => ({ taskType: v.order.taskType, expertKind: v.expertKind, tariff: v.tariff, hasIdentityCode: containsPersonalIdentityCode });

/**
 * The expert sends their claim card. The claim is tied to the assignment on the order row (its
 * ETag decides between two clicks), so one assignment has one claim; a returned claim is
 * corrected as a new version of the same claim.
 */
export async function submitClaim(s: Services, orderId: string, expertEmail: string, form: ClaimForm): Promise<SubmitOutcome> {
  const a = await assignmentOf(s, orderId, expertEmail);
  if (typeof a === 'string') return { type: 'refused', reason: a };
  const checked = checkClaimForm(form, contextOf(a.view));
  const existingId = a.order.claims?.[expertEmail];
  if (existingId) {
    const existing = await claimSoon(s, existingId);
    if (existing && existing.status !== 'returned') return { type: 'already', claim: existing };
  }
  if (!checked.ok) return { type: 'form', view: { ...a.view, form, errors: checked.error, claimId: existingId } };
  if (existingId) return resubmit(s, existingId, expertEmail, checked.value);

  const now = s.clock.now();
  const unit = (await s.registers.getUnit(a.order.unitId))!;
  const year = Number(helsinkiDate(now).slice(0, 4));
  const claimId = formatClaimNumber(year, await s.claims.allocateNumber(year));
  const outcome = await changeOrder<{ claim?: Claim; existingId?: string }>(s, orderId, (file) => {
    const order = recordClaim(file.order.value, expertEmail, claimId);
    if (!order) return { result: { existingId: file.order.value.claims?.[expertEmail] } };
    const claim = createClaim({
      claimId,
      orderId,
      expertEmail,
      unitId: order.unitId,
      chain: { orderer: order.ordererEmail, supervisor: unit.supervisorEmail, director: unit.directorEmail, payroll: unit.payrollEmail },
      version: { ...checked.value, submittedAt: now.toISOString() },
      at: now,
      confirmed: order.taskDoneAt && order.taskDoneBy ? { by: order.taskDoneBy, at: order.taskDoneAt } : undefined,
    });
    return { change: { order, offers: [], effects: [{ type: 'create_claim', claim }] }, result: { claim } };
  });
  if (outcome?.claim) {
    await storeNewClaim(s, outcome.claim, effectsOfNewClaim(outcome.claim));
    return { type: 'submitted', claim: outcome.claim };
  }
  // Another click of the same card won the order row: answer with its claim.
  const other = outcome?.existingId ? await claimSoon(s, outcome.existingId) : undefined;
  return other ? { type: 'already', claim: other } : { type: 'refused', reason: 'order_not_found' };
}

async function resubmit(s: Services, claimId: string, expertEmail: string, version: NewClaimVersion): Promise<SubmitOutcome> {
  const outcome = await changeClaim<SubmitOutcome>(s, claimId, (file) => {
    const decision = decideClaim(file.claim.value, { type: 'resubmit', actor: expertEmail, at: s.clock.now(), version });
    if (!decision.ok) return { result: decision.error === 'claim_not_returned' ? { type: 'already', claim: file.claim.value } : { type: 'refused', reason: decision.error } };
    return { change: decision.value, result: { type: 'resubmitted', claim: decision.value.claim } };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}

/**
 * A claim whose number the order row already holds: the click that won writes the claim row right
 * after the order row, so a click that lost waits a moment for it instead of answering "not found".
 */
async function claimSoon(s: Services, claimId: string): Promise<Claim | undefined> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const claim = (await s.claims.load(claimId))?.claim.value;
    if (claim) return claim;
    await new Promise((r) => setTimeout(r, 25));
  }
  return undefined;
}
