import type { ExpertKind, TaskType } from '../shared/vocabulary';

/** Fees in integer cents (SPEC §5). Versioned data; this is the default version. */
export interface Tariff {
  version: string;
  hourlyCents: Record<TaskType, number>;
  minimumCents: number;
  kmCents: number;
  unpaidKinds: ExpertKind[];
}

/**
 * Defaults after the field's published recommendations: 25 €/started hour for group work, more for
 * lectures and training that need preparation; 0.55 €/km is the 2026 tax-free allowance.
 */
export const DEFAULT_TARIFF: Tariff = {
  version: '2026-1',
  hourlyCents: {
    lecture: 4000,
    joint_training: 4000,
    media: 3500,
    development_group: 3000,
    evaluation: 3000,
    mentoring: 3000,
    peer_group: 2500,
    pair_work: 2500,
    peer_reception: 2500,
    juttupenkki: 2500,
    day_in_life: 2500,
  },
  minimumCents: 5000,
  kmCents: 55,
  unpaidKinds: ['peer'],
};

/** The fee for a task of `minutes`: per started hour, never below the minimum; 0 for unpaid kinds. */
export function estimateFeeCents(tariff: Tariff, taskType: TaskType, minutes: number, kind: ExpertKind): number {
  if (tariff.unpaidKinds.includes(kind)) return 0;
  const startedHours = Math.max(1, Math.ceil(minutes / 60));
  return Math.max(tariff.minimumCents, startedHours * tariff.hourlyCents[taskType]);
}

export function minutesBetween(start: string, end: string): number {
  const [sh, sm] = start.split(':').map(Number);
  const [eh, em] = end.split(':').map(Number);
  return (eh! * 60 + em!) - (sh! * 60 + sm!);
}
