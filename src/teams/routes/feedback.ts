import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import { feedbackCard, FeedbackVerb } from '../../../cards/feedback-card';
import { giveFeedback } from '../../app/give-feedback';
import { ORDER_NUMBER } from '../../domain/orders/order';
import type { Turns } from '../turn';

const feedbackDataSchema = z.object({
  orderId: z.string().regex(ORDER_NUMBER),
  rating: z.unknown().optional(),
  comment: z.unknown().optional(),
});

/** The feedback card's Send feedback (SPEC §6); who may answer is decided by the use case. */
export function registerFeedbackRoutes(app: Application<TurnState>, turns: Turns): void {
  const s = turns.services;

  async function send(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = feedbackDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { orderId, rating, comment } = data.data;
    const outcome = await giveFeedback(s, actor.person.email, orderId.toUpperCase(), {
      rating,
      comment,
    });
    if (outcome.type === 'given') return feedbackCard(outcome.view, actor.lang, actor.t);
    if (!outcome.view) return actor.t(outcome.reason);
    const typed = {
      rating: typeof rating === 'string' ? rating : undefined,
      comment: typeof comment === 'string' ? comment : undefined,
    };
    return feedbackCard(outcome.view, actor.lang, actor.t, actor.t(outcome.reason), typed);
  }

  app.adaptiveCards.actionExecute(FeedbackVerb, (ctx, _state, data) => send(ctx, data));
  app.adaptiveCards.actionSubmit(FeedbackVerb, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await send(ctx, data)),
  );
}
