import { ActivityTypes, TeamsInfo, TurnContext } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { helpMessage, welcomeMessage } from '../../cards/help-message';
import { describePerson, PersonProfile } from '../app/describe-person';
import { recordContact } from '../app/record-contact';
import type { Person } from '../app/ports';
import type { Services } from '../app/services';
import { languageOfLocale, translator, type Translate } from '../i18n';
import { log } from '../log';
import { addressOf, Outbound } from './outbound';

export interface Actor {
  person: Person;
  profile: PersonProfile;
  t: Translate;
  isNew: boolean;
}

const HELP = /^\s*\/?(apua|apu|ohje|ohjeet|help|hjälp|hjalp)\s*[?!.]*\s*$/i;

/** Builds the Teams application: routes activities to use cases and renders their results. */
export function createBot(adapter: TeamsAdapter, services: Services, outbound: Outbound): Application<TurnState> {
  const app = new Application<TurnState>({ adapter, startTypingTimer: false, removeRecipientMention: true, longRunningMessages: false });

  /** Who is acting, from Teams (never from card data), linked to the registers. */
  async function actorOf(ctx: TurnContext): Promise<Actor> {
    const a = ctx.activity;
    const locale = languageOfLocale(a.locale);
    const { person, isNew } = await recordContact(services, {
      aadObjectId: a.from.aadObjectId ?? a.from.id,
      locale,
      address: addressOf(a),
      lookupEmail: () => lookupEmail(ctx),
    });
    const profile = await describePerson(services, person.email);
    return { person, profile, t: translator(locale), isNew };
  }

  const say = (ctx: TurnContext, text: string) => outbound.reply(ctx, { type: ActivityTypes.Message, text, textFormat: 'markdown' });

  async function welcomeIfNew(ctx: TurnContext): Promise<Actor> {
    const actor = await actorOf(ctx);
    if (actor.isNew) await say(ctx, welcomeMessage(actor.profile.roles, actor.person.email !== '', actor.t));
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

  app.message(HELP, async (ctx) => {
    const actor = await actorOf(ctx);
    await say(ctx, actor.isNew ? welcomeMessage(actor.profile.roles, actor.person.email !== '', actor.t) : helpMessage(actor.profile.roles, actor.t));
  });

  // Stale or unknown buttons: answer on the card instead of letting Teams show an error.
  app.adaptiveCards.actionExecute(/.*/, async (ctx) => translator(languageOfLocale(ctx.activity.locale))('card_stale'));

  app.activity(ActivityTypes.Message, async (ctx) => {
    const actor = await welcomeIfNew(ctx);
    const text = ctx.activity.text?.trim();
    // An Action.Submit whose verb no route knows: a stale card from an older version.
    if (!text && ctx.activity.value) return void (await say(ctx, actor.t('card_stale')));
    if (!text) return void (await say(ctx, actor.t('not_text')));
    if (actor.isNew) return; // the welcome already told them what they can do
    const onlyExpert = actor.profile.roles.length === 1 && actor.profile.roles[0] === 'expert';
    await say(ctx, actor.t(onlyExpert ? 'unknown_text_expert' : 'unknown_text'));
  });

  app.error(async (ctx, err) => {
    log.error({ event: 'turn_failed', activityType: ctx.activity.type, err: err.message }, 'turn failed');
    if (ctx.activity.type === ActivityTypes.Message) {
      await ctx.sendActivity(translator(languageOfLocale(ctx.activity.locale))('error_generic')).catch(() => undefined);
    }
  });

  return app;
}

async function lookupEmail(ctx: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
    return member.email || member.userPrincipalName || undefined;
  } catch (err) {
    log.warn({ event: 'get_member_failed', status: (err as { statusCode?: number }).statusCode }, 'member lookup failed');
    return undefined;
  }
}
