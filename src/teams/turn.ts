import { ActivityTypes, TeamsInfo, TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/elements';
import { asAttachment } from '../../cards/elements';
import { type Actor as UseCaseActor, actorFrom } from '../app/actor';
import { describePerson, type PersonProfile } from '../app/describe-person';
import { recordContact } from '../app/record-contact';
import type { Person } from '../app/ports';
import type { Services } from '../app/services';
import type { Language } from '../domain/shared/vocabulary';
import { languageOfLocale, translator, type Translate } from '../i18n';
import { log } from '../log';
import { addressOf, Outbound } from './outbound';

/** An activity's `type` is a plain string in botbuilder; `ActivityTypes` is an enum of the same words. */
export function isActivityType(activity: { type: string }, type: ActivityTypes): boolean {
  return activity.type === String(type);
}

export interface Actor {
  person: Person;
  profile: PersonProfile;
  lang: Language;
  t: Translate;
  isNew: boolean;
  /** Who acts, as every use case takes it: the use case decides what this actor may do. */
  who: UseCaseActor;
}

/** What every route needs: who acts (from Teams, never from card data) and how to answer. */
export class Turns {
  constructor(
    readonly services: Services,
    readonly outbound: Outbound,
  ) {}

  async actorOf(ctx: TurnContext): Promise<Actor> {
    const a = ctx.activity;
    // The server lets only Teams activities with an object id through; never fall back to from.id.
    const aadObjectId = a.from.aadObjectId;
    if (!aadObjectId) throw new Error('activity without from.aadObjectId reached a turn');
    const lang = languageOfLocale(a.locale);
    const { person, isNew } = await recordContact(this.services, {
      aadObjectId,
      locale: lang,
      address: addressOf(a),
      lookupEmail: () => lookupEmail(ctx),
    });
    const profile = await describePerson(this.services, person.email);
    return { person, profile, lang, t: translator(lang), isNew, who: actorFrom(person, profile) };
  }

  say(ctx: TurnContext, text: string) {
    return this.outbound.reply(ctx, { type: ActivityTypes.Message, text, textFormat: 'markdown' });
  }

  sayCard(ctx: TurnContext, card: AdaptiveCard) {
    return this.outbound.reply(ctx, {
      type: ActivityTypes.Message,
      attachments: [asAttachment(card)],
    });
  }

  /** Answers an Action.Submit (older clients) by replacing the clicked card, or sending a new one. */
  async replaceSubmittedCard(ctx: TurnContext, card: AdaptiveCard | string): Promise<void> {
    const replyToId = ctx.activity.replyToId;
    if (typeof card === 'string') {
      await this.say(ctx, card);
    } else if (replyToId) {
      await this.outbound.updateInTurn(ctx, replyToId, {
        type: ActivityTypes.Message,
        attachments: [asAttachment(card)],
      });
    } else {
      await this.sayCard(ctx, card);
    }
  }
}

async function lookupEmail(ctx: TurnContext): Promise<string | undefined> {
  try {
    const member = await TeamsInfo.getMember(ctx, ctx.activity.from.id);
    return member.email || member.userPrincipalName || undefined;
  } catch (err) {
    log.warn(
      { event: 'get_member_failed', status: (err as { statusCode?: number }).statusCode },
      'member lookup failed',
    );
    return undefined;
  }
}
