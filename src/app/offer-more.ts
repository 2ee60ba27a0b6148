import { decideOffer, type OfferCommand, type Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { changeOrder, type FromDrain } from './change-order';
import type { OrderFile } from './ports';
import type { Services } from './services';

export { reminderTime, toMatchOrder } from '../domain/offers/follow-up';

/** An order and its offers as the domain decides on them. */
export function offersOf(file: OrderFile): { order: Order; offers: Offer[] } {
  return { order: file.order.value, offers: [...file.offers.values()].map((o) => o.value) };
}

/**
 * Load, decide one offer command, save with the order's ETag (again on a conflict). A command
 * that came late or twice changes nothing. `command` is built per attempt: its time is the click's.
 */
export async function applyOfferCommand(
  s: Services,
  orderId: string,
  command: () => OfferCommand,
  fromDrain?: FromDrain,
): Promise<void> {
  await changeOrder(
    s,
    orderId,
    (file) => {
      const decision = decideOffer(offersOf(file), command());
      return { change: decision.ok ? decision.value : undefined, result: undefined };
    },
    fromDrain,
  );
}

/**
 * Sends the next offers of an order: a new wave of the best K (`next`), or one more in the current
 * wave after a decline (`same`). When nobody is left and nobody is still answering, the order
 * goes to the coordinators. `fromDrain`: called by the drain of this order (change-order.ts).
 */
export async function offerMore(
  s: Services,
  orderId: string,
  which: 'same' | 'next',
  fromDrain?: FromDrain,
): Promise<void> {
  const [experts, loads, settings] = await Promise.all([
    s.registers.listExperts(),
    s.loads.all(),
    s.settings.get(),
  ]);
  const at = s.clock.now();
  const waves = {
    waveSize: s.offerSettings.waveSize,
    windowMs: s.offerSettings.offerWindowMs,
    review: settings.reviewShortlists,
  };
  await applyOfferCommand(
    s,
    orderId,
    () => ({
      type: 'offer_more',
      which,
      experts,
      loads,
      settings: waves,
      at,
    }),
    fromDrain,
  );
}
