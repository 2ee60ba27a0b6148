import { DateTime } from 'luxon';

export const ZONE = 'Europe/Helsinki';

/** The Helsinki calendar date of an instant, YYYY-MM-DD. */
export function helsinkiDate(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toISODate()!;
}

/** The instant of a Helsinki wall-clock date and time (HH:mm). */
export function helsinkiInstant(date: string, time: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toJSDate();
}
