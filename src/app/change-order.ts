import type { Effect, Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { afterEffects } from './change-claim';
import { retryOnConflict } from './conflict';
import { orderCountEffects } from './stats-counting';
import type { OrderFile } from './ports';
import type { Services } from './services';

export interface Decided<R> {
  change?: { order: Order; offers: Offer[]; effects: Effect[] };
  result: R;
}

/**
 * A change made by the drain of this same order, which holds its lease (a new wave): it starts from
 * the order as the drain loaded it (a stale one costs only the conflict and a fresh read), and
 * kicks no second drain: the drain goes round once more and carries out what the change added; if
 * it dies, its mark is there for the poll.
 */
export interface FromDrain {
  loaded: OrderFile;
  /**
   * After the commit: true when the drain still holds its lease with time to spare, so that no other
   * instance can have loaded the outbox before the commit landed: the drain then goes round without
   * the mark being stamped (three or four storage requests fewer). False: the mark is stamped.
   */
  goRound(): boolean;
}

/**
 * Load, decide, save with the order's ETag, and decide again when someone else wrote first: the
 * one path by which an order and its offers change, so that no click is lost or counted twice.
 */
export function changeOrder<R>(
  s: Services,
  orderId: string,
  decide: (file: OrderFile) => Decided<R>,
  fromDrain?: FromDrain,
): Promise<R | undefined> {
  let first = fromDrain?.loaded;
  return retryOnConflict('order_change', async () => {
    const file = first ?? (await s.offers.load(orderId));
    first = undefined;
    if (!file) return undefined;
    const decided = decide(file);
    const { result } = decided;
    if (!decided.change) return result;
    // The figures of /stats move in the same write as the change they count (SPEC §6).
    const change = {
      ...decided.change,
      // First: the outbox removes it together with the next effect, in the same write.
      effects: [
        ...orderCountEffects(file.order.value, decided.change.order),
        ...decided.change.effects,
      ],
    };
    // Mark first: if we die between the two writes, a sweep finds the mark and nothing is pending.
    // (The drain's own change finds its mark already there, held until the drain clears it.)
    if (change.effects.length && !fromDrain) await s.jobs.markDirty(orderId);
    await s.offers.commit(
      {
        order: { value: change.order, etag: file.order.etag },
        offers: change.offers,
        effects: change.effects,
      },
      file,
    );
    if (change.effects.length && !fromDrain) await afterEffects(s, orderId);
    if (change.effects.length && fromDrain && !fromDrain.goRound()) await s.jobs.markDirty(orderId);
    return result;
  });
}
