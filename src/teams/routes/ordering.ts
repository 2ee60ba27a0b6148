import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import { catalogueCard, CatalogueVerb } from '../../../cards/catalogue-card';
import { orderCard, orderSentCard, Verb } from '../../../cards/order-card';
import { myOrdersMessage } from '../../../cards/my-orders-message';
import { cancelOrder } from '../../app/cancel-order';
import { draftOrder, startDraftFromCatalogue } from '../../app/draft-order';
import { myOrders } from '../../app/my-orders';
import { showCatalogue } from '../../app/show-catalogue';
import { submitOrder } from '../../app/submit-order';
import type { OrderDraft } from '../../app/ports';
import { ORDER_FIELDS, ORDER_NUMBER, type OrderField } from '../../domain/orders/order';
import type { MessageKey } from '../../i18n';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';

const cardValue = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const sendOrderDataSchema = z
  .object({ draftId: z.string().min(1).max(100) })
  .extend(
    Object.fromEntries(ORDER_FIELDS.map((f) => [f, cardValue])) as Record<
      (typeof ORDER_FIELDS)[number],
      typeof cardValue
    >,
  );

const startOrderDataSchema = z.object({ taskType: z.string().min(1).max(50) });

/** Ordering by chat (issue: free text → checked order): drafts, the order card, my orders, cancel. */
export function registerOrderingRoutes(app: Application<TurnState>, turns: Turns) {
  const s = turns.services;

  const commands: Pick<CommandHandlers, 'catalogue' | 'my_orders' | 'cancel_order'> = {
    catalogue: async (ctx, actor) => {
      const outcome = await showCatalogue(s, actor.who);
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason)));
      await turns.sayCard(ctx, catalogueCard(outcome.tariff, actor.lang, actor.t));
    },
    my_orders: async (ctx, actor) => {
      await turns.say(ctx, myOrdersMessage(await myOrders(s, actor.who), actor.lang, actor.t));
    },
    cancel_order: async (ctx, actor, args) => {
      const match = ORDER_NUMBER.exec(args);
      if (!match) return void (await turns.say(ctx, actor.t('cancel_usage')));
      const orderId = match[0].toUpperCase();
      const result = await cancelOrder(s, actor.who, orderId);
      await turns.say(
        ctx,
        result.type === 'cancelled'
          ? actor.t('cancel_done', { orderId })
          : actor.t(result.reason, { orderId }),
      );
    },
  };

  async function sendOrder(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = sendOrderDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { draftId, ...form } = data.data;
    const outcome = await submitOrder(s, actor.who, form, draftId);
    switch (outcome.type) {
      case 'refused':
        return actor.t(outcome.reason);
      case 'created':
        return orderSentCard(outcome.order, actor.lang, actor.t);
      case 'already_sent':
        return outcome.order
          ? orderSentCard(outcome.order, actor.lang, actor.t)
          : actor.t('order_already_sent', { orderId: outcome.orderId });
      case 'rate_limited':
        return actor.t('rate_limited_orders', { limit: outcome.limit });
      case 'invalid': {
        // Never show an identity code back, not even to the person who typed it. The estimate follows the corrected card.
        const estimate = { tariff: await s.tariffs.current(), lang: actor.lang };
        return orderCard(
          {
            draftId,
            fields: withoutIdentityCodes(form, outcome.errors),
            errors: outcome.errors,
            units: outcome.units,
            note: actor.t('form_has_errors'),
            estimate,
          },
          actor.t,
        );
      }
    }
  }

  app.adaptiveCards.actionExecute(Verb.sendOrder, (ctx, _state, data) => sendOrder(ctx, data));
  app.adaptiveCards.actionSubmit(Verb.sendOrder, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await sendOrder(ctx, data)),
  );

  /** A catalogue button: a new order card, pre-filled with the task type and its usual length. */
  async function startOrder(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = startOrderDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const started = await startDraftFromCatalogue(s, actor.who, data.data.taskType, actor.lang);
    if (started.type === 'refused') return actor.t(started.reason);
    if (started.type === 'unknown_task_type') return actor.t('card_stale');
    await turns.sayCard(
      ctx,
      await draftCard(actor, started.draft, started.missing, [actor.t('catalogue_started')]),
    );
    return catalogueCard(await s.tariffs.current(), actor.lang, actor.t);
  }

  app.adaptiveCards.actionExecute(CatalogueVerb.startOrder, (ctx, _state, data) =>
    startOrder(ctx, data),
  );
  app.adaptiveCards.actionSubmit(CatalogueVerb.startOrder, async (ctx, _state, data) => {
    const answer = await startOrder(ctx, data);
    if (typeof answer === 'string') await turns.say(ctx, answer);
  });

  /** The order card for a draft: the orderer's unit asked when unknown, what is missing, the estimate. */
  async function draftCard(
    actor: Actor,
    draft: OrderDraft,
    missing: readonly OrderField[],
    notes: string[],
  ): Promise<AdaptiveCard> {
    const knownUnit = actor.profile.staff?.unitId ?? actor.person.chosenUnitId;
    const units = knownUnit
      ? undefined
      : (await s.registers.listUnits()).map((u) => ({ id: u.unitId, name: u.name }));
    const missingNames = [...missing, ...(units ? (['unitId'] as const) : [])].map((f) =>
      actor.t(`label_${f}` as MessageKey).toLowerCase(),
    );
    notes.push(
      missingNames.length
        ? actor.t('missing_line', { fields: missingNames.join(', ') })
        : actor.t('all_found'),
    );
    const estimate = { tariff: await s.tariffs.current(), lang: actor.lang };
    return orderCard(
      {
        draftId: draft.draftId,
        fields: draft.fields,
        errors: {},
        units,
        note: notes.join(' '),
        estimate,
      },
      actor.t,
    );
  }

  /** A message that is no command: an order, or a missing piece of the order being written. */
  async function handleFreeText(ctx: TurnContext, actor: Actor, text: string): Promise<boolean> {
    const outcome = await draftOrder(s, actor.who, text);
    if (outcome.type === 'not_an_order') return false;
    if (outcome.type === 'identity_code_refused') {
      await turns.say(ctx, actor.t('identity_code_refused_chat'));
      return true;
    }
    const notes: string[] = [];
    if (outcome.dateProblem === 'date_in_past') notes.push(actor.t('date_in_past_chat'));
    if (outcome.dateProblem === 'date_impossible') notes.push(actor.t('date_impossible_chat'));
    await turns.sayCard(ctx, await draftCard(actor, outcome.draft, outcome.missing, notes));
    return true;
  }

  return { handleFreeText, commands };
}

function withoutIdentityCodes<F extends Record<string, string | undefined>>(
  form: F,
  errors: Partial<Record<keyof F, string>>,
): F {
  return Object.fromEntries(
    Object.entries(form).map(([k, v]) => [
      k,
      errors[k as keyof F] === 'identity_code_refused' ? undefined : v,
    ]),
  ) as F;
}
