import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import { TASK_TYPES } from '../../src/domain/shared/vocabulary';
import { StoredRowCorrupt } from '../../src/storage/parse-stored';
import { TableJobStore } from '../../src/storage/table-job-store';
import { TableLoadStore } from '../../src/storage/table-load-store';
import { TableOfferStore } from '../../src/storage/table-offer-store';
import { TableRegisterRepository } from '../../src/storage/table-register-repository';
import { TableTariffStore } from '../../src/storage/table-tariff-store';
import { TableStore } from '../../src/storage/tables';
import { encodeKey } from '../../src/storage/keys';
import { storageConnectionString } from '../support/root-hooks';

describe('stored rows read back through their schemas', () => {
  let store: TableStore;
  let prefix: string;

  beforeEach(async () => {
    prefix = `t${randomBytes(5).toString('hex')}`;
    store = new TableStore(storageConnectionString(), prefix);
    await store.ensureTables();
  });

  it('when a tariff saved before a task type was added is read, then the new type has its default fee, not NaN', async () => {
    const { mentoring: _added, ...before } = { ...DEFAULT_TARIFF.hourlyCents, lecture: 4500 };
    const old = { ...DEFAULT_TARIFF, version: '2026-2', hourlyCents: before };
    const registers = store.table('Registers');
    await registers.createEntity({
      partitionKey: 'tariff',
      rowKey: 'v|2026-2',
      data: JSON.stringify(old),
    });
    await registers.createEntity({ partitionKey: 'tariff', rowKey: 'current', version: '2026-2' });

    const tariff = await new TableTariffStore(registers, DEFAULT_TARIFF).current();
    assert.equal(tariff.version, '2026-2');
    assert.equal(tariff.hourlyCents.lecture, 4500);
    assert.equal(tariff.hourlyCents.mentoring, DEFAULT_TARIFF.hourlyCents.mentoring);
    assert.ok(TASK_TYPES.every((t) => Number.isInteger(tariff.hourlyCents[t])));
  });

  it('when a stored row does not parse, then the read throws an error naming the table and the key', async () => {
    const registers = store.table('Registers');
    await registers.createEntity({
      partitionKey: 'load',
      rowKey: encodeKey('a@example.fi'),
      data: JSON.stringify({ assignments: 'x' }),
    });
    await assert.rejects(new TableLoadStore(registers).get('a@example.fi'), (err: Error) => {
      assert.ok(err instanceof StoredRowCorrupt);
      assert.ok(
        err.message.includes(`${prefix}Registers load/${encodeKey('a@example.fi')}`),
        err.message,
      );
      assert.ok(err.message.includes('assignments'), err.message);
      return true;
    });
  });

  it('when a stored row is not JSON at all, then the error names the row too', async () => {
    const registers = store.table('Registers');
    await registers.createEntity({
      partitionKey: 'unit',
      rowKey: encodeKey('U1'),
      data: '{broken',
    });
    await assert.rejects(new TableRegisterRepository(registers).getUnit('U1'), (err: Error) => {
      assert.ok(err instanceof StoredRowCorrupt);
      assert.match(
        err.message,
        new RegExp(`^Stored row ${prefix}Registers unit/\\S+ does not parse: not JSON`),
      );
      return true;
    });
  });

  it('when an order row holds an offer that does not parse, then loading the order throws naming the row and the field', async () => {
    const orders = store.table('Orders');
    const pk = encodeKey('T-2026-0001');
    await orders.createEntity({
      partitionKey: pk,
      rowKey: 'order',
      data: JSON.stringify({ orderId: 'T-2026-0001' }),
      offers: JSON.stringify({ 'a@example.fi': { status: 'maybe' } }),
      effects: '[]',
    });
    await assert.rejects(new TableOfferStore(orders).load('T-2026-0001'), (err: Error) => {
      assert.ok(err instanceof StoredRowCorrupt);
      assert.ok(err.message.includes(`${prefix}Orders ${pk}/order`), err.message);
      assert.ok(err.message.includes('a@example.fi.status'), err.message);
      return true;
    });
  });

  it('when a timer row has a kind this code does not know, then the timers after it still fire and it is left in place', async () => {
    const jobs = store.table('Jobs');
    await jobs.createEntity({
      partitionKey: 'timer',
      rowKey: '2026-01-01T00:00:00.000Z|newer_kind|x|',
      kind: 'newer_kind',
      dueAt: '2026-01-01T00:00:00.000Z',
      orderId: 'T-2026-0001',
    });
    const timers = new TableJobStore(jobs);
    await timers.schedule({
      kind: 'task_reminder',
      dueAt: '2026-01-01T01:00:00.000Z',
      orderId: 'T-2026-0002',
    });

    const due = await timers.claimDueTimers(new Date('2026-01-02T00:00:00Z'), 60_000, 10);

    assert.deepEqual(
      due.map((t) => [t.kind, t.orderId]),
      [['task_reminder', 'T-2026-0002']],
    );
    const left = await jobs.getEntity('timer', '2026-01-01T00:00:00.000Z|newer_kind|x|');
    assert.equal(left.kind, 'newer_kind');
  });
});
