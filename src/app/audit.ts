import type { Claim } from '../domain/fees/claim';
import type { Order } from '../domain/orders/order';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import { claimViewOf } from './claim-view';
import type { Services } from './services';

export type AuditOutcome =
  | { type: 'order'; order: Order }
  | { type: 'claim'; claim: Claim; names: Record<string, string> }
  | {
      type: 'refused';
      reason: typeof NOT_ALLOWED | 'audit_usage' | 'order_not_found' | 'claim_not_found';
    };

/** `/audit T-…` or `/audit P-…`: a coordinator reads an order's or a claim's history (an order number wins). */
export async function auditOf(
  s: Services,
  actor: Actor,
  id: { orderId?: string; claimId?: string },
): Promise<AuditOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  if (id.orderId) {
    const order = (await s.orders.get(id.orderId))?.value;
    return order ? { type: 'order', order } : { type: 'refused', reason: 'order_not_found' };
  }
  if (!id.claimId) return { type: 'refused', reason: 'audit_usage' };
  const file = await s.claims.load(id.claimId);
  if (!file) return { type: 'refused', reason: 'claim_not_found' };
  const view = await claimViewOf(s, file.claim.value);
  return { type: 'claim', claim: file.claim.value, names: view.names };
}
