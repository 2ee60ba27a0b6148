import assert from 'node:assert/strict';
import { checkForcedAssignment } from '../../src/domain/matching/forced-assignment';
import type { MatchOrder } from '../../src/domain/matching/match-experts';
import type { Expert } from '../../src/domain/registers/types';

const order: MatchOrder = {
  orderId: 'T-2026-0001',
  taskType: 'lecture',
  areas: ['mental_health'],
  date: '2026-12-15',
  start: '13:00',
  end: '15:00',
  remote: false,
  municipality: 'Jyväskylä',
  language: 'fi',
  expertCount: 1,
};
const expert = (e: Partial<Expert> = {}): Expert => ({
  email: 'e@example.fi',
  name: 'E',
  kind: 'trained',
  areas: ['mental_health'],
  regions: ['Jyväskylä'],
  languages: ['fi'],
  remote: true,
  onsite: true,
  maxPerMonth: 8,
  ...e,
});
const ctx = (
  assignments: Array<{
    orderId: string;
    date: string;
    start: string;
    end: string;
    remote: boolean;
  }> = [],
) => ({ today: '2026-11-25', loads: new Map([['e@example.fi', { assignments }]]) });

describe('forced assignment by a coordinator', () => {
  it('when every hard rule holds, then the expert fits without a confirmation', () => {
    assert.deepEqual(checkForcedAssignment(order, expert(), ctx()), { type: 'fits' });
  });

  it('when the monthly maximum, the area, the language and the place are all broken, then each is named for the confirmation', () => {
    const check = checkForcedAssignment(
      order,
      expert({ areas: ['homelessness'], languages: ['sv'], regions: ['Kuopio'], maxPerMonth: 1 }),
      ctx([
        { orderId: 'T-2026-0002', date: '2026-12-01', start: '09:00', end: '10:00', remote: true },
      ]),
    );
    assert.deepEqual(check, {
      type: 'needs_confirmation',
      rules: ['area', 'language', 'place', 'monthly_max'],
    });
  });

  it('when the expert is paused, removed, a peer supporter on a paid task, or busy at the time, then it is refused with that rule', () => {
    assert.deepEqual(checkForcedAssignment(order, expert({ pausedUntil: '2026-12-31' }), ctx()), {
      type: 'refused',
      rule: 'paused',
    });
    assert.deepEqual(checkForcedAssignment(order, expert({ removed: true }), ctx()), {
      type: 'refused',
      rule: 'inactive',
    });
    assert.deepEqual(checkForcedAssignment(order, expert({ kind: 'peer' }), ctx()), {
      type: 'refused',
      rule: 'kind_not_allowed',
    });
    const busy = ctx([
      { orderId: 'T-2026-0003', date: '2026-12-15', start: '14:00', end: '16:00', remote: false },
    ]);
    assert.deepEqual(checkForcedAssignment(order, expert({ areas: ['homelessness'] }), busy), {
      type: 'refused',
      rule: 'overlap',
    });
  });

  it('when the expert already holds this very order, then that is no overlap', () => {
    assert.deepEqual(
      checkForcedAssignment(
        order,
        expert(),
        ctx([
          {
            orderId: 'T-2026-0001',
            date: '2026-12-15',
            start: '13:00',
            end: '15:00',
            remote: false,
          },
        ]),
      ),
      { type: 'fits' },
    );
  });
});
