import { ActivityTypes, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Clock } from '../clock';
import { containsPersonalIdentityCode } from '../domain/shared/personal-identity-code';
import { languageOfLocale, translator, type MessageKey } from '../i18n';
import { log } from '../log';
import { isActivityType, type Turns } from './turn';

/** SPEC §9: at most this many messages and card clicks a person may send in an hour. */
export const MESSAGES_PER_HOUR = 600;
const HOUR_MS = 3600_000;

/**
 * Messages per person in the last hour, counted in this instance's memory: with two instances a
 * person may get up to twice the limit, which still stops a flood. Orders, which fan out offers,
 * are counted in storage instead (submitOrder).
 */
export class MessageRate {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly clock: Clock,
    private readonly limit = MESSAGES_PER_HOUR,
  ) {}

  /** Counts one message; false when the person has already sent `limit` in the last hour. */
  take(personId: string): boolean {
    const now = this.clock.now().getTime();
    const recent = (this.sent.get(personId) ?? []).filter((at) => at > now - HOUR_MS);
    if (recent.length >= this.limit) {
      this.sent.set(personId, recent);
      return false;
    }
    recent.push(now);
    this.sent.set(personId, recent);
    if (this.sent.size > 10_000) this.forgetQuiet(now);
    return true;
  }

  private forgetQuiet(now: number): void {
    for (const [id, times] of this.sent)
      if (!times.some((at) => at > now - HOUR_MS)) this.sent.delete(id);
  }
}

/** True when any text of the activity (a message, or any value of a card) looks like an identity code. */
export function holdsIdentityCode(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return containsPersonalIdentityCode(value);
  if (depth > 8 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => holdsIdentityCode(v, depth + 1));
}

/**
 * The one gate every text from a person passes before any route sees it (SPEC §9): a person over
 * the message limit, or text with the shape of a personal identity code in a message or in any
 * field of a card (order, wishes, reasons, notes, commands…), is answered politely and goes no
 * further: nothing is stored, logged or echoed.
 */
export function registerInboundGuard(
  app: Application<TurnState>,
  turns: Turns,
  rate = new MessageRate(turns.services.clock),
): void {
  app.turn('beforeTurn', async (ctx) => {
    const a = ctx.activity;
    if (!isActivityType(a, ActivityTypes.Message) && !isActivityType(a, ActivityTypes.Invoke))
      return true;
    const personId = a.from?.aadObjectId ?? a.from?.id ?? '';
    if (!rate.take(personId)) {
      log.warn(
        { event: 'message_rate_limited', activityType: a.type },
        'person over the message limit',
      );
      await refuse(ctx, turns, 'rate_limited_messages');
      return false;
    }
    if (holdsIdentityCode(a.text) || holdsIdentityCode(a.value)) {
      log.warn(
        { event: 'identity_code_refused', activityType: a.type },
        'text with an identity code refused',
      );
      await refuse(ctx, turns, 'identity_code_refused_text');
      return false;
    }
    return true;
  });
}

async function refuse(ctx: TurnContext, turns: Turns, key: MessageKey): Promise<void> {
  const text = translator(languageOfLocale(ctx.activity.locale))(key);
  if (isActivityType(ctx.activity, ActivityTypes.Invoke)) {
    // A card button: answered on the card, as the routes answer (teams-ai's message response).
    await ctx.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: {
        status: 200,
        body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text },
      },
    });
    return;
  }
  await turns.say(ctx, text);
}
