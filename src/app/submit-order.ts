import { DateTime } from 'luxon';
import { canonicalMunicipality } from '../domain/orders/canonical-municipality';
import {
  checkOrderForm,
  formatOrderNumber,
  type FieldErrors,
  type Order,
  type OrderForm,
} from '../domain/orders/order';
import { ZONE } from '../domain/shared/helsinki';
import { isOrderer, type Actor } from './actor';
import type { Services } from './services';

export type SubmitOutcome =
  | { type: 'invalid'; errors: FieldErrors; units?: Array<{ id: string; name: string }> }
  | { type: 'created'; order: Order }
  /** `order`: when it is the actor's own, to show it again. */
  | { type: 'already_sent'; orderId: string; order?: Order }
  | { type: 'rate_limited'; limit: number }
  | { type: 'refused'; reason: 'only_orderers_can_order' };

/** SPEC §9: at most this many orders per person in an hour (each order fans out offers). */
export const ORDERS_PER_HOUR = 30;
const HOUR_MS = 3600_000;

/**
 * Creates an order from a submitted order card. The card's id makes the submission idempotent:
 * a double click or a redelivered invoke returns the first order, never a second one.
 */
export async function submitOrder(
  s: Services,
  actor: Actor,
  form: OrderForm,
  draftId: string,
): Promise<SubmitOutcome> {
  if (!isOrderer(actor)) return { type: 'refused', reason: 'only_orderers_can_order' };
  const now = DateTime.fromJSDate(s.clock.now(), { zone: ZONE });
  // From the staff register; when absent the orderer chooses once and it is remembered.
  const knownUnit = actor.staffUnitId ?? actor.chosenUnitId;
  const units =
    knownUnit && (await s.registers.getUnit(knownUnit))
      ? undefined
      : (await s.registers.listUnits()).map((u) => ({ id: u.unitId, name: u.name }));
  const checked = checkOrderForm(form, {
    today: now.toISODate()!,
    nowTime: now.toFormat('HH:mm'),
    unitIds: units?.map((u) => u.id),
    resolveMunicipality: canonicalMunicipality,
  });
  if (!checked.ok) return { type: 'invalid', errors: checked.error, units };

  // Counted from the orderer's stored orders, so every instance of the bot sees the same count.
  const hourAgo = new Date(s.clock.now().getTime() - HOUR_MS).toISOString();
  if ((await s.orders.countCreatedSince(actor.aadObjectId, hourAgo)) >= ORDERS_PER_HOUR)
    return { type: 'rate_limited', limit: ORDERS_PER_HOUR };

  const { unitId: chosenUnit, ...details } = checked.value;
  const unitId = chosenUnit ?? knownUnit!;
  const orderId = formatOrderNumber(now.year, await s.orders.allocateNumber(now.year));
  const claimed = await s.orders.claimSubmission(draftId, orderId);
  if (claimed !== orderId) {
    const sent = (await s.orders.get(claimed))?.value;
    if (sent)
      return {
        type: 'already_sent',
        orderId: claimed,
        order: sent.ordererId === actor.aadObjectId ? sent : undefined,
      };
  }

  const order: Order = {
    ...details,
    orderId: claimed,
    status: 'open',
    ordererId: actor.aadObjectId,
    ordererEmail: actor.email,
    unitId,
    createdAt: now.toUTC().toISO()!,
    assigned: [],
    wave: 0,
  };
  await s.jobs.markDirty(order.orderId);
  await s.orders.create(order, [{ type: 'offer_more', wave: 'next' }]);
  s.afterCommit(order.orderId);
  await s.drafts.delete(actor.aadObjectId);
  if (chosenUnit)
    await s.people.update(actor.aadObjectId, (p) =>
      p.chosenUnitId === chosenUnit ? undefined : { ...p, chosenUnitId: chosenUnit },
    );
  return { type: 'created', order };
}
