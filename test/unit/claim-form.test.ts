import assert from 'node:assert/strict';
import { createClaim, decideTimer } from '../../src/domain/fees/claim';
import {
  checkClaimForm,
  followUpTime,
  prefilledClaimForm,
  type ClaimForm,
} from '../../src/domain/fees/claim-form';
import { parsePeriod } from '../../src/domain/fees/period';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import { decideTaskDone, recordClaim, type Order } from '../../src/domain/orders/order';
import { containsPersonalIdentityCode } from '../../src/domain/shared/personal-identity-code';

const ctx = {
  taskType: 'lecture' as const,
  expertKind: 'trained' as const,
  tariff: DEFAULT_TARIFF,
  hasIdentityCode: containsPersonalIdentityCode,
};
const form = (f: ClaimForm = {}): ClaimForm => ({
  ...prefilledClaimForm({ start: '13:00', end: '15:00' }),
  ...f,
});

describe('claim card form', () => {
  it('when the pre-filled card is sent unchanged, then the fee is two started hours of a lecture and nothing else', () => {
    const checked = checkClaimForm(form(), ctx);
    assert.ok(checked.ok);
    assert.equal(checked.value.amount.totalCents, 8000);
    assert.equal(checked.value.paymentType, 'palkkio');
    assert.equal(checked.value.tariffVersion, '2026-1');
  });

  it('when kilometres and euros are written with a decimal comma, then they are read as numbers', () => {
    const checked = checkClaimForm(form({ km: '12,5', expenses: '6,40', actualEnd: '15:10' }), ctx);
    assert.ok(checked.ok);
    assert.equal(checked.value.km, 12.5);
    assert.equal(checked.value.otherExpensesCents, 640);
    assert.equal(checked.value.amount.feeCents, 12000, '15:10 starts a third hour');
    assert.equal(checked.value.amount.kmCents, 688);
  });

  it('when fields are wrong, then each is named with its reason and no amount is given', () => {
    const checked = checkClaimForm(
      form({ km: 'abc', expenses: '-3', paymentType: 'tyokorvaus', businessId: '' }),
      ctx,
    );
    assert.deepEqual(checked, {
      ok: false,
      error: { km: 'km_invalid', expenses: 'expenses_invalid', businessId: 'field_required' },
    });
    assert.deepEqual(checkClaimForm(form({ actualEnd: '12:00' }), ctx), {
      ok: false,
      error: { actualEnd: 'end_before_start' },
    });
    assert.deepEqual(
      checkClaimForm(form({ paymentType: 'tyokorvaus', businessId: '1234567-8' }), ctx),
      { ok: false, error: { businessId: 'business_id_invalid' } },
    );
    assert.deepEqual(checkClaimForm(form({ paymentType: 'cash' }), ctx), {
      ok: false,
      error: { paymentType: 'field_invalid' },
    });
    assert.deepEqual(checkClaimForm(form({ expensesNote: 'asiakas 131052-308T' }), ctx), {
      ok: false,
      error: { expensesNote: 'identity_code_refused' },
    });
  });

  it('when työkorvaus has a valid business ID, then it is kept; with palkkio a stray ID is dropped', () => {
    const invoice = checkClaimForm(
      form({ paymentType: 'Työkorvaus', businessId: '0737546-2' }),
      ctx,
    );
    assert.ok(invoice.ok);
    assert.equal(invoice.value.businessId, '0737546-2');
    const fee = checkClaimForm(form({ businessId: '0737546-2' }), ctx);
    assert.ok(fee.ok);
    assert.equal(fee.value.businessId, undefined);
  });
});

describe('follow-up time after a task', () => {
  const at = (date: string, end: string) => followUpTime({ date, end }).toISOString();
  it('when a task ends in the afternoon, then the claim card goes out at its end', () =>
    assert.equal(at('2026-11-30', '15:00'), '2026-11-30T13:00:00.000Z'));
  it('when a task ends late in the evening, then at 08:00 Helsinki the next morning', () =>
    assert.equal(at('2026-11-30', '22:30'), '2026-12-01T06:00:00.000Z'));
  it('when a task ends in the small hours, then at 08:00 that morning', () =>
    assert.equal(at('2026-12-01', '02:00'), '2026-12-01T06:00:00.000Z'));
});

describe('export period', () => {
  const now = new Date('2026-11-25T10:00:00Z');
  it('when nothing is given, then this month', () =>
    assert.deepEqual(parsePeriod('', now), ['2026-11']));
  it('when a month is written either way, then that month', () => {
    assert.deepEqual(parsePeriod('2026-3', now), ['2026-03']);
    assert.deepEqual(parsePeriod('11/2026', now), ['2026-11']);
    assert.deepEqual(parsePeriod('12.2026', now), ['2026-12']);
  });
  it('when a year is given, then its twelve months', () =>
    assert.equal(parsePeriod('2026', now)?.length, 12));
  it('when it is not a period, then undefined', () => {
    for (const bad of ['13/2026', '2026-00', 'eilen', '1.1.2026'])
      assert.equal(parsePeriod(bad, now), undefined, bad);
  });
});

describe('task done and the claim it moves', () => {
  const order = {
    orderId: 'T-2026-0001',
    ordererEmail: 'olli@example.fi',
    status: 'filled',
    assigned: [{ email: 'e@example.fi', name: 'E', at: '' }],
  } as unknown as Order;
  const start = new Date('2026-11-30T11:00:00Z');
  it('when the orderer confirms after the start, then it is recorded once; others and early clicks are refused', () => {
    const done = decideTaskDone(order, 'Olli@example.fi', new Date('2026-11-30T13:00:00Z'), start);
    assert.ok(done.ok);
    assert.equal(done.value.taskDoneBy, 'olli@example.fi');
    assert.deepEqual(
      decideTaskDone(done.value, 'olli@example.fi', new Date('2026-11-30T14:00:00Z'), start),
      { ok: false, error: 'task_already_confirmed' },
    );
    assert.deepEqual(
      decideTaskDone(order, 'someone@example.fi', new Date('2026-11-30T13:00:00Z'), start),
      { ok: false, error: 'order_not_yours' },
    );
    assert.deepEqual(
      decideTaskDone(order, 'olli@example.fi', new Date('2026-11-30T10:00:00Z'), start),
      { ok: false, error: 'task_not_started' },
    );
  });

  it('when an assignment already has a claim, then a second number is not recorded', () => {
    const once = recordClaim(order, 'e@example.fi', 'P-2026-0001')!;
    assert.equal(recordClaim(once, 'e@example.fi', 'P-2026-0002'), undefined);
  });

  it('when the task was confirmed before the claim was sent, then the claim starts at the supervisor with the confirmation in its history', () => {
    const version = {
      ...(checkClaimForm(form(), ctx) as { ok: true; value: any }).value,
      submittedAt: '2026-11-30T14:00:00.000Z',
    };
    const claim = createClaim({
      claimId: 'P-2026-0001',
      orderId: 'T-2026-0001',
      expertEmail: 'e@example.fi',
      unitId: 'psy',
      chain: {
        orderer: 'olli@example.fi',
        supervisor: 'sup@example.fi',
        payroll: 'pay@example.fi',
      },
      version,
      at: new Date('2026-11-30T14:00:00Z'),
      confirmed: { by: 'olli@example.fi', at: '2026-11-30T13:30:00.000Z' },
    });
    assert.equal(claim.status, 'awaiting_supervisor');
    assert.equal(claim.holderEmail, 'sup@example.fi');
    assert.deepEqual(
      claim.history.map((h) => [h.step, h.action, h.by]),
      [['orderer', 'approved', 'olli@example.fi']],
    );
    // Wednesday 2.12. is the second working day after Monday: nothing due; Thursday 3.12. reminds.
    assert.equal(decideTimer(claim, new Date('2026-12-02T10:00:00Z')), undefined);
    assert.deepEqual(decideTimer(claim, new Date('2026-12-03T06:00:00Z'))?.effects, [
      { type: 'remind_holder', email: 'sup@example.fi' },
    ]);
  });
});
