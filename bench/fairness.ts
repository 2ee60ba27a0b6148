/*
 * Fairness over a simulated year (issue 16, SPEC §4): the same orders and the same willingness to
 * accept, ranked once by the soft order before issue 16 (fair shares first, then areas) and once by
 * today's (fit first, fairness within a class). Reports the share of tasks taken by the busiest 20 %
 * of active experts and how many active experts got none. Deterministic: `npm run bench:fairness`.
 */
import {
  bySoftOrder,
  pickWave,
  rankCandidates,
  type Candidate,
  type ExpertLoad,
  type MatchOrder,
} from '../src/domain/matching/match-experts';
import { MUNICIPALITIES } from '../src/domain/orders/municipalities';
import type { Expert } from '../src/domain/registers/types';
import {
  AREAS,
  EXPERT_KINDS,
  TASK_TYPES,
  type Area,
  type Language,
  type TaskType,
} from '../src/domain/shared/vocabulary';

const EXPERTS = 300;
const ORDERS = 1_500;
const WAVE = 5;
const ACCEPT_CHANCE = 0.35;
const YEAR = 2025;

/** A small deterministic generator (mulberry32), as in bench/match.ts. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same number for the same order and expert in both runs: whether, and how fast, they accept. */
function willingness(order: number, expert: string): number {
  let h = order * 2654435761;
  for (let i = 0; i < expert.length; i++) h = Math.imul(h ^ expert.charCodeAt(i), 16777619);
  return random(h)();
}

/** The soft order before issue 16, kept here only for the comparison. */
function byOldSoftOrder(a: Candidate, b: Candidate): number {
  return (
    a.recentAssignments - b.recentAssignments ||
    b.areaMatches - a.areaMatches ||
    Number(b.sameMunicipality) - Number(a.sameMunicipality) ||
    b.feedback - a.feedback ||
    (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)
  );
}

function syntheticRegister(): { experts: Expert[]; places: string[] } {
  const rnd = random(16);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const places = MUNICIPALITIES.slice(0, 12).map((m) => m.name);
  places.push('Jyväskylä', 'Jyväskylä', 'Jyväskylä');
  const languages: Language[][] = [['fi'], ['fi'], ['fi', 'en'], ['fi', 'sv']];
  const experts: Expert[] = [];
  for (let i = 0; i < EXPERTS; i++) {
    experts.push({
      email: `expert${String(i).padStart(3, '0')}@example.fi`,
      name: `Expert ${i}`,
      kind: rnd() < 0.15 ? 'peer' : pick(EXPERT_KINDS.filter((k) => k !== 'peer')),
      areas: [
        ...new Set([pick(AREAS), pick(AREAS), pick(AREAS)].slice(0, 1 + Math.floor(rnd() * 3))),
      ],
      regions: [...new Set([pick(places), pick(places)].slice(0, 1 + Math.floor(rnd() * 2)))],
      languages: pick(languages),
      remote: rnd() < 0.7,
      onsite: rnd() < 0.85,
      maxPerMonth: 2 + Math.floor(rnd() * 4),
    });
  }
  return { experts, places };
}

function syntheticOrders(places: readonly string[]): MatchOrder[] {
  const rnd = random(2025);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const orderable: TaskType[] = TASK_TYPES.filter((t) => t !== 'mentoring');
  const orders: MatchOrder[] = [];
  for (let i = 0; i < ORDERS; i++) {
    const day = Math.floor((i / ORDERS) * 365);
    const date = new Date(Date.UTC(YEAR, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const hour = 8 + Math.floor(rnd() * 8);
    const areas: Area[] = rnd() < 0.6 ? [pick(AREAS)] : [...new Set([pick(AREAS), pick(AREAS)])];
    orders.push({
      orderId: `sim-${i}`,
      taskType: pick(orderable),
      areas,
      date,
      start: `${String(hour).padStart(2, '0')}:00`,
      end: `${String(hour + 2).padStart(2, '0')}:00`,
      remote: rnd() < 0.3,
      municipality: pick(places),
      language: rnd() < 0.9 ? 'fi' : 'en',
      expertCount: 1,
    });
  }
  return orders;
}

interface Figures {
  filled: number;
  busiestShare: number;
  withNone: number;
  active: number;
  covering: number;
}

/** One simulated year: waves of 5 in ranked order; the quickest willing expert of a wave takes it. */
function simulate(
  experts: readonly Expert[],
  orders: readonly MatchOrder[],
  compare: (a: Candidate, b: Candidate) => number,
): Figures {
  const loads = new Map<string, ExpertLoad>();
  const taken = new Map<string, number>();
  let filled = 0;
  let covering = 0;
  orders.forEach((order, n) => {
    const ranked = rankCandidates(order, experts, {
      today: order.date,
      loads,
      exclude: new Set(),
    }).sort(compare);
    for (let from = 0; from < ranked.length; from += WAVE) {
      const wave = pickWave(ranked.slice(from), WAVE);
      const willing = wave
        .map((c) => ({ c, w: willingness(n, c.email) }))
        .filter((x) => x.w < ACCEPT_CHANCE)
        .sort((a, b) => a.w - b.w);
      const winner = willing[0]?.c;
      if (winner === undefined) continue;
      filled++;
      if (winner.coversAllAreas) covering++;
      taken.set(winner.email, (taken.get(winner.email) ?? 0) + 1);
      const load = loads.get(winner.email) ?? { assignments: [] };
      load.assignments.push({
        orderId: order.orderId,
        date: order.date,
        start: order.start,
        end: order.end,
        remote: order.remote,
        municipality: order.municipality,
      });
      loads.set(winner.email, load);
      break;
    }
  });
  const active = experts.filter((e) => !e.removed && e.pausedUntil === undefined);
  const counts = active.map((e) => taken.get(e.email) ?? 0).sort((a, b) => b - a);
  const top = counts.slice(0, Math.ceil(active.length * 0.2)).reduce((s, x) => s + x, 0);
  return {
    filled,
    busiestShare: filled === 0 ? 0 : top / filled,
    withNone: counts.filter((c) => c === 0).length,
    active: active.length,
    covering,
  };
}

function line(label: string, f: Figures): string {
  return (
    `${label}: ${f.filled} filled; busiest 20 % took ${(f.busiestShare * 100).toFixed(1)} %; ` +
    `${f.withNone} of ${f.active} active experts got none; ` +
    `${((f.covering / Math.max(1, f.filled)) * 100).toFixed(1)} % of tasks went to an expert covering every ordered area`
  );
}

export function benchFairness(): string {
  const { experts, places } = syntheticRegister();
  const orders = syntheticOrders(places);
  const before = simulate(experts, orders, byOldSoftOrder);
  const after = simulate(experts, orders, bySoftOrder);
  return [
    `fairness over a simulated year (${EXPERTS} experts, ${ORDERS} orders, seed 16/2025)`,
    line('  before (fair shares first)', before),
    line('  after  (fit first, fairness within a class)', after),
  ].join('\n');
}

if (require.main === module) console.log(benchFairness());
