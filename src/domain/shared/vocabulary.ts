/** Stable ids of SPEC §7, from the one task type table; titles live in the message catalogue. */
export {
  ORDERABLE_TASK_TYPES,
  PEER_SUPPORT_TASK_TYPES,
  TASK_TYPES,
  type TaskType,
} from './task-types';

export const AREAS = [
  'mental_health',
  'substance_use',
  'child_protection',
  'family_services',
  'chronic_illness',
  'disability',
  'neuropsychiatric',
  'as_relative',
  'homelessness',
  'other',
] as const;
export type Area = (typeof AREAS)[number];

export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const EXPERT_KINDS = ['trained', 'actor', 'partner', 'peer'] as const;
export type ExpertKind = (typeof EXPERT_KINDS)[number];
