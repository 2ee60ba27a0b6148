import assert from 'node:assert/strict';
import { traineeActivity } from '../../src/domain/registers/trainee-activity';

describe('trainees left without tasks (60 days)', () => {
  const TODAY = '2026-12-07';

  it('when the last task along was 70 days ago, then the trainee is idle and the date is shown', () => {
    assert.deepEqual(traineeActivity([{ date: '2026-09-28' }], TODAY), {
      lastAlong: '2026-09-28',
      idle: true,
    });
  });

  it('when the last task along was 10 days ago, or exactly 60 days ago, then the trainee is not idle', () => {
    assert.equal(traineeActivity([{ date: '2026-11-27' }], TODAY).idle, false);
    assert.equal(traineeActivity([{ date: '2026-10-08' }], TODAY).idle, false);
    assert.equal(traineeActivity([{ date: '2026-10-07' }], TODAY).idle, true);
  });

  it('when a task along is agreed for a later day, then the trainee is not idle and the next date is given', () => {
    const a = traineeActivity([{ date: '2026-08-01' }, { date: '2026-12-20' }], TODAY);
    assert.deepEqual(a, { lastAlong: '2026-08-01', nextAlong: '2026-12-20', idle: false });
  });

  it('when a trainee has not gone along yet, then they are idle only once they have been a trainee for 60 days, and unknown counts as long ago', () => {
    assert.deepEqual(traineeActivity([], TODAY, '2026-11-07'), { idle: false });
    assert.deepEqual(traineeActivity([], TODAY, '2026-10-07'), { idle: true });
    assert.deepEqual(traineeActivity([], TODAY), { idle: true });
  });

  it('when an old task along is older than the known trainee date, then the task date counts', () => {
    assert.equal(traineeActivity([{ date: '2026-09-01' }], TODAY, '2026-12-01').idle, true);
  });
});
