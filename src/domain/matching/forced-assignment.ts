import type { Expert } from '../registers/types';
import { whyNotEligible, type HardRule, type MatchContext, type MatchOrder } from './match-experts';

/** Hard rules a coordinator may knowingly set aside when assigning by hand (SPEC §3). */
export const OVERRIDABLE_RULES = ['monthly_max', 'area', 'language', 'place'] as const;
export type OverridableRule = (typeof OVERRIDABLE_RULES)[number];

export type ForcedCheck =
  | { type: 'fits' }
  | { type: 'needs_confirmation'; rules: OverridableRule[] }
  | {
      type: 'refused';
      rule: Exclude<HardRule, OverridableRule | 'excluded' | 'trainee_needs_mentor'>;
    };

/** The expert as if the overridable rule did not apply to them, so that the next rule shows. */
function relax(expert: Expert, rule: OverridableRule, order: MatchOrder): Expert {
  switch (rule) {
    case 'monthly_max':
      return { ...expert, maxPerMonth: Number.MAX_SAFE_INTEGER };
    case 'area':
      return { ...expert, areas: [...expert.areas, ...order.areas] };
    case 'language':
      return { ...expert, languages: [...expert.languages, order.language] };
    case 'place':
      return {
        ...expert,
        remote: true,
        onsite: true,
        regions: [...expert.regions, ...(order.municipality ? [order.municipality] : [])],
      };
  }
}

/**
 * The hard rules of SPEC §4 for an assignment by hand, except the wave: every overridable rule
 * the expert breaks (the coordinator confirms them), or the first rule that may not be set aside
 * (inactive, paused, kind, overlap). The trainee rule does not apply: the coordinator fills a place.
 */
export function checkForcedAssignment(
  order: MatchOrder,
  expert: Expert,
  ctx: Omit<MatchContext, 'exclude'>,
): ForcedCheck {
  const rules: OverridableRule[] = [];
  let current: Expert = { ...expert, mentorEmail: undefined };
  for (;;) {
    const rule = whyNotEligible(order, current, { ...ctx, exclude: new Set() });
    if (rule === undefined || rule === 'excluded' || rule === 'trainee_needs_mentor') break;
    if (!(OVERRIDABLE_RULES as readonly string[]).includes(rule))
      return {
        type: 'refused',
        rule: rule as Exclude<HardRule, OverridableRule | 'excluded' | 'trainee_needs_mentor'>,
      };
    rules.push(rule as OverridableRule);
    current = relax(current, rule as OverridableRule, order);
  }
  return rules.length ? { type: 'needs_confirmation', rules } : { type: 'fits' };
}
