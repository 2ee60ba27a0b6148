import { z } from 'zod';
import { sameMunicipality } from '../orders/canonical-municipality';
import type { Expert } from '../registers/types';
import {
  PEER_SUPPORT_TASK_TYPES,
  TASK_TYPES,
  type Area,
  type Language,
  type TaskType,
} from '../shared/vocabulary';

export interface MatchOrder {
  orderId: string;
  taskType: TaskType;
  areas: Area[];
  date: string; // YYYY-MM-DD
  start: string; // HH:mm
  end: string; // HH:mm
  remote: boolean;
  municipality?: string;
  language: Language;
  expertCount: number;
  /** The expert the orderer wished for (lower-case e-mail), ranked first when eligible (SPEC §3, §4). */
  wishedExpert?: string;
}

export interface AssignmentRef {
  orderId: string;
  date: string;
  start: string;
  end: string;
  remote: boolean;
  municipality?: string;
  /** Joined as a trainee along with their mentor (the trainee record, SPEC §3). */
  asTrainee?: boolean;
  taskType?: TaskType;
}

export interface ExpertLoad {
  assignments: AssignmentRef[];
  feedbackAverage?: number; // 1..5
  feedbackCount?: number; // ratings behind the average; fewer than 3 counts as neutral
}

/** A stored load row (the storage layer parses with it). */
export const expertLoadSchema = z
  .object({
    assignments: z.array(
      z.object({
        orderId: z.string(),
        date: z.string(),
        start: z.string(),
        end: z.string(),
        remote: z.boolean(),
        municipality: z.string().optional(),
        asTrainee: z.boolean().optional(),
        taskType: z.enum(TASK_TYPES as [TaskType, ...TaskType[]]).optional(),
      }),
    ),
    feedbackAverage: z.number().optional(),
  })
  .passthrough() satisfies z.ZodType<ExpertLoad>;

export interface MatchContext {
  today: string; // YYYY-MM-DD Helsinki
  loads: ReadonlyMap<string, ExpertLoad>; // by expert email (lower-case); missing = no assignments
  exclude: ReadonlySet<string>; // emails already offered/declined/assigned for this order
  travelBufferMinutes?: number; // default 60, applies when either task is on-site
}

export type HardRule =
  | 'inactive'
  | 'paused'
  | 'kind_not_allowed'
  | 'area'
  | 'language'
  | 'place'
  | 'overlap'
  | 'monthly_max'
  | 'excluded'
  | 'trainee_needs_mentor';

export interface Candidate {
  email: string;
  wished: boolean;
  recentAssignments: number;
  areaMatches: number;
  coversAllAreas: boolean;
  sameMunicipality: boolean;
  feedback: number;
}

const DEFAULT_TRAVEL_BUFFER = 60;
const FAIR_SHARE_DAYS = 90;
const NEUTRAL_FEEDBACK = 3;
const MIN_RATINGS = 3;
const DAY_MS = 86_400_000;
const PEER_TASKS: ReadonlySet<TaskType> = new Set(PEER_SUPPORT_TASK_TYPES);

/** What one matching run needs from the order and context, computed once and not per expert. */
interface Prepared {
  order: MatchOrder;
  ctx: MatchContext;
  peerAllowed: boolean;
  startMin: number;
  endMin: number;
  buffer: number;
  month: string;
  recentFrom: string;
  /** Region text as written in the register → whether it is the order's municipality. */
  regionHits: Map<string, boolean>;
}

interface Assessed {
  rule: HardRule | undefined;
  candidate: Candidate | undefined;
}

const NO_ASSIGNMENTS: readonly AssignmentRef[] = [];

function fail(rule: HardRule): Assessed {
  return { rule, candidate: undefined };
}

function minutesOf(hhmm: string): number {
  const colon = hhmm.indexOf(':');
  return Number(hhmm.slice(0, colon)) * 60 + Number(hhmm.slice(colon + 1));
}

function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * DAY_MS).toISOString().slice(0, 10);
}

function prepare(order: MatchOrder, ctx: MatchContext): Prepared {
  return {
    order,
    ctx,
    peerAllowed: PEER_TASKS.has(order.taskType),
    startMin: minutesOf(order.start),
    endMin: minutesOf(order.end),
    buffer: ctx.travelBufferMinutes ?? DEFAULT_TRAVEL_BUFFER,
    month: order.date.slice(0, 7),
    recentFrom: daysBefore(ctx.today, FAIR_SHARE_DAYS),
    regionHits: new Map(),
  };
}

function inOrderMunicipality(p: Prepared, regions: readonly string[]): boolean {
  const municipality = p.order.municipality;
  if (municipality === undefined) return false;
  for (const region of regions) {
    let hit = p.regionHits.get(region);
    if (hit === undefined) {
      hit = sameMunicipality(region, municipality);
      p.regionHits.set(region, hit);
    }
    if (hit) return true;
  }
  return false;
}

function countAreaMatches(orderAreas: readonly Area[], expertAreas: readonly Area[]): number {
  let n = 0;
  for (const area of orderAreas) if (expertAreas.includes(area)) n++;
  return n;
}

/** The feedback average, or neutral when it rests on fewer than 3 ratings (SPEC §4, §6). */
function feedbackOf(load: ExpertLoad | undefined): number {
  if (load?.feedbackAverage === undefined || (load.feedbackCount ?? 0) < MIN_RATINGS)
    return NEUTRAL_FEEDBACK;
  return load.feedbackAverage;
}

/**
 * The expert's own hard rules (not the trainee rule); the candidate when they all pass. A trainee
 * going along with their mentor needs no experience area of the order, nor a kind for the task.
 */
function assess(p: Prepared, expert: Expert, along = false): Assessed {
  const { order, ctx } = p;
  if (expert.removed) return fail('inactive');
  const paused = expert.pausedUntil;
  if (paused !== undefined && (paused >= ctx.today || paused >= order.date)) return fail('paused');
  if (!along && expert.kind === 'peer' && !p.peerAllowed) return fail('kind_not_allowed');
  const areaMatches = countAreaMatches(order.areas, expert.areas);
  if (areaMatches === 0 && !along) return fail('area');
  if (!expert.languages.includes(order.language)) return fail('language');
  // a remote order's municipality is the orderer's: a local expert still ranks higher
  const local = inOrderMunicipality(p, expert.regions);
  if (order.remote ? !expert.remote : !expert.onsite || !local) return fail('place');

  const load = ctx.loads.get(expert.email);
  let inMonth = 0;
  let recent = 0;
  for (const a of load?.assignments ?? NO_ASSIGNMENTS) {
    // Fair shares count ordered places; a task joined as a trainee was none.
    if (!a.asTrainee && a.date >= p.recentFrom && a.date <= ctx.today) recent++;
    if (a.orderId === order.orderId) continue; // this order is neither an overlap nor another task
    if (a.date.startsWith(p.month)) inMonth++;
    if (a.date === order.date) {
      const buffer = order.remote && a.remote ? 0 : p.buffer;
      if (minutesOf(a.start) < p.endMin + buffer && p.startMin - buffer < minutesOf(a.end)) {
        return fail('overlap');
      }
    }
  }
  if (inMonth >= expert.maxPerMonth) return fail('monthly_max');
  if (ctx.exclude.has(expert.email)) return fail('excluded');

  return {
    rule: undefined,
    candidate: {
      email: expert.email,
      wished: order.wishedExpert !== undefined && order.wishedExpert === expert.email,
      recentAssignments: recent,
      areaMatches,
      coversAllAreas: areaMatches === order.areas.length,
      sameMunicipality: local,
      feedback: feedbackOf(load),
    },
  };
}

/**
 * The first hard rule of SPEC §4 that keeps the expert from an ordered place; undefined when
 * eligible. A trainee (an expert with `mentorEmail`) never fills an ordered place
 * ('trainee_needs_mentor'): they come along with their mentor (`whyTraineeMayNotJoin`).
 */
export function whyNotEligible(
  order: MatchOrder,
  expert: Expert,
  ctx: MatchContext,
): HardRule | undefined {
  const own = assess(prepare(order, ctx), expert).rule;
  if (own !== undefined || expert.mentorEmail === undefined) return own;
  return 'trainee_needs_mentor';
}

/**
 * Whether a trainee may join their mentor's task (SPEC §3): the hard rules still apply (active,
 * not paused, language, place, no clash, monthly maximum, not asked already), except the
 * experience area and the kind; undefined when they may.
 */
export function whyTraineeMayNotJoin(
  order: MatchOrder,
  trainee: Expert,
  ctx: MatchContext,
): HardRule | undefined {
  return assess(prepare(order, ctx), trainee, true).rule;
}

/**
 * SPEC §4's soft order: (1) the wished expert; (2) fit: covers every ordered area, then the order's
 * municipality; (3) fair shares: fewer assignments in the last 90 days; (4) feedback. Fit decides
 * between classes, fairness within a class; e-mail makes the order total.
 */
export function bySoftOrder(a: Candidate, b: Candidate): number {
  return (
    Number(b.wished) - Number(a.wished) ||
    Number(b.coversAllAreas) - Number(a.coversAllAreas) ||
    Number(b.sameMunicipality) - Number(a.sameMunicipality) ||
    a.recentAssignments - b.recentAssignments ||
    b.feedback - a.feedback ||
    (a.email < b.email ? -1 : a.email > b.email ? 1 : 0)
  );
}

/**
 * Eligible experts best first, by SPEC §4's soft order (`bySoftOrder`): wished expert, fit,
 * fair shares, feedback, then e-mail. Trainees are not ranked: they fill no ordered place.
 */
export function rankCandidates(
  order: MatchOrder,
  experts: readonly Expert[],
  ctx: MatchContext,
): Candidate[] {
  const p = prepare(order, ctx);
  const ranked: Candidate[] = [];
  for (const expert of experts) {
    if (expert.mentorEmail !== undefined) continue;
    const { candidate } = assess(p, expert);
    if (candidate !== undefined) ranked.push(candidate);
  }
  return ranked.sort(bySoftOrder);
}

/** The next wave: the first `size` candidates. */
export function pickWave(ranked: readonly Candidate[], size: number): Candidate[] {
  return ranked.slice(0, size);
}
