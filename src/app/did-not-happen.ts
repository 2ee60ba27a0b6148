import {
  type Claim,
  type ClaimCommand,
  type ClaimRefusal,
  decideClaim,
} from '../domain/fees/claim';
import { decideTaskNotDone, type Order, type TaskNotDoneRefusal } from '../domain/orders/order';
import type { Role } from '../domain/registers/roles';
import { helsinkiInstant } from '../domain/shared/helsinki';
import { changeClaim } from './change-claim';
import { changeOrder } from './change-order';
import type { Actor } from './actor';
import { rememberClaimCard } from './claim-actions';
import { claimViewOf } from './claim-view';
import type { ClaimView } from './ports';
import { involved } from '../domain/fees/claim-queries';
import type { Services } from './services';
import { translator } from '../i18n';

/** Who acts: the e-mail from Teams and the roles from the registers, never from card data. */
export interface FeeActor {
  email: string;
  roles: readonly Role[];
}

const isCoordinator = (actor: FeeActor) => actor.roles.includes('coordinator');

export type TaskNotDoneOutcome =
  | { type: 'done'; order: Order }
  | { type: 'refused'; reason: TaskNotDoneRefusal | 'order_not_found'; order?: Order };

/**
 * Did not take place (SPEC §3): the orderer of the order, or a coordinator, says that the task did
 * not take place, with a reason. The order remembers it; through its outbox each assigned expert is
 * told kindly, the coordinators are told, and the claims already sent wait for a coordinator.
 */
export async function reportTaskNotDone(
  s: Services,
  orderId: string,
  actor: FeeActor,
  reason: string,
): Promise<TaskNotDoneOutcome> {
  const outcome = await changeOrder<TaskNotDoneOutcome>(s, orderId, (file) => {
    const order = file.order.value;
    const decision = decideTaskNotDone(
      order,
      { email: actor.email, isCoordinator: isCoordinator(actor) },
      reason,
      s.clock.now(),
      helsinkiInstant(order.date, order.start),
    );
    // Not the orderer: the order is "not found" for them, as with Task done and cancelling.
    if (!decision.ok)
      return {
        result:
          decision.error === 'order_not_yours'
            ? { type: 'refused', reason: 'order_not_found' }
            : { type: 'refused', reason: decision.error, order },
      };
    const effects = [
      { type: 'hold_claims', by: actor.email.toLowerCase() } as const,
      ...order.assigned.map((a) => ({ type: 'notify_expert_not_done', email: a.email }) as const),
      { type: 'notify_coordinators', about: 'task_not_done' } as const,
    ];
    return {
      change: { order: decision.value, offers: [], effects },
      result: { type: 'done', order: decision.value },
    };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}

export type CancelClaimOutcome =
  | { type: 'done'; claim: Claim }
  | { type: 'refused'; reason: ClaimRefusal | 'claim_not_found' | 'command_not_allowed' };

/**
 * `/fees cancel P-… reason` (SPEC §5): a coordinator cancels a claim that should not be paid. The
 * expert is told kindly with the reason, the holder's card loses its buttons, the reminders stop,
 * and the claim's history keeps who, when and why. A claim's own expert never cancels it (SPEC §2).
 */
export async function cancelClaim(
  s: Services,
  claimId: string,
  actor: FeeActor,
  reason: string,
): Promise<CancelClaimOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: 'command_not_allowed' };
  const outcome = await decide(s, claimId, {
    type: 'cancel',
    reason,
    actor: actor.email,
    at: s.clock.now(),
  });
  return outcome ?? { type: 'refused', reason: 'claim_not_found' };
}

/** The order's outbox: a claim of a task that did not take place waits for a coordinator. */
export async function holdClaim(
  s: Services,
  claimId: string,
  by: string,
  reason: string,
): Promise<void> {
  // Refused when it waits already (the effect ran before), was paid or cancelled: nothing to do.
  await decide(s, claimId, { type: 'task_not_done', reason, actor: by, at: s.clock.now() });
}

/** Who the claim history names when the service itself withdraws a claim. */
export const SERVICE_ACTOR = 'kokemusvalitys';

/**
 * The order's outbox: the expert gave their place back (Can't make it), so a claim already sent for
 * the task is withdrawn: cancelled, its cards updated. The reason is the button's words in all three
 * languages, since the claim's history is read in any of them.
 */
export async function withdrawClaim(s: Services, claimId: string, orderId: string): Promise<void> {
  const reason = (['fi', 'sv', 'en'] as const)
    .map((l) => translator(l)('cant_make_it'))
    .join(' / ');
  const file = await s.claims.load(claimId);
  if (!file || file.claim.value.orderId !== orderId) return;
  await decide(s, claimId, { type: 'cancel', reason, actor: SERVICE_ACTOR, at: s.clock.now() });
}

function decide(
  s: Services,
  claimId: string,
  cmd: ClaimCommand,
): Promise<CancelClaimOutcome | undefined> {
  return changeClaim<CancelClaimOutcome>(s, claimId, (file) => {
    const decision = decideClaim(file.claim.value, cmd);
    if (!decision.ok) return { result: { type: 'refused', reason: decision.error } };
    return { change: decision.value, result: { type: 'done', claim: decision.value.claim } };
  });
}

export type TaskNotDoneCardOutcome =
  | { type: 'refused'; reason: 'email_missing' | 'order_not_found' }
  /** Pressed on a claim card at the orderer's stage: the claim as it now stands. */
  | { type: 'claim'; view: ClaimView; refusal?: TaskNotDoneRefusal }
  /** Pressed on the Task done card: the order as it now stands. */
  | { type: 'order'; order: Order; unitName: string; refusal?: TaskNotDoneRefusal };

/** The Did not take place button of a Task done card or of a claim card; answered with that card. */
export async function reportTaskNotDoneByCard(
  s: Services,
  actor: Actor,
  orderId: string,
  claimId: string | undefined,
  reason: string,
  activityId?: string,
): Promise<TaskNotDoneCardOutcome> {
  if (!actor.email) return { type: 'refused', reason: 'email_missing' };
  const outcome = await reportTaskNotDone(s, orderId, actor, reason);
  if (outcome.type === 'refused' && outcome.reason === 'order_not_found')
    return { type: 'refused', reason: 'order_not_found' };
  const refusal =
    outcome.type === 'refused' && outcome.reason !== 'order_not_found' ? outcome.reason : undefined;
  const file = claimId ? await s.claims.load(claimId) : undefined;
  // Somebody else's claim does not exist for them: its card is not theirs to see.
  if (file && file.claim.value.orderId === orderId && involved(file.claim.value, actor.email)) {
    await rememberClaimCard(s, actor, file.claim.value.claimId, activityId);
    return { type: 'claim', view: await claimViewOf(s, file.claim.value), refusal };
  }
  const order = outcome.order ?? (await s.orders.get(orderId))?.value;
  if (!order) return { type: 'refused', reason: 'order_not_found' };
  const unit = await s.registers.getUnit(order.unitId);
  return { type: 'order', order, unitName: unit?.name ?? order.unitId, refusal };
}
