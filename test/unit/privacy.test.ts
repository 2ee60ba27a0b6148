import assert from 'node:assert/strict';
import type { Claim } from '../../src/domain/fees/claim';
import type { Order } from '../../src/domain/orders/order';
import {
  namesPerson,
  pseudonymiseClaim,
  pseudonymiseOffers,
  pseudonymiseOrder,
} from '../../src/domain/privacy/pseudonymise';
import {
  keepsOrder,
  nextRetentionRun,
  orderExpiresOn,
  paidMonthsDue,
} from '../../src/domain/privacy/retention';

const WHO = {
  email: 'eeva@example.fi',
  aadObjectId: 'aad-eeva',
  pseudonym: 'poistettu-0123456789',
};

const order = (o: Partial<Order> = {}): Order => ({
  orderId: 'T-2026-0001',
  status: 'filled',
  ordererId: 'aad-olli',
  ordererEmail: 'olli@example.fi',
  unitId: 'psy',
  createdAt: '2026-11-25T10:00:00.000Z',
  assigned: [{ email: 'eeva@example.fi', name: 'Eeva Expert', at: '2026-11-25T11:00:00.000Z' }],
  wave: 1,
  taskType: 'lecture',
  areas: ['mental_health'],
  date: '2026-11-30',
  start: '13:00',
  end: '15:00',
  remote: false,
  municipality: 'Jyväskylä',
  address: 'Keskussairaalantie 19',
  expertCount: 1,
  language: 'fi',
  audience: 'Sairaanhoitajat',
  claims: { 'eeva@example.fi': 'P-2026-0001' },
  ...o,
});

const claim = (c: Partial<Claim> = {}): Claim => ({
  claimId: 'P-2026-0001',
  orderId: 'T-2026-0001',
  expertEmail: 'eeva@example.fi',
  unitId: 'psy',
  status: 'paid',
  holderEmail: 'pay@example.fi',
  holderSince: '2026-12-02T08:00:00.000Z',
  versions: [
    {
      version: 1,
      submittedAt: '2026-11-30T13:00:00.000Z',
      actualStart: '13:00',
      actualEnd: '15:00',
      km: 10,
      otherExpensesCents: 500,
      expensesNote: 'Bussiliput Eevalle',
      paymentType: 'palkkio',
      amount: { feeCents: 8000, kmCents: 250, expensesCents: 500, totalCents: 8750 } as never,
      tariffVersion: '2026-1',
    },
  ],
  history: [
    {
      step: 'supervisor',
      by: 'sup@example.fi',
      at: '2026-12-01T08:00:00.000Z',
      action: 'approved',
      version: 1,
    },
    {
      step: 'payroll',
      by: 'pay@example.fi',
      at: '2026-12-02T08:00:00.000Z',
      action: 'paid',
      version: 1,
    },
  ],
  chain: { orderer: 'olli@example.fi', supervisor: 'sup@example.fi', payroll: 'pay@example.fi' },
  ...c,
});

describe('privacy rules (SPEC §13)', () => {
  describe('pseudonyms', () => {
    it('when an assigned expert is erased, then the order names only the pseudonym and keeps the orderer’s texts', () => {
      const after = pseudonymiseOrder(order(), WHO);
      assert.deepEqual(after.assigned[0], {
        email: WHO.pseudonym,
        name: WHO.pseudonym,
        at: '2026-11-25T11:00:00.000Z',
      });
      assert.deepEqual(after.claims, { [WHO.pseudonym]: 'P-2026-0001' });
      assert.equal(after.audience, 'Sairaanhoitajat');
      assert.equal(namesPerson(after, [], WHO), false);
    });

    it('when the orderer is erased, then their e-mail, id and free texts go and the figures stay', () => {
      const who = {
        email: 'olli@example.fi',
        aadObjectId: 'aad-olli',
        pseudonym: 'poistettu-aaaaaaaaaa',
      };
      const after = pseudonymiseOrder(order(), who);
      assert.equal(after.ordererEmail, who.pseudonym);
      assert.equal(after.ordererId, who.pseudonym);
      assert.equal(after.audience, undefined);
      assert.equal(after.address, undefined);
      assert.deepEqual(
        [after.date, after.taskType, after.unitId, after.expertCount, after.status],
        ['2026-11-30', 'lecture', 'psy', 1, 'filled'],
      );
    });

    it('when an offered expert is erased, then their offer is kept under the pseudonym', () => {
      const offers = pseudonymiseOffers(
        [
          {
            orderId: 'T-2026-0001',
            expertEmail: 'eeva@example.fi',
            wave: 1,
            status: 'declined',
            sentAt: 'a',
            expiresAt: 'b',
          },
          {
            orderId: 'T-2026-0001',
            expertEmail: 'otto@example.fi',
            wave: 1,
            status: 'closed',
            sentAt: 'a',
            expiresAt: 'b',
          },
        ],
        WHO,
      );
      assert.deepEqual(
        offers.map((o) => o.expertEmail),
        [WHO.pseudonym, 'otto@example.fi'],
      );
    });

    it('when the expert of a paid claim is erased, then the amounts, dates and payment stay and her note goes', () => {
      const before = claim();
      const after = pseudonymiseClaim(before, WHO);
      assert.equal(after.expertEmail, WHO.pseudonym);
      assert.equal(after.versions[0]!.expensesNote, undefined);
      assert.deepEqual(after.versions[0]!.amount, before.versions[0]!.amount);
      assert.deepEqual(after.history, before.history);
    });

    it('when an approver is erased, then the chain and history name the pseudonym', () => {
      const who = { email: 'sup@example.fi', pseudonym: 'poistettu-bbbbbbbbbb' };
      const after = pseudonymiseClaim(claim(), who);
      assert.equal(after.chain.supervisor, who.pseudonym);
      assert.equal(after.history[0]!.by, who.pseudonym);
      assert.equal(after.expertEmail, 'eeva@example.fi');
    });
  });

  describe('retention', () => {
    it('when a run has happened at 03:00 Helsinki time, then the next is at 03:00 the next day', () => {
      assert.equal(
        nextRetentionRun(new Date('2026-11-25T10:00:00Z')).toISOString(),
        '2026-11-26T01:00:00.000Z',
      );
      assert.equal(
        nextRetentionRun(new Date('2026-11-26T01:00:00Z')).toISOString(),
        '2026-11-27T01:00:00.000Z',
      );
      assert.equal(
        nextRetentionRun(new Date('2027-06-01T00:30:00Z')).toISOString(),
        '2027-06-02T00:00:00.000Z',
      );
    });

    it('when an order’s task was on 29 February, then it expires two years later on 28 February', () => {
      assert.equal(orderExpiresOn({ date: '2028-02-29' }), '2030-02-28');
      assert.equal(orderExpiresOn({ date: '2026-11-30' }), '2028-11-30');
    });

    it('when a claim is open, paid lately, paid 6 years ago or cancelled, then only the first two keep the order', () => {
      const now = new Date('2032-12-03T00:00:00Z');
      assert.equal(keepsOrder(claim({ status: 'awaiting_payroll', history: [] }), now), true);
      assert.equal(keepsOrder(claim(), new Date('2032-12-01T00:00:00Z')), true);
      assert.equal(keepsOrder(claim(), now), false);
      assert.equal(keepsOrder(claim({ status: 'cancelled' }), now), false);
    });

    it('when a month’s payments are all 6 years old, then that month is due, and not before', () => {
      assert.deepEqual(paidMonthsDue('2026-11', new Date('2032-12-31T12:00:00Z')), []);
      assert.deepEqual(paidMonthsDue('2026-11', new Date('2033-01-01T12:00:00Z')), ['2026-12']);
      assert.deepEqual(paidMonthsDue('2026-10', new Date('2033-01-01T12:00:00Z')), [
        '2026-11',
        '2026-12',
      ]);
    });
  });
});
