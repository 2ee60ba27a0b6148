import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import type { CloudAdapter } from 'botbuilder';
import type { ConversationAddress, Person, PersonRepository } from '../app/ports';
import type { Clock } from '../clock';
import { log } from '../log';
import { Pacer } from './pacer';
import { DEFAULT_RETRY, RetryOptions, statusCodeOf, withConnectorRetries } from './retry';

export type SendResult =
  | { ok: true; activityId: string }
  | { ok: false; reason: 'unreachable' | 'failed'; status?: number };

/**
 * The one way out to Teams: every reply, proactive message and card update is paced (per
 * conversation and overall) and retried on throttling; a 403 marks the person unreachable.
 */
export class Outbound {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly people: PersonRepository,
    private readonly clock: Clock,
    private readonly pacer: Pacer = new Pacer(),
    private readonly retry: RetryOptions = DEFAULT_RETRY,
  ) {}

  /** A reply inside the current turn. */
  async reply(ctx: TurnContext, activity: Partial<Activity>): Promise<SendResult> {
    return this.deliver(ctx.activity.conversation.id, undefined, async () => {
      const res = await ctx.sendActivity(activity);
      return res?.id ?? '';
    });
  }

  /** Replaces a card in the current conversation during a turn (Action.Submit answers). */
  async updateInTurn(
    ctx: TurnContext,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<SendResult> {
    return this.deliver(ctx.activity.conversation.id, undefined, async () => {
      await ctx.updateActivity({ ...activity, id: activityId });
      return activityId;
    });
  }

  /** A proactive message into a person's personal chat. */
  async send(person: Person, activity: Partial<Activity>): Promise<SendResult> {
    return this.deliver(person.address.conversationId, person, () =>
      this.inConversation(
        person.address,
        async (ctx) => (await ctx.sendActivity(activity))?.id ?? '',
      ),
    );
  }

  /** Replaces a message the bot sent earlier (a card that has been acted on). */
  async update(
    person: Person,
    activityId: string,
    activity: Partial<Activity>,
  ): Promise<SendResult> {
    return this.deliver(person.address.conversationId, person, () =>
      this.inConversation(person.address, async (ctx) => {
        await ctx.updateActivity({ ...activity, id: activityId, type: activity.type ?? 'message' });
        return activityId;
      }),
    );
  }

  private async inConversation(
    address: ConversationAddress,
    logic: (ctx: TurnContext) => Promise<string>,
  ): Promise<string> {
    // The adapter hands errors thrown in `logic` to the app's turn-error handler, which swallows
    // them; keep ours so that retries and the 403 rule see them.
    let outcome: { id: string } | { err: unknown } = { id: '' };
    await this.adapter.continueConversationAsync(this.appId, toReference(address), async (ctx) => {
      try {
        outcome = { id: await logic(ctx) };
      } catch (err) {
        outcome = { err };
      }
    });
    if ('err' in outcome) throw outcome.err;
    return outcome.id;
  }

  private async deliver(
    conversationId: string,
    person: Person | undefined,
    call: () => Promise<string>,
  ): Promise<SendResult> {
    try {
      const activityId = await withConnectorRetries(async () => {
        await this.pacer.acquire(conversationId, person !== undefined);
        return call();
      }, this.retry);
      return { ok: true, activityId };
    } catch (err) {
      const status = statusCodeOf(err);
      if (status === 403 && person) {
        await this.markUnreachable(person);
        log.warn(
          { event: 'person_unreachable', person: person.aadObjectId },
          'send refused with 403',
        );
        return { ok: false, reason: 'unreachable', status };
      }
      log.error(
        { event: 'send_failed', status, err: (err as Error).message },
        'send failed after retries',
      );
      return { ok: false, reason: 'failed', status };
    }
  }

  private markUnreachable(person: Person): Promise<void> {
    return this.people.update(person.aadObjectId, (p) =>
      p.unreachableSince ? undefined : { ...p, unreachableSince: this.clock.now().toISOString() },
    );
  }
}

export function toReference(a: ConversationAddress): Partial<ConversationReference> {
  return {
    channelId: a.channelId,
    serviceUrl: a.serviceUrl,
    bot: { id: a.botId, name: 'Kokemusvälitys' },
    user: { id: a.userId, name: '' },
    conversation: {
      id: a.conversationId,
      isGroup: false,
      conversationType: 'personal',
      tenantId: a.tenantId,
      name: '',
    },
  };
}

export function addressOf(activity: Activity): ConversationAddress {
  return {
    conversationId: activity.conversation.id,
    serviceUrl: activity.serviceUrl,
    tenantId:
      activity.conversation.tenantId ??
      (activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id,
    userId: activity.from.id,
    botId: activity.recipient.id,
    channelId: activity.channelId,
  };
}
