import { APPROVER_ROLES, approverOf } from '../domain/fees/chain';
import type { Services } from './services';

export type ReachReason = 'no_chat' | 'blocked' | 'waiting';
export interface Unreachable {
  email: string;
  name: string;
  reason: ReachReason;
}

/** At most this many people are named; the rest are counted. */
export const REACH_LIST_MAX = 30;

/**
 * SPEC §3 `/reach`: the experts and the units' approvers whom the bot cannot write to in Teams,
 * and why. Coordinators only.
 */
export async function reachReport(
  s: Services,
  actor: { isCoordinator: boolean },
): Promise<{ type: 'not_allowed' } | { type: 'report'; people: Unreachable[] }> {
  if (!actor.isCoordinator) return { type: 'not_allowed' };
  const [experts, units] = await Promise.all([s.registers.listExperts(), s.registers.listUnits()]);
  const names = new Map<string, string>();
  for (const e of experts) if (!e.removed) names.set(e.email.toLowerCase(), e.name);
  for (const u of units)
    for (const email of APPROVER_ROLES.map((role) => approverOf(u, role)))
      if (email && !names.has(email.toLowerCase())) names.set(email.toLowerCase(), email);
  const people: Unreachable[] = [];
  for (const [email, name] of names) {
    const person = await s.people.findByEmail(email);
    if (person && !person.unreachableSince) continue;
    const waiting =
      !person && s.reach ? (await s.reach.store.listWaiting(email)).length > 0 : false;
    people.push({ email, name, reason: person ? 'blocked' : waiting ? 'waiting' : 'no_chat' });
  }
  return { type: 'report', people };
}
