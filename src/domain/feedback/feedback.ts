import { DateTime } from 'luxon';
import { ZONE } from '../shared/helsinki';
import { type Result, ok, refuse } from '../shared/result';

/**
 * Feedback after a task (SPEC §6): the orderer rates the task, each assigned expert rates how the
 * task was prepared and received. One card per person and task, 2 hours after the end; a card
 * that would arrive at night comes at 08:00 Helsinki instead.
 */
export type FeedbackRole = 'orderer' | 'expert';

export const RATING_MIN = 1;
export const RATING_MAX = 5;
/** Averages count for matching only from this many ratings on (SPEC §4, §6). */
export const RATINGS_FOR_AVERAGE = 3;
export const COMMENT_MAX = 1000;

const DELAY_HOURS = 2;
const NIGHT_FROM_HOUR = 21;
const MORNING_HOUR = 8;

/** One person's feedback on one task, as stored. The comment reaches coordinators only. */
export interface FeedbackEntry {
  orderId: string;
  raterEmail: string;
  role: FeedbackRole;
  rating: number;
  comment?: string;
  givenAt: string; // ISO
}

/** The parts of an order that decide who may rate it. */
export interface RatedTask {
  status: string;
  ordererEmail: string;
  assigned: ReadonlyArray<{ email: string }>;
}

/** When the feedback card goes out: 2 h after the end, or 08:00 when that falls at night (21–08). */
export function feedbackTime(task: { date: string; end: string }): Date {
  const due = DateTime.fromISO(`${task.date}T${task.end}`, { zone: ZONE }).plus({
    hours: DELAY_HOURS,
  });
  if (due.hour >= NIGHT_FROM_HOUR)
    return due
      .plus({ days: 1 })
      .set({ hour: MORNING_HOUR, minute: 0, second: 0, millisecond: 0 })
      .toJSDate();
  if (due.hour < MORNING_HOUR)
    return due.set({ hour: MORNING_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  return due.toJSDate();
}

/** Who `email` is on the task: its orderer, one of its experts, or nobody who may rate it. */
export function raterRole(task: RatedTask, email: string): FeedbackRole | undefined {
  if (task.status === 'cancelled') return undefined;
  const who = email.trim().toLowerCase();
  if (task.assigned.some((a) => a.email.toLowerCase() === who)) return 'expert';
  if (task.ordererEmail.toLowerCase() === who) return 'orderer';
  return undefined;
}

export type FeedbackProblem = 'feedback_rating_invalid' | 'feedback_comment_too_long';

/** Reads the card's inputs: a whole rating 1–5 and an optional comment (blank: none). */
export function readFeedback(raw: {
  rating?: unknown;
  comment?: unknown;
}): Result<{ rating: number; comment?: string }, FeedbackProblem> {
  const text =
    typeof raw.rating === 'number'
      ? String(raw.rating)
      : typeof raw.rating === 'string'
        ? raw.rating.trim()
        : '';
  if (!/^\d$/.test(text)) return refuse('feedback_rating_invalid');
  const rating = Number(text);
  if (rating < RATING_MIN || rating > RATING_MAX) return refuse('feedback_rating_invalid');
  const comment = typeof raw.comment === 'string' ? raw.comment.trim() : '';
  if (comment.length > COMMENT_MAX) return refuse('feedback_comment_too_long');
  return ok(comment ? { rating, comment } : { rating });
}

/** The average that matching uses: none below 3 ratings, else the mean to two decimals. */
export function feedbackAverage(ratings: readonly number[]): { average?: number; count: number } {
  const count = ratings.length;
  if (count < RATINGS_FOR_AVERAGE) return { count };
  const sum = ratings.reduce((a, b) => a + b, 0);
  return { average: Math.round((sum / count) * 100) / 100, count };
}
