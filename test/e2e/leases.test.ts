import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import sinon from 'sinon';
import type { TableClient } from '@azure/data-tables';
import { TableJobStore } from '../../src/storage/table-job-store';
import { TableSendRate } from '../../src/storage/table-send-rate';
import { TableStore } from '../../src/storage/tables';
import { storageConnectionString } from '../support/root-hooks';

const LEASE = 15_000;
const at = (s: number) => new Date(Date.parse('2026-12-01T10:00:00Z') + s * 1000);

describe('leases on work, two instances on one store (SPEC §14)', () => {
  let jobs: TableClient;
  let a: TableJobStore;
  let b: TableJobStore;

  beforeEach(async () => {
    const store = new TableStore(storageConnectionString(), `t${randomBytes(5).toString('hex')}`);
    await store.ensureTables();
    jobs = store.table('Jobs');
    a = new TableJobStore(jobs);
    b = new TableJobStore(jobs);
  });
  afterEach(() => sinon.restore());

  it('when a drain renews its lease while it works, then the other instance cannot take the order, and can within the lease once the renewals stop', async () => {
    await a.markDirty('T-2026-0001');
    let etag = (await a.leaseDirty('T-2026-0001', at(0), LEASE))!;
    for (const s of [5, 10, 15, 20]) {
      const renewed = await a.renewDirty('T-2026-0001', etag, at(s), LEASE);
      assert.ok(renewed, `renewed at ${s} s`);
      assert.equal(renewed.markedAgain, false);
      etag = renewed.etag;
      assert.deepEqual(await b.listDirty(at(s + 1), 10), [], 'held by the live instance');
    }
    // The instance dies after its renewal at 20 s: the lease ends at 35 s.
    assert.deepEqual(await b.listDirty(at(34), 10), []);
    assert.deepEqual(await b.listDirty(at(35), 10), ['T-2026-0001']);
    assert.ok(await b.leaseDirty('T-2026-0001', at(35), LEASE), 'taken over');
    assert.equal(await a.renewDirty('T-2026-0001', etag, at(36), LEASE), undefined, 'lost');
  });

  it('when the order is marked again during a drain, then the renewal says so and the old etag cannot clear the mark', async () => {
    await a.markDirty('T-2026-0002');
    const etag = (await a.leaseDirty('T-2026-0002', at(0), LEASE))!;
    await b.markDirty('T-2026-0002'); // a commit on the other instance
    const renewed = await a.renewDirty('T-2026-0002', etag, at(5), LEASE);
    assert.equal(renewed?.markedAgain, true, 'one more pass asked for');
    assert.equal(await a.clearDirty('T-2026-0002', etag), false);
    assert.deepEqual(await b.listDirty(at(6), 10), [], 'still leased to the draining instance');
    assert.equal(await a.clearDirty('T-2026-0002', renewed.etag), true);
  });

  it('when a mark lands between the renewal reading the row and writing it, then the lease is still held and the new mark is not lost', async () => {
    await a.markDirty('T-2026-0003');
    const etag = (await a.leaseDirty('T-2026-0003', at(0), LEASE))!;
    await b.markDirty('T-2026-0003'); // the renewal's first write fails on it and reads again
    const read = jobs.getEntity.bind(jobs);
    let stamped = false;
    sinon
      .stub(jobs, 'getEntity')
      .callsFake(async (...args: Parameters<TableClient['getEntity']>) => {
        const row = await read(...args);
        if (!stamped) {
          stamped = true;
          await b.markDirty('T-2026-0003'); // between the read and the write
        }
        return row;
      });
    const renewed = await a.renewDirty('T-2026-0003', etag, at(5), LEASE);
    assert.ok(stamped);
    assert.equal(renewed?.markedAgain, true);
    const row = await read<{ leaseOwner: string; leaseUntil: string }>('dirty', 'T-2026-0003');
    assert.equal(row.leaseUntil, at(20).toISOString(), 'leased on, to the drain that holds it');
    assert.equal(row.etag, renewed.etag, 'the etag of the newest stamp: nothing cleared behind it');
    assert.deepEqual(await b.listDirty(at(6), 10), []);
  });

  it('when a claimed timer is renewed, then the other instance cannot claim it; once taken over, the renewal fails', async () => {
    await a.schedule({ kind: 'task_reminder', dueAt: at(0).toISOString(), orderId: 'T-2026-0004' });
    const [timer] = await a.claimDueTimers(at(1), LEASE, 10);
    assert.ok(timer);
    assert.equal(await a.renewTimer(timer.key, at(10), LEASE), true);
    assert.deepEqual(await b.claimDueTimers(at(20), LEASE, 10), [], 'renewed until 25 s');
    assert.equal((await b.claimDueTimers(at(25), LEASE, 10)).length, 1, 'taken over');
    assert.equal(await a.renewTimer(timer.key, at(26), LEASE), false);
  });

  it('when two instances reserve send slots from the shared rate at once, then their blocks never overlap', async () => {
    const instances = [new TableSendRate(jobs), new TableSendRate(jobs)];
    const blocks = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        instances[i % 2]!.reserve(14, 1000 / 28).then((start) => [start, start + 14000 / 28]),
      ),
    );
    blocks.sort((x, y) => x[0]! - y[0]!);
    for (let i = 1; i < blocks.length; i++)
      assert.ok(
        blocks[i]![0]! >= Math.floor(blocks[i - 1]![1]!),
        `block ${i} after the one before`,
      );
    const span = blocks.at(-1)![1]! - blocks[0]![0]!;
    assert.ok(span >= 20 * 500 - 1, `20 blocks of half a second take 10 s of the rate (${span})`);
  });
});
