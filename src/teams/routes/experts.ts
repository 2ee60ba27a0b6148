import { myTasksCard, profileMessage } from '../../../cards/expert-messages';
import { myDataCard } from '../../../cards/my-data-card';
import { myData } from '../../app/my-data';
import { formatDate } from '../../../cards/format';
import { myExpertLoad, myExpertRow, pauseExpert } from '../../app/pause-expert';
import type { CommandHandlers } from '../commands';
import type { Turns } from '../turn';

/** The expert's own commands: pause, profile, my data, my tasks. */
export function expertCommands(
  turns: Turns,
): Pick<CommandHandlers, 'end_pause' | 'pause' | 'profile' | 'my_data' | 'my_tasks'> {
  const s = turns.services;

  return {
    end_pause: async (ctx, actor) => {
      const outcome = await pauseExpert(s, actor.who, undefined, actor.lang);
      await turns.say(ctx, actor.t(outcome.type === 'refused' ? outcome.reason : 'pause_cleared'));
    },
    pause: async (ctx, actor, args) => {
      const outcome = await pauseExpert(s, actor.who, args, actor.lang);
      if (outcome.type === 'paused')
        return void (await turns.say(
          ctx,
          actor.t('pause_set', { date: formatDate(outcome.until, actor.lang) }),
        ));
      await turns.say(ctx, actor.t(outcome.type === 'refused' ? outcome.reason : 'pause_cleared'));
    },
    profile: async (ctx, actor) => {
      const self = myExpertRow(actor.who);
      await turns.say(
        ctx,
        self.type === 'refused'
          ? actor.t(self.reason)
          : profileMessage(self.expert, actor.lang, actor.t),
      );
    },
    // Everything held on them, as a card (SPEC §3); a person not in the expert register gets the short answer.
    my_data: async (ctx, actor) => {
      const self = myExpertRow(actor.who);
      if (self.type === 'refused') return void (await turns.say(ctx, actor.t(self.reason)));
      await turns.sayCard(ctx, myDataCard(await myData(s, self.expert.email), actor.lang, actor.t));
    },
    my_tasks: async (ctx, actor) => {
      const self = await myExpertLoad(s, actor.who);
      if (self.type === 'refused') return void (await turns.say(ctx, actor.t(self.reason)));
      const shown = myTasksCard(self.load.assignments, self.today, actor.lang, actor.t);
      await (typeof shown === 'string' ? turns.say(ctx, shown) : turns.sayCard(ctx, shown));
    },
  };
}
