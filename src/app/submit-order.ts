import { DateTime } from 'luxon';
import { orderCountEffects } from './stats-counting';
import { canonicalMunicipality } from '../domain/orders/canonical-municipality';
import {
  checkOrderForm,
  formatOrderNumber,
  type FieldErrors,
  type Order,
  type OrderForm,
} from '../domain/orders/order';
import { wishedExpertOf, type WishedRefusal } from '../domain/orders/wished-expert';
import { ZONE } from '../domain/shared/helsinki';
import { isSeriesForm, type Series, type SeriesForm } from '../domain/orders/series';
import type { SeriesProblem } from '../domain/orders/parse-series';
import type { Result } from '../domain/shared/result';
import type { TaskType } from '../domain/shared/vocabulary';
import { isOrderer, type Actor } from './actor';
import { submitSeries } from './submit-series';
import type { Services } from './services';

export type SubmitOutcome =
  | { type: 'invalid'; errors: FieldErrors; units?: Array<{ id: string; name: string }> }
  | { type: 'created'; order: Order }
  /** `order`: when it is the actor's own, to show it again. */
  | { type: 'already_sent'; orderId: string; order?: Order }
  | { type: 'rate_limited'; limit: number }
  /** A series (SPEC §3): one order per session under one series number. */
  | { type: 'series_created'; series: Series; orders: Order[] }
  | { type: 'series_invalid'; problem: SeriesProblem }
  | { type: 'refused'; reason: 'only_orderers_can_order' };

/** How many of the orderer's latest orders "same as last time" looks through. */
const PAST_ORDERS = 50;

/** Reads the register and the orderer's past orders once, for the card's wished expert (SPEC §3). */
export async function wishedResolver(
  s: Services,
  ordererId: string,
): Promise<(text: string, taskType: TaskType) => Result<string, WishedRefusal>> {
  const [experts, past] = await Promise.all([
    s.registers.listExperts(),
    s.orders.listByOrderer(ordererId, PAST_ORDERS),
  ]);
  return (text, taskType) => wishedExpertOf(text, taskType, experts, past);
}

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
  form: OrderForm & SeriesForm,
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
    resolveWishedExpert: form.wishedExpert?.trim()
      ? await wishedResolver(s, actor.aadObjectId)
      : undefined,
  });
  if (!checked.ok) return { type: 'invalid', errors: checked.error, units };

  // Counted from the orderer's stored orders, so every instance of the bot sees the same count.
  const hourAgo = new Date(s.clock.now().getTime() - HOUR_MS).toISOString();
  if ((await s.orders.countCreatedSince(actor.aadObjectId, hourAgo)) >= ORDERS_PER_HOUR)
    return { type: 'rate_limited', limit: ORDERS_PER_HOUR };

  const { unitId: chosenUnit, ...details } = checked.value;
  const unitId = chosenUnit ?? knownUnit!;
  if (isSeriesForm(form)) {
    const outcome = await submitSeries(s, actor, details, unitId, form, draftId);
    if (outcome.type === 'series_invalid') return outcome;
    if (outcome.type === 'claimed_elsewhere') {
      const sent = (await s.orders.get(outcome.id))?.value;
      return {
        type: 'already_sent',
        orderId: outcome.id,
        order: sent?.ordererId === actor.aadObjectId ? sent : undefined,
      };
    }
    await afterSent(s, actor, chosenUnit);
    return outcome;
  }
  const orderId = formatOrderNumber(now.year, await s.orders.allocateNumber(now.year));
  const claimed = await s.orders.claimSubmission(draftId, orderId, s.clock.now().toISOString());
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
  await s.orders.create(order, [
    ...orderCountEffects(undefined, order),
    { type: 'offer_more', wave: 'next' },
  ]);
  s.afterCommit(order.orderId);
  await afterSent(s, actor, chosenUnit);
  return { type: 'created', order };
}

/** The draft is done with; a unit chosen on the card is remembered. */
async function afterSent(s: Services, actor: Actor, chosenUnit: string | undefined): Promise<void> {
  await s.drafts.delete(actor.aadObjectId);
  if (chosenUnit)
    await s.people.update(actor.aadObjectId, (p) =>
      p.chosenUnitId === chosenUnit ? undefined : { ...p, chosenUnitId: chosenUnit },
    );
}
