import type { Approval, ApprovalStep, Claim, ClaimRefusal } from '../domain/fees/claim';
import { handledStage, involved } from '../domain/fees/claim-queries';
import type { ClaimForm } from '../domain/fees/claim-form';
import type { Order, TaskDoneRefusal } from '../domain/orders/order';
import { actOnClaim, confirmTaskDone, type ClaimAct } from './act-on-claim';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import { claimViewOf } from './claim-view';
import type { ClaimFormView, ClaimView } from './ports';
import type { Services } from './services';
import { submitClaim, type ClaimFormRefusal } from './submit-claim';

/** The card someone clicked is theirs to update later, when the claim moves on. */
async function remember(
  s: Pick<Services, 'claims'>,
  claimId: string,
  email: string,
  activityId: string | undefined,
): Promise<void> {
  if (activityId) await s.claims.recordCard(claimId, { email, activityId });
}

/** A claim card sent to the actor (their `approvals`): remembered, so that it updates in place. */
export async function rememberClaimCard(
  s: Pick<Services, 'claims'>,
  actor: Actor,
  claimId: string,
  activityId: string | undefined,
): Promise<void> {
  if (actor.email) await remember(s, claimId, actor.email, activityId);
}

export type SendClaimOutcome =
  | {
      type: 'refused';
      reason: 'email_missing' | 'claim_not_assigned' | ClaimFormRefusal | ClaimRefusal;
    }
  | { type: 'form'; view: ClaimFormView }
  | { type: 'submitted' | 'resubmitted' | 'already'; view: ClaimView };

/** The expert sends their claim card (`activityId`: the card, to update in place as the claim moves on). */
export async function sendClaimCard(
  s: Services,
  actor: Actor,
  orderId: string,
  form: ClaimForm,
  activityId?: string,
): Promise<SendClaimOutcome> {
  if (!actor.email) return { type: 'refused', reason: 'email_missing' };
  if (!actor.expert) return { type: 'refused', reason: 'claim_not_assigned' };
  const outcome = await submitClaim(s, orderId, actor.expert.email, form);
  if (outcome.type === 'refused' || outcome.type === 'form') return outcome;
  await remember(s, outcome.claim.claimId, actor.expert.email, activityId);
  return { type: outcome.type, view: await claimViewOf(s, outcome.claim) };
}

export type ClaimCardOutcome =
  | { type: 'refused'; reason: 'email_missing' | 'claim_not_found' }
  | { type: 'done'; view: ClaimView }
  /** Refused on a claim the actor may see; `handled`: who already handled the clicked stage, and when. */
  | { type: 'stale'; reason: ClaimRefusal; view: ClaimView; handled?: Approval };

/** What a claim card's button says: which button, at which stage and version, and a rejection's reason. */
export interface ClaimClick {
  kind: 'approve' | 'reject' | 'mark_paid';
  step?: ApprovalStep;
  version?: number;
  reason?: string;
}

/**
 * An approver's click on a claim card. Only the holder can change a claim, so an outsider's click
 * changes nothing; then somebody else's claim does not exist for them: its contents are not theirs to see.
 */
export async function actOnClaimCard(
  s: Services,
  actor: Actor,
  claimId: string,
  click: ClaimClick,
  activityId?: string,
): Promise<ClaimCardOutcome> {
  // Without an e-mail nobody can be told from anybody else: no claim may be acted on.
  if (!actor.email) return { type: 'refused', reason: 'email_missing' };
  const { kind, step, version } = click;
  let act: ClaimAct;
  if (kind === 'reject') act = { type: 'reject', reason: click.reason ?? '', step, version };
  else if (kind === 'mark_paid') act = { type: 'mark_paid', version };
  else
    act =
      step === 'orderer' ? { type: 'confirm_task', version } : { type: 'approve', step, version };
  const outcome = await actOnClaim(s, claimId, actor.email, act);
  if (!outcome.claim || !involved(outcome.claim, actor.email))
    return { type: 'refused', reason: 'claim_not_found' };
  await remember(s, claimId, actor.email, activityId);
  const view = await claimViewOf(s, outcome.claim);
  if (outcome.type === 'done') return { type: 'done', view };
  const reason = outcome.reason as ClaimRefusal;
  // A stale or repeated click on a stage that is done: who handled it (this version) and when.
  const stale = reason === 'claim_already_approved' || reason === 'not_your_approval';
  return {
    type: 'stale',
    reason,
    view,
    handled: stale && step ? handledStage(outcome.claim, step) : undefined,
  };
}

export type ReassignOutcome =
  | {
      type: 'refused';
      reason: typeof NOT_ALLOWED | 'reassign_usage' | ClaimRefusal | 'claim_not_found';
    }
  | { type: 'reassigned'; claim: Claim; holderName: string };

/** `/reassign P-… email`: a coordinator moves a claim's waiting stage to someone else. */
export async function reassignClaim(
  s: Services,
  actor: Actor,
  claimId: string | undefined,
  to: string | undefined,
): Promise<ReassignOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  if (!claimId || !to) return { type: 'refused', reason: 'reassign_usage' };
  const outcome = await actOnClaim(s, claimId, actor.email, { type: 'reassign', to });
  if (outcome.type === 'refused') return { type: 'refused', reason: outcome.reason };
  const view = await claimViewOf(s, outcome.claim);
  return { type: 'reassigned', claim: outcome.claim, holderName: view.holderName };
}

export type TaskDoneCardOutcome =
  | { type: 'refused'; reason: 'email_missing' | 'order_not_found' }
  /** The order as it now stands; `refusal` when this click changed nothing. */
  | { type: 'shown'; order: Order; unitName: string; refusal?: TaskDoneRefusal };

/** The orderer's Task done button: recorded on the order, answered with the order's card. */
export async function confirmTaskDoneByCard(
  s: Services,
  actor: Actor,
  orderId: string,
): Promise<TaskDoneCardOutcome> {
  if (!actor.email) return { type: 'refused', reason: 'email_missing' };
  const outcome = await confirmTaskDone(s, orderId, actor.email);
  if (outcome.type === 'refused' && outcome.reason === 'order_not_found')
    return { type: 'refused', reason: 'order_not_found' };
  const order = outcome.type === 'done' ? outcome.order : (await s.orders.get(orderId))?.value;
  if (!order) return { type: 'refused', reason: 'order_not_found' };
  const unit = await s.registers.getUnit(order.unitId);
  return {
    type: 'shown',
    order,
    unitName: unit?.name ?? order.unitId,
    refusal:
      outcome.type === 'refused' && outcome.reason !== 'order_not_found'
        ? outcome.reason
        : undefined,
  };
}
