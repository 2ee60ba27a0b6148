import type { Unit } from '../registers/types';
import { APPROVAL_STEPS, type ApprovalStep, type ClaimChain } from './claim';

/** The stages a unit names an approver for: every stage but the orderer's, in chain order. */
export type ApproverRole = Exclude<ApprovalStep, 'orderer'>;
export const APPROVER_ROLES: readonly ApproverRole[] = APPROVAL_STEPS.filter(
  (s): s is ApproverRole => s !== 'orderer',
);

/** The unit's approver for a stage: the register's `<role>Email` column; undefined for a stage the unit leaves out. */
export function approverOf(unit: Unit, role: ApproverRole): string | undefined {
  const key: `${ApproverRole}Email` = `${role}Email`;
  return unit[key];
}

/** The approvers of a claim of the unit; the orderer comes from the order. */
export function chainOf(unit: Unit): Omit<ClaimChain, 'orderer'> {
  const chain: Partial<Record<ApproverRole, string>> = {};
  for (const role of APPROVER_ROLES) {
    const email = approverOf(unit, role);
    if (email) chain[role] = email;
  }
  return chain as Omit<ClaimChain, 'orderer'>;
}

/** Whether the person approves some stage of the unit's claims. */
export function approvesFor(unit: Unit, email: string): boolean {
  const e = email.toLowerCase();
  return APPROVER_ROLES.some((role) => approverOf(unit, role)?.toLowerCase() === e);
}
