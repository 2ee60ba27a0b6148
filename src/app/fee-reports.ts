import {
  heldForCoordinators,
  isStuck,
  stepOf,
  waitsForStandIn,
  type Claim,
} from '../domain/fees/claim';
import { parsePeriod } from '../domain/fees/period';
import { payrollCsv, type PayrollCsvRow } from '../domain/fees/payroll-csv';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import { claimViewOf, nameOf } from './claim-view';
import { describePerson } from './describe-person';
import { followUpTime } from '../domain/fees/claim-form';
import type { ClaimFormView, ClaimView } from './ports';
import { claimFormFor } from './submit-claim';
import { statsExportCsv } from './stats-exports';
import type { Services } from './services';

const MY_FEES_LIMIT = 20;
const EXPORT_LINK_MS = 24 * 3600_000;

const views = (s: Services, claims: Claim[]) => Promise.all(claims.map((c) => claimViewOf(s, c)));

/**
 * `palkkiot` / `my fees`: the expert's own claims, newest first, and the claim cards they still have
 * to send.
 */
export async function myFees(
  s: Services,
  actor: Actor,
): Promise<
  | { type: 'refused'; reason: 'only_experts' }
  | { type: 'fees'; claims: ClaimView[]; unsent: ClaimFormView[] }
> {
  if (!actor.expert) return { type: 'refused', reason: 'only_experts' };
  const email = actor.expert.email;
  const [claims, unsent] = await Promise.all([
    s.claims.listByExpert(email, MY_FEES_LIMIT).then((c) => views(s, c)),
    unsentClaimForms(s, email),
  ]);
  return { type: 'fees', claims, unsent };
}

const FORMS_AT_MOST = 5;

/**
 * The claim cards an expert still has to send: tasks that have ended with no claim yet, and claims
 * returned for correction (a card that Teams lost, or that scrolled away, comes back with `my fees`).
 */
export async function unsentClaimForms(s: Services, expertEmail: string): Promise<ClaimFormView[]> {
  const now = s.clock.now();
  const ended = (await s.loads.get(expertEmail)).assignments
    .filter((a) => followUpTime(a) <= now)
    .sort((a, b) => b.date.localeCompare(a.date));
  const forms: ClaimFormView[] = [];
  for (const a of ended) {
    if (forms.length >= FORMS_AT_MOST) break;
    const form = await claimFormFor(s, a.orderId, expertEmail);
    if (typeof form !== 'string') forms.push(form);
  }
  return forms;
}

/** `hyväksyttävät` / `approvals`: the claims waiting for this person, longest-waiting first. */
export async function approvalsOf(s: Services, actor: Actor): Promise<ClaimView[]> {
  // A stage that would be the expert's own waits for a stand-in, not in the expert's approvals.
  // A claim whose task did not take place waits for a coordinator, not in the approver's list.
  const waiting = (await s.claims.listByHolder(actor.email)).filter(
    (c) => !waitsForStandIn(c) && !heldForCoordinators(c),
  );
  return views(
    s,
    waiting.sort((a, b) => a.holderSince.localeCompare(b.holderSince)),
  );
}

/** `/fees pending|stuck` for coordinators: every unpaid claim, or those waiting over 5 working days. */
export async function openFees(
  s: Services,
  actor: Actor,
  which: 'pending' | 'stuck' | undefined,
): Promise<
  | { type: 'refused'; reason: typeof NOT_ALLOWED | 'fees_usage' }
  | { type: 'fees'; which: 'pending' | 'stuck'; claims: ClaimView[] }
> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  if (!which) return { type: 'refused', reason: 'fees_usage' };
  const now = s.clock.now();
  const open = (await s.claims.listOpen()).filter(
    (c) => stepOf(c.status) !== undefined && (which === 'pending' || isStuck(c, now)),
  );
  return {
    type: 'fees',
    which,
    claims: await views(
      s,
      open.sort((a, b) => a.holderSince.localeCompare(b.holderSince)),
    ),
  };
}

export type ExportRefusal = 'command_not_allowed' | 'period_invalid';

/**
 * A link to the payroll CSV: claims approved and waiting for payment, and those paid in the period.
 * Payroll gets their own units' claims, a coordinator everyone's. The link is valid for 24 hours.
 */
export async function requestFeeExport(
  s: Pick<Services, 'clock' | 'exports' | 'publicUrl'>,
  actor: Actor,
  periodText: string,
): Promise<{ url: string; months: string[] } | ExportRefusal> {
  const coordinator = isCoordinator(actor);
  if (!coordinator && !actor.roles.includes('payroll')) return NOT_ALLOWED;
  const months = parsePeriod(periodText, s.clock.now());
  if (!months) return 'period_invalid';
  await s.exports.deleteExpired(s.clock.now().toISOString());
  const expiresAt = new Date(s.clock.now().getTime() + EXPORT_LINK_MS).toISOString();
  const token = await s.exports.create({
    email: actor.email,
    isCoordinator: coordinator,
    months,
    expiresAt,
  });
  return { url: `${s.publicUrl}/exports/${token}/palkkiot.csv`, months };
}

/**
 * The CSV behind an export link; undefined when the link is unknown or has expired (then it is
 * deleted), or when its requester no longer holds the role that let them ask for it.
 */
export async function feeExportCsv(s: Services, token: string): Promise<string | undefined> {
  const request = await s.exports.get(token);
  if (!request) return undefined;
  if (request.expiresAt <= s.clock.now().toISOString()) {
    await s.exports.delete(token);
    return undefined;
  }
  // The same links carry the orders and feedback exports of /stats (SPEC §6).
  if (request.kind === 'orders' || request.kind === 'feedback')
    return statsExportCsv(s, { ...request, kind: request.kind });
  const { roles } = await describePerson(s, request.email);
  if (!roles.includes(request.isCoordinator ? 'coordinator' : 'payroll')) return undefined;
  const [open, paid] = await Promise.all([s.claims.listOpen(), s.claims.listPaid(request.months)]);
  const claims = [...open.filter((c) => c.status === 'awaiting_payroll'), ...paid]
    .filter(
      (c) =>
        request.isCoordinator ||
        c.chain.payroll === request.email ||
        c.holderEmail === request.email,
    ) // or payroll's stage was moved to them
    .sort((a, b) => a.claimId.localeCompare(b.claimId));
  const units = new Map((await s.registers.listUnits()).map((u) => [u.unitId, u]));
  const rows: PayrollCsvRow[] = await Promise.all(
    claims.map(async (claim) => {
      const unit = units.get(claim.unitId);
      return {
        claim,
        unit: { name: unit?.name ?? claim.unitId, costCenter: unit?.costCenter ?? '' },
        expertName: await nameOf(s, claim.expertEmail),
      };
    }),
  );
  return payrollCsv(rows);
}
