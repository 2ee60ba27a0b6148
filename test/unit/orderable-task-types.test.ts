import assert from 'node:assert/strict';
import { CATALOGUE } from '../../src/domain/orders/catalogue';
import { checkOrderForm, type FormContext, type OrderForm } from '../../src/domain/orders/order';
import {
  isOrderable,
  ORDERABLE_TASK_TYPES,
  TASK_TYPE_TABLE,
  TASK_TYPES,
} from '../../src/domain/shared/task-types';

describe('orderable task types', () => {
  it('when the orderable types are listed, then mentoring is left out and every other type is in, in the table order', () => {
    assert.deepEqual(
      ORDERABLE_TASK_TYPES,
      TASK_TYPES.filter((t) => t !== 'mentoring'),
    );
    assert.equal(isOrderable('mentoring'), false);
    assert.equal(isOrderable('lecture'), true);
    assert.equal(isOrderable('nonsense'), false);
    assert.equal(isOrderable(undefined), false);
  });

  it('when the vocabulary is read, then mentoring keeps its id, fee and words for old rows', () => {
    assert.ok(TASK_TYPES.includes('mentoring'));
    assert.equal(TASK_TYPE_TABLE.mentoring.hourlyCents, 3000);
    assert.ok(TASK_TYPE_TABLE.mentoring.words.length > 0);
  });

  it('when the catalogue is read, then it offers exactly the orderable types', () => {
    assert.deepEqual(CATALOGUE.map((e) => e.taskType).sort(), [...ORDERABLE_TASK_TYPES].sort());
  });
});

describe('checkOrderForm: a type that is no longer ordered', () => {
  const ctx: FormContext = {
    today: '2026-03-02',
    nowTime: '10:00',
    resolveMunicipality: () => undefined,
  };
  const form: OrderForm = {
    taskType: 'mentoring',
    areas: 'disability',
    date: '2026-03-13',
    start: '13:00',
    end: '15:00',
    remote: 'true',
    expertCount: '1',
    language: 'fi',
  };

  it('when a card sends mentoring, then only the task type is refused, with its own reason', () => {
    const r = checkOrderForm(form, ctx);
    assert.ok(!r.ok);
    assert.deepEqual(r.error, { taskType: 'task_type_not_orderable' });
  });

  it('when an old mentoring order is changed, then it may keep its type but no other order may take it', () => {
    const kept = checkOrderForm(form, { ...ctx, keepTaskType: 'mentoring' });
    assert.ok(kept.ok);
    assert.equal(kept.value.taskType, 'mentoring');
    const other = checkOrderForm(form, { ...ctx, keepTaskType: 'lecture' });
    assert.ok(!other.ok);
    assert.equal(other.error.taskType, 'task_type_not_orderable');
  });
});
