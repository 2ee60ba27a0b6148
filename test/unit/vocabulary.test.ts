import assert from 'node:assert/strict';
import { DEFAULT_TARIFF, migrateTariff, parseTariff } from '../../src/domain/fees/tariff';
import { fi } from '../../src/i18n/fi';
import { DEFAULT_HOURLY_CENTS, TASK_TYPE_TABLE } from '../../src/domain/shared/task-types';
import { AREAS, PEER_SUPPORT_TASK_TYPES, TASK_TYPES } from '../../src/domain/shared/vocabulary';

describe('vocabulary', () => {
  it('when listed, then task types and areas are the ids of SPEC §7', () => {
    assert.deepEqual(TASK_TYPES, Object.keys(TASK_TYPE_TABLE));
    assert.equal(TASK_TYPES[0], 'lecture');
    assert.equal(AREAS.length, 10);
  });

  it('when the task type table is read, then every type has a title, a fee and words, and the peer types are its flagged rows', () => {
    for (const type of TASK_TYPES) {
      assert.ok(`task_${type}` in fi, `task_${type} has a title`);
      assert.ok(TASK_TYPE_TABLE[type].words.length > 0, `${type} has words`);
      assert.equal(DEFAULT_TARIFF.hourlyCents[type], TASK_TYPE_TABLE[type].hourlyCents);
    }
    assert.deepEqual(PEER_SUPPORT_TASK_TYPES, ['peer_group', 'peer_reception']);
  });
});

describe('stored tariff migration', () => {
  // A tariff saved by a coordinator before `mentoring` was added to the table.
  const { mentoring: _added, ...before } = {
    ...DEFAULT_TARIFF.hourlyCents,
    lecture: 4500,
  };
  const stored = { ...DEFAULT_TARIFF, version: '2026-2', hourlyCents: before };

  it('when a tariff stored before a new task type is read, then the new type has its default fee and the saved fees stay', () => {
    const read = migrateTariff(JSON.parse(JSON.stringify(stored)));
    assert.ok(read.ok, JSON.stringify(read));
    assert.equal(read.value.hourlyCents.mentoring, DEFAULT_HOURLY_CENTS.mentoring);
    assert.equal(read.value.hourlyCents.lecture, 4500);
    assert.equal(read.value.version, '2026-2');
    assert.ok(TASK_TYPES.every((t) => Number.isInteger(read.value.hourlyCents[t])));
  });

  it('when the same tariff is checked as new input, then the missing type is still refused by name', () => {
    const checked = parseTariff(stored);
    assert.ok(
      !checked.ok && checked.error.includes('hourlyCents.mentoring'),
      JSON.stringify(checked),
    );
  });

  it('when a stored tariff has a bad fee, then migration does not hide it', () => {
    const read = migrateTariff({
      ...stored,
      hourlyCents: { ...before, lecture: 'x' },
    });
    assert.ok(!read.ok && read.error.includes('hourlyCents.lecture'), JSON.stringify(read));
  });
});
