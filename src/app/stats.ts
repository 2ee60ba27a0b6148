import { APPROVER_ROLES, approverOf } from '../domain/fees/chain';
import type { Unit } from '../domain/registers/types';
import { helsinkiDate } from '../domain/shared/helsinki';
import { statsFigures, type StatsFigures } from '../domain/stats/figures';
import { parseStatsPeriod, type StatsPeriod } from '../domain/stats/period';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import { countIdleTrainees } from './register-console';
import type { Services } from './services';
import { pseudonym } from './stats-counting';

export interface StatsView {
  period: StatsPeriod;
  figures: StatsFigures;
  /** Unit names by id, for spending. */
  unitNames: Record<string, string>;
  /** The viewer's own units, when the card is limited to them (a supervisor's or director's). */
  units?: string[];
  /** Coordinators only: trainees with no task along in 60 days (SPEC §3). */
  idleTrainees?: number;
}

export type StatsOutcome =
  | { type: 'refused'; reason: typeof NOT_ALLOWED }
  | { type: 'period_invalid' }
  | { type: 'stats'; view: StatsView };

/** Supervisors and directors see their own units' figures (SPEC §3). Payroll is not among them. */
const UNIT_VIEWERS = APPROVER_ROLES.filter((r) => r !== 'payroll');

/**
 * Whose figures the actor may see: a coordinator everyone's, a supervisor or director the units
 * they approve for; undefined for anybody else.
 */
export function statsScope(actor: Actor, units: readonly Unit[]): 'all' | string[] | undefined {
  if (isCoordinator(actor)) return 'all';
  const email = actor.email.toLowerCase();
  const own = units
    .filter((u) => UNIT_VIEWERS.some((role) => approverOf(u, role)?.toLowerCase() === email))
    .map((u) => u.unitId);
  return email && own.length ? own : undefined;
}

const unitOfRow = (key: string) => key.slice(key.indexOf('|') + 1);

/**
 * `/stats [period]` (SPEC §6): one card of figures from the running counts of the period's months,
 * a handful of storage reads however long the history.
 */
export async function showStats(
  s: Services,
  actor: Actor,
  periodText: string,
): Promise<StatsOutcome> {
  const units = await s.registers.listUnits();
  const scope = statsScope(actor, units);
  if (!scope) return { type: 'refused', reason: NOT_ALLOWED };
  const now = s.clock.now();
  const period = parseStatsPeriod(periodText, now);
  if (!period) return { type: 'period_invalid' };
  const [rows, experts] = await Promise.all([
    s.stats.read(period.months),
    s.registers.listExperts(),
  ]);
  const today = helsinkiDate(now);
  const figures = statsFigures({
    months: period.months,
    rows: scope === 'all' ? rows : rows.filter((r) => scope.includes(unitOfRow(r.key))),
    activeExperts: experts
      .filter((e) => !e.removed && !(e.pausedUntil && e.pausedUntil >= today))
      .map((e) => pseudonym(e.email)),
    now,
  });
  return {
    type: 'stats',
    view: {
      period,
      figures,
      unitNames: Object.fromEntries(units.map((u) => [u.unitId, u.name])),
      ...(scope === 'all'
        ? { idleTrainees: await countIdleTrainees(s, experts, today) }
        : { units: scope }),
    },
  };
}
