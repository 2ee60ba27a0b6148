/* Matching at register scale (SPEC §11): rankCandidates over 10,000 synthetic experts with loads. */
import { performance } from 'node:perf_hooks';
import {
  rankCandidates,
  type AssignmentRef,
  type ExpertLoad,
  type MatchContext,
  type MatchOrder,
} from '../src/domain/matching/match-experts';
import { MUNICIPALITIES } from '../src/domain/orders/municipalities';
import type { Expert } from '../src/domain/registers/types';
import { AREAS, EXPERT_KINDS, type Language } from '../src/domain/shared/vocabulary';

const EXPERTS = 10_000;
const WARM_UP = 30;
const RUNS = 200;
const TODAY = '2025-03-01';

/** A small deterministic generator (mulberry32), so every run matches the same register. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticRegister(): { experts: Expert[]; loads: Map<string, ExpertLoad> } {
  const rnd = random(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  // Central Finland heavy, like the demo register, with Swedish names now and then
  const places = MUNICIPALITIES.slice(0, 60).map((m) =>
    m.swedishName && rnd() < 0.3 ? m.swedishName : m.name,
  );
  places.push('Jyväskylä', 'Jyväskylä', 'Jyväskylä', 'Vasa', 'Jämsä', 'Äänekoski');
  const languages: Language[][] = [['fi'], ['fi'], ['fi', 'en'], ['fi', 'sv'], ['sv']];
  const experts: Expert[] = [];
  const loads = new Map<string, ExpertLoad>();
  for (let i = 0; i < EXPERTS; i++) {
    const email = `expert${i}@example.fi`;
    const trainee = i >= 100 && rnd() < 0.05;
    experts.push({
      email,
      name: `Expert ${i}`,
      kind: rnd() < 0.15 ? 'peer' : pick(EXPERT_KINDS.filter((k) => k !== 'peer')),
      areas: [
        ...new Set([pick(AREAS), pick(AREAS), pick(AREAS)].slice(0, 1 + Math.floor(rnd() * 3))),
      ],
      regions: [
        ...new Set([pick(places), pick(places), pick(places)].slice(0, 1 + Math.floor(rnd() * 3))),
      ],
      languages: pick(languages),
      remote: rnd() < 0.7,
      onsite: rnd() < 0.8,
      maxPerMonth: 2 + Math.floor(rnd() * 6),
      ...(trainee ? { mentorEmail: `expert${Math.floor(rnd() * 100)}@example.fi` } : {}),
      ...(rnd() < 0.05 ? { pausedUntil: '2025-03-15' } : {}),
      ...(rnd() < 0.02 ? { removed: true } : {}),
    });
    const assignments: AssignmentRef[] = [];
    const count = Math.floor(rnd() * 12);
    for (let k = 0; k < count; k++) {
      const day = new Date(Date.UTC(2024, 10, 1) + Math.floor(rnd() * 150) * 86_400_000)
        .toISOString()
        .slice(0, 10);
      const hour = 8 + Math.floor(rnd() * 8);
      assignments.push({
        orderId: `o-${i}-${k}`,
        date: day,
        start: `${String(hour).padStart(2, '0')}:00`,
        end: `${String(hour + 2).padStart(2, '0')}:00`,
        remote: rnd() < 0.5,
        municipality: pick(places),
      });
    }
    loads.set(
      email,
      rnd() < 0.6 ? { assignments, feedbackAverage: 1 + rnd() * 4 } : { assignments },
    );
  }
  return { experts, loads };
}

function pct(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

/** Times rankCandidates over 10,000 experts, narrow and broad orders in turn; one report line. */
export function benchMatching(): string {
  const { experts, loads } = syntheticRegister();
  const base: MatchOrder = {
    orderId: 'bench-order',
    taskType: 'lecture',
    areas: ['mental_health', 'substance_use'],
    date: '2025-03-12',
    start: '13:00',
    end: '15:00',
    remote: false,
    municipality: 'Jyväskylä',
    language: 'fi',
    expertCount: 2,
  };
  const orders: MatchOrder[] = [
    base,
    { ...base, remote: true },
    { ...base, remote: true, areas: [...AREAS] }, // the broadest order: most of the register is eligible
    { ...base, taskType: 'peer_group', municipality: 'Vaasa' },
  ];
  const ctx: MatchContext = {
    today: TODAY,
    loads,
    exclude: new Set(['expert1@example.fi', 'expert2@example.fi']),
  };
  const times: number[] = [];
  let candidates = 0;
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    const order = orders[i % orders.length]!;
    const t0 = performance.now();
    const ranked = rankCandidates(order, experts, ctx);
    const ms = performance.now() - t0;
    if (i >= WARM_UP) times.push(ms);
    candidates += ranked.length;
  }
  const perRun = Math.round(candidates / (WARM_UP + RUNS));
  return `matching 10,000 experts: p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms (${perRun} candidates per order on average, ${RUNS} runs)`;
}
