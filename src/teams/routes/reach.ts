import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { AdaptiveCard } from '../../../cards/elements';
import { installAllCard, InstallAllVerb, reachCard } from '../../../cards/reach-card';
import { currentInstallJob, isRunning, startInstallAll } from '../../app/install-all';
import { reachReport } from '../../app/reach-report';
import type { CommandHandler } from '../commands';
import type { Actor, Turns } from '../turn';

/**
 * `/reach` (`/tavoitettavuus`): who cannot be reached in Teams and why, with Install for all
 * (SPEC §3, §12).
 */
export function registerReachRoutes(
  app: Application<TurnState>,
  turns: Turns,
): { reach: CommandHandler } {
  const s = turns.services;
  const isCoordinator = (a: Actor) => a.profile.roles.includes('coordinator');

  async function installAll(ctx: TurnContext): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const outcome = await startInstallAll(
      s,
      { isCoordinator: isCoordinator(actor), aadObjectId: actor.person.aadObjectId },
      ctx.activity.replyToId,
    );
    switch (outcome.type) {
      case 'not_allowed':
        return actor.t('command_not_allowed');
      case 'off':
        return actor.t('install_all_off');
      case 'running': {
        const { job } = outcome;
        const done = job.installed + job.notFound + job.refused + job.failed;
        return installAllCard(
          { job, unreached: [] },
          actor.lang,
          actor.t,
          actor.t('install_all_already_running', { done, total: job.total ?? 0 }),
        );
      }
      case 'started':
        return installAllCard({ job: outcome.job, unreached: [] }, actor.lang, actor.t);
    }
  }
  app.adaptiveCards.actionExecute(InstallAllVerb, (ctx) => installAll(ctx));
  app.adaptiveCards.actionSubmit(InstallAllVerb, async (ctx) =>
    turns.replaceSubmittedCard(ctx, await installAll(ctx)),
  );

  return {
    reach: async (ctx, actor) => {
      const outcome = await reachReport(s, { isCoordinator: isCoordinator(actor) });
      if (outcome.type === 'not_allowed')
        return void (await turns.say(ctx, actor.t('command_not_allowed')));
      const job = await currentInstallJob(s);
      await turns.sayCard(
        ctx,
        reachCard(
          {
            people: outcome.people,
            job,
            running: job !== undefined && isRunning(job, s.clock.now()),
            canInstall: s.reach !== undefined,
          },
          actor.lang,
          actor.t,
        ),
      );
    },
  };
}
