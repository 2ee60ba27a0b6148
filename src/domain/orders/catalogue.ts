import { estimateFeeCents, minutesBetween, type Tariff } from '../fees/tariff';
import type { TaskType } from '../shared/vocabulary';

/** One line of "what can I order" (SPEC §3): a task type or one of the centre's products. */
export interface CatalogueEntry {
  taskType: TaskType;
  /** The usual length of such a task, in minutes: the order card is pre-filled with it. */
  usualMinutes: number;
  /** Juttupenkki and Päivä elämässä are the centre's own products, shown apart from the task types. */
  product: boolean;
}

/** What an orderer may order, in the order shown; mentoring is not ordered (the mentor brings the trainee). */
export const CATALOGUE: readonly CatalogueEntry[] = [
  { taskType: 'juttupenkki', usualMinutes: 180, product: true },
  { taskType: 'day_in_life', usualMinutes: 240, product: true },
  { taskType: 'lecture', usualMinutes: 90, product: false },
  { taskType: 'joint_training', usualMinutes: 180, product: false },
  { taskType: 'peer_group', usualMinutes: 90, product: false },
  { taskType: 'pair_work', usualMinutes: 60, product: false },
  { taskType: 'development_group', usualMinutes: 120, product: false },
  { taskType: 'evaluation', usualMinutes: 120, product: false },
  { taskType: 'peer_reception', usualMinutes: 120, product: false },
  { taskType: 'media', usualMinutes: 60, product: false },
];

/** The start the order card suggests for a task started from the catalogue; the orderer checks it. */
export const SUGGESTED_START = '09:00';

export function catalogueEntry(taskType: string): CatalogueEntry | undefined {
  return CATALOGUE.find((e) => e.taskType === taskType);
}

/** `start` plus `minutes`, as HH:mm; undefined past midnight. */
export function endAfter(start: string, minutes: number): string | undefined {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  if (total >= 24 * 60) return undefined;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export interface OrderEstimate {
  /** The fees of all ordered experts, in cents, as a paid expert would claim them. */
  totalCents: number;
  perExpertCents: number;
  experts: number;
  startedHours: number;
  hourlyCents: number;
  minimumCents: number;
}

/**
 * The estimated cost of an order before it is sent (SPEC §3): the fee per started hour of the
 * tariff in force, never below the minimum, for each ordered expert; travel is extra. Undefined
 * while the task type or the times are missing or do not make a task.
 */
export function estimateOrder(
  tariff: Tariff,
  form: { taskType?: string; start?: string; end?: string; expertCount?: string },
): OrderEstimate | undefined {
  const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (!form.taskType || !Object.hasOwn(tariff.hourlyCents, form.taskType)) return undefined;
  if (!form.start || !form.end || !TIME.test(form.start) || !TIME.test(form.end)) return undefined;
  const minutes = minutesBetween(form.start, form.end);
  if (minutes <= 0) return undefined;
  const experts = Number(form.expertCount ?? '1');
  if (!Number.isInteger(experts) || experts < 1 || experts > 10) return undefined;
  const taskType = form.taskType as TaskType;
  const perExpertCents = estimateFeeCents(tariff, taskType, minutes, 'trained');
  return {
    totalCents: perExpertCents * experts,
    perExpertCents,
    experts,
    startedHours: Math.max(1, Math.ceil(minutes / 60)),
    hourlyCents: tariff.hourlyCents[taskType],
    minimumCents: tariff.minimumCents,
  };
}

/**
 * Products as templates (SPEC §3): an order of Juttupenkki or Päivä elämässä takes the catalogue
 * entry's usual length (from the start given) and its description (as the wishes) when the orderer
 * gave neither. Other task types, and what the orderer wrote, are left as they are.
 */
export function withProductDefaults<
  F extends { taskType?: string; start?: string; end?: string; wishes?: string },
>(fields: F, describe: (taskType: TaskType) => string): F {
  const entry = fields.taskType ? catalogueEntry(fields.taskType) : undefined;
  if (!entry?.product) return fields;
  const out = { ...fields };
  if (out.start && !out.end) {
    const end = endAfter(out.start, entry.usualMinutes);
    if (end) out.end = end;
  }
  if (!out.wishes) out.wishes = describe(entry.taskType);
  return out;
}
