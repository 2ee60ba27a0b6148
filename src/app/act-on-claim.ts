import {
  type ApprovalStep,
  type Claim,
  type ClaimRefusal,
  decideClaim,
} from '../domain/fees/claim';
import { decideTaskDone, type Order, type TaskDoneRefusal } from '../domain/orders/order';
import { helsinkiInstant } from '../domain/shared/helsinki';
import { changeClaim } from './change-claim';
import { changeOrder } from './change-order';
import type { Services } from './services';

export type ClaimAct =
  | { type: 'approve'; step?: ApprovalStep; version?: number }
  | { type: 'reject'; reason: string; step?: ApprovalStep; version?: number }
  | { type: 'mark_paid'; version?: number }
  | { type: 'confirm_task'; version?: number }
  | { type: 'reassign'; to: string };

export type ClaimOutcome =
  | { type: 'done'; claim: Claim }
  | { type: 'refused'; reason: ClaimRefusal | 'claim_not_found'; claim?: Claim };

/**
 * An approver's click (or a coordinator's reassignment) on a claim. Who acts comes from Teams; the
 * claim's state decides whether they may, so a forged, repeated or stale click changes nothing.
 */
export async function actOnClaim(
  s: Services,
  claimId: string,
  actorEmail: string,
  act: ClaimAct,
): Promise<ClaimOutcome> {
  const outcome = await changeClaim<ClaimOutcome>(s, claimId, (file) => {
    const decision = decideClaim(file.claim.value, {
      ...act,
      actor: actorEmail,
      at: s.clock.now(),
    });
    if (!decision.ok)
      return { result: { type: 'refused', reason: decision.error, claim: file.claim.value } };
    return { change: decision.value, result: { type: 'done', claim: decision.value.claim } };
  });
  return outcome ?? { type: 'refused', reason: 'claim_not_found' };
}

export type TaskDoneOutcome =
  { type: 'done'; order: Order } | { type: 'refused'; reason: TaskDoneRefusal | 'order_not_found' };

/** The orderer's Task done: recorded on the order; the order's claims move on through its outbox. */
export async function confirmTaskDone(
  s: Services,
  orderId: string,
  actorEmail: string,
): Promise<TaskDoneOutcome> {
  const outcome = await changeOrder<TaskDoneOutcome>(s, orderId, (file) => {
    const order = file.order.value;
    const decision = decideTaskDone(
      order,
      actorEmail,
      s.clock.now(),
      helsinkiInstant(order.date, order.start),
    );
    // Not the orderer: the order is "not found" for them, as with cancelling.
    if (!decision.ok)
      return {
        result: {
          type: 'refused',
          reason: decision.error === 'order_not_yours' ? 'order_not_found' : decision.error,
        },
      };
    return {
      change: {
        order: decision.value,
        offers: [],
        effects: [{ type: 'confirm_claims', by: actorEmail }],
      },
      result: { type: 'done', order: decision.value },
    };
  });
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}
