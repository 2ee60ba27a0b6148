import { DateTime } from 'luxon';
import { ZONE } from '../shared/helsinki';
import { type Result, ok, refuse } from '../shared/result';
import type { ExpertKind, TaskType } from '../shared/vocabulary';
import {
  type ClaimAmount,
  computeClaimAmount,
  eurosToCents,
  isValidBusinessId,
} from './claim-amount';
import { PAYMENT_TYPES, type ClaimVersion, type PaymentType } from './claim';
import type { Tariff } from './tariff';

/** The claim card's inputs as they arrive (strings, possibly forged or empty); SPEC §10. */
export interface ClaimForm {
  actualStart?: string;
  actualEnd?: string;
  km?: string;
  expenses?: string;
  expensesNote?: string;
  paymentType?: string;
  businessId?: string;
}

export const CLAIM_FIELDS = [
  'actualStart',
  'actualEnd',
  'km',
  'expenses',
  'expensesNote',
  'paymentType',
  'businessId',
] as const;
export type ClaimField = (typeof CLAIM_FIELDS)[number];
export type ClaimFieldReason =
  | 'field_required'
  | 'field_invalid'
  | 'end_before_start'
  | 'km_invalid'
  | 'expenses_invalid'
  | 'business_id_invalid'
  | 'identity_code_refused'
  | 'claim_nothing_to_claim';
export type ClaimFieldErrors = Partial<Record<ClaimField, ClaimFieldReason>>;

export type NewClaimVersion = Omit<ClaimVersion, 'version' | 'submittedAt'>;

export interface ClaimContext {
  taskType: TaskType;
  expertKind: ExpertKind;
  tariff: Tariff;
  asTrainee?: boolean;
  /** Free text must not carry a client's identity code (the ordering rule, SPEC §3). */
  hasIdentityCode: (text: string) => boolean;
}

const NOTE_MAX = 500;

/**
 * Checks a submitted claim card field by field and computes its amount; nothing is stored unless
 * every field is valid. Kilometres may have one decimal; euros two, with a comma or a point.
 */
export function checkClaimForm(
  form: ClaimForm,
  ctx: ClaimContext,
): Result<NewClaimVersion, ClaimFieldErrors> {
  const errors: ClaimFieldErrors = {};
  const actualStart = form.actualStart?.trim() ?? '';
  const actualEnd = form.actualEnd?.trim() ?? '';
  if (!actualStart) errors.actualStart = 'field_required';
  if (!actualEnd) errors.actualEnd = 'field_required';

  const kmText = (form.km ?? '').trim().replace(',', '.') || '0';
  const km = /^\d{1,5}(\.\d)?$/.test(kmText) ? Number(kmText) : NaN;
  if (Number.isNaN(km)) errors.km = 'km_invalid';

  const otherExpensesCents = eurosToCents((form.expenses ?? '').trim() || '0');
  if (otherExpensesCents === undefined) errors.expenses = 'expenses_invalid';

  const expensesNote = form.expensesNote?.trim() || undefined;
  if (expensesNote && ctx.hasIdentityCode(expensesNote))
    errors.expensesNote = 'identity_code_refused';
  else if (expensesNote && expensesNote.length > NOTE_MAX) errors.expensesNote = 'field_invalid';

  // 'työkorvaus' as written in Finnish is the same choice as the card's value 'tyokorvaus'.
  const paymentText = (form.paymentType?.trim().toLowerCase() || 'palkkio').replace(/ö/g, 'o');
  const paymentType = PAYMENT_TYPES.find((p) => p === paymentText);
  const businessId = form.businessId?.trim() || undefined;
  if (!paymentType) errors.paymentType = 'field_invalid';
  else if (paymentType === 'tyokorvaus' && !businessId) errors.businessId = 'field_required';
  else if (paymentType === 'tyokorvaus' && !isValidBusinessId(businessId ?? ''))
    errors.businessId = 'business_id_invalid';

  let amount: ClaimAmount | undefined;
  if (actualStart && actualEnd && !errors.km && otherExpensesCents !== undefined) {
    const computed = computeClaimAmount({
      taskType: ctx.taskType,
      expertKind: ctx.expertKind,
      actualStart,
      actualEnd,
      km,
      otherExpensesCents,
      tariff: ctx.tariff,
      asTrainee: ctx.asTrainee,
    });
    // SPEC §5: a claim of 0 € is not sent (an unpaid expert with no travel or expenses).
    if (computed.ok && computed.value.totalCents === 0) errors.km = 'claim_nothing_to_claim';
    else if (computed.ok) amount = computed.value;
    else if (computed.error === 'end_before_start') errors.actualEnd = 'end_before_start';
    else if (computed.error === 'time_invalid')
      errors[/^([01]\d|2[0-3]):[0-5]\d$/.test(actualStart) ? 'actualEnd' : 'actualStart'] =
        'field_invalid';
    else if (computed.error === 'km_invalid') errors.km = 'km_invalid';
    else errors.expenses = 'expenses_invalid';
  }
  if (Object.keys(errors).length || !amount || !paymentType || otherExpensesCents === undefined)
    return refuse(errors);
  return ok({
    actualStart,
    actualEnd,
    km,
    otherExpensesCents,
    ...(expensesNote ? { expensesNote } : {}),
    paymentType,
    ...(paymentType === 'tyokorvaus' ? { businessId } : {}),
    amount,
    tariffVersion: ctx.tariff.version,
  });
}

/** What the card shows before the expert has changed anything: the assignment as ordered. */
export function prefilledClaimForm(
  task: { start: string; end: string },
  previous?: NewClaimVersion,
): ClaimForm {
  if (previous) {
    return {
      actualStart: previous.actualStart,
      actualEnd: previous.actualEnd,
      km: String(previous.km),
      expenses: (previous.otherExpensesCents / 100).toFixed(2),
      expensesNote: previous.expensesNote,
      paymentType: previous.paymentType,
      businessId: previous.businessId,
    };
  }
  return {
    actualStart: task.start,
    actualEnd: task.end,
    km: '0',
    expenses: '0',
    paymentType: 'palkkio' satisfies PaymentType,
  };
}

const EVENING_HOUR = 21;
const MORNING_HOUR = 8;

/**
 * When the expert's claim card (and the orderer's Task done card) go out: when the task ends, but
 * a task that ends late in the evening or at night is followed up at 08:00 Helsinki the next
 * morning (SPEC §3: at the latest then).
 */
export function followUpTime(task: { date: string; end: string }): Date {
  const end = DateTime.fromISO(`${task.date}T${task.end}`, { zone: ZONE });
  if (end.hour >= EVENING_HOUR)
    return end.plus({ days: 1 }).set({ hour: MORNING_HOUR, minute: 0 }).toJSDate();
  if (end.hour < MORNING_HOUR - 1) return end.set({ hour: MORNING_HOUR, minute: 0 }).toJSDate();
  return end.toJSDate();
}
