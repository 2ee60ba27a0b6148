import type { Area, ExpertKind, Language } from '../shared/vocabulary';

export interface Expert {
  email: string; // lower-case; the register's key
  name: string;
  kind: ExpertKind;
  areas: Area[];
  regions: string[]; // municipalities as written in the register
  languages: Language[];
  remote: boolean;
  onsite: boolean;
  maxPerMonth: number;
  mentorEmail?: string;
  trainedOn?: string; // YYYY-MM-DD
  pausedUntil?: string; // YYYY-MM-DD, inclusive
  removed?: boolean;
}

export interface Unit {
  unitId: string;
  name: string;
  municipality: string;
  supervisorEmail: string;
  directorEmail?: string; // no director: the stage is left out
  payrollEmail: string;
  costCenter: string;
}

export const STAFF_ROLES = ['coordinator', 'orderer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffMember {
  email: string;
  name: string;
  role: StaffRole;
  unitId?: string;
}

export type RegisterKind = 'experts' | 'units' | 'staff';
