import { workingDaysBetween } from '../shared/working-days';
import { helsinkiInstant } from '../shared/helsinki';
import { ESCALATE_AFTER_WORKING_DAYS } from '../fees/claim';
import { addCounts, DAYS_CAP, type Counts } from './aggregate';

/** Median and 90th percentile of a day histogram (nearest rank); undefined without samples. */
export interface DaySpread {
  count: number;
  median?: number;
  p90?: number;
  /** The largest bucket is "60 or more": true when a figure fell in it. */
  capped: boolean;
}

export interface StatsFigures {
  /** Orders made in each month of the period, in order. */
  byMonth: { month: string; orders: number }[];
  orders: number;
  byTaskType: { id: string; orders: number }[];
  byArea: { id: string; orders: number }[];
  filled: number;
  unfilled: number;
  open: number;
  cancelled: number;
  /** Filled orders of those not cancelled, 0–1; undefined when there are none. */
  fillRate?: number;
  orderToFilled: DaySpread;
  claimToPaid: DaySpread;
  /** Now, whatever the period: claims waiting in the approval chain, and those waiting > 5 working days. */
  claimsWaiting: number;
  claimsStuck: number;
  feedback: {
    orderer: { count: number; average?: number };
    expert: { count: number; average?: number };
  };
  fairness: {
    activeExperts: number;
    tasks: number;
    /** The share of the active experts' tasks taken by their busiest 20 %, 0–1. */
    busiestShare?: number;
    withNone: number;
  };
  /** Paid in the period, by unit, largest first. */
  spending: { unitId: string; cents: number }[];
  spendingCents: number;
}

export interface StatsInput {
  months: readonly string[];
  /** The month rows of the period (`YYYY-MM|unit`) and the `open|unit` rows, already limited to the viewer's units. */
  rows: readonly { key: string; counts: Counts }[];
  /** Pseudonyms of the active experts (not paused, not removed). */
  activeExperts: readonly string[];
  now: Date;
}

/** The value at rank ceil(p·n) of the sorted samples that a histogram of day counts holds. */
export function percentile(histogram: Record<string, number>, p: number): number | undefined {
  const entries = Object.entries(histogram)
    .map(([d, n]) => [Number(d), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const total = entries.reduce((s, [, n]) => s + n, 0);
  if (!total) return undefined;
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (const [d, n] of entries) {
    seen += n;
    if (seen >= rank) return d;
  }
  return entries.at(-1)![0];
}

function spread(histogram: Record<string, number> = {}): DaySpread {
  const count = Object.values(histogram).reduce((s, n) => s + n, 0);
  const median = percentile(histogram, 0.5);
  const p90 = percentile(histogram, 0.9);
  return {
    count,
    ...(median !== undefined ? { median } : {}),
    ...(p90 !== undefined ? { p90 } : {}),
    capped: p90 === DAYS_CAP,
  };
}

const ranked = (group: Record<string, number> = {}) =>
  Object.entries(group)
    .map(([id, orders]) => ({ id, orders }))
    .sort((a, b) => b.orders - a.orders || a.id.localeCompare(b.id));

const average = (sum = 0, count = 0) =>
  count ? { count, average: Math.round((sum / count) * 10) / 10 } : { count };

/** The figures of `/stats` (SPEC §6) from the running counts of the period's rows. */
export function statsFigures(input: StatsInput): StatsFigures {
  const inPeriod = new Set(input.months);
  let all: Counts = {};
  const perMonth = new Map<string, number>();
  const perUnit = new Map<string, number>();
  let waiting: Record<string, number> = {};
  for (const { key, counts } of input.rows) {
    const [month = '', unitId = ''] = key.split('|');
    if (month === 'open') {
      waiting = addCounts({ w: waiting }, { w: counts.waiting ?? {} }).w ?? {};
      continue;
    }
    if (!inPeriod.has(month)) continue;
    all = addCounts(all, counts);
    perMonth.set(month, (perMonth.get(month) ?? 0) + (counts.total?.orders ?? 0));
    const cents = counts.total?.spendingCents ?? 0;
    if (cents) perUnit.set(unitId, (perUnit.get(unitId) ?? 0) + cents);
  }
  const total = all.total ?? {};
  const status = all.status ?? {};
  const orders = total.orders ?? 0;
  const cancelled = status.cancelled ?? 0;
  const filled = status.filled ?? 0;

  const tasksOf = all.experts ?? {};
  const active = input.activeExperts.map((id) => tasksOf[id] ?? 0).sort((a, b) => b - a);
  const activeTasks = active.reduce((s, n) => s + n, 0);
  const busiest = Math.ceil(active.length * 0.2);
  const busiestTasks = active.slice(0, busiest).reduce((s, n) => s + n, 0);

  let claimsWaiting = 0;
  let claimsStuck = 0;
  for (const [day, n] of Object.entries(waiting)) {
    claimsWaiting += n;
    // The same count as the claims' own escalation (isStuck), from the day the holder got it.
    if (workingDaysBetween(helsinkiInstant(day, '12:00'), input.now) > ESCALATE_AFTER_WORKING_DAYS)
      claimsStuck += n;
  }

  const fb = all.feedback ?? {};
  const spending = [...perUnit]
    .map(([unitId, cents]) => ({ unitId, cents }))
    .sort((a, b) => b.cents - a.cents || a.unitId.localeCompare(b.unitId));
  return {
    byMonth: input.months.map((month) => ({ month, orders: perMonth.get(month) ?? 0 })),
    orders,
    byTaskType: ranked(all.taskType),
    byArea: ranked(all.area),
    filled,
    unfilled: status.unfilled ?? 0,
    open: status.open ?? 0,
    cancelled,
    ...(orders - cancelled > 0 ? { fillRate: filled / (orders - cancelled) } : {}),
    orderToFilled: spread(all.fillDays),
    claimToPaid: spread(all.payDays),
    claimsWaiting,
    claimsStuck,
    feedback: {
      orderer: average(fb.ordererSum, fb.ordererCount),
      expert: average(fb.expertSum, fb.expertCount),
    },
    fairness: {
      activeExperts: active.length,
      tasks: activeTasks,
      ...(activeTasks ? { busiestShare: busiestTasks / activeTasks } : {}),
      withNone: active.filter((n) => n === 0).length,
    },
    spending,
    spendingCents: spending.reduce((s, u) => s + u.cents, 0),
  };
}
