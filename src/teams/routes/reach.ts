import { plain } from '../../../cards/plain-text';
import { REACH_LIST_MAX, reachReport } from '../../app/reach-report';
import type { CommandHandler } from '../commands';
import type { Turns } from '../turn';

/** `/reach` (`/tavoitettavuus`): who cannot be reached in Teams and why (SPEC §3, §12). */
export function reachCommands(turns: Turns): { reach: CommandHandler } {
  return {
    reach: async (ctx, actor) => {
      const outcome = await reachReport(turns.services, {
        isCoordinator: actor.profile.roles.includes('coordinator'),
      });
      if (outcome.type === 'not_allowed')
        return void (await turns.say(ctx, actor.t('command_not_allowed')));
      const { people } = outcome;
      if (people.length === 0) return void (await turns.say(ctx, actor.t('reach_all')));
      const lines = people
        .slice(0, REACH_LIST_MAX)
        .map(
          (p) =>
            `- ${actor.t('reach_line', { name: plain(p.name), email: p.email, reason: actor.t(`reach_${p.reason}`) })}`,
        );
      if (people.length > REACH_LIST_MAX)
        lines.push(actor.t('reach_more', { count: people.length - REACH_LIST_MAX }));
      await turns.say(ctx, [actor.t('reach_title', { count: people.length }), ...lines].join('\n'));
    },
  };
}
