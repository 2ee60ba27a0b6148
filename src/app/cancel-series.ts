import { futureSessions } from '../domain/orders/series';
import { helsinkiDate } from '../domain/shared/helsinki';
import { type Actor, isCoordinator } from './actor';
import { cancelOrder } from './cancel-order';
import type { Services } from './services';

export type CancelSeriesOutcome =
  | { type: 'cancelled'; seriesId: string; count: number }
  | { type: 'nothing_to_cancel'; seriesId: string }
  | { type: 'refused'; reason: 'series_not_found'; seriesId: string };

/**
 * Cancels every future session of a series (SPEC §3) for its orderer or a coordinator, each as a
 * single order is cancelled (offers withdrawn, assigned experts told, with the order's ETag).
 * Sessions already held, or cancelled one by one before, stay as they are.
 */
export async function cancelSeries(
  s: Services,
  actor: Actor,
  seriesId: string,
): Promise<CancelSeriesOutcome> {
  const series = await s.orders.getSeries(seriesId);
  // Someone else's series is "not found": its existence is not theirs to know.
  if (!series || (series.ordererId !== actor.aadObjectId && !isCoordinator(actor)))
    return { type: 'refused', reason: 'series_not_found', seriesId };
  let count = 0;
  for (const orderId of futureSessions(series, helsinkiDate(s.clock.now()))) {
    const outcome = await cancelOrder(s, actor, orderId);
    if (outcome.type === 'cancelled') count++;
  }
  return count > 0
    ? { type: 'cancelled', seriesId: series.seriesId, count }
    : { type: 'nothing_to_cancel', seriesId: series.seriesId };
}
