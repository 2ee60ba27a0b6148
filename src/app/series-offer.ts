import { whyNotEligible, type ExpertLoad } from '../domain/matching/match-experts';
import { toMatchOrder } from '../domain/offers/follow-up';
import type { Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { helsinkiDate } from '../domain/shared/helsinki';
import type { Actor } from './actor';
import { answerOffer } from './answer-offer';
import { changeOrder } from './change-order';
import { offerViewOf } from './offer-view';
import type { OfferView, OrderFile, SeriesOfferView } from './ports';
import type { Services } from './services';

/** The series card of one expert as stored now, and the activity of the card sent before (if any). */
export interface SeriesCard {
  view: SeriesOfferView;
  activityId?: string;
}

/**
 * The sessions of a series offered to `email`, each with its order and offer as they stand (one
 * load per session), and the id of the one series card sent to them. Undefined for a series that
 * does not exist.
 */
export async function seriesCardOf(
  s: Services,
  seriesId: string,
  email: string,
): Promise<SeriesCard | undefined> {
  const files = await sessionFiles(s, seriesId);
  return files && cardOf(seriesId, files, email);
}

/** Every session of a series as it stands (one load each); undefined for no such series. */
async function sessionFiles(
  s: Services,
  seriesId: string,
): Promise<Array<OrderFile | undefined> | undefined> {
  const series = await s.orders.getSeries(seriesId);
  return series && Promise.all(series.sessions.map((x) => s.offers.load(x.orderId)));
}

function cardOf(
  seriesId: string,
  files: ReadonlyArray<OrderFile | undefined>,
  email: string,
): SeriesCard {
  const sessions: Array<{ order: Order; offer: Offer }> = [];
  let activityId: string | undefined;
  for (const file of files) {
    const offer = file?.offers.get(email)?.value;
    if (!file || !offer) continue;
    sessions.push({ order: file.order.value, offer });
    activityId ??= file.sentCards.get(email);
  }
  return { view: { seriesId, sessions }, activityId };
}

export type SeriesAnswerOutcome =
  | { type: 'refused'; reason: 'offer_not_found' }
  | {
      type: 'answered';
      card: SeriesCard;
      /** Sessions taken by this click. */
      taken: string[];
      /** Sessions the expert could not take (a hard rule, e.g. a clash that day): offered to others. */
      notTaken: string[];
    };

/**
 * An expert answers the series card: Accept all, one session, or Decline (all still offered).
 * Accept all checks every pending session against the hard rules with the expert's current load
 * (a clash with another task that day, the monthly maximum); a session that fails is let go, so
 * that it is offered to the next candidate at once. Each session changes with its own ETag
 * (changeOrder), so a concurrent accept of one session by someone else is safe.
 */
export async function answerSeries(
  s: Services,
  actor: Actor,
  seriesId: string,
  answer: { type: 'accept_all' } | { type: 'accept_one'; orderId: string } | { type: 'decline' },
): Promise<SeriesAnswerOutcome> {
  const expert = actor.expert && (await s.registers.getExpert(actor.expert.email));
  if (!expert) return { type: 'refused', reason: 'offer_not_found' };
  const before = await seriesCardOf(s, seriesId, expert.email);
  if (!before || before.view.sessions.length === 0)
    return { type: 'refused', reason: 'offer_not_found' };
  const pending = before.view.sessions
    .filter((x) => x.offer.status === 'pending')
    .filter((x) => answer.type !== 'accept_one' || x.order.orderId === answer.orderId)
    .sort((a, b) => a.order.date.localeCompare(b.order.date));

  const taken: string[] = [];
  const takenIds: string[] = [];
  const notTaken: string[] = [];
  const load: ExpertLoad = await s.loads.get(expert.email);
  const assignments = [...load.assignments];
  const today = helsinkiDate(s.clock.now());
  for (const { order } of pending) {
    if (answer.type === 'decline') {
      await answerOffer(s, order.orderId, expert.email, 'decline');
      continue;
    }
    const rule = whyNotEligible(toMatchOrder(order), expert, {
      today,
      loads: new Map([[expert.email, { ...load, assignments }]]),
      exclude: new Set(),
    });
    if (rule) {
      // Let go at once: declining never counts against anyone, and the place is offered on.
      await answerOffer(s, order.orderId, expert.email, 'decline');
      notTaken.push(order.date);
      continue;
    }
    const outcome = await answerOffer(s, order.orderId, expert.email, 'accept', {
      quietToOrderer: answer.type === 'accept_all',
    });
    if (outcome.type !== 'accepted') continue;
    taken.push(order.date);
    takenIds.push(order.orderId);
    assignments.push({
      orderId: order.orderId,
      date: order.date,
      start: order.start,
      end: order.end,
      remote: order.remote,
      municipality: order.municipality,
    });
  }
  const files = await sessionFiles(s, seriesId);
  const after = files && cardOf(seriesId, files, expert.email);
  if (answer.type === 'accept_all' && takenIds[0] && files)
    await tellOrdererOnce(s, takenIds[0], seriesId, files, expert.name, taken.length, today);
  return { type: 'answered', card: after ?? before, taken, notTaken };
}

/**
 * One message to the orderer for one Accept all (the sessions' own "filled" messages are left out):
 * how many of the series' coming sessions the expert took, and which are still being offered. It
 * goes through the outbox of the first session taken, like the per-session messages it replaces.
 * `sessions`: the series' sessions as loaded after the click.
 */
async function tellOrdererOnce(
  s: Services,
  orderId: string,
  seriesId: string,
  sessions: ReadonlyArray<OrderFile | undefined>,
  name: string,
  count: number,
  today: string,
): Promise<void> {
  const coming = sessions
    .map((file) => file?.order.value)
    .filter((o): o is Order => o !== undefined && o.date >= today && o.status !== 'cancelled');
  const open = coming.filter((o) => o.status !== 'filled').map((o) => o.date);
  const effect = {
    type: 'notify_orderer_series' as const,
    seriesId,
    name,
    count,
    total: Math.max(count, coming.length),
    open,
  };
  await changeOrder(s, orderId, (file) => ({
    change: { order: file.order.value, offers: [], effects: [effect] },
    result: undefined,
  }));
}

/**
 * What the series card shows: the sessions, and the task's details from one session (the unit, the
 * fee, and the orderer's contact once the expert holds a session).
 */
export async function seriesOfferView(s: Services, card: SeriesCard): Promise<OfferView> {
  const shown =
    card.view.sessions.find((x) => x.offer.status === 'accepted') ?? card.view.sessions[0]!;
  return { ...(await offerViewOf(s, shown.order, shown.offer)), series: card.view };
}
