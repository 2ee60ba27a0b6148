import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  FORGET_VERB,
  forgetConfirmCard,
  forgetDoneCard,
  forgetOpenText,
} from '../../../cards/forget-card';
import type { AdaptiveCard } from '../../../cards/elements';
import { confirmForget, type ForgetOutcome, previewForget } from '../../app/forget-person';
import type { CommandHandler } from '../commands';
import type { Actor, Turns } from '../turn';

const confirmSchema = z.object({ email: z.string().min(3).max(320) });

/** `/forget <email>` (`/unohda`, `/glöm`) and its **Erase data** button (SPEC §13). */
export function registerForgetRoutes(
  app: Application<TurnState>,
  turns: Turns,
): { forget: CommandHandler } {
  const s = turns.services;
  const render = (a: Actor, o: ForgetOutcome): AdaptiveCard | string => {
    switch (o.type) {
      case 'refused':
        return a.t(o.reason);
      case 'not_found':
        return a.t('forget_not_found', { email: o.email });
      case 'in_progress':
        return a.t('forget_in_progress', { email: o.email });
      case 'open':
        return forgetOpenText(o.email, o.open, a.t);
      case 'preview':
        return forgetConfirmCard(o.email, o.held, a.t);
      case 'erased':
        return forgetDoneCard(o.pseudonym, a.t);
    }
  };
  const confirm = async (ctx: TurnContext, raw: unknown) => {
    const actor = await turns.actorOf(ctx);
    const data = confirmSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    return render(actor, await confirmForget(s, actor.who, data.data.email));
  };
  app.adaptiveCards.actionExecute(FORGET_VERB, (ctx, _state, raw) => confirm(ctx, raw));
  app.adaptiveCards.actionSubmit(FORGET_VERB, async (ctx, _state, raw) =>
    turns.replaceSubmittedCard(ctx, await confirm(ctx, raw)),
  );
  return {
    forget: async (ctx, actor, args) => {
      const shown = render(actor, await previewForget(s, actor.who, args));
      if (typeof shown === 'string') await turns.say(ctx, shown);
      else await turns.sayCard(ctx, shown);
    },
  };
}
