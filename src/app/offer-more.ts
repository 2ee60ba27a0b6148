import { DateTime } from 'luxon';
import { rankCandidates, pickWave, type MatchOrder } from '../domain/matching/match-experts';
import { mayBeOfferedAgain, offerWindowMs, type Effect, type Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { helsinkiDate, helsinkiInstant, ZONE } from '../domain/shared/helsinki';
import { changeOrder } from './change-order';
import type { Services } from './services';

/**
 * Sends the next offers of an order: a new wave of the best K (`next`), or one more in the current
 * wave after a decline (`same`). When nobody is left and nobody is still answering, the order
 * goes to the coordinators.
 */
export async function offerMore(s: Services, orderId: string, which: 'same' | 'next'): Promise<void> {
  const [experts, loads, settings] = await Promise.all([s.registers.listExperts(), s.loads.all(), s.settings.get()]);
  const review = settings.reviewShortlists;
  const now = s.clock.now();
  await changeOrder(s, orderId, (file) => {
    const order = file.order.value;
    if (order.status !== 'open' || order.assigned.length >= order.expertCount || order.shortlist) return { result: undefined };
    const offers = [...file.offers.values()].map((o) => o.value);
    const pending = offers.filter((o) => o.status === 'pending');
    // Those whose offer closed when the order filled may get it again when a place frees up.
    const exclude = new Set(offers.filter((o) => !mayBeOfferedAgain(o)).map((o) => o.expertEmail));
    const ranked = rankCandidates(toMatchOrder(order), experts, { today: helsinkiDate(now), loads, exclude });
    const places = order.expertCount - order.assigned.length;
    const newWave = which === 'next' || order.wave === 0;
    const size = newWave ? Math.max(s.offerSettings.waveSize, places) : Math.max(0, places - pending.length) || 1;
    const chosen = pickWave(ranked, size);

    if (chosen.length === 0) {
      if (pending.length > 0) return { result: undefined }; // someone may still answer
      const effects: Effect[] = [
        { type: 'notify_coordinators', about: 'unfilled' },
        { type: 'notify_orderer', about: order.assigned.length ? 'partly_filled' : 'unfilled' },
      ];
      return { change: { order: { ...order, status: 'unfilled' }, offers: [], effects }, result: undefined };
    }

    if (newWave && review) {
      // A coordinator looks at the shortlist first; their approval sends the wave.
      const shortlist = chosen.map((c) => c.email);
      return { change: { order: { ...order, shortlist }, offers: [], effects: [{ type: 'notify_coordinators', about: 'review' }] }, result: undefined };
    }
    const currentExpiry = pending.find((o) => o.wave === order.wave)?.expiresAt;
    return { change: waveChange(order, chosen.map((c) => c.email), newWave, now, s.offerSettings.offerWindowMs, currentExpiry), result: undefined };
  });
}

/** The offers of a wave (a new one, or one more in the current wave) and what they set going. */
export function waveChange(order: Order, emails: readonly string[], newWave: boolean, now: Date, windowMs: number, currentExpiry?: string) {
  const wave = newWave ? order.wave + 1 : order.wave;
  const expiresAt = !newWave && currentExpiry ? currentExpiry : new Date(now.getTime() + offerWindowMs(now, helsinkiInstant(order.date, order.start), windowMs)).toISOString();
  const sent: Offer[] = emails.map((email) => ({ orderId: order.orderId, expertEmail: email, wave, status: 'pending', sentAt: now.toISOString(), expiresAt }));
  const effects: Effect[] = sent.map((o) => ({ type: 'update_offer_card', email: o.expertEmail }));
  if (newWave) effects.push({ type: 'schedule_wave_expiry', wave, dueAt: expiresAt });
  const { shortlist: _reviewed, ...rest } = order;
  return { order: { ...rest, wave }, offers: sent, effects };
}

export function toMatchOrder(o: Order): MatchOrder {
  return {
    orderId: o.orderId,
    taskType: o.taskType,
    areas: o.areas,
    date: o.date,
    start: o.start,
    end: o.end,
    remote: o.remote,
    municipality: o.municipality,
    language: o.language,
    expertCount: o.expertCount,
  };
}

/** 09:00 Helsinki time on the day before the task. */
export function reminderTime(order: Order): Date {
  return DateTime.fromISO(`${order.date}T09:00`, { zone: ZONE }).minus({ days: 1 }).toJSDate();
}
