import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import {
  ApproveShortlistVerb,
  AssignVerb,
  coordinatorReviewCard,
  coordinatorUnfilledCard,
} from '../../../cards/coordinator-unfilled-card';
import type { AdaptiveCard } from '../../../cards/elements';
import { offerCard, OfferVerb } from '../../../cards/offer-card';
import { answerOfferCard } from '../../app/answer-offer-card';
import { answerAssignment } from '../../app/withdraw-assignment';
import { myExpertLoad } from '../../app/pause-expert';
import { myTasksCard } from '../../../cards/expert-messages';
import { approveShortlist } from '../../app/approve-shortlist';
import { assignExpert } from '../../app/assign-expert';
import { argumentIs, EMAIL_IN_TEXT } from '../../domain/commands/command-table';
import { ORDER_NUMBER } from '../../domain/orders/order';
import { setReviewShortlists } from '../../app/review-shortlists';
import type { Order } from '../../domain/orders/order';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';
import { plain } from '../../../cards/plain-text';

const offerDataSchema = z.object({ orderId: z.string().regex(ORDER_NUMBER) });
const assignmentDataSchema = z.object({
  orderId: z.string().regex(ORDER_NUMBER),
  reason: z.string().max(2000).optional(),
  from: z.literal('tasks').optional(),
});
const assignDataSchema = z.object({
  orderId: z.string().regex(ORDER_NUMBER),
  email: z.string().email(),
});

/** Offers (issue: matching and one-click acceptance): Accept, Decline, and a coordinator's Assign. */
export function registerOfferRoutes(
  app: Application<TurnState>,
  turns: Turns,
): Pick<CommandHandlers, 'review' | 'assign'> {
  const s = turns.services;

  async function answer(
    ctx: TurnContext,
    raw: unknown,
    kind: 'accept' | 'decline',
  ): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = offerDataSchema.safeParse(raw);
    if (!data.success) return actor.t('offer_not_found');
    const outcome = await answerOfferCard(s, actor.who, data.data.orderId.toUpperCase(), kind);
    if (outcome.type === 'refused') return actor.t(outcome.reason);
    return offerCard(
      outcome.view,
      actor.lang,
      actor.t,
      outcome.refusal ? actor.t(outcome.refusal) : undefined,
    );
  }

  /** Can't make it or Still fine, on the task's card or a row of my tasks; answered with that card. */
  async function answerAssignmentCard(
    ctx: TurnContext,
    raw: unknown,
    kind: 'withdraw' | 'still_fine',
  ): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = assignmentDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const orderId = data.data.orderId.toUpperCase();
    const outcome = await answerAssignment(
      s,
      actor.who,
      orderId,
      kind === 'withdraw' ? { type: 'withdraw', reason: data.data.reason } : { type: kind },
    );
    const notice =
      outcome.type === 'refused'
        ? actor.t(outcome.reason)
        : outcome.refusal
          ? actor.t(outcome.refusal)
          : undefined;
    if (data.data.from === 'tasks') {
      const self = await myExpertLoad(s, actor.who);
      if (self.type === 'refused') return actor.t(self.reason);
      // The load row goes in the outbox a moment later: the card leaves the task out already.
      const left = notice
        ? self.load.assignments
        : self.load.assignments.filter((a) => a.orderId !== orderId);
      return myTasksCard(
        left,
        self.today,
        actor.lang,
        actor.t,
        notice ?? actor.t('withdraw_done', { orderId }),
      );
    }
    if (outcome.type === 'refused') return actor.t(outcome.reason);
    return offerCard(outcome.view, actor.lang, actor.t, notice);
  }

  app.adaptiveCards.actionExecute(OfferVerb.withdraw, (ctx, _state, data) =>
    answerAssignmentCard(ctx, data, 'withdraw'),
  );
  app.adaptiveCards.actionExecute(OfferVerb.stillFine, (ctx, _state, data) =>
    answerAssignmentCard(ctx, data, 'still_fine'),
  );
  app.adaptiveCards.actionSubmit(OfferVerb.withdraw, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await answerAssignmentCard(ctx, data, 'withdraw')),
  );
  app.adaptiveCards.actionSubmit(OfferVerb.stillFine, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await answerAssignmentCard(ctx, data, 'still_fine')),
  );

  /** The coordinator's answer to an assignment, and the order to draw their card again (if any). */
  async function assign(
    actor: Actor,
    orderId: string | undefined,
    email: string | undefined,
  ): Promise<{ notice: string; order?: Order }> {
    const outcome = await assignExpert(s, actor.who, orderId, email);
    if (outcome.type === 'refused')
      return {
        notice: actor.t(
          outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason,
        ),
        order: outcome.order,
      };
    return {
      notice: actor.t('assigned_by_coordinator', {
        name: plain(outcome.expertName),
        orderId: outcome.order.orderId,
      }),
      order: outcome.order,
    };
  }

  app.adaptiveCards.actionExecute(OfferVerb.accept, (ctx, _state, data) =>
    answer(ctx, data, 'accept'),
  );
  app.adaptiveCards.actionExecute(OfferVerb.decline, (ctx, _state, data) =>
    answer(ctx, data, 'decline'),
  );
  app.adaptiveCards.actionSubmit(OfferVerb.accept, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await answer(ctx, data, 'accept')),
  );
  app.adaptiveCards.actionSubmit(OfferVerb.decline, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await answer(ctx, data, 'decline')),
  );

  async function assignFromCard(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = assignDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { notice, order } = await assign(actor, data.data.orderId.toUpperCase(), data.data.email);
    return order ? coordinatorUnfilledCard(order, [], actor.lang, actor.t, notice) : notice;
  }

  app.adaptiveCards.actionExecute(AssignVerb, (ctx, _state, data) => assignFromCard(ctx, data));
  app.adaptiveCards.actionSubmit(AssignVerb, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await assignFromCard(ctx, data)),
  );

  async function approveFromCard(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = offerDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const outcome = await approveShortlist(s, actor.who, data.data.orderId.toUpperCase());
    if (outcome.type === 'refused') return actor.t(outcome.reason);
    return coordinatorReviewCard(outcome.order, [], actor.lang, actor.t, actor.t('shortlist_sent'));
  }

  app.adaptiveCards.actionExecute(ApproveShortlistVerb, (ctx, _state, data) =>
    approveFromCard(ctx, data),
  );
  app.adaptiveCards.actionSubmit(ApproveShortlistVerb, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await approveFromCard(ctx, data)),
  );

  return {
    review: async (ctx, actor, args) => {
      const on = argumentIs(args, 'toggle_on')
        ? true
        : argumentIs(args, 'toggle_off')
          ? false
          : undefined;
      const outcome = await setReviewShortlists(s, actor.who, on);
      await turns.say(
        ctx,
        actor.t(
          outcome.type === 'refused' ? outcome.reason : outcome.on ? 'review_on' : 'review_off',
        ),
      );
    },
    assign: async (ctx, actor, args) => {
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      const email = EMAIL_IN_TEXT.exec(args)?.[0];
      await turns.say(ctx, (await assign(actor, orderId, email)).notice);
    },
  };
}
