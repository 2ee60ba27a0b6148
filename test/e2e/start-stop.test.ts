import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningBot } from '../../src/main';
import { TableOrderRepository } from '../../src/storage/table-order-repository';
import { TableStore } from '../../src/storage/tables';
import { answers, connectionStringFor, freePort } from '../support/azurite';
import { placeOrder } from '../support/scenario';
import { TestUser, World } from '../support/world';

const ROOT = join(__dirname, '..', '..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** `npm start` as a person runs it in a terminal: its own process group, like a shell job. */
class NpmStart {
  private readonly child: ChildProcess;
  output = '';

  constructor(env: Record<string, string>) {
    this.child = spawn('npm', ['start'], {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    this.child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
  }

  get pid(): number {
    return this.child.pid!;
  }

  async healthy(port: number): Promise<void> {
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null) throw new Error(`npm start ended:\n${this.output}`);
      if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined))?.ok) return;
      await sleep(200);
    }
    throw new Error(`npm start did not become healthy:\n${this.output}`);
  }

  /** Waits until every process of the group is gone (npm itself may go first) and nothing serves the tables. */
  async gone(tablePort: number): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (groupAlive(this.pid) || (await answers(tablePort))) {
      if (Date.now() > deadline)
        throw new Error(`npm start or its Azurite still runs after 30 s:\n${this.output}`);
      await sleep(100);
    }
  }
}

describe('npm start and stop', () => {
  let dir: string;
  let tablePort: number;
  let botPort: number;
  let env: Record<string, string>;
  let world: World;
  let orderer: TestUser;
  let running: NpmStart | undefined;

  async function start(): Promise<NpmStart> {
    running = new NpmStart(env);
    await running.healthy(botPort);
    return running;
  }

  /** What the orderer sees with `omat` and what the store holds. */
  async function assertKept(orderId: string): Promise<void> {
    const listed = (await orderer.say('omat')).join('\n');
    assert.match(listed, new RegExp(orderId), `"omat" lists ${orderId}`);
    const store = new TableStore(env.STORAGE_CONNECTION_STRING!, 'kv');
    const stored = await new TableOrderRepository(
      store.table('Orders'),
      store.table('Counters'),
    ).get(orderId);
    assert.equal(stored?.value.ordererId, orderer.aadObjectId);
  }

  before(async function () {
    this.timeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'start-stop-'));
    [tablePort, botPort] = [await freePort(), await freePort()];
    env = {
      NODE_ENV: 'development',
      PLAYGROUND: '0',
      PORT: String(botPort),
      STORAGE_CONNECTION_STRING: connectionStringFor(tablePort),
      AZURITE_LOCATION: dir,
      CLOCK_START: '2026-11-25T10:00:00+02:00',
      LOG_LEVEL: 'warn',
    };
    world = new World();
    await world.connector.start();
    world.bot = { url: `http://127.0.0.1:${botPort}` } as RunningBot;
    orderer = world.person({ email: 'mikko.jarvinen@example.fi', name: 'Mikko Järvinen' }); // an orderer of the demo register
    await start();
    await orderer.install();
  });

  after(async function () {
    this.timeout(60_000);
    if (running && groupAlive(running.pid)) {
      process.kill(-running.pid, 'SIGINT'); // Ctrl-C in its terminal
      await running.gone(tablePort);
    }
    await world?.connector.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when npm start gets SIGTERM one second after an order is sent, then after the next start the order is there', async function () {
    this.timeout(120_000);
    const orderId = await placeOrder(orderer);
    await sleep(1000);
    process.kill(running!.pid, 'SIGTERM');
    await running!.gone(tablePort);

    await start();
    await assertKept(orderId);
  });

  it('when its terminal closes (SIGHUP to the process group) one second after an order is sent, then after the next start the order is there', async function () {
    this.timeout(120_000);
    const orderId = await placeOrder(orderer, { date: '2026-12-16' });
    await sleep(1000);
    process.kill(-running!.pid, 'SIGHUP');
    await running!.gone(tablePort);

    await start();
    await assertKept(orderId);
  });
});
