import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { myDataMessage, myTasksMessage, profileMessage } from '../../../cards/expert-messages';
import { formatDate } from '../../../cards/format';
import { pauseExpert } from '../../app/pause-expert';
import { parseDate } from '../../domain/orders/parse-date';
import { fold } from '../../domain/orders/text';
import { helsinkiDate } from '../../domain/shared/helsinki';
import type { Actor, Turns } from '../turn';

const PAUSE = /^\s*\/?(tauko|paussi|paus|pause)\b(.*)$/is;
const END_PAUSE = /^\s*\/?((tauko|paus|pause)\s+(pois|loppuu|ohi|slut|off|end)|end pause|lopeta tauko|avsluta paus)\s*[.!]*\s*$/i;
const PROFILE = /^\s*\/?(profiili|profil|profile)\s*[.!?]*\s*$/i;
const MY_DATA = /^\s*\/?(omat tiedot|tietoni|mina uppgifter|my data)\s*[.!?]*\s*$/i;
const MY_TASKS = /^\s*\/?(omat tehtävät|omat tehtavat|tehtäväni|mina uppdrag|my tasks)\s*[.!?]*\s*$/i;

/** The expert's own commands: pause, profile, my data, my tasks. */
export function registerExpertRoutes(app: Application<TurnState>, turns: Turns) {
  const s = turns.services;

  function asExpert(handler: (ctx: TurnContext, actor: Actor, email: string) => Promise<string>) {
    return async (ctx: TurnContext) => {
      const actor = await turns.actorOf(ctx);
      const expert = actor.profile.expert;
      await turns.say(ctx, expert ? await handler(ctx, actor, expert.email) : actor.t('only_experts'));
    };
  }

  app.message(END_PAUSE, asExpert(async (_ctx, actor, email) => {
    await pauseExpert(s, email, undefined);
    return actor.t('pause_cleared');
  }));

  app.message(PAUSE, asExpert(async (ctx, actor, email) => {
    const rest = PAUSE.exec(ctx.activity.text ?? '')?.[2] ?? '';
    const reading = parseDate(fold(rest), s.clock.now(), actor.lang);
    if (reading.dateProblem === 'date_in_past') return actor.t('pause_date_past');
    if (!reading.date) return actor.t('pause_usage');
    await pauseExpert(s, email, reading.date);
    return actor.t('pause_set', { date: formatDate(reading.date, actor.lang) });
  }));

  app.message(PROFILE, asExpert(async (_ctx, actor) => profileMessage(actor.profile.expert!, actor.lang, actor.t)));

  app.message(MY_DATA, asExpert(async (_ctx, actor, email) => myDataMessage(actor.profile.expert!, await s.loads.get(email), actor.lang, actor.t)));

  app.message(MY_TASKS, asExpert(async (_ctx, actor, email) => myTasksMessage((await s.loads.get(email)).assignments, helsinkiDate(s.clock.now()), actor.lang, actor.t)));
}
