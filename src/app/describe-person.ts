import { APPROVER_ROLES, approverOf } from '../domain/fees/chain';
import { rolesOf, type Role } from '../domain/registers/roles';
import type { Expert, StaffMember, Unit } from '../domain/registers/types';
import type { Services } from './services';

export interface PersonProfile {
  email: string;
  roles: Role[];
  expert?: Expert;
  staff?: StaffMember;
  approverOf: Unit[];
}

/** What the registers say about an e-mail address: the person's roles and the rows behind them. */
export async function describePerson(s: Services, email: string): Promise<PersonProfile> {
  const e = email.toLowerCase();
  if (!e) return { email: e, roles: [], approverOf: [] };
  const [expert, staff, units] = await Promise.all([
    s.registers.getExpert(e),
    s.registers.getStaff(e),
    s.registers.listUnits(),
  ]);
  const approverOf = approversOf(units).get(e) ?? [];
  const roles = rolesOf(e, {
    expert,
    staff,
    approverOf,
    bootstrapCoordinator: s.bootstrapCoordinators.includes(e),
  });
  return { email: e, roles, expert, staff, approverOf };
}

/** Units by approver e-mail, built once per read of the unit register (the list is cached). */
const approverIndexes = new WeakMap<readonly Unit[], Map<string, Unit[]>>();

function approversOf(units: readonly Unit[]): Map<string, Unit[]> {
  let index = approverIndexes.get(units);
  if (!index) {
    index = new Map();
    for (const u of units) {
      for (const email of new Set(
        APPROVER_ROLES.map((role) => approverOf(u, role)?.toLowerCase()),
      )) {
        if (email) index.set(email, [...(index.get(email) ?? []), u]);
      }
    }
    approverIndexes.set(units, index);
  }
  return index;
}
