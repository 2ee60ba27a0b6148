import { DateTime } from 'luxon';
import { ZONE } from '../shared/helsinki';

/**
 * The months (YYYY-MM) of a period as a coordinator writes it: nothing (this month), 2026-11,
 * 11/2026, 11.2026, or a year (2026: its twelve months). Undefined when it is not a period.
 */
export function parsePeriod(text: string, now: Date): string[] | undefined {
  const t = text.trim();
  if (!t) return [DateTime.fromJSDate(now, { zone: ZONE }).toFormat('yyyy-MM')];
  const yearFirst = /^(\d{4})-(\d{1,2})$/.exec(t);
  const monthFirst = /^(\d{1,2})[/.](\d{4})$/.exec(t);
  const [year, month] = yearFirst
    ? [yearFirst[1], yearFirst[2]]
    : monthFirst
      ? [monthFirst[2], monthFirst[1]]
      : [];
  if (year && month && Number(month) >= 1 && Number(month) <= 12)
    return [`${year}-${month.padStart(2, '0')}`];
  const wholeYear = /^(20\d{2})$/.exec(t)?.[1];
  if (wholeYear)
    return Array.from({ length: 12 }, (_, i) => `${wholeYear}-${String(i + 1).padStart(2, '0')}`);
  return undefined;
}
