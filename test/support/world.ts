import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../src/clock';
import { loadConfig } from '../../src/config';
import { BotOptions, RunningBot, startBot } from '../../src/main';
import { cardOf, inputsOf, walk } from './cards';
import { ConnectorStub } from './connector-stub';
import { storageConnectionString } from './root-hooks';

/** A clock the test moves by hand. */
export class FakeClock implements Clock {
  constructor(private t: Date) {}
  now(): Date {
    return new Date(this.t);
  }
  set(iso: string): void {
    this.t = new Date(iso);
  }
  advance(ms: number): void {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface InvokeAnswer {
  status: number;
  card?: Record<string, any>;
  text?: string;
}

function findAction(card: Record<string, any>, verb: string): Record<string, any> {
  let found: Record<string, any> | undefined;
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === verb) found = n;
  });
  if (!found) throw new Error(`no ${verb} button on the card`);
  return found;
}

export interface HttpAnswer {
  status: number;
  body: any;
}

/** The bot under test, a Bot Connector stand-in, and the people who chat with it. */
export class World {
  readonly connector = new ConnectorStub();
  readonly clock = new FakeClock(new Date('2026-11-25T10:00:00Z'));
  bot!: RunningBot;
  readonly prefix = `t${randomBytes(5).toString('hex')}`;

  private options: BotOptions = {};
  private env: Record<string, string> = {};
  readonly others: RunningBot[] = [];

  static async start(env: Record<string, string> = {}, options: BotOptions = {}): Promise<World> {
    const w = new World();
    w.env = env;
    w.options = {
      clock: w.clock,
      retry: { retries: 4, minTimeoutMs: 10, maxTimeoutMs: 200 },
      pollMs: 0, // tests move the clock and run due work themselves
      // Teams' pacing has its own tests; here it would only slow the suite down.
      paceLimits: {
        perConversation: [{ count: 1000, windowMs: 1000 }],
        overall: { count: 1000, windowMs: 1000 },
      },
      ...options,
    };
    await w.connector.start();
    w.bot = await startBot(w.config(env), w.options);
    return w;
  }

  /** Stops the bot and starts a new process-like instance on the same store (a restart). */
  async restart(): Promise<void> {
    await this.bot.close();
    this.bot = await startBot(this.config(this.env), this.options);
  }

  /** A second bot instance on the same store, as in a scaled-out deployment. */
  async another(): Promise<RunningBot> {
    const bot = await startBot(this.config(this.env), this.options);
    this.others.push(bot);
    return bot;
  }

  config(env: Record<string, string> = {}) {
    return loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      STORAGE_CONNECTION_STRING: storageConnectionString(),
      TABLE_PREFIX: this.prefix,
      ...env,
    });
  }

  /** Runs what is due at the fake clock's time and waits until all follow-up work is done. */
  async settle(): Promise<void> {
    await this.bot.work.idle();
    await this.bot.work.runDue();
    await this.bot.work.idle();
  }

  async stop(): Promise<void> {
    for (const b of this.others) await b.close();
    await this.bot.close();
    await this.connector.stop();
  }

  /** A Teams user with their own personal chat with the bot. */
  person(p: { email?: string; name?: string; locale?: string }): TestUser {
    const aadObjectId = randomUUID();
    const user = new TestUser(this, `29:${aadObjectId}`, aadObjectId, p.locale ?? 'fi-FI');
    this.connector.addMember({
      id: user.id,
      aadObjectId,
      email: p.email,
      userPrincipalName: p.email,
      name: p.name ?? 'Test Person',
    });
    return user;
  }

  async post(activity: Record<string, unknown>, raw?: string): Promise<HttpAnswer> {
    const res = await fetch(`${this.bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ?? JSON.stringify(activity),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body };
  }
}

export class TestUser {
  readonly conversationId: string;
  private seq = 0;

  constructor(
    private readonly world: World,
    readonly id: string,
    readonly aadObjectId: string,
    readonly locale: string,
  ) {
    this.conversationId = `a:personal-${aadObjectId}`;
  }

  activity(type: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      type,
      id: `${this.conversationId}-${++this.seq}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.world.connector.url,
      locale: this.locale,
      from: { id: this.id, aadObjectId: this.aadObjectId, name: 'User' },
      recipient: { id: '28:bot-id', name: 'Kokemusvälitys' },
      conversation: { id: this.conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    };
  }

  /** Writes a message; returns the texts the bot answered in this turn. */
  async say(text: string): Promise<string[]> {
    const before = this.messages().length;
    const res = await this.world.post(this.activity('message', { text }));
    if (res.status >= 300) throw new Error(`bot answered ${res.status}`);
    return this.messages()
      .slice(before)
      .map((a) => a.text ?? '');
  }

  async install(): Promise<string[]> {
    const before = this.messages().length;
    await this.world.post(this.activity('installationUpdate', { action: 'add' }));
    return this.messages()
      .slice(before)
      .map((a) => a.text ?? '');
  }

  /** Presses an Action.Execute button; returns the invoke response body. */
  async execute(
    verb: string,
    data: Record<string, unknown> = {},
    replyToId?: string,
  ): Promise<HttpAnswer> {
    return this.world.post(
      this.activity('invoke', {
        name: 'adaptiveCard/action',
        ...(replyToId ? { replyToId } : {}),
        value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } } },
      }),
    );
  }

  /** The last card the bot sent into this chat. */
  lastCard(): Record<string, any> | undefined {
    return this.messages()
      .map((a) => cardOf(a))
      .filter(Boolean)
      .at(-1);
  }

  /** Presses a button of `card` with the card's current input values, changed by `edits`. */
  async submitCard(
    card: Record<string, any>,
    verb: string,
    edits: Record<string, unknown> = {},
    replyToId?: string,
  ): Promise<InvokeAnswer> {
    const action = findAction(card, verb);
    const values = Object.fromEntries(
      Object.entries(inputsOf(card)).map(([id, input]) => [
        id,
        input.value === undefined ? '' : String(input.value),
      ]),
    );
    const res = await this.execute(verb, { ...values, ...action.data, ...edits }, replyToId);
    return {
      status: res.status,
      card:
        res.body?.type === 'application/vnd.microsoft.card.adaptive' ? res.body.value : undefined,
      text: typeof res.body?.value === 'string' ? res.body.value : undefined,
    };
  }

  /** Cards sent into this chat that mention `needle`, newest last, as updated since. */
  cardsAbout(needle: string): Record<string, any>[] {
    return this.world.connector
      .sendsIn(this.conversationId)
      .map((c) => cardOf(this.world.connector.current(c)))
      .filter(
        (card): card is Record<string, any> =>
          card !== undefined && JSON.stringify(card).includes(needle),
      );
  }

  /** Like cardsAbout, with the activity id of each card's message (Teams sends it as replyToId). */
  cardMessagesAbout(needle: string): Array<{ activityId: string; card: Record<string, any> }> {
    return this.world.connector
      .sendsIn(this.conversationId)
      .map((c) => ({
        activityId: c.responseId ?? '',
        card: cardOf(this.world.connector.current(c)),
      }))
      .filter(
        (m): m is { activityId: string; card: Record<string, any> } =>
          m.card !== undefined && JSON.stringify(m.card).includes(needle),
      );
  }

  messages(): Record<string, any>[] {
    return this.world.connector.messagesIn(this.conversationId);
  }

  lastText(): string {
    return this.messages().at(-1)?.text ?? '';
  }
}
