import { DateTime } from 'luxon';
import { changeable, changedFields, orderVersion } from '../domain/offers/order-change';
import { canonicalMunicipality } from '../domain/orders/canonical-municipality';
import {
  checkOrderForm,
  detailsOfOrder,
  type FieldErrors,
  type Order,
  type OrderDetails,
  type OrderForm,
} from '../domain/orders/order';
import { futureSessions, type Series } from '../domain/orders/series';
import { helsinkiDate, ZONE } from '../domain/shared/helsinki';
import { type Actor, isCoordinator } from './actor';
import { applyOrderChange } from './change-order-details';
import type { Services } from './services';

export type SeriesChangeRefusal =
  'series_not_found' | 'series_nothing_to_change' | 'series_changed_meanwhile';

export type OpenSeriesChangeOutcome =
  | { type: 'card'; seriesId: string; base: Order; version: number; count: number }
  | { type: 'refused'; reason: SeriesChangeRefusal; seriesId: string };

export type SaveSeriesChangeOutcome =
  | { type: 'changed'; seriesId: string; count: number; released: string[] }
  /** Answered on the card, nothing changed: a field's error, a date typed in, or no change at all. */
  | {
      type: 'invalid';
      seriesId: string;
      base: Order;
      count: number;
      errors: FieldErrors;
      note?: 'series_change_no_date' | 'change_nothing';
    }
  | { type: 'refused'; reason: SeriesChangeRefusal; seriesId: string };

/**
 * The sessions a change of the whole series applies to: those after today that are neither
 * cancelled nor started, with their orders as they stand. Undefined for a series that is not the
 * actor's (their orderer or a coordinator): someone else's series is "not found".
 */
async function changeableSessions(
  s: Services,
  actor: Actor,
  seriesId: string,
): Promise<{ series: Series; sessions: Order[] } | undefined> {
  const series = await s.orders.getSeries(seriesId);
  if (!series || (series.ordererId !== actor.aadObjectId && !isCoordinator(actor)))
    return undefined;
  const now = s.clock.now();
  const orders = await Promise.all(
    futureSessions(series, helsinkiDate(now)).map(async (id) => (await s.orders.get(id))?.value),
  );
  const sessions = orders
    .filter((o): o is Order => o !== undefined && changeable(o, now))
    .sort((a, b) => a.date.localeCompare(b.date));
  return { series, sessions };
}

/**
 * `muuta S-…` (SPEC §3): the order card pre-filled from the next future session, to change every
 * future session at once; each keeps its own date.
 */
export async function openSeriesChange(
  s: Services,
  actor: Actor,
  seriesId: string,
): Promise<OpenSeriesChangeOutcome> {
  const found = await changeableSessions(s, actor, seriesId);
  if (!found) return { type: 'refused', reason: 'series_not_found', seriesId };
  const base = found.sessions[0];
  if (!base)
    return { type: 'refused', reason: 'series_nothing_to_change', seriesId: found.series.seriesId };
  return {
    type: 'card',
    seriesId: found.series.seriesId,
    base,
    version: orderVersion(base),
    count: found.sessions.length,
  };
}

/**
 * Saves the series' change card: checked once as an order card is (with the base session's date),
 * then the fields changed from the base session are applied to every future session through the
 * one-order change path, each with its own ETag and its own rules (Still fine / Can't make it,
 * places released or offered, the audit). A session that started meanwhile is left alone.
 */
export async function saveSeriesChange(
  s: Services,
  actor: Actor,
  seriesId: string,
  baseOrderId: string,
  version: number,
  form: OrderForm,
): Promise<SaveSeriesChangeOutcome> {
  const found = await changeableSessions(s, actor, seriesId);
  if (!found) return { type: 'refused', reason: 'series_not_found', seriesId };
  const base = (await s.orders.get(baseOrderId))?.value;
  if (!base || base.seriesId !== found.series.seriesId)
    return { type: 'refused', reason: 'series_not_found', seriesId };
  if (found.sessions.length === 0)
    return { type: 'refused', reason: 'series_nothing_to_change', seriesId };
  if (orderVersion(base) !== version)
    return { type: 'refused', reason: 'series_changed_meanwhile', seriesId };
  const invalid = (errors: FieldErrors, note?: 'series_change_no_date' | 'change_nothing') => ({
    type: 'invalid' as const,
    seriesId,
    base,
    count: found.sessions.length,
    errors,
    ...(note ? { note } : {}),
  });
  // Each session keeps its own date: a date on the card (the card has no date input) is refused.
  const typedDate = form.date?.trim();
  if (typedDate && typedDate !== base.date) return invalid({}, 'series_change_no_date');

  const now = DateTime.fromJSDate(s.clock.now(), { zone: ZONE });
  const checked = checkOrderForm(
    { ...form, date: base.date },
    {
      today: now.toISODate()!,
      nowTime: now.toFormat('HH:mm'),
      resolveMunicipality: canonicalMunicipality,
    },
  );
  if (!checked.ok) return invalid(checked.error);
  const { unitId: _unit, ...details } = checked.value;
  const changes = changedFields(base, details);
  if (changes.length === 0) return invalid({}, 'change_nothing');
  const picked = Object.fromEntries(
    changes.map((c) => [c.field, details[c.field]]),
  ) as Partial<OrderDetails>;

  let count = 0;
  const released = new Set<string>();
  for (const session of found.sessions) {
    // Read again: a session changed one by one meanwhile keeps what this change does not touch.
    const current = (await s.orders.get(session.orderId))?.value;
    if (!current) continue;
    const outcome = await applyOrderChange(s, actor, current.orderId, orderVersion(current), {
      ...detailsOfOrder(current),
      ...picked,
    });
    if (outcome.type !== 'changed') continue;
    count++;
    for (const name of outcome.released) released.add(name);
  }
  return { type: 'changed', seriesId, count, released: [...released] };
}
