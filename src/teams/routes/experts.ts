import { myTasksMessage, profileMessage } from '../../../cards/expert-messages';
import { myDataCard } from '../../../cards/my-data-card';
import { myData } from '../../app/my-data';
import { formatDate } from '../../../cards/format';
import { pauseExpert } from '../../app/pause-expert';
import { parseDate } from '../../domain/orders/parse-date';
import { fold } from '../../domain/orders/text';
import { helsinkiDate } from '../../domain/shared/helsinki';
import type { Expert } from '../../domain/registers/types';
import type { CommandHandler, CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';

/** The expert's own commands: pause, profile, my data, my tasks. */
export function expertCommands(turns: Turns): Pick<CommandHandlers, 'end_pause' | 'pause' | 'profile' | 'my_data' | 'my_tasks'> {
  const s = turns.services;

  function asExpert(handler: (actor: Actor, expert: Expert, args: string) => Promise<string>): CommandHandler {
    return async (ctx, actor, args) => {
      const expert = actor.profile.expert;
      await turns.say(ctx, expert ? await handler(actor, expert, args) : actor.t('only_experts'));
    };
  }

  return {
    end_pause: asExpert(async (actor, expert) => {
      await pauseExpert(s, expert.email, undefined);
      return actor.t('pause_cleared');
    }),
    pause: asExpert(async (actor, expert, args) => {
      const reading = parseDate(fold(args), s.clock.now(), actor.lang);
      if (reading.dateProblem === 'date_in_past') return actor.t('pause_date_past');
      if (!reading.date) return actor.t('pause_usage');
      await pauseExpert(s, expert.email, reading.date);
      return actor.t('pause_set', { date: formatDate(reading.date, actor.lang) });
    }),
    profile: asExpert(async (actor, expert) => profileMessage(expert, actor.lang, actor.t)),
    // Everything held on them, as a card (SPEC §3); a person not in the expert register gets the short answer.
    my_data: async (ctx, actor) => {
      if (!actor.profile.expert) return void (await turns.say(ctx, actor.t('only_experts')));
      await turns.sayCard(ctx, myDataCard(await myData(s, actor.person.email), actor.lang, actor.t));
    },
    my_tasks: asExpert(async (actor, expert) =>
      myTasksMessage((await s.loads.get(expert.email)).assignments, helsinkiDate(s.clock.now()), actor.lang, actor.t),
    ),
  };
}
