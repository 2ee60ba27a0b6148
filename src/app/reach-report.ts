import { APPROVER_ROLES, approverOf } from '../domain/fees/chain';
import type { ReachReason } from './reach';
import type { Services } from './services';

export type { ReachReason };
export interface Unreachable {
  email: string;
  name: string;
  reason: ReachReason;
}

/** At most this many people are named; the rest are counted. */
export const REACH_LIST_MAX = 30;

/**
 * Everyone the bot may have to write to: the experts, the units' approvers and the staff, by
 * lower-case e-mail with their name (an approver known only by e-mail is named by it).
 */
export async function registeredPeople(
  s: Pick<Services, 'registers'>,
): Promise<Map<string, string>> {
  const [experts, units, staff] = await Promise.all([
    s.registers.listExperts(),
    s.registers.listUnits(),
    s.registers.listStaff(),
  ]);
  const names = new Map<string, string>();
  for (const e of experts) if (!e.removed) names.set(e.email.toLowerCase(), e.name);
  for (const st of staff)
    if (!names.has(st.email.toLowerCase())) names.set(st.email.toLowerCase(), st.name);
  for (const u of units)
    for (const email of APPROVER_ROLES.map((role) => approverOf(u, role)))
      if (email && !names.has(email.toLowerCase())) names.set(email.toLowerCase(), email);
  return names;
}

/**
 * SPEC §3 `/reach`: the registered people whom the bot cannot write to in Teams, and why.
 * Coordinators only.
 */
export async function reachReport(
  s: Services,
  actor: { isCoordinator: boolean },
): Promise<{ type: 'not_allowed' } | { type: 'report'; people: Unreachable[] }> {
  if (!actor.isCoordinator) return { type: 'not_allowed' };
  const [names, failures] = await Promise.all([
    registeredPeople(s),
    s.reach ? s.reach.store.listFailures() : new Map<string, ReachReason>(),
  ]);
  const people: Unreachable[] = [];
  for (const [email, name] of names) {
    const person = await s.people.findByEmail(email);
    if (person && !person.unreachableSince) continue;
    const waiting =
      !person && s.reach ? (await s.reach.store.listWaiting(email)).length > 0 : false;
    const reason: ReachReason = person
      ? 'blocked'
      : waiting
        ? 'waiting'
        : (failures.get(email) ?? 'no_chat');
    people.push({ email, name, reason });
  }
  return { type: 'report', people };
}
