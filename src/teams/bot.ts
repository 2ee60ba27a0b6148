import { ActivityTypes, TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { helpMessage, welcomeMessage } from '../../cards/help-message';
import { privacyNotice } from '../../cards/privacy-notice';
import { takeIntroduction } from '../app/introduce';
import { deliverWaiting } from '../app/reach';
import type { Services } from '../app/services';
import { languageOfLocale, translator } from '../i18n';
import { log } from '../log';
import { registerInboundGuard } from './inbound-guard';
import { correlationIdOf, inTurn } from '../telemetry';
import { Outbound } from './outbound';
import { parseCommand, suggestCommand } from '../domain/commands/command-table';
import type { CommandHandlers } from './commands';
import { expertCommands } from './routes/experts';
import { registerFeeRoutes } from './routes/fees';
import { registerFeedbackRoutes } from './routes/feedback';
import { registerOfferRoutes } from './routes/offers';
import { registerOrderingRoutes } from './routes/ordering';
import { registerOrdersConsoleRoutes } from './routes/orders-console';
import { registerRegisterRoutes } from './routes/register';
import { registerReachRoutes } from './routes/reach';
import { registerForgetRoutes } from './routes/forget';
import { registerSeriesOfferRoutes } from './routes/series-offers';
import { statsCommands } from './routes/stats';
import { Actor, isActivityType, Turns } from './turn';

/** Each turn runs in its own span, and every log line written during it carries a correlation id. */
class TracedApplication extends Application<TurnState> {
  override run(ctx: TurnContext): Promise<boolean> {
    return inTurn(ctx.activity, () => super.run(ctx));
  }
}

/** Builds the Teams application: routes activities to use cases and renders their results. */
export function createBot(
  adapter: TeamsAdapter,
  services: Services,
  outbound: Outbound,
): Application<TurnState> {
  const app = new TracedApplication({
    adapter,
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
  });
  const turns = new Turns(services, outbound);
  registerInboundGuard(app, turns);
  // The first message anyone gets also says what the service stores about them (SPEC §12).
  const welcomeText = (a: Actor) =>
    [
      welcomeMessage(a.profile.roles, a.person.email !== '', a.t),
      privacyNotice(a.t, services.privacyUrl, a.profile.roles.includes('expert')),
    ].join('\n\n');
  async function welcome(ctx: Parameters<Turns['actorOf']>[0], actor: Actor): Promise<void> {
    await turns.say(ctx, welcomeText(actor));
    await takeIntroduction(services, actor.person);
    // Installed through Graph (SPEC §12): what waited for this chat is sent now.
    if (services.reach && actor.person.email)
      await deliverWaiting(services, services.reach.store, actor.person.email);
  }

  async function welcomeIfNew(ctx: Parameters<Turns['actorOf']>[0]): Promise<Actor> {
    const actor = await turns.actorOf(ctx);
    if (actor.isNew) await welcome(ctx, actor);
    return actor;
  }

  app.conversationUpdate('membersAdded', async (ctx) => {
    const added = ctx.activity.membersAdded ?? [];
    if (!added.some((m) => m.id !== ctx.activity.recipient.id)) return;
    await welcomeIfNew(ctx);
  });

  app.activity(ActivityTypes.InstallationUpdate, async (ctx) => {
    if (ctx.activity.action?.startsWith('remove')) return;
    await welcomeIfNew(ctx);
  });

  const ordering = registerOrderingRoutes(app, turns);
  const fees = registerFeeRoutes(app, turns);
  const registers = registerRegisterRoutes(app, turns);
  registerFeedbackRoutes(app, turns);
  registerSeriesOfferRoutes(app, turns);
  const stats = statsCommands(turns);
  const commands: CommandHandlers = {
    help: async (ctx, actor) =>
      void (actor.isNew
        ? await welcome(ctx, actor)
        : await turns.say(ctx, helpMessage(actor.profile.roles, actor.t))),
    ...expertCommands(turns),
    ...fees,
    ...ordering.commands,
    ...registerOfferRoutes(app, turns),
    // After the offer routes: /assign goes through the hard rules and the Confirm card (SPEC §3).
    ...registerOrdersConsoleRoutes(app, turns),
    ...registers.commands,
    ...registerReachRoutes(app, turns),
    ...registerForgetRoutes(app, turns),
    stats: stats.stats,
    // `/export orders|feedback` is the figures'; `/export fees` the fees'.
    export: async (ctx, actor, args) =>
      void ((await stats.exportStats(ctx, actor, args)) || (await fees.export(ctx, actor, args))),
    // `/audit` of an e-mail or unit id is the register's log; of an order or claim, the fees'.
    audit: async (ctx, actor, args) =>
      void ((await registers.audit(ctx, actor, args)) || (await fees.audit(ctx, actor, args))),
  };

  // Stale or unknown buttons: answer on the card instead of letting Teams show an error.
  app.adaptiveCards.actionExecute(/.*/, (ctx) =>
    Promise.resolve(translator(languageOfLocale(ctx.activity.locale))('card_stale')),
  );

  // Every typed message comes here: a command from the one table, else an order, else help.
  app.activity(ActivityTypes.Message, async (ctx) => {
    const command = ctx.activity.text ? parseCommand(ctx.activity.text) : undefined;
    if (command) return commands[command.name](ctx, await turns.actorOf(ctx), command.args);
    const actor = await welcomeIfNew(ctx);
    const text = ctx.activity.text?.trim();
    // An Action.Submit whose verb no route knows: a stale card from an older version.
    if (!text && ctx.activity.value) return void (await turns.say(ctx, actor.t('card_stale')));
    if (!text) return void (await turns.say(ctx, actor.t('not_text')));
    const suggestion = suggestCommand(text, actor.lang);
    if (suggestion)
      return void (await turns.say(ctx, actor.t('did_you_mean', { command: suggestion })));
    if (await ordering.handleFreeText(ctx, actor, text)) return;
    if (actor.isNew) return; // the welcome already told them what they can do
    const onlyExpert = actor.profile.roles.length === 1 && actor.profile.roles[0] === 'expert';
    await turns.say(ctx, actor.t(onlyExpert ? 'unknown_text_expert' : 'unknown_text'));
  });

  app.error(async (ctx, err) => {
    log.error(
      {
        event: 'turn_failed',
        activityType: ctx.activity.type,
        correlationId: correlationIdOf(err),
        err,
      },
      'turn failed',
    );
    if (isActivityType(ctx.activity, ActivityTypes.Message)) {
      await ctx
        .sendActivity(translator(languageOfLocale(ctx.activity.locale))('error_generic'))
        .catch(() => undefined);
    }
  });

  return app;
}
