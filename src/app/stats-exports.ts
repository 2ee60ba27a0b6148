import type { FeedbackRole } from '../domain/feedback/feedback';
import type { Order } from '../domain/orders/order';
import { feedbackCsv, ordersCsv, type FeedbackCsvRow } from '../domain/stats/export-csv';
import { monthOf } from '../domain/stats/aggregate';
import { parseStatsPeriod, type StatsPeriod } from '../domain/stats/period';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import { describePerson } from './describe-person';
import type { ExportRequest } from './ports';
import type { Services } from './services';
import { statsScope } from './stats';

const EXPORT_LINK_MS = 24 * 3600_000;
const PAGE = 200;
const FILE = { orders: 'tilaukset.csv', feedback: 'palaute.csv' } as const;

export type StatsExportKind = keyof typeof FILE;

/**
 * `/export orders|feedback [period]` (SPEC §6): a link valid for 24 hours, like the payroll
 * export. Coordinators get every unit; supervisors and directors their own units, and no comments.
 */
export async function requestStatsExport(
  s: Services,
  actor: Actor,
  kind: StatsExportKind,
  periodText: string,
): Promise<{ url: string; period: StatsPeriod } | typeof NOT_ALLOWED | 'period_invalid'> {
  const scope = statsScope(actor, await s.registers.listUnits());
  if (!scope) return NOT_ALLOWED;
  const now = s.clock.now();
  const period = parseStatsPeriod(periodText, now);
  if (!period) return 'period_invalid';
  await s.exports.deleteExpired(now.toISOString());
  const token = await s.exports.create({
    email: actor.email,
    isCoordinator: scope === 'all',
    months: period.months,
    expiresAt: new Date(now.getTime() + EXPORT_LINK_MS).toISOString(),
    kind,
    ...(scope === 'all' ? {} : { units: scope }),
  });
  return { url: `${s.publicUrl}/exports/${token}/${FILE[kind]}`, period };
}

/**
 * The CSV behind an orders or feedback link (expiry already checked by the caller). The requester
 * must still hold the role that let them ask; a supervisor's file keeps to the units they still hold.
 */
export async function statsExportCsv(
  s: Services,
  request: ExportRequest & { kind: StatsExportKind },
): Promise<string | undefined> {
  const profile = await describePerson(s, request.email);
  const actor: Actor = { email: request.email, aadObjectId: '', roles: profile.roles };
  const units = await s.registers.listUnits();
  const scope = statsScope(actor, units);
  if (!scope || (request.isCoordinator && !isCoordinator(actor))) return undefined;
  const allowed = (unitId: string) =>
    request.isCoordinator ||
    (scope !== 'all' && scope.includes(unitId) && (request.units ?? []).includes(unitId));
  const names = new Map(units.map((u) => [u.unitId, u.name]));
  const unitName = (id: string) => names.get(id) ?? id;
  const months = new Set(request.months);
  if (request.kind === 'orders') {
    const orders = (await ordersMadeIn(s, request.months)).filter(
      (o) => months.has(monthOf(o.createdAt)) && allowed(o.unitId),
    );
    return ordersCsv(orders, unitName);
  }
  const rows: FeedbackCsvRow[] = [];
  for (const orderId of (await s.stats.listFeedbackPointers(request.months)).sort()) {
    const order = (await s.orders.get(orderId))?.value;
    if (!order || !allowed(order.unitId)) continue;
    const raters: [string, FeedbackRole][] = [
      [order.ordererEmail, 'orderer'],
      ...order.assigned.map((a): [string, FeedbackRole] => [a.email, 'expert']),
    ];
    for (const [email, role] of raters) {
      const entry = await s.feedback.get(orderId, email);
      if (!entry || entry.role !== role) continue;
      rows.push({
        order,
        role,
        rating: entry.rating,
        givenAt: entry.givenAt,
        ...(entry.comment ? { comment: entry.comment } : {}),
      });
    }
  }
  return feedbackCsv(rows, unitName, request.isCoordinator);
}

/** The orders made in the months (consecutive), oldest first: the index read newest first, by pages. */
async function ordersMadeIn(s: Services, months: readonly string[]): Promise<Order[]> {
  const first = months[0] ?? '';
  const last = months.at(-1) ?? '';
  const found: Order[] = [];
  for (let after: string | undefined, done = false; !done;) {
    const page = await s.orders.listNewest(after, PAGE);
    for (const row of page) {
      const month = monthOf(row.createdAt);
      if (month < first) {
        done = true;
        break;
      }
      if (month > last) continue;
      const order = (await s.orders.get(row.orderId))?.value;
      if (order) found.push(order);
    }
    after = page.at(-1)?.key;
    if (page.length < PAGE) done = true;
  }
  return found.reverse();
}
