import { DateTime } from 'luxon';
import type { Order, OrderDetails } from '../domain/orders/order';
import { formatOrderNumber } from '../domain/orders/order';
import type { SeriesProblem } from '../domain/orders/parse-series';
import {
  formatSeriesNumber,
  planFromForm,
  type Series,
  type SeriesForm,
} from '../domain/orders/series';
import { ZONE } from '../domain/shared/helsinki';
import type { Actor } from './actor';
import type { Services } from './services';

export type SeriesSubmitOutcome =
  | { type: 'series_created'; series: Series; orders: Order[] }
  | { type: 'series_invalid'; problem: SeriesProblem }
  /** The card was sent before as a single order (or by someone else): as for a single order. */
  | { type: 'claimed_elsewhere'; id: string };

/**
 * Creates a series from a checked order card (SPEC §3): the card's date is the first session, and
 * one order per session (each its own T-number) goes out under one series number. The card's id
 * makes it idempotent: a double click finds the series and creates only what is still missing.
 */
export async function submitSeries(
  s: Services,
  actor: Actor,
  details: OrderDetails,
  unitId: string,
  form: SeriesForm,
  draftId: string,
): Promise<SeriesSubmitOutcome> {
  const now = DateTime.fromJSDate(s.clock.now(), { zone: ZONE });
  const planned = planFromForm(details.date, form, now.toISODate()!);
  if (!planned.ok) return { type: 'series_invalid', problem: planned.problem };
  const plan = planned.plan;

  const fresh = formatSeriesNumber(now.year, await s.orders.allocateSeriesNumber(now.year));
  const claimed = await s.orders.claimSubmission(draftId, fresh);
  let series = claimed === fresh ? undefined : await s.orders.getSeries(claimed);
  if (claimed !== fresh && (!series || series.ordererId !== actor.aadObjectId))
    return { type: 'claimed_elsewhere', id: claimed };
  if (!series) {
    const sessions: Series['sessions'] = [];
    for (const date of plan.dates)
      sessions.push({
        orderId: formatOrderNumber(now.year, await s.orders.allocateNumber(now.year)),
        date,
      });
    series = {
      seriesId: fresh,
      ordererId: actor.aadObjectId,
      ordererEmail: actor.email,
      unitId,
      every: plan.every,
      sessions,
      skipped: plan.skipped,
      createdAt: now.toUTC().toISO()!,
    };
    // The series first: a session's offer card draws the other sessions from it.
    await s.orders.createSeries(series);
  }

  const orders: Order[] = [];
  for (const session of series.sessions) {
    const order: Order = {
      ...details,
      date: session.date,
      orderId: session.orderId,
      seriesId: series.seriesId,
      status: 'open',
      ordererId: actor.aadObjectId,
      ordererEmail: actor.email,
      unitId: series.unitId,
      createdAt: series.createdAt,
      assigned: [],
      wave: 0,
    };
    await s.jobs.markDirty(order.orderId);
    await s.orders.create(order, [{ type: 'offer_more', wave: 'next' }]);
    s.afterCommit(order.orderId);
    orders.push(order);
  }
  return { type: 'series_created', series, orders };
}
