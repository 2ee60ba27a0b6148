import assert from 'node:assert/strict';
import { storedUnitSchema } from '../../src/domain/registers/types';
import { parseStored, StoredRowCorrupt } from '../../src/storage/parse-stored';

const unit = {
  unitId: 'U1',
  name: 'Unit',
  municipality: 'Espoo',
  supervisorEmail: 's@example.fi',
  payrollEmail: 'p@example.fi',
  costCenter: 'CC',
};

describe('parseStored', () => {
  it('when a stored row has a field its schema does not know yet, then the field is kept for the next write', () => {
    const read = parseStored(
      storedUnitSchema,
      JSON.stringify({ ...unit, addedLater: 'x' }),
      'Registers unit/U1',
    );
    assert.deepEqual(read, { ...unit, addedLater: 'x' });
  });

  it('when a stored row misses a required field, then the error names the row and the field', () => {
    const { payrollEmail: _missing, ...broken } = unit;
    assert.throws(
      () => parseStored(storedUnitSchema, JSON.stringify(broken), 'Registers unit/U1'),
      (err: Error) =>
        err instanceof StoredRowCorrupt &&
        err.message.startsWith('Stored row Registers unit/U1 does not parse: payrollEmail'),
    );
  });

  it('when the row has no data column, then that is said', () => {
    assert.throws(
      () => parseStored(storedUnitSchema, undefined, 'Registers unit/U1'),
      /Registers unit\/U1 does not parse: no data column/,
    );
  });
});
