/** Stable ids of SPEC §7; titles live in the message catalogue. */
export const TASK_TYPES = [
  'lecture',
  'peer_group',
  'pair_work',
  'development_group',
  'evaluation',
  'peer_reception',
  'juttupenkki',
  'day_in_life',
  'media',
  'joint_training',
  'mentoring',
] as const;
export type TaskType = (typeof TASK_TYPES)[number];

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

/** Peer supporters may only take these, and they carry no fee (SPEC §4); Juttupenkki and Päivä elämässä are paid expert tasks. */
export const PEER_SUPPORT_TASK_TYPES: readonly TaskType[] = ['peer_group', 'peer_reception'];
