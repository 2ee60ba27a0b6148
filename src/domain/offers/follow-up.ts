import { DateTime } from 'luxon';
import { followUpTime } from '../fees/claim-form';
import { rankCandidates, type ExpertLoad, type MatchOrder } from '../matching/match-experts';
import type { Order } from '../orders/order';
import type { Expert } from '../registers/types';
import { helsinkiDate, ZONE } from '../shared/helsinki';

/** How many candidates the coordinators see when an order is left unfilled. */
export const CANDIDATES_FOR_COORDINATOR = 5;

/** The timers an assignment sets going. `email` unset: the orderer's one Task done card per order. */
export interface AssignmentTimer {
  kind: 'task_reminder' | 'task_ended';
  dueAt: string;
  email?: string;
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
    ...(o.wishedExpert ? { wishedExpert: o.wishedExpert } : {}),
  };
}

/** 09:00 Helsinki time on the day before the task. */
export function reminderTime(order: Order): Date {
  return DateTime.fromISO(`${order.date}T09:00`, { zone: ZONE }).minus({ days: 1 }).toJSDate();
}

/**
 * What follows an assignment: the reminder the day before (unless that is past), and after the
 * task the expert's claim card and the orderer's Task done card.
 */
export function assignmentTimers(order: Order, email: string, now: Date): AssignmentTimer[] {
  const timers: AssignmentTimer[] = [];
  const remindAt = reminderTime(order);
  if (remindAt > now) timers.push({ kind: 'task_reminder', dueAt: remindAt.toISOString(), email });
  const ended = followUpTime(order).toISOString();
  timers.push({ kind: 'task_ended', dueAt: ended, email }, { kind: 'task_ended', dueAt: ended });
  return timers;
}

/** The reminder goes only to an expert who still holds a place (or a trainee going along) in an order still on. */
export function remindsExpert(order: Order, email: string): boolean {
  return (
    order.status !== 'cancelled' &&
    [...order.assigned, ...(order.trainees ?? [])].some((a) => a.email === email)
  );
}

/** The best experts for an order nobody took, for the coordinators to assign by hand. */
export function candidatesForCoordinator(
  order: Order,
  experts: readonly Expert[],
  loads: ReadonlyMap<string, ExpertLoad>,
  now: Date,
): string[] {
  const assigned = new Set(order.assigned.map((a) => a.email));
  const ranked = rankCandidates(toMatchOrder(order), experts, {
    today: helsinkiDate(now),
    loads,
    exclude: assigned,
  });
  return ranked.slice(0, CANDIDATES_FOR_COORDINATOR).map((c) => c.email);
}
