import assert from 'node:assert/strict';
import type { Order } from '../../src/domain/orders/order';
import {
  addCounts,
  deltaOf,
  isEmptyDelta,
  orderCounts,
  type Counts,
} from '../../src/domain/stats/aggregate';
import { percentile, statsFigures } from '../../src/domain/stats/figures';
import { parseStatsPeriod } from '../../src/domain/stats/period';

const NOW = new Date('2026-11-25T10:00:00Z'); // Wednesday 25.11.2026, 12:00 Helsinki
const id = (email: string) => `p-${email}`;

function anOrder(over: Partial<Order> = {}): Order {
  return {
    orderId: 'T-2026-0001',
    status: 'open',
    ordererId: 'o1',
    ordererEmail: 'orderer@example.fi',
    unitId: 'U1',
    createdAt: '2026-11-02T08:00:00.000Z', // Monday
    assigned: [],
    wave: 1,
    taskType: 'lecture',
    areas: ['mental_health', 'substance_use'],
    date: '2026-12-01',
    start: '13:00',
    end: '15:00',
    remote: false,
    municipality: 'Jyväskylä',
    expertCount: 1,
    language: 'fi',
    ...over,
  };
}

describe('stats aggregates and figures (SPEC §6)', () => {
  describe('running counts', () => {
    it('given an open order, when an expert takes the last place on Thursday, then the month row moves from open to filled with 3 working days and one task', () => {
      const before = anOrder();
      const after = anOrder({
        status: 'filled',
        assigned: [{ email: 'anna@example.fi', name: 'Anna', at: '2026-11-05T09:00:00.000Z' }],
      });
      const delta = deltaOf(orderCounts(before, id), orderCounts(after, id));
      assert.deepEqual(delta, {
        '2026-11|U1': {
          status: { open: -1, filled: 1 },
          fillDays: { '3': 1 },
          total: { tasks: 1 },
          experts: { 'p-anna@example.fi': 1 },
        },
      });
    });

    it('given an order, when a wave goes out and nothing counted changes, then there is nothing to apply', () => {
      assert.ok(
        isEmptyDelta(deltaOf(orderCounts(anOrder(), id), orderCounts(anOrder({ wave: 2 }), id))),
      );
    });

    it('given a filled order, when it is cancelled, then its tasks and fill sample leave the counts', () => {
      const filled = anOrder({
        status: 'filled',
        assigned: [{ email: 'anna@example.fi', name: 'Anna', at: '2026-11-02T09:00:00.000Z' }],
      });
      const sum = addCounts(
        orderCounts(filled, id)['2026-11|U1']!,
        deltaOf(orderCounts(filled, id), orderCounts({ ...filled, status: 'cancelled' }, id))[
          '2026-11|U1'
        ]!,
      );
      assert.deepEqual(sum, {
        total: { orders: 1 },
        status: { cancelled: 1 },
        taskType: { lecture: 1 },
        area: { mental_health: 1, substance_use: 1 },
      });
    });
  });

  describe('percentiles from a histogram', () => {
    it('given samples 0,1,1,2,5 days, when the median and p90 are taken, then they are 1 and 5 (nearest rank)', () => {
      const h = { '0': 1, '1': 2, '2': 1, '5': 1 };
      assert.equal(percentile(h, 0.5), 1);
      assert.equal(percentile(h, 0.9), 5);
    });
    it('given no samples, when a percentile is taken, then there is none', () => {
      assert.equal(percentile({}, 0.5), undefined);
    });
  });

  describe('figures', () => {
    it('given two units and five active experts, when the figures are made, then fill rate, fairness, spending and stuck claims add up', () => {
      const rows: { key: string; counts: Counts }[] = [
        {
          key: '2026-10|U1',
          counts: {
            total: { orders: 4, tasks: 5, paidClaims: 1, spendingCents: 10000 },
            status: { filled: 3, cancelled: 1 },
            experts: { a: 3, b: 1, c: 1 },
            fillDays: { '0': 1, '2': 2 },
            feedback: { ordererSum: 9, ordererCount: 2 },
          },
        },
        {
          key: '2026-11|U2',
          counts: { total: { orders: 2, spendingCents: 5000 }, status: { unfilled: 1, open: 1 } },
        },
        { key: '2026-09|U1', counts: { total: { orders: 7 } } }, // outside the period
        // Waiting since Monday 16.11 (7 working days by 25.11: stuck) and Monday 23.11 (2: not).
        { key: 'open|U1', counts: { waiting: { '2026-11-16': 2, '2026-11-23': 1 } } },
      ];
      const f = statsFigures({
        months: ['2026-10', '2026-11'],
        rows,
        activeExperts: ['a', 'b', 'c', 'd', 'e'],
        now: NOW,
      });
      assert.deepEqual(f.byMonth, [
        { month: '2026-10', orders: 4 },
        { month: '2026-11', orders: 2 },
      ]);
      assert.equal(f.orders, 6);
      assert.equal(f.fillRate, 3 / 5);
      assert.deepEqual([f.orderToFilled.median, f.orderToFilled.p90], [2, 2]);
      assert.deepEqual(f.fairness, {
        activeExperts: 5,
        tasks: 5,
        busiestShare: 3 / 5,
        withNone: 2,
      });
      assert.deepEqual(f.spending, [
        { unitId: 'U1', cents: 10000 },
        { unitId: 'U2', cents: 5000 },
      ]);
      assert.deepEqual([f.claimsWaiting, f.claimsStuck], [3, 2]);
      assert.deepEqual(f.feedback.orderer, { count: 2, average: 4.5 });
    });
  });

  describe('periods in three languages', () => {
    const months = (text: string) => parseStatsPeriod(text, NOW)?.months;
    it('when nothing is written, then the period is this year', () => {
      assert.equal(months('')?.length, 12);
      assert.equal(months('')?.[0], '2026-01');
    });
    it('when a year, a month or a quarter is written, then those months', () => {
      assert.deepEqual(months('2025')?.at(-1), '2025-12');
      assert.deepEqual(months('2026-11'), ['2026-11']);
      assert.deepEqual(months('Q3'), ['2026-07', '2026-08', '2026-09']);
      assert.deepEqual(months('q1 2025'), ['2025-01', '2025-02', '2025-03']);
    });
    it('when a month is named in Finnish, Swedish or English, then that month', () => {
      for (const t of ['marraskuu 2026', 'november 2026', 'November', 'marraskuu'])
        assert.deepEqual(months(t), ['2026-11'], t);
      assert.deepEqual(months('maj 2026'), ['2026-05']);
    });
    it('when the last 90 days are asked for in any language, then the months those days touch', () => {
      for (const t of ['last 90 days', 'viime 90 päivää', 'senaste 90 dagarna'])
        assert.deepEqual(months(t), ['2026-08', '2026-09', '2026-10', '2026-11'], t);
    });
    it('when the period cannot be read, then there is none', () => {
      for (const t of ['eilen', 'Q5', 'last 0 days', '13/2026', 'blue'])
        assert.equal(parseStatsPeriod(t, NOW), undefined, t);
    });
  });
});
