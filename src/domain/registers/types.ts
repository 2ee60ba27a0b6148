import { z } from 'zod';
import {
  AREAS,
  EXPERT_KINDS,
  LANGUAGES,
  type Area,
  type ExpertKind,
  type Language,
} from '../shared/vocabulary';

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

/** Stored register rows, as the storage layer reads them back (the CSV import has its own schemas). */
export const storedExpertSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    kind: z.enum(EXPERT_KINDS),
    areas: z.array(z.enum(AREAS)),
    regions: z.array(z.string()),
    languages: z.array(z.enum(LANGUAGES)),
    remote: z.boolean(),
    onsite: z.boolean(),
    maxPerMonth: z.number(),
    mentorEmail: z.string().optional(),
    trainedOn: z.string().optional(),
    pausedUntil: z.string().optional(),
    removed: z.boolean().optional(),
  })
  .passthrough() satisfies z.ZodType<Expert>;

export const storedUnitSchema = z
  .object({
    unitId: z.string(),
    name: z.string(),
    municipality: z.string(),
    supervisorEmail: z.string(),
    directorEmail: z.string().optional(),
    payrollEmail: z.string(),
    costCenter: z.string(),
  })
  .passthrough() satisfies z.ZodType<Unit>;

export const storedStaffSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    unitId: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<StaffMember>;
