/*
 * `npx tsx bench/request-growth.ts`: which storage requests of the bench's paths grow with history.
 * Times each request shape that `/orders`, Send order and a wave make, against one Azurite, first
 * with an empty store and then after bench/history.ts has written its 10,000 orders, 1,000 claims
 * and 10,000 experts (the same generator as `BENCH_HISTORY=1`). Request-level, so a busy machine
 * moves both columns alike; the ratio is what matters.
 */
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { odata, type TableClient } from '@azure/data-tables';
import { connectionStringFor, freePort, answers } from '../test/support/azurite';
import { TableStore } from '../src/storage/tables';
import { encodeKey } from '../src/storage/keys';
import { TableOrderRepository } from '../src/storage/table-order-repository';
import { TablePersonRepository } from '../src/storage/table-person-repository';
import { readOrderIndex } from '../src/storage/order-index';
import { partitionRows } from '../src/storage/tables';
import { HISTORY, writeHistory } from './history';

const REPEAT = Number(process.env.GROWTH_REPEAT ?? 30);

async function drain(rows: AsyncIterable<unknown>): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  for await (const _ of rows);
}

function shapes(store: TableStore): Record<string, () => Promise<unknown>> {
  const orders = store.table('Orders');
  const registers = store.table('Registers');
  const people = store.table('People');
  const repo = new TableOrderRepository(orders, store.table('Counters'));
  const q = (t: TableClient, filter: string) => drain(t.listEntities({ queryOptions: { filter } }));
  return {
    'Orders point read (order row)': () => orders.getEntity(encodeKey('T-2026-0001'), 'order'),
    'People point read (e-mail row)': () => people.getEntity('email', encodeKey('e1@example.fi')),
    'Orders query, one order partition (drain load)': () =>
      drain(partitionRows(orders, encodeKey('T-2026-0001'))),
    'Orders query, order-index top 11 (/orders)': () => readOrderIndex(orders, undefined, 11),
    'Orders query, orderer partition + createdAt (Send order)': () =>
      repo.countCreatedSince('orderer-0', '2026-11-25T09:00:00.000Z'),
    'Registers query, load partition (wave)': () => drain(partitionRows(registers, 'load')),
    'Registers query, a missing partition': () => q(registers, odata`PartitionKey eq ${'none'}`),
  };
}

async function time(store: TableStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const [name, run] of Object.entries(shapes(store))) {
    for (let i = 0; i < 3; i++) await run().catch(() => undefined); // warm
    const ms: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const t0 = performance.now();
      await run().catch(() => undefined);
      ms.push(performance.now() - t0);
    }
    ms.sort((a, b) => a - b);
    out[name] = ms[Math.floor(ms.length / 2)]!;
  }
  return out;
}

async function main(): Promise<void> {
  const port = await freePort();
  const azurite = spawn(
    join(__dirname, '..', 'node_modules', '.bin', 'azurite-table'),
    ['--tablePort', String(port), '--inMemoryPersistence', '--silent', '--disableTelemetry'],
    { stdio: 'ignore' },
  );
  try {
    while (!(await answers(port))) await new Promise((r) => setTimeout(r, 100));
    const store = new TableStore(connectionStringFor(port), 'growth');
    await store.ensureTables();
    // What the bench's own paths find in any case: an order, a person, some loads.
    const peopleRepo = new TablePersonRepository(store.table('People'));
    await peopleRepo.save({
      aadObjectId: 'expert-1',
      email: 'e1@example.fi',
      locale: 'fi',
      firstSeenAt: '2026-11-01T00:00:00.000Z',
      address: {
        conversationId: 'a:expert-1',
        serviceUrl: 'http://127.0.0.1:1',
        userId: '29:expert-1',
        botId: '28:bot',
        channelId: 'msteams',
        tenantId: 't',
      },
    });
    await store.table('Orders').createEntity({
      partitionKey: encodeKey('T-2026-0001'),
      rowKey: 'order',
      data: '{}',
    });
    for (let i = 0; i < 20; i++)
      await store.table('Registers').createEntity({
        partitionKey: 'load',
        rowKey: encodeKey(`e${i}@example.fi`),
        data: '{"assignments":[]}',
      });
    const empty = await time(store);
    const t0 = performance.now();
    await writeHistory(store, 'u1');
    console.log(
      `history: ${HISTORY.orders} orders, ${HISTORY.claims} claims, ${HISTORY.experts} experts in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const history = await time(store);
    console.log(`median of ${REPEAT} requests each, ms (empty → history):`);
    for (const name of Object.keys(empty))
      console.log(
        `  ${name}: ${empty[name]!.toFixed(1)} → ${history[name]!.toFixed(1)} (${(history[name]! / empty[name]!).toFixed(2)}×)`,
      );
  } finally {
    azurite.kill();
  }
}

void main();
