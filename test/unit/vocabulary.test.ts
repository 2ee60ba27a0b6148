import assert from 'node:assert/strict';
import { AREAS, TASK_TYPES } from '../../src/domain/shared/vocabulary';

describe('vocabulary', () => {
  it('when listed, then task types and areas are the ids of SPEC §7', () => {
    assert.equal(TASK_TYPES.length, 11);
    assert.equal(AREAS.length, 10);
  });
});
