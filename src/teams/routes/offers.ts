import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import { ApproveShortlistVerb, AssignVerb, coordinatorReviewCard, coordinatorUnfilledCard } from '../../../cards/coordinator-unfilled-card';
import type { AdaptiveCard } from '../../../cards/elements';
import { offerCard, OfferVerb } from '../../../cards/offer-card';
import { answerOffer } from '../../app/answer-offer';
import { approveShortlist } from '../../app/approve-shortlist';
import { assignExpert } from '../../app/assign-expert';
import { argumentIs, EMAIL_IN_TEXT } from '../../domain/commands/command-table';
import { ORDER_NUMBER } from '../../domain/orders/order';
import { offerViewOf } from '../../app/offer-view';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';
import { plain } from '../../../cards/plain-text';

const offerDataSchema = z.object({ orderId: z.string().regex(ORDER_NUMBER) });
const assignDataSchema = z.object({ orderId: z.string().regex(ORDER_NUMBER), email: z.string().email() });

/** Offers (issue: matching and one-click acceptance): Accept, Decline, and a coordinator's Assign. */
export function registerOfferRoutes(app: Application<TurnState>, turns: Turns): Pick<CommandHandlers, 'review' | 'assign'> {
  const s = turns.services;

  async function answer(ctx: TurnContext, raw: unknown, kind: 'accept' | 'decline'): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = offerDataSchema.safeParse(raw);
    const expert = actor.profile.expert;
    if (!data.success || !expert) return actor.t('offer_not_found');
    const outcome = await answerOffer(s, data.data.orderId.toUpperCase(), expert.email, kind);
    if (!outcome.order || !outcome.offer) return actor.t(outcome.type === 'refused' ? outcome.reason : 'offer_not_found');
    const notice = outcome.type === 'refused' ? actor.t(outcome.reason) : undefined;
    return offerCard(await offerViewOf(s, outcome.order, outcome.offer), actor.lang, actor.t, notice);
  }

  async function assign(actor: Actor, orderId: string, email: string): Promise<string> {
    if (!actor.profile.roles.includes('coordinator')) return actor.t('command_not_allowed');
    const outcome = await assignExpert(s, orderId, email.toLowerCase(), actor.person.email);
    if (outcome.type === 'refused') return actor.t(outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason);
    const name = outcome.order.assigned.find((a) => a.email === email.toLowerCase())?.name ?? email;
    return actor.t('assigned_by_coordinator', { name: plain(name), orderId });
  }

  app.adaptiveCards.actionExecute(OfferVerb.accept, (ctx, _state, data) => answer(ctx, data, 'accept'));
  app.adaptiveCards.actionExecute(OfferVerb.decline, (ctx, _state, data) => answer(ctx, data, 'decline'));
  app.adaptiveCards.actionSubmit(OfferVerb.accept, async (ctx, _state, data) => turns.replaceSubmittedCard(ctx, await answer(ctx, data, 'accept')));
  app.adaptiveCards.actionSubmit(OfferVerb.decline, async (ctx, _state, data) => turns.replaceSubmittedCard(ctx, await answer(ctx, data, 'decline')));

  async function assignFromCard(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = assignDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const notice = await assign(actor, data.data.orderId.toUpperCase(), data.data.email);
    const order = (await s.orders.get(data.data.orderId))?.value;
    return order && actor.profile.roles.includes('coordinator') ? coordinatorUnfilledCard(order, [], actor.lang, actor.t, notice) : notice;
  }

  app.adaptiveCards.actionExecute(AssignVerb, (ctx, _state, data) => assignFromCard(ctx, data));
  app.adaptiveCards.actionSubmit(AssignVerb, async (ctx, _state, data) => turns.replaceSubmittedCard(ctx, await assignFromCard(ctx, data)));

  async function approveFromCard(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = offerDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    if (!actor.profile.roles.includes('coordinator')) return actor.t('command_not_allowed');
    const outcome = await approveShortlist(s, data.data.orderId.toUpperCase());
    if (outcome.type === 'refused') return actor.t(outcome.reason);
    return coordinatorReviewCard(outcome.order, [], actor.lang, actor.t, actor.t('shortlist_sent'));
  }

  app.adaptiveCards.actionExecute(ApproveShortlistVerb, (ctx, _state, data) => approveFromCard(ctx, data));
  app.adaptiveCards.actionSubmit(ApproveShortlistVerb, async (ctx, _state, data) => turns.replaceSubmittedCard(ctx, await approveFromCard(ctx, data)));

  return {
    review: async (ctx, actor, args) => {
      if (!actor.profile.roles.includes('coordinator')) return void (await turns.say(ctx, actor.t('command_not_allowed')));
      const on = argumentIs(args, 'toggle_on');
      if (!on && !argumentIs(args, 'toggle_off')) return void (await turns.say(ctx, actor.t('review_usage')));
      await s.settings.set({ ...(await s.settings.get()), reviewShortlists: on });
      await turns.say(ctx, actor.t(on ? 'review_on' : 'review_off'));
    },
    assign: async (ctx, actor, args) => {
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      const email = EMAIL_IN_TEXT.exec(args)?.[0];
      if (!actor.profile.roles.includes('coordinator')) return void (await turns.say(ctx, actor.t('command_not_allowed')));
      if (!orderId || !email) return void (await turns.say(ctx, actor.t('assign_usage')));
      await turns.say(ctx, await assign(actor, orderId, email));
    },
  };
}
