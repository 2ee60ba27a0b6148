import { type Result, ok, refuse } from '../shared/result';
import type { ExpertKind, TaskType } from '../shared/vocabulary';
import { type Tariff, isUnpaid, minutesBetween } from './tariff';

export interface ClaimAmountInput {
  taskType: TaskType;
  expertKind: ExpertKind;
  actualStart: string; // HH:mm, Helsinki
  actualEnd: string; // HH:mm, Helsinki
  km: number; // ≥ 0, at most one decimal
  otherExpensesCents: number;
  tariff: Tariff;
  /** Went along with their mentor as a trainee (SPEC §3): no fee unless the tariff pays trainees. */
  asTrainee?: boolean;
}

export interface ClaimAmountLine {
  key: 'fee' | 'km' | 'expenses';
  cents: number;
  detail: Record<string, string | number>;
}

export interface ClaimAmount {
  feeCents: number; // taxable
  kmCents: number; // tax-free
  expensesCents: number; // tax-free
  totalCents: number;
  startedHours: number;
  lines: ClaimAmountLine[];
}

export type ClaimAmountRefusal =
  'time_invalid' | 'end_before_start' | 'km_invalid' | 'expenses_invalid';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_KM_TENTHS = 100_000; // 10 000 km: more is a typing error, not a trip

/**
 * The amount of a fee claim in integer cents: the fee per started hour (never below the minimum;
 * 0 for unpaid kinds) is taxable, the kilometre allowance and other expenses are tax-free.
 */
export function computeClaimAmount(
  input: ClaimAmountInput,
): Result<ClaimAmount, ClaimAmountRefusal> {
  const { tariff, taskType, expertKind, actualStart, actualEnd, km, otherExpensesCents } = input;
  if (!TIME.test(actualStart) || !TIME.test(actualEnd)) return refuse('time_invalid');
  const minutes = minutesBetween(actualStart, actualEnd);
  if (minutes <= 0) return refuse('end_before_start');
  const kmTenths = toTenths(km);
  if (kmTenths === undefined) return refuse('km_invalid');
  if (!Number.isSafeInteger(otherExpensesCents) || otherExpensesCents < 0)
    return refuse('expenses_invalid');

  const startedHours = Math.ceil(minutes / 60);
  const unpaid = isUnpaid(tariff, expertKind, input.asTrainee);
  const hourlyCents = tariff.hourlyCents[taskType];
  const byHours = startedHours * hourlyCents;
  const feeCents = unpaid ? 0 : Math.max(tariff.minimumCents, byHours);
  // Half-up on whole tenth-cents: 125 tenths × 55 c = 6875 → 688 c.
  const kmCents = Math.floor((kmTenths * tariff.kmCents + 5) / 10);

  const feeDetail: Record<string, string | number> = unpaid
    ? { taskType, minutes, startedHours, unpaid: 'yes' }
    : {
        taskType,
        minutes,
        startedHours,
        hourlyCents,
        minimumCents: tariff.minimumCents,
        minimumApplied: byHours < tariff.minimumCents ? 'yes' : 'no',
      };
  const amount: ClaimAmount = {
    feeCents,
    kmCents,
    expensesCents: otherExpensesCents,
    totalCents: feeCents + kmCents + otherExpensesCents,
    startedHours,
    lines: [
      { key: 'fee', cents: feeCents, detail: feeDetail },
      { key: 'km', cents: kmCents, detail: { km: kmTenths / 10, rateCents: tariff.kmCents } },
      { key: 'expenses', cents: otherExpensesCents, detail: {} },
    ],
  };
  return ok(amount);
}

function toTenths(km: number): number | undefined {
  if (!Number.isFinite(km) || km < 0) return undefined;
  const tenths = Math.round(km * 10);
  // 12.3 * 10 is 123.00000000000001 in floating point: accept that, refuse 12.34.
  if (Math.abs(km * 10 - tenths) > 1e-6 || tenths > MAX_KM_TENTHS) return undefined;
  return tenths;
}

/**
 * Euros as typed on the claim card ("12,30", "12.3", 12.3) to cents; undefined when it is not a
 * non-negative amount with at most two decimals.
 */
export function eurosToCents(value: string | number): number | undefined {
  const text = String(value).trim().replace(',', '.');
  const m = /^(\d{1,7})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

const BUSINESS_ID = /^(\d{7})-(\d)$/;
const BUSINESS_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

/**
 * A Finnish business ID (Y-tunnus) `NNNNNNN-C` with a valid check digit: weights 7,9,10,5,8,4,2,
 * sum mod 11; remainder 0 gives 0, remainder 1 is never issued, otherwise 11 − remainder.
 * Old six-digit IDs must be written with their leading zero.
 */
export function isValidBusinessId(yTunnus: string): boolean {
  const m = BUSINESS_ID.exec(yTunnus.trim());
  if (!m) return false;
  const [, body = '', check = ''] = m;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * BUSINESS_ID_WEIGHTS[i]!, 0);
  const remainder = sum % 11;
  if (remainder === 1) return false;
  return (remainder === 0 ? 0 : 11 - remainder) === Number(check);
}
