import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Expert } from '../../../src/domain/registers/types';
import { TablePersonRepository } from '../../../src/storage/table-person-repository';
import { TableRegisterRepository } from '../../../src/storage/table-register-repository';
import { TableStore } from '../../../src/storage/tables';
import { answers, connectionStringFor, freePort } from '../../support/azurite';
import { ConnectorStub } from '../../support/connector-stub';

const ROOT = join(__dirname, '..', '..', '..');
const AZURITE_BIN = join(ROOT, 'node_modules', '.bin', 'azurite-table');
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it is true; throws with `what` after `timeoutMs`. */
export async function waitUntil(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  progress?: () => string,
): Promise<number> {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs)
      throw new Error(
        `${what}: not within ${timeoutMs / 1000} s${progress ? ` (${progress()})` : ''}`,
      );
    await sleep(100);
  }
  return Date.now() - t0;
}

/** Azurite's table service as its own process, its data in a folder kept across a stop and start. */
export class Storage {
  private child?: ChildProcess;
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<Storage> {
    const s = new Storage(await freePort(), mkdtempSync(join(tmpdir(), 'resilience-')));
    await s.startAgain();
    return s;
  }

  get connectionString(): string {
    return connectionStringFor(this.port);
  }

  async startAgain(): Promise<void> {
    const child = spawn(
      AZURITE_BIN,
      [
        '--tableHost',
        '127.0.0.1',
        '--tablePort',
        String(this.port),
        '--location',
        this.dir,
        '--silent',
        '--disableTelemetry',
        '--skipApiVersionCheck',
      ],
      { stdio: 'ignore' },
    );
    this.child = child;
    await waitUntil('Azurite listening', () => answers(this.port), 30_000);
  }

  /** Stops it as an operator would (SIGINT: Azurite saves its tables), and waits until it is gone. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGINT');
    await exited;
    await waitUntil('Azurite port closed', async () => !(await answers(this.port)), 10_000);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** One bot as a separate OS process (test/resilience/support/bot-process.ts). */
export class BotProcess {
  private child?: ChildProcess;
  output = '';

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: () => Record<string, string>,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(
      process.execPath,
      [
        '--no-deprecation',
        '--max-semi-space-size=2',
        '--require',
        'tsx/cjs',
        join(__dirname, 'bot-process.ts'),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...this.env(), PORT: String(this.port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child = child;
    child.stdout.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (this.output += d.toString()));
    await waitUntil(
      `${this.name} healthy`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.name} ended:\n${this.output}`);
        return (await this.health()) === 200;
      },
      90_000,
    );
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The status of GET /healthz (0: no answer). */
  async health(): Promise<number> {
    const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(5000) }).catch(
      () => undefined,
    );
    return res?.status ?? 0;
  }

  /** kill -9: no chance to finish anything. */
  async kill9(): Promise<void> {
    const child = this.child!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const late = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(late);
  }
}

export interface Answer {
  status: number;
  body: any;
  ms: number;
}

/** The clock every process shows: one timeline from a weekday morning, whenever a process starts. */
const CLOCK_BASE = Date.parse('2026-11-25T10:00:00+02:00');

/**
 * Azurite, a connector stand-in in this process, and bot processes on one table prefix; seeds the
 * register straight into storage, as the import would.
 */
export class Cluster {
  readonly connector = new ConnectorStub();
  readonly prefix = `r${randomBytes(5).toString('hex')}`;
  readonly bots: BotProcess[] = [];
  private readonly t0 = Date.now();
  private seq = 0;
  storage!: Storage;
  registers!: TableRegisterRepository;
  people!: TablePersonRepository;

  static async start(
    processes: number,
    options: { waveSize: number; env?: Record<string, string> },
  ): Promise<Cluster> {
    const c = new Cluster();
    c.storage = await Storage.start();
    await c.connector.start();
    const store = new TableStore(c.storage.connectionString, c.prefix);
    await store.ensureTables();
    c.registers = new TableRegisterRepository(store.table('Registers'));
    c.people = new TablePersonRepository(store.table('People'));
    for (let i = 0; i < processes; i++) {
      const port = await freePort();
      c.bots.push(
        new BotProcess(`bot ${'AB'[i] ?? i}`, port, () => ({
          NODE_ENV: 'development',
          STORAGE_CONNECTION_STRING: c.storage.connectionString,
          TABLE_PREFIX: c.prefix,
          AZURITE: '0',
          PLAYGROUND: '0',
          DEMO_DATA: '0',
          LOG_LEVEL: 'warn',
          CLOCK_START: new Date(CLOCK_BASE + Date.now() - c.t0).toISOString(),
          RESIL_WAVE_SIZE: String(options.waveSize),
          ...options.env,
        })),
      );
    }
    await Promise.all(c.bots.map((b) => b.start()));
    return c;
  }

  async stop(): Promise<void> {
    await Promise.all(this.bots.map((b) => b.stop()));
    await this.connector.stop();
    await this.storage?.dispose();
  }

  /** `count` experts who all fit a remote mental-health lecture, each with a chat with the bot. */
  async seedExperts(count: number, tag = 'x'): Promise<string[]> {
    const emails: string[] = [];
    for (let i = 0; i < count; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, async (_, j) => {
          const email = `${tag}${i + j}@example.fi`;
          emails.push(email);
          const expert: Expert = {
            email,
            name: `Expert ${tag}${i + j}`,
            kind: 'trained',
            areas: ['mental_health'],
            regions: ['Jyväskylä'],
            languages: ['fi'],
            remote: true,
            onsite: true,
            maxPerMonth: 8,
          };
          await this.registers.putExpert(expert);
          const id = `${tag}-${i + j}-${randomUUID()}`;
          await this.people.save({
            aadObjectId: id,
            email,
            locale: 'fi',
            firstSeenAt: new Date(CLOCK_BASE).toISOString(),
            introducedAt: new Date(CLOCK_BASE).toISOString(),
            address: {
              conversationId: `a:${id}`,
              serviceUrl: this.connector.url,
              userId: `29:${id}`,
              botId: '28:bot',
              channelId: 'msteams',
              tenantId: 'tenant-1',
            },
          });
        }),
      );
    }
    return emails;
  }

  /** A unit and its orderer, who has opened the bot (through `bot`). */
  async seedOrderer(bot: BotProcess): Promise<string> {
    await this.registers.putUnit({
      unitId: 'psy',
      name: 'Psykiatrian poliklinikka',
      municipality: 'Jyväskylä',
      supervisorEmail: 'sup@example.fi',
      payrollEmail: 'pay@example.fi',
      costCenter: '4100',
    });
    await this.registers.putStaff({
      email: 'orderer@example.fi',
      name: 'Olli Orderer',
      role: 'orderer',
      unitId: 'psy',
    });
    const user = 'orderer-1';
    this.connector.addMember({
      id: `29:${user}`,
      aadObjectId: user,
      email: 'orderer@example.fi',
      userPrincipalName: 'orderer@example.fi',
      name: 'Olli Orderer',
    });
    const res = await this.post(bot, this.activity(user, 'installationUpdate', { action: 'add' }));
    if (res.status >= 300) throw new Error(`install answered ${res.status}`);
    return user;
  }

  activity(user: string, type: string, extra: Record<string, unknown> = {}) {
    return {
      type,
      id: `act-${++this.seq}`,
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl: this.connector.url,
      locale: 'fi-FI',
      from: { id: `29:${user}`, aadObjectId: user, name: 'User' },
      recipient: { id: '28:bot', name: 'Kokemusvälitys' },
      conversation: { id: `a:${user}`, conversationType: 'personal', tenantId: 'tenant-1' },
      channelData: { tenant: { id: 'tenant-1' } },
      ...extra,
    };
  }

  async post(bot: BotProcess, body: unknown, raw?: string): Promise<Answer> {
    const t0 = performance.now();
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: raw ?? JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, ms: performance.now() - t0 };
  }

  /** Send order from the order card (remote, so every seeded expert fits); returns its number. */
  async placeOrder(bot: BotProcess, orderer: string, date: string): Promise<string> {
    const verb = 'send_order';
    const data = {
      verb,
      draftId: randomUUID(),
      taskType: 'lecture',
      areas: 'mental_health',
      date,
      start: '13:00',
      end: '15:00',
      remote: 'true',
      municipality: '',
      expertCount: '1',
      language: 'fi',
    };
    const res = await this.post(
      bot,
      this.activity(orderer, 'invoke', {
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data } },
      }),
    );
    const number = /T-\d{4}-\d{4}/.exec(JSON.stringify(res.body))?.[0];
    if (!number) throw new Error(`no order number in ${res.status} ${JSON.stringify(res.body)}`);
    return number;
  }

  /** Offer cards of `orderId` the connector accepted, counted per chat. */
  offersSent(orderId: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const c of this.connector.calls)
      if (c.kind === 'send' && JSON.stringify(c.activity ?? {}).includes(orderId))
        counts.set(c.conversationId!, (counts.get(c.conversationId!) ?? 0) + 1);
    return counts;
  }

  /** The times (ms since epoch) of the accepted offer sends of `orderId`, in order. */
  offerTimes(orderId: string): number[] {
    return this.connector.calls
      .filter((c) => c.kind === 'send' && JSON.stringify(c.activity ?? {}).includes(orderId))
      .map((c) => c.at);
  }
}
