import { APPROVER_ROLES, approverOf } from '../fees/chain';
import type { Expert, StaffMember, Unit } from './types';

export type Role = 'orderer' | 'expert' | 'coordinator' | (typeof APPROVER_ROLES)[number];
export const ROLES: readonly Role[] = ['orderer', 'expert', ...APPROVER_ROLES, 'coordinator'];

export interface RegisterFacts {
  expert?: Expert;
  staff?: StaffMember;
  /** Units where this person is an approver. */
  approverOf: Unit[];
  bootstrapCoordinator: boolean;
}

/** The roles a person has, from the registers (SPEC §2). Order: the most specific first. */
export function rolesOf(email: string, facts: RegisterFacts): Role[] {
  const roles: Role[] = [];
  const e = email.toLowerCase();
  if (facts.staff?.role === 'coordinator' || facts.bootstrapCoordinator) roles.push('coordinator');
  if (facts.expert && !facts.expert.removed) roles.push('expert');
  for (const role of APPROVER_ROLES) {
    if (facts.approverOf.some((u) => approverOf(u, role)?.toLowerCase() === e)) roles.push(role);
  }
  // Anyone who is not only an expert may order (SPEC §2).
  const onlyExpert = roles.length === 1 && roles[0] === 'expert' && !facts.staff;
  if (!onlyExpert) roles.push('orderer');
  return roles;
}
