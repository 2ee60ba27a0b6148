import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { claimCard, ClaimVerb, taskDoneCard } from '../../../cards/claim-card';
import { claimFormCard, SubmitClaimVerb } from '../../../cards/claim-form-card';
import type { AdaptiveCard } from '../../../cards/elements';
import { formatPeriod, helsinkiDateTime } from '../../../cards/format';
import {
  approvalsMessage,
  claimAuditMessage,
  myFeesMessage,
  openFeesMessage,
  orderAuditMessage,
  SaveTariffVerb,
  tariffCard,
} from '../../../cards/fee-messages';
import { auditOf } from '../../app/audit';
import {
  actOnClaimCard,
  confirmTaskDoneByCard,
  reassignClaim,
  rememberClaimCard,
  sendClaimCard,
} from '../../app/claim-actions';
import { approvalsOf, myFees, openFees, requestFeeExport } from '../../app/fee-reports';
import { currentTariff, saveTariff } from '../../app/tariffs';
import { APPROVAL_STEPS, CLAIM_NUMBER } from '../../domain/fees/claim';
import { cancelClaim, reportTaskNotDoneByCard } from '../../app/did-not-happen';
import { ORDER_NUMBER } from '../../domain/orders/order';
import { argumentIs, EMAIL_IN_TEXT } from '../../domain/commands/command-table';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';
import { plain } from '../../../cards/plain-text';

const MAX_CARDS = 10;

const value = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const orderNumber = z
  .string()
  .max(20)
  .regex(new RegExp(`^${ORDER_NUMBER.source}$`, 'i'));
const claimNumber = z
  .string()
  .max(20)
  .regex(new RegExp(`^${CLAIM_NUMBER.source}$`, 'i'));
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
const claimActionSchema = z.object({
  claimId: claimNumber,
  step: z.enum(APPROVAL_STEPS).optional(),
  version: z.coerce.number().int().positive().optional(),
  reason: value,
});
const orderActionSchema = z.object({ orderId: orderNumber });
const notDoneSchema = z.object({
  orderId: orderNumber,
  claimId: claimNumber.optional(),
  reason: value,
});

/** Fees (SPEC §5): the claim card, the approval chain's buttons, and the fee commands. */
export function registerFeeRoutes(
  app: Application<TurnState>,
  turns: Turns,
): Pick<
  CommandHandlers,
  'my_fees' | 'approvals' | 'fees' | 'reassign' | 'tariffs' | 'export' | 'audit'
> {
  const s = turns.services;

  /** Routes a card button both as Action.Execute and as the older clients' Action.Submit. */
  function onCard(
    verb: string,
    handle: (ctx: TurnContext, raw: unknown) => Promise<AdaptiveCard | string>,
  ) {
    app.adaptiveCards.actionExecute(verb, (ctx, _state, data) => handle(ctx, data));
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) =>
      turns.replaceSubmittedCard(ctx, await handle(ctx, data)),
    );
  }

  onCard(SubmitClaimVerb, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const data = claimFormSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { orderId, ...form } = data.data;
    const outcome = await sendClaimCard(
      s,
      actor.who,
      orderId.toUpperCase(),
      form,
      ctx.activity.replyToId,
    );
    switch (outcome.type) {
      case 'refused':
        return actor.t(
          outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason,
        );
      case 'form':
        return claimFormCard(outcome.view, actor.lang, actor.t, actor.t('claim_form_errors'));
      case 'submitted':
      case 'resubmitted':
      case 'already': {
        const { claimId } = outcome.view.claim;
        const notice =
          outcome.type === 'already'
            ? actor.t('claim_already_submitted', { claimId })
            : actor.t('claim_submitted', { claimId, name: plain(outcome.view.holderName) });
        return claimCard(outcome.view, outcome.view.claim.expertEmail, actor.lang, actor.t, notice);
      }
    }
  });

  async function act(
    ctx: TurnContext,
    raw: unknown,
    kind: 'approve' | 'reject' | 'mark_paid',
  ): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = claimActionSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { claimId, ...click } = data.data;
    const outcome = await actOnClaimCard(
      s,
      actor.who,
      claimId.toUpperCase(),
      { kind, ...click },
      ctx.activity.replyToId,
    );
    if (outcome.type === 'refused') return actor.t(outcome.reason);
    const email = actor.who.email;
    if (outcome.type === 'done') return claimCard(outcome.view, email, actor.lang, actor.t);
    const done = outcome.handled;
    const notice = done
      ? actor.t('claim_step_done_by', {
          name: plain(outcome.view.names[done.by] ?? done.by),
          when: helsinkiDateTime(done.at, actor.lang),
        })
      : actor.t(outcome.reason);
    return claimCard(outcome.view, email, actor.lang, actor.t, notice);
  }

  onCard(ClaimVerb.approve, (ctx, raw) => act(ctx, raw, 'approve'));
  onCard(ClaimVerb.reject, (ctx, raw) => act(ctx, raw, 'reject'));
  onCard(ClaimVerb.paid, (ctx, raw) => act(ctx, raw, 'mark_paid'));

  onCard(ClaimVerb.taskDone, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const data = orderActionSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const outcome = await confirmTaskDoneByCard(s, actor.who, data.data.orderId.toUpperCase());
    if (outcome.type === 'refused')
      return actor.t(
        outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason,
      );
    return taskDoneCard(
      outcome.order,
      outcome.unitName,
      actor.lang,
      actor.t,
      outcome.refusal ? actor.t(outcome.refusal) : undefined,
    );
  });

  // Did not take place: from the orderer's Task done card, or from a claim card at the orderer's stage.
  onCard(ClaimVerb.taskNotDone, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const data = notDoneSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { orderId, claimId, reason } = data.data;
    const outcome = await reportTaskNotDoneByCard(
      s,
      actor.who,
      orderId.toUpperCase(),
      claimId?.toUpperCase(),
      reason ?? '',
      ctx.activity.replyToId,
    );
    switch (outcome.type) {
      case 'refused':
        return actor.t(
          outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason,
        );
      case 'claim':
        return claimCard(
          outcome.view,
          actor.who.email,
          actor.lang,
          actor.t,
          outcome.refusal ? actor.t(outcome.refusal) : actor.t('task_not_done_thanks'),
        );
      case 'order':
        return taskDoneCard(
          outcome.order,
          outcome.unitName,
          actor.lang,
          actor.t,
          outcome.refusal ? actor.t(outcome.refusal) : undefined,
        );
    }
  });

  onCard(ClaimVerb.export, async (ctx) => {
    const actor = await turns.actorOf(ctx);
    const outcome = await requestFeeExport(s, actor.who, '');
    // Someone without the role learns only what any unauthorised click tells them.
    if (outcome === 'command_not_allowed') return actor.t(outcome);
    await turns.say(ctx, exportLink(actor, outcome));
    return actor.t('export_link_sent');
  });

  onCard(SaveTariffVerb, async (ctx, raw) => {
    const actor = await turns.actorOf(ctx);
    const form = z.record(value).safeParse(raw);
    if (!form.success) return actor.t('card_stale');
    const outcome = await saveTariff(s, actor.who, form.data, form.data.version);
    switch (outcome.type) {
      case 'refused':
        return actor.t(outcome.reason);
      case 'invalid':
        return tariffCard(outcome.current, actor.lang, actor.t, actor.t('tariff_invalid'));
      case 'conflict':
        return tariffCard(outcome.current, actor.lang, actor.t, actor.t('tariff_conflict'));
      case 'saved':
        return tariffCard(
          outcome.tariff,
          actor.lang,
          actor.t,
          actor.t('tariff_saved', { version: outcome.tariff.version }),
        );
    }
  });

  function exportLink(actor: Actor, outcome: Awaited<ReturnType<typeof requestFeeExport>>): string {
    if (typeof outcome === 'string')
      return actor.t(outcome === 'period_invalid' ? 'export_usage' : outcome);
    return actor.t('export_link', {
      url: outcome.url,
      period:
        outcome.months.length === 1
          ? formatPeriod(outcome.months[0]!)
          : `${formatPeriod(outcome.months[0]!)}–${formatPeriod(outcome.months.at(-1)!)}`,
    });
  }

  /** `/fees cancel P-… reason`: the use case checks the role and that it is not the actor's own claim. */
  async function cancel(ctx: TurnContext, actor: Actor, args: string): Promise<void> {
    const claimId = CLAIM_NUMBER.exec(args)?.[0];
    const reason = claimId ? args.slice(args.indexOf(claimId) + claimId.length).trim() : '';
    if (!claimId || !args.trim().startsWith(claimId))
      return void (await turns.say(ctx, actor.t('fees_cancel_usage')));
    const outcome = await cancelClaim(s, claimId.toUpperCase(), actor.who, reason);
    if (outcome.type === 'refused')
      return void (await turns.say(
        ctx,
        actor.t(outcome.reason === 'cancel_reason_required' ? 'fees_cancel_usage' : outcome.reason),
      ));
    await turns.say(ctx, actor.t('fees_cancelled', { claimId: outcome.claim.claimId }));
  }

  return {
    my_fees: async (ctx, actor) => {
      const outcome = await myFees(s, actor.who);
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason)));
      await turns.say(ctx, myFeesMessage(outcome.claims, actor.lang, actor.t));
      if (outcome.unsent.length) await turns.say(ctx, actor.t('claims_missing_intro'));
      for (const form of outcome.unsent)
        await turns.sayCard(ctx, claimFormCard(form, actor.lang, actor.t));
    },

    approvals: async (ctx, actor) => {
      const waiting = await approvalsOf(s, actor.who);
      await turns.say(ctx, approvalsMessage(waiting, actor.lang, actor.t));
      // The cards themselves, to act on right here; each is remembered so that it updates in place.
      for (const view of waiting.slice(0, MAX_CARDS)) {
        const sent = await turns.sayCard(
          ctx,
          claimCard(view, actor.who.email, actor.lang, actor.t),
        );
        if (sent.ok) await rememberClaimCard(s, actor.who, view.claim.claimId, sent.activityId);
      }
    },

    fees: async (ctx, actor, args) => {
      const [first = '', ...rest] = args.trim().split(/\s+/);
      if (argumentIs(first, 'fees_cancel')) return cancel(ctx, actor, rest.join(' '));
      const which = argumentIs(args, 'fees_stuck')
        ? 'stuck'
        : argumentIs(args, 'fees_pending')
          ? 'pending'
          : undefined;
      const outcome = await openFees(s, actor.who, which);
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason)));
      await turns.say(ctx, openFeesMessage(outcome.claims, outcome.which, actor.lang, actor.t));
    },

    reassign: async (ctx, actor, args) => {
      const claimId = CLAIM_NUMBER.exec(args)?.[0]?.toUpperCase();
      const to = EMAIL_IN_TEXT.exec(args)?.[0]?.toLowerCase();
      const outcome = await reassignClaim(s, actor.who, claimId, to);
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason)));
      await turns.say(
        ctx,
        actor.t('reassigned', { claimId: outcome.claim.claimId, name: plain(outcome.holderName) }),
      );
    },

    tariffs: async (ctx, actor) => {
      const tariff = await currentTariff(s, actor.who);
      if (tariff === 'command_not_allowed') return void (await turns.say(ctx, actor.t(tariff)));
      await turns.sayCard(ctx, tariffCard(tariff, actor.lang, actor.t));
    },

    export: async (ctx, actor, args) => {
      const [what = '', ...period] = args.split(/\s+/);
      if (!argumentIs(what, 'export_fees'))
        return void (await turns.say(ctx, actor.t('export_usage')));
      await turns.say(
        ctx,
        exportLink(actor, await requestFeeExport(s, actor.who, period.join(' '))),
      );
    },

    audit: async (ctx, actor, args) => {
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      const claimId = CLAIM_NUMBER.exec(args)?.[0]?.toUpperCase();
      const outcome = await auditOf(s, actor.who, { orderId, claimId });
      switch (outcome.type) {
        case 'refused':
          return void (await turns.say(
            ctx,
            actor.t(
              outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason,
            ),
          ));
        case 'order':
          return void (await turns.say(ctx, orderAuditMessage(outcome.order, actor.lang, actor.t)));
        case 'claim':
          return void (await turns.say(
            ctx,
            claimAuditMessage(outcome.claim, outcome.names, actor.lang, actor.t),
          ));
      }
    },
  };
}
