import type { Expert, StaffMember, Unit } from './types';

export const ROLES = ['orderer', 'expert', 'supervisor', 'director', 'payroll', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

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
  for (const role of ['supervisor', 'director', 'payroll'] as const) {
    if (facts.approverOf.some((u) => approverEmail(u, role) === e)) roles.push(role);
  }
  // Anyone who is not only an expert may order (SPEC §2).
  const onlyExpert = roles.length === 1 && roles[0] === 'expert' && !facts.staff;
  if (!onlyExpert) roles.push('orderer');
  return roles;
}

function approverEmail(unit: Unit, role: 'supervisor' | 'director' | 'payroll'): string | undefined {
  switch (role) {
    case 'supervisor':
      return unit.supervisorEmail;
    case 'director':
      return unit.directorEmail;
    case 'payroll':
      return unit.payrollEmail;
  }
}
