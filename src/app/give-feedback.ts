import {
  feedbackAverage,
  feedbackTime,
  type FeedbackEntry,
  raterRole,
  readFeedback,
} from '../domain/feedback/feedback';
import type { Order } from '../domain/orders/order';
import { log } from '../log';
import type { Delivery, FeedbackView, Notifier } from './ports';
import type { Services } from './services';
import { countFeedback } from './stats-counting';

export type FeedbackRefusal =
  | 'feedback_not_yours'
  | 'feedback_not_yet'
  | 'feedback_rating_invalid'
  | 'feedback_comment_too_long'
  | 'feedback_already';

export type FeedbackOutcome =
  | { type: 'given'; view: FeedbackView }
  /** `view` is missing when the person may not see the card at all (someone else's task). */
  | { type: 'refused'; reason: FeedbackRefusal; view?: FeedbackView };

async function viewOf(
  s: Services,
  order: Order,
  email: string,
  given?: FeedbackEntry,
): Promise<FeedbackView | undefined> {
  const role = raterRole(order, email);
  if (!role) return undefined;
  const unit = await s.registers.getUnit(order.unitId);
  return { order, role, unitName: unit?.name ?? order.unitId, ...(given ? { given } : {}) };
}

/**
 * The orderer's rating counts for each expert of the task; their averages (from 3 ratings on) go
 * to the expert's load, where matching reads them. Safe to run again: each rating counts once.
 */
async function countForExperts(s: Services, order: Order, entry: FeedbackEntry): Promise<void> {
  if (entry.role !== 'orderer') return;
  for (const { email } of order.assigned) {
    const ratings = await s.feedback.recordAbout(email, order.orderId, entry.rating);
    await s.loads.setFeedback(email, feedbackAverage(ratings));
  }
}

/**
 * A person answers their feedback card (SPEC §6). Only the task's orderer and its assigned
 * experts may answer, once; a second click, or anyone else's, changes nothing.
 */
export async function giveFeedback(
  s: Services,
  actorEmail: string,
  orderId: string,
  raw: { rating?: unknown; comment?: unknown },
): Promise<FeedbackOutcome> {
  const email = actorEmail.trim().toLowerCase();
  const order = email ? (await s.orders.get(orderId))?.value : undefined;
  const view = order ? await viewOf(s, order, email) : undefined;
  if (!order || !view) {
    log.warn({ event: 'feedback_refused', orderId, reason: 'not_yours' }, 'feedback refused');
    return { type: 'refused', reason: 'feedback_not_yours' };
  }
  const earlier = await s.feedback.get(orderId, email);
  if (earlier) {
    await countForExperts(s, order, earlier); // completes a first click that stopped half-way
    await countFeedback(s, order, earlier);
    return { type: 'refused', reason: 'feedback_already', view: { ...view, given: earlier } };
  }
  if (s.clock.now() < feedbackTime(order))
    return { type: 'refused', reason: 'feedback_not_yet', view };
  const read = readFeedback(raw);
  if (!read.ok) return { type: 'refused', reason: read.error, view };
  const entry: FeedbackEntry = {
    orderId,
    raterEmail: email,
    role: view.role,
    ...read.value,
    givenAt: s.clock.now().toISOString(),
  };
  if (!(await s.feedback.give(entry))) {
    const first = (await s.feedback.get(orderId, email)) ?? entry;
    return { type: 'refused', reason: 'feedback_already', view: { ...view, given: first } };
  }
  await countForExperts(s, order, entry);
  await countFeedback(s, order, entry);
  log.info({ event: 'feedback_given', orderId, role: entry.role }, 'feedback given');
  return { type: 'given', view: { ...view, given: entry } };
}

/**
 * The feedback timer fired: the card goes to the person once, if they still belong to the task
 * and have not answered. A card that Teams did not take is tried again (the timer stays).
 */
export async function sendFeedbackCard(
  s: Services,
  notifier: Notifier,
  orderId: string,
  email: string | undefined,
): Promise<void> {
  const order = email ? (await s.orders.get(orderId))?.value : undefined;
  if (!order || !email) return;
  const view = await viewOf(s, order, email);
  if (!view || (await s.feedback.get(orderId, email))) return;
  const person = await s.people.findByEmail(email);
  if (!person || person.unreachableSince) return;
  if (!(await s.feedback.markCardSent(orderId, email))) return;
  let sent: Delivery;
  try {
    sent = await notifier.feedbackCard(person, view);
  } catch (err) {
    await s.feedback.unmarkCardSent(orderId, email);
    throw err;
  }
  if (!sent.ok && sent.reason === 'failed') {
    await s.feedback.unmarkCardSent(orderId, email);
    throw new Error('feedback_card_not_delivered');
  }
  log.info({ event: 'feedback_card_sent', orderId, role: view.role }, 'feedback card sent');
}
