import { z } from 'zod';
import { type Result, ok, refuse } from '../shared/result';
import { DEFAULT_HOURLY_CENTS } from '../shared/task-types';
import { EXPERT_KINDS, TASK_TYPES, type ExpertKind, type TaskType } from '../shared/vocabulary';

/** Fees in integer cents (SPEC §5). Versioned data; this is the default version. */
export interface Tariff {
  version: string;
  hourlyCents: Record<TaskType, number>;
  minimumCents: number;
  kmCents: number;
  unpaidKinds: ExpertKind[];
  /** Trainees going along with their mentor are paid the fee too (SPEC §3: unpaid unless set). */
  paidTrainees?: boolean;
}

/**
 * Defaults after the field's published recommendations: 25 €/started hour for group work, more for
 * lectures and training that need preparation; 0.55 €/km is the 2026 tax-free allowance.
 */
export const DEFAULT_TARIFF: Tariff = {
  version: '2026-1',
  hourlyCents: DEFAULT_HOURLY_CENTS, // the task type table's default fees
  minimumCents: 5000,
  kmCents: 55,
  unpaidKinds: ['peer'],
};

/** Whether this expert's claim carries no fee: an unpaid kind, or a trainee the tariff does not pay. */
export function isUnpaid(tariff: Tariff, kind: ExpertKind, asTrainee = false): boolean {
  return tariff.unpaidKinds.includes(kind) || (asTrainee && tariff.paidTrainees !== true);
}

/** The fee for a task of `minutes`: per started hour, never below the minimum; 0 for unpaid kinds. */
export function estimateFeeCents(
  tariff: Tariff,
  taskType: TaskType,
  minutes: number,
  kind: ExpertKind,
): number {
  if (tariff.unpaidKinds.includes(kind)) return 0;
  const startedHours = Math.max(1, Math.ceil(minutes / 60));
  return Math.max(tariff.minimumCents, startedHours * tariff.hourlyCents[taskType]);
}

export function minutesBetween(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return eh! * 60 + em! - (sh! * 60 + sm!);
}

const centsSchema = z.number().int().nonnegative();
const hourlyShape = Object.fromEntries(TASK_TYPES.map((t) => [t, centsSchema])) as Record<
  TaskType,
  typeof centsSchema
>;

/** A tariff file (data/tariffs/<version>.json): every task type priced, unknown keys refused. */
export const tariffSchema = z
  .object({
    version: z.string().regex(/^\d{4}-\d+$/, 'version is YYYY-N'),
    hourlyCents: z.object(hourlyShape).strict(),
    minimumCents: centsSchema,
    kmCents: centsSchema,
    unpaidKinds: z.array(z.enum(EXPERT_KINDS)),
    paidTrainees: z.boolean().optional(),
  })
  .strict();

/** Checks a loaded tariff file; the error names each bad field, for the coordinator who uploaded it. */
export function parseTariff(json: unknown): Result<Tariff, string> {
  const parsed = tariffSchema.safeParse(json);
  if (parsed.success) return ok(parsed.data satisfies Tariff);
  return refuse(
    parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; '),
  );
}

/**
 * A tariff stored or shipped before a task type was added: the new type gets its default fee from
 * the task type table (never NaN); everything else is left for the schema to check.
 */
export function withDefaultFees(json: unknown): unknown {
  if (typeof json !== 'object' || json === null) return json;
  const { hourlyCents } = json as { hourlyCents?: unknown };
  if (typeof hourlyCents !== 'object' || hourlyCents === null) return json;
  return { ...json, hourlyCents: { ...DEFAULT_HOURLY_CENTS, ...hourlyCents } };
}

/** A stored tariff row's data: migrated to the current task types, then checked like a new tariff. */
export const storedTariffSchema = z.preprocess(withDefaultFees, tariffSchema);

/** Reads a stored or shipped tariff, migrating it to the current task types. */
export function migrateTariff(json: unknown): Result<Tariff, string> {
  return parseTariff(withDefaultFees(json));
}
