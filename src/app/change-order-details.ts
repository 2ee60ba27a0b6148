import { DateTime } from 'luxon';
import {
  changeable,
  decideOrderChange,
  mayChange,
  orderVersion,
  type ChangeRefusal,
} from '../domain/offers/order-change';
import { canonicalMunicipality } from '../domain/orders/canonical-municipality';
import {
  checkOrderForm,
  type FieldErrors,
  type Order,
  type OrderDetails,
  type OrderForm,
} from '../domain/orders/order';
import { ZONE } from '../domain/shared/helsinki';
import { type Actor, isCoordinator } from './actor';
import { changeOrder } from './change-order';
import { offersOf } from './offer-more';
import type { Services } from './services';

export type OpenChangeOutcome =
  | { type: 'card'; order: Order; version: number }
  | { type: 'refused'; reason: ChangeRefusal | 'order_not_found' };

export type SaveChangeOutcome =
  | { type: 'invalid'; errors: FieldErrors; order: Order }
  | { type: 'changed'; order: Order; released: string[] }
  | { type: 'refused'; reason: ChangeRefusal | 'order_not_found' };

export const who = (actor: Actor) => ({
  id: actor.aadObjectId,
  email: actor.email,
  isCoordinator: isCoordinator(actor),
});

/** The order as it stands as an order card to change: only its orderer or a coordinator, before the start. */
export async function openOrderChange(
  s: Services,
  actor: Actor,
  orderId: string,
): Promise<OpenChangeOutcome> {
  const order = (await s.orders.get(orderId))?.value;
  if (!order) return { type: 'refused', reason: 'order_not_found' };
  if (!mayChange(order, who(actor))) return { type: 'refused', reason: 'change_not_allowed' };
  if (!changeable(order, s.clock.now())) return { type: 'refused', reason: 'change_order_closed' };
  return { type: 'card', order, version: orderVersion(order) };
}

/**
 * Saves a changed order card (`muuta T-…`): checked as a new order is, then decided against the
 * order as it now is (its ETag): a change made meanwhile by someone else wins, this one is refused.
 */
export async function saveOrderChange(
  s: Services,
  actor: Actor,
  orderId: string,
  version: number,
  form: OrderForm,
): Promise<SaveChangeOutcome> {
  const current = (await s.orders.get(orderId))?.value;
  if (!current) return { type: 'refused', reason: 'order_not_found' };
  if (!mayChange(current, who(actor))) return { type: 'refused', reason: 'change_not_allowed' };
  const now = DateTime.fromJSDate(s.clock.now(), { zone: ZONE });
  const checked = checkOrderForm(form, {
    today: now.toISODate()!,
    nowTime: now.toFormat('HH:mm'),
    resolveMunicipality: canonicalMunicipality,
    keepTaskType: current.taskType,
  });
  if (!checked.ok) return { type: 'invalid', errors: checked.error, order: current };
  const { unitId: _unit, ...details } = checked.value;
  return applyOrderChange(s, actor, orderId, version, details);
}

/**
 * The one path by which checked details replace an order's (`muuta T-…`, and each session of
 * `muuta S-…`): decided against the order as it now is (its ETag), effects to the outbox.
 */
export async function applyOrderChange(
  s: Services,
  actor: Actor,
  orderId: string,
  version: number,
  details: OrderDetails,
): Promise<Exclude<SaveChangeOutcome, { type: 'invalid' }>> {
  const [experts, loads] = await Promise.all([s.registers.listExperts(), s.loads.all()]);
  const outcome = await changeOrder<Exclude<SaveChangeOutcome, { type: 'invalid' }>>(
    s,
    orderId,
    (file) => {
      const decision = decideOrderChange(offersOf(file), {
        details,
        actor: who(actor),
        version,
        experts,
        loads,
        at: s.clock.now(),
      });
      if (!decision.ok) return { result: { type: 'refused', reason: decision.error } };
      return {
        change: decision.value,
        result: {
          type: 'changed',
          order: decision.value.order,
          released: decision.value.released.map((r) => r.name),
        },
      };
    },
  );
  return outcome ?? { type: 'refused', reason: 'order_not_found' };
}
