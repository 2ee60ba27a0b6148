import { DateTime } from 'luxon';
import { ZONE } from '../shared/helsinki';

/** SPEC §4: no new offer wave from 21:00 to 08:00 Helsinki time… */
export const QUIET_FROM_HOUR = 21;
export const QUIET_UNTIL_HOUR = 8;
/** …unless the task starts within this time. */
export const URGENT_WITHIN_MS = 24 * 3600_000;

/** Whether `at` falls in the quiet hours (21:00–08:00 Helsinki time, either clock offset). */
export function isQuietHour(at: Date): boolean {
  const hour = DateTime.fromJSDate(at, { zone: ZONE }).hour;
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/**
 * The instant at which a new offer wave may go out: `now` outside the quiet hours or when the task
 * starts within 24 hours of `now`; otherwise the next 08:00 Helsinki time (the same morning after
 * midnight, the next one before it), whatever the UTC offset is that day.
 */
export function waveSendTime(now: Date, taskStart: Date): Date {
  if (!isQuietHour(now) || taskStart.getTime() - now.getTime() < URGENT_WITHIN_MS) return now;
  const local = DateTime.fromJSDate(now, { zone: ZONE });
  const morning = local.hour >= QUIET_FROM_HOUR ? local.plus({ days: 1 }) : local;
  return morning.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}
