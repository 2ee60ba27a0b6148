import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { ZONE, helsinkiDate } from './helsinki';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const holidaysByYear = new Map<number, ReadonlySet<string>>();
let calendar: Holidays | undefined;

/**
 * Finnish public holidays (date-holidays, country FI, type 'public') of a year, as YYYY-MM-DD.
 * Juhannusaatto and jouluaatto are 'bank' days in the library, and not public holidays by law,
 * so they count as working days here, as do the other eves.
 */
function publicHolidays(year: number): ReadonlySet<string> {
  let days = holidaysByYear.get(year);
  if (!days) {
    calendar ??= new Holidays('FI', { types: ['public'] });
    days = new Set(
      calendar
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidaysByYear.set(year, days);
  }
  return days;
}

function parseDate(date: string): DateTime {
  const d = DATE.test(date) ? DateTime.fromISO(date, { zone: ZONE }) : undefined;
  if (!d?.isValid) throw new Error(`not a date (YYYY-MM-DD): ${date}`);
  return d;
}

/** Monday to Friday and not a Finnish public holiday (SPEC §5). `date` is YYYY-MM-DD. */
export function isWorkingDay(date: string): boolean {
  const d = parseDate(date);
  return d.weekday <= 5 && !publicHolidays(d.year).has(date);
}

/**
 * Whole working days elapsed between two instants, counted on the Helsinki calendar: the number
 * of working days D with from-date < D ≤ to-date. A claim that arrives on Monday (any time) has
 * waited 1 working day on Tuesday, 2 on Wednesday and 3 (more than 2) on Thursday. The day it
 * arrives never counts; 0 when `to` is not after `from`.
 */
export function workingDaysBetween(fromInstant: Date, toInstant: Date): number {
  const to = helsinkiDate(toInstant);
  let day = parseDate(helsinkiDate(fromInstant)).plus({ days: 1 });
  let count = 0;
  for (let iso = day.toISODate()!; iso <= to; day = day.plus({ days: 1 }), iso = day.toISODate()!) {
    if (isWorkingDay(iso)) count++;
  }
  return count;
}

/**
 * The n-th working day after `date` (YYYY-MM-DD), or before it when n is negative.
 * n = 0 gives `date` itself, working day or not.
 */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new Error(`not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = parseDate(date);
  for (let left = Math.abs(n); left > 0;) {
    day = day.plus({ days: step });
    if (isWorkingDay(day.toISODate()!)) left--;
  }
  return day.toISODate()!;
}

/** A Finnish public holiday (not the eves), whatever the weekday. `date` is YYYY-MM-DD. */
export function isPublicHoliday(date: string): boolean {
  return publicHolidays(parseDate(date).year).has(date);
}
