import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import { TASK_TYPES } from '../../src/domain/shared/vocabulary';
import { StoredRowCorrupt } from '../../src/storage/parse-stored';
import { TableLoadStore } from '../../src/storage/table-load-store';
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
});
