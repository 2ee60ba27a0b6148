import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import { orderCard, orderSentCard, Verb } from '../../../cards/order-card';
import { myOrdersMessage } from '../../../cards/my-orders-message';
import { cancelOrder } from '../../app/cancel-order';
import { draftOrder } from '../../app/draft-order';
import { myOrders } from '../../app/my-orders';
import { submitOrder } from '../../app/submit-order';
import { ORDER_FIELDS, ORDER_NUMBER } from '../../domain/orders/order';
import type { MessageKey } from '../../i18n';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';

const cardValue = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const sendOrderDataSchema = z
  .object({ draftId: z.string().min(1).max(100) })
  .extend(Object.fromEntries(ORDER_FIELDS.map((f) => [f, cardValue])) as Record<(typeof ORDER_FIELDS)[number], typeof cardValue>);

/** Ordering by chat (issue: free text → checked order): drafts, the order card, my orders, cancel. */
export function registerOrderingRoutes(app: Application<TurnState>, turns: Turns) {
  const s = turns.services;

  const commands: Pick<CommandHandlers, 'my_orders' | 'cancel_order'> = {
    my_orders: async (ctx, actor) => {
      await turns.say(ctx, myOrdersMessage(await myOrders(s, actor.who), actor.lang, actor.t));
    },
    cancel_order: async (ctx, actor, args) => {
      const match = ORDER_NUMBER.exec(args);
      if (!match) return void (await turns.say(ctx, actor.t('cancel_usage')));
      const orderId = match[0].toUpperCase();
      const result = await cancelOrder(s, actor.who, orderId);
      await turns.say(ctx, result.type === 'cancelled' ? actor.t('cancel_done', { orderId }) : actor.t(result.reason, { orderId }));
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
        return outcome.order ? orderSentCard(outcome.order, actor.lang, actor.t) : actor.t('order_already_sent', { orderId: outcome.orderId });
      case 'rate_limited':
        return actor.t('rate_limited_orders', { limit: outcome.limit });
      case 'invalid':
        // Never show an identity code back, not even to the person who typed it.
        return orderCard({ draftId, fields: withoutIdentityCodes(form, outcome.errors), errors: outcome.errors, units: outcome.units, note: actor.t('form_has_errors') }, actor.t);
    }
  }

  app.adaptiveCards.actionExecute(Verb.sendOrder, (ctx, _state, data) => sendOrder(ctx, data));
  app.adaptiveCards.actionSubmit(Verb.sendOrder, async (ctx, _state, data) => turns.replaceSubmittedCard(ctx, await sendOrder(ctx, data)));

  /** A message that is no command: an order, or a missing piece of the order being written. */
  async function handleFreeText(ctx: TurnContext, actor: Actor, text: string): Promise<boolean> {
    const outcome = await draftOrder(s, actor.who, text);
    if (outcome.type === 'not_an_order') return false;
    if (outcome.type === 'identity_code_refused') {
      await turns.say(ctx, actor.t('identity_code_refused_chat'));
      return true;
    }
    const { draft, missing, units } = outcome;
    const notes: string[] = [];
    if (outcome.dateProblem === 'date_in_past') notes.push(actor.t('date_in_past_chat'));
    if (outcome.dateProblem === 'date_impossible') notes.push(actor.t('date_impossible_chat'));
    const missingNames = [...missing, ...(units ? (['unitId'] as const) : [])].map((f) => actor.t(`label_${f}` as MessageKey).toLowerCase());
    notes.push(missingNames.length ? actor.t('missing_line', { fields: missingNames.join(', ') }) : actor.t('all_found'));
    await turns.sayCard(ctx, orderCard({ draftId: draft.draftId, fields: draft.fields, errors: {}, units, note: notes.join(' ') }, actor.t));
    return true;
  }

  return { handleFreeText, commands };
}

function withoutIdentityCodes<F extends Record<string, string | undefined>>(form: F, errors: Partial<Record<keyof F, string>>): F {
  return Object.fromEntries(Object.entries(form).map(([k, v]) => [k, errors[k as keyof F] === 'identity_code_refused' ? undefined : v])) as F;
}
