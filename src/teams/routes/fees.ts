import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { claimCard, ClaimVerb, taskDoneCard } from '../../../cards/claim-card';
import { claimFormCard, SubmitClaimVerb } from '../../../cards/claim-form-card';
import type { AdaptiveCard } from '../../../cards/elements';
import { formatPeriod, helsinkiDateTime } from '../../../cards/format';
import { approvalsMessage, claimAuditMessage, myFeesMessage, openFeesMessage, orderAuditMessage, SaveTariffVerb, tariffCard } from '../../../cards/fee-messages';
import { actOnClaim, type ClaimAct, confirmTaskDone } from '../../app/act-on-claim';
import { cancelClaim, reportTaskNotDone } from '../../app/did-not-happen';
import { claimViewOf } from '../../app/claim-view';
import { approvalsOf, myFees, openFees, requestFeeExport, unsentClaimForms } from '../../app/fee-reports';
import { submitClaim } from '../../app/submit-claim';
import { saveTariff } from '../../app/tariffs';
import { APPROVAL_STEPS, type Claim, CLAIM_NUMBER, currentVersion } from '../../domain/fees/claim';
import { ORDER_NUMBER } from '../../domain/orders/order';
import type { MessageKey } from '../../i18n';
import { argumentIs, EMAIL_IN_TEXT } from '../../domain/commands/command-table';
import type { CommandHandler, CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';
import { plain } from '../../../cards/plain-text';

const MAX_CARDS = 10;

const value = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const orderNumber = z.string().max(20).regex(new RegExp(`^${ORDER_NUMBER.source}$`, 'i'));
const claimNumber = z.string().max(20).regex(new RegExp(`^${CLAIM_NUMBER.source}$`, 'i'));
const claimFormSchema = z.object({
  orderId: orderNumber,
  actualStart: value,
  actualEnd: value,
  km: value,
  expenses: value,
  expensesNote: value,
  paymentType: value,
  businessId: value,
});
const claimActionSchema = z.object({ claimId: claimNumber, step: z.enum(APPROVAL_STEPS).optional(), version: z.coerce.number().int().positive().optional(), reason: value });
const orderActionSchema = z.object({ orderId: orderNumber });
const notDoneSchema = z.object({ orderId: orderNumber, claimId: claimNumber.optional(), reason: value });

/** Fees (SPEC §5): the claim card, the approval chain's buttons, and the fee commands. */
export function registerFeeRoutes(
  app: Application<TurnState>,
  turns: Turns,
): Pick<CommandHandlers, 'my_fees' | 'approvals' | 'fees' | 'reassign' | 'tariffs' | 'export' | 'audit'> {
  const s = turns.services;
  const isCoordinator = (a: Actor) => a.profile.roles.includes('coordinator');

  /** Routes a card button both as Action.Execute and as the older clients' Action.Submit. */
  function onCard(verb: string, handle: (ctx: TurnContext, raw: unknown) => Promise<AdaptiveCard | string>) {
    app.adaptiveCards.actionExecute(verb, (ctx, _state, data) => handle(ctx, data));
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) => turns.replaceSubmittedCard(ctx, await handle(ctx, data)));
  }

  /** The card someone clicked is theirs to update later, when the claim moves on. */
  async function remember(ctx: TurnContext, claimId: string, email: string): Promise<void> {
    const activityId = ctx.activity.replyToId;
    if (activityId) await s.claims.recordCard(claimId, { email, activityId });
  }

  onCard(SubmitClaimVerb, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const data = claimFormSchema.safeParse(raw);
    const expert = actor.profile.expert;
    if (!data.success) return actor.t('card_stale');
    if (!actor.person.email) return actor.t('email_missing');
    if (!expert) return actor.t('claim_not_assigned');
    const { orderId, ...form } = data.data;
    const outcome = await submitClaim(s, orderId.toUpperCase(), expert.email, form);
    switch (outcome.type) {
      case 'refused':
        return actor.t(outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason);
      case 'form':
        return claimFormCard(outcome.view, actor.lang, actor.t, actor.t('claim_form_errors'));
      case 'submitted':
      case 'resubmitted':
      case 'already': {
        await remember(ctx, outcome.claim.claimId, expert.email);
        const view = await claimViewOf(s, outcome.claim);
        const notice = outcome.type === 'already' ? actor.t('claim_already_submitted', { claimId: outcome.claim.claimId }) : actor.t('claim_submitted', { claimId: outcome.claim.claimId, name: plain(view.holderName) });
        return claimCard(view, expert.email, actor.lang, actor.t, notice);
      }
    }
  });

  async function act(ctx: TurnContext, raw: unknown, kind: 'approve' | 'reject' | 'mark_paid'): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = claimActionSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { claimId, step, version } = data.data;
    const email = actor.person.email;
    // Without an e-mail nobody can be told from anybody else: no claim may be acted on.
    if (!email) return actor.t('email_missing');
    let command: ClaimAct;
    if (kind === 'reject') command = { type: 'reject', reason: data.data.reason ?? '', step, version };
    else if (kind === 'mark_paid') command = { type: 'mark_paid', version };
    else command = step === 'orderer' ? { type: 'confirm_task', version } : { type: 'approve', step, version };
    // Only the holder can change a claim, so an outsider's click changes nothing; then somebody
    // else's claim does not exist for them: its contents are not theirs to see.
    const outcome = await actOnClaim(s, claimId.toUpperCase(), email, command);
    if (!outcome.claim || !involved(outcome.claim, email)) return actor.t('claim_not_found');
    await remember(ctx, claimId.toUpperCase(), email);
    const view = await claimViewOf(s, outcome.claim);
    if (outcome.type === 'done') return claimCard(view, email, actor.lang, actor.t);
    // A stale or repeated click on a stage that is done: say who handled it (this version) and when.
    const stale = outcome.reason === 'claim_already_approved' || outcome.reason === 'not_your_approval';
    const current = currentVersion(outcome.claim).version;
    const done = stale && step ? outcome.claim.history.filter((h) => h.step === step && h.version === current && (h.action === 'approved' || h.action === 'paid')).at(-1) : undefined;
    const notice = done
      ? actor.t('claim_step_done_by', { name: plain(view.names[done.by] ?? done.by), when: helsinkiDateTime(done.at, actor.lang) })
      : actor.t(outcome.reason as MessageKey);
    return claimCard(view, email, actor.lang, actor.t, notice);
  }

  onCard(ClaimVerb.approve, (ctx, raw) => act(ctx, raw, 'approve'));
  onCard(ClaimVerb.reject, (ctx, raw) => act(ctx, raw, 'reject'));
  onCard(ClaimVerb.paid, (ctx, raw) => act(ctx, raw, 'mark_paid'));

  onCard(ClaimVerb.taskDone, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const data = orderActionSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    if (!actor.person.email) return actor.t('email_missing');
    const outcome = await confirmTaskDone(s, data.data.orderId.toUpperCase(), actor.person.email);
    if (outcome.type === 'refused' && outcome.reason === 'order_not_found') return actor.t('order_not_found_plain');
    const order = outcome.type === 'done' ? outcome.order : (await s.orders.get(data.data.orderId))!.value;
    const unit = await s.registers.getUnit(order.unitId);
    return taskDoneCard(order, unit?.name ?? order.unitId, actor.lang, actor.t, outcome.type === 'refused' ? actor.t(outcome.reason) : undefined);
  });

  // Did not take place: from the orderer's Task done card, or from a claim card at the orderer's stage.
  onCard(ClaimVerb.taskNotDone, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const data = notDoneSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const email = actor.person.email;
    if (!email) return actor.t('email_missing');
    const orderId = data.data.orderId.toUpperCase();
    const outcome = await reportTaskNotDone(s, orderId, { email, roles: actor.profile.roles }, data.data.reason ?? '');
    if (outcome.type === 'refused' && outcome.reason === 'order_not_found') return actor.t('order_not_found_plain');
    const notice = outcome.type === 'refused' ? actor.t(outcome.reason) : undefined;
    const claimId = data.data.claimId?.toUpperCase();
    const file = claimId ? await s.claims.load(claimId) : undefined;
    if (file && file.claim.value.orderId === orderId && involved(file.claim.value, email)) {
      await remember(ctx, file.claim.value.claimId, email);
      const view = await claimViewOf(s, file.claim.value);
      return claimCard(view, email, actor.lang, actor.t, notice ?? actor.t('task_not_done_thanks'));
    }
    const order = outcome.type === 'done' ? outcome.order : (outcome.order ?? (await s.orders.get(orderId))!.value);
    const unit = await s.registers.getUnit(order.unitId);
    return taskDoneCard(order, unit?.name ?? order.unitId, actor.lang, actor.t, notice);
  });

  onCard(ClaimVerb.export, async (ctx) => {
    const actor = await turns.actorOf(ctx);
    // Someone without the role learns only what any unauthorised click tells them.
    if (!isCoordinator(actor) && !actor.profile.roles.includes('payroll')) return actor.t('command_not_allowed');
    await turns.say(ctx, await exportLink(actor, ''));
    return actor.t('export_link_sent');
  });

  onCard(SaveTariffVerb, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    if (!isCoordinator(actor)) return actor.t('command_not_allowed');
    const form = z.record(value).safeParse(raw);
    if (!form.success) return actor.t('card_stale');
    const outcome = await saveTariff(s, form.data, form.data.version);
    if (outcome.type === 'invalid') return tariffCard(await s.tariffs.current(), actor.lang, actor.t, actor.t('tariff_invalid'));
    if (outcome.type === 'conflict') return tariffCard(await s.tariffs.current(), actor.lang, actor.t, actor.t('tariff_conflict'));
    return tariffCard(outcome.tariff, actor.lang, actor.t, actor.t('tariff_saved', { version: outcome.tariff.version }));
  });

  async function exportLink(actor: Actor, period: string): Promise<string> {
    const outcome = await requestFeeExport(s, { email: actor.person.email, isCoordinator: isCoordinator(actor), isPayroll: actor.profile.roles.includes('payroll') }, period);
    if (typeof outcome === 'string') return actor.t(outcome === 'period_invalid' ? 'export_usage' : outcome);
    return actor.t('export_link', { url: outcome.url, period: outcome.months.length === 1 ? formatPeriod(outcome.months[0]!) : `${formatPeriod(outcome.months[0]!)}–${formatPeriod(outcome.months.at(-1)!)}` });
  }

  /** `/fees cancel P-… reason`: the use case checks the role and that it is not the actor's own claim. */
  async function cancel(ctx: TurnContext, actor: Actor, args: string): Promise<void> {
    const claimId = CLAIM_NUMBER.exec(args)?.[0];
    const reason = claimId ? args.slice(args.indexOf(claimId) + claimId.length).trim() : '';
    if (!claimId || !args.trim().startsWith(claimId)) return void (await turns.say(ctx, actor.t('fees_cancel_usage')));
    const outcome = await cancelClaim(s, claimId.toUpperCase(), { email: actor.person.email, roles: actor.profile.roles }, reason);
    if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason === 'cancel_reason_required' ? 'fees_cancel_usage' : outcome.reason)));
    await turns.say(ctx, actor.t('fees_cancelled', { claimId: outcome.claim.claimId }));
  }

  const coordinatorOnly = (handler: CommandHandler): CommandHandler => async (ctx, actor, args) => {
    if (!isCoordinator(actor)) return void (await turns.say(ctx, actor.t('command_not_allowed')));
    await handler(ctx, actor, args);
  };

  return {
    my_fees: async (ctx, actor) => {
      const expert = actor.profile.expert;
      if (!expert) return void (await turns.say(ctx, actor.t('only_experts')));
      const [claims, unsent] = await Promise.all([myFees(s, expert.email), unsentClaimForms(s, expert.email)]);
      await turns.say(ctx, myFeesMessage(claims, actor.lang, actor.t));
      if (unsent.length) await turns.say(ctx, actor.t('claims_missing_intro'));
      for (const form of unsent) await turns.sayCard(ctx, claimFormCard(form, actor.lang, actor.t));
    },

    approvals: async (ctx, actor) => {
      const waiting = await approvalsOf(s, actor.person.email);
      await turns.say(ctx, approvalsMessage(waiting, actor.lang, actor.t));
      // The cards themselves, to act on right here; each is remembered so that it updates in place.
      for (const view of waiting.slice(0, MAX_CARDS)) {
        const sent = await turns.sayCard(ctx, claimCard(view, actor.person.email, actor.lang, actor.t));
        if (sent.ok && sent.activityId) await s.claims.recordCard(view.claim.claimId, { email: actor.person.email, activityId: sent.activityId });
      }
    },

    fees: coordinatorOnly(async (ctx, actor, args) => {
      const [first = '', ...rest] = args.trim().split(/\s+/);
      if (argumentIs(first, 'fees_cancel')) return cancel(ctx, actor, rest.join(' '));
      const which = argumentIs(args, 'fees_stuck') ? 'stuck' : argumentIs(args, 'fees_pending') ? 'pending' : undefined;
      if (!which) return void (await turns.say(ctx, actor.t('fees_usage')));
      await turns.say(ctx, openFeesMessage(await openFees(s, which), which, actor.lang, actor.t));
    }),

    reassign: coordinatorOnly(async (ctx, actor, args) => {
      const claimId = CLAIM_NUMBER.exec(args)?.[0]?.toUpperCase();
      const to = EMAIL_IN_TEXT.exec(args)?.[0]?.toLowerCase();
      if (!claimId || !to) return void (await turns.say(ctx, actor.t('reassign_usage')));
      const outcome = await actOnClaim(s, claimId, actor.person.email, { type: 'reassign', to });
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason as MessageKey)));
      const view = await claimViewOf(s, outcome.claim);
      await turns.say(ctx, actor.t('reassigned', { claimId, name: plain(view.holderName) }));
    }),

    tariffs: coordinatorOnly(async (ctx, actor) => {
      await turns.sayCard(ctx, tariffCard(await s.tariffs.current(), actor.lang, actor.t));
    }),

    export: async (ctx, actor, args) => {
      const [what = '', ...period] = args.split(/\s+/);
      if (!argumentIs(what, 'export_fees')) return void (await turns.say(ctx, actor.t('export_usage')));
      await turns.say(ctx, await exportLink(actor, period.join(' ')));
    },

    audit: coordinatorOnly(async (ctx, actor, args) => {
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      const order = orderId ? (await s.orders.get(orderId))?.value : undefined;
      if (orderId) return void (await turns.say(ctx, order ? orderAuditMessage(order, actor.lang, actor.t) : actor.t('order_not_found_plain')));
      const claimId = CLAIM_NUMBER.exec(args)?.[0]?.toUpperCase();
      const file = claimId ? await s.claims.load(claimId) : undefined;
      if (!claimId) return void (await turns.say(ctx, actor.t('audit_usage')));
      if (!file) return void (await turns.say(ctx, actor.t('claim_not_found')));
      const view = await claimViewOf(s, file.claim.value);
      await turns.say(ctx, claimAuditMessage(file.claim.value, view.names, actor.lang, actor.t));
    }),
  };
}

/** Who may see a claim: its expert, anyone in its chain, anyone it was reassigned to. */
function involved(claim: Claim, email: string): boolean {
  const e = email.toLowerCase();
  return claim.expertEmail === e || claim.holderEmail === e || Object.values(claim.chain).some((a) => a === e) || claim.history.some((h) => h.by === e || h.to === e);
}
