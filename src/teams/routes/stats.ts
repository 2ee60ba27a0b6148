import { periodLabel, statsCard } from '../../../cards/stats-card';
import { argumentIs } from '../../domain/commands/command-table';
import { showStats } from '../../app/stats';
import { requestStatsExport, type StatsExportKind } from '../../app/stats-exports';
import type { CommandHandler } from '../commands';
import type { Actor, Turns } from '../turn';
import type { TurnContext } from 'botbuilder';

/**
 * `/stats [period]` (`/tilastot`, `/statistik`) and `/export orders|feedback [period]` (SPEC §6).
 * The use cases decide who may see what; the handlers only parse and render.
 */
export function statsCommands(turns: Turns): {
  stats: CommandHandler;
  /** Handles `/export orders|feedback …` and an unknown kind; false leaves `/export fees` to the fees. */
  exportStats: (ctx: TurnContext, actor: Actor, args: string) => Promise<boolean>;
} {
  const s = turns.services;
  return {
    stats: async (ctx, actor, args) => {
      const outcome = await showStats(s, actor.who, args);
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason)));
      if (outcome.type === 'period_invalid')
        return void (await turns.say(ctx, actor.t('stats_usage')));
      await turns.sayCard(ctx, statsCard(outcome.view, actor.lang, actor.t));
    },

    exportStats: async (ctx, actor, args) => {
      const [what = '', ...period] = args.trim().split(/\s+/);
      if (argumentIs(what, 'export_fees')) return false;
      const kind: StatsExportKind | undefined = argumentIs(what, 'export_orders')
        ? 'orders'
        : argumentIs(what, 'export_feedback')
          ? 'feedback'
          : undefined;
      if (!kind) {
        await turns.say(ctx, actor.t('export_usage_kinds'));
        return true;
      }
      const outcome = await requestStatsExport(s, actor.who, kind, period.join(' '));
      if (outcome === 'command_not_allowed') await turns.say(ctx, actor.t(outcome));
      else if (outcome === 'period_invalid') await turns.say(ctx, actor.t('stats_usage'));
      else
        await turns.say(
          ctx,
          actor.t(kind === 'orders' ? 'export_orders_link' : 'export_feedback_link', {
            url: outcome.url,
            period: periodLabel(outcome.period, actor.t),
          }),
        );
      return true;
    },
  };
}
