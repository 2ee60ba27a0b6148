import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type ClaimAmountInput,
  computeClaimAmount,
  eurosToCents,
  isValidBusinessId,
} from '../../src/domain/fees/claim-amount';
import { DEFAULT_TARIFF, migrateTariff, parseTariff } from '../../src/domain/fees/tariff';

function aClaim(overrides: Partial<ClaimAmountInput> = {}): ClaimAmountInput {
  return {
    taskType: 'peer_group',
    expertKind: 'trained',
    actualStart: '13:00',
    actualEnd: '15:00',
    km: 0,
    otherExpensesCents: 0,
    tariff: DEFAULT_TARIFF,
    ...overrides,
  };
}

function amountOf(input: ClaimAmountInput) {
  const result = computeClaimAmount(input);
  assert.ok(result.ok, `refused: ${result.ok ? '' : result.error}`);
  return result.value;
}

describe('claim amount', () => {
  it('when a lecture lasts 2 h 01 min, then 3 started hours are paid', () => {
    const amount = amountOf(
      aClaim({ taskType: 'lecture', actualStart: '13:00', actualEnd: '15:01' }),
    );
    assert.equal(amount.startedHours, 3);
    assert.equal(amount.feeCents, 3 * 4000);
  });

  it('when a task lasts exactly 2 h, then 2 hours are paid', () => {
    assert.equal(amountOf(aClaim({ taskType: 'lecture' })).feeCents, 8000);
  });

  it('when a group lasts 45 min, then the minimum fee is paid and the breakdown says so', () => {
    const amount = amountOf(aClaim({ actualStart: '10:00', actualEnd: '10:45' }));
    assert.equal(amount.startedHours, 1);
    assert.equal(amount.feeCents, 5000);
    assert.equal(amount.lines.find((l) => l.key === 'fee')?.detail.minimumApplied, 'yes');
  });

  it('when a peer supporter claims, then the fee is 0 but travel and expenses are paid', () => {
    const amount = amountOf(aClaim({ expertKind: 'peer', km: 10, otherExpensesCents: 420 }));
    assert.equal(amount.feeCents, 0);
    assert.equal(amount.kmCents, 550);
    assert.equal(amount.totalCents, 970);
  });

  it('when 12.5 km at 55 c makes 687.5 c, then it rounds half up to 688 c', () => {
    const amount = amountOf(aClaim({ km: 12.5 }));
    assert.equal(amount.kmCents, 688);
    assert.deepEqual(amount.lines.find((l) => l.key === 'km')?.detail, { km: 12.5, rateCents: 55 });
  });

  it('when kilometres have a float-unfriendly tenth, then the cents are still exact', () => {
    assert.equal(amountOf(aClaim({ km: 0.3 })).kmCents, 17, '16.5 → 17');
    assert.equal(amountOf(aClaim({ km: 1.1 })).kmCents, 61, '60.5 → 61');
    assert.equal(amountOf(aClaim({ km: 12.3 })).kmCents, 677, '676.5 → 677');
    assert.equal(amountOf(aClaim({ km: 0.1 })).kmCents, 6, '5.5 → 6');
  });

  it('when all parts are there, then the total is the sum and the lines break it down', () => {
    const amount = amountOf(aClaim({ taskType: 'lecture', km: 42.5, otherExpensesCents: 1250 }));
    assert.equal(amount.feeCents, 8000);
    assert.equal(amount.kmCents, 2338); // 2337.5
    assert.equal(amount.expensesCents, 1250);
    assert.equal(amount.totalCents, 8000 + 2338 + 1250);
    assert.deepEqual(
      amount.lines.map((l) => [l.key, l.cents]),
      [
        ['fee', 8000],
        ['km', 2338],
        ['expenses', 1250],
      ],
    );
  });

  it('when the input is impossible, then it is refused with a reason', () => {
    const refusal = (o: Partial<ClaimAmountInput>) => {
      const r = computeClaimAmount(aClaim(o));
      return r.ok ? 'accepted' : r.error;
    };
    assert.equal(refusal({ actualEnd: '12:00' }), 'end_before_start');
    assert.equal(refusal({ actualEnd: '13:00' }), 'end_before_start');
    assert.equal(refusal({ actualStart: '25:00' }), 'time_invalid');
    assert.equal(refusal({ km: -1 }), 'km_invalid');
    assert.equal(refusal({ km: 12.34 }), 'km_invalid');
    assert.equal(refusal({ km: Number.NaN }), 'km_invalid');
    assert.equal(refusal({ otherExpensesCents: 10.5 }), 'expenses_invalid');
    assert.equal(refusal({ otherExpensesCents: -100 }), 'expenses_invalid');
  });

  it('when euros are typed with a comma or a point, then they become exact cents', () => {
    assert.equal(eurosToCents('12,30'), 1230);
    assert.equal(eurosToCents(12.3), 1230);
    assert.equal(eurosToCents('0.05'), 5);
    assert.equal(eurosToCents('7'), 700);
    assert.equal(eurosToCents('1.234'), undefined);
    assert.equal(eurosToCents('-5'), undefined);
  });
});

describe('business id (Y-tunnus)', () => {
  it('when the check digit is right, then the id is valid', () => {
    assert.equal(isValidBusinessId('0737546-2'), true);
    assert.equal(isValidBusinessId('1572860-0'), true, 'sum 220, remainder 0 → check 0');
  });

  it('when the check digit is wrong or the form is not NNNNNNN-C, then the id is invalid', () => {
    assert.equal(isValidBusinessId('0737546-3'), false);
    assert.equal(isValidBusinessId('737546-2'), false, 'leading zero missing');
    assert.equal(isValidBusinessId('07375462'), false, 'no hyphen');
    assert.equal(isValidBusinessId('FI07375462'), false, 'VAT number is not a Y-tunnus');
    assert.equal(isValidBusinessId(''), false);
  });

  it('when the sum leaves remainder 1, then no check digit makes it valid', () => {
    // 0000006: 6 · 2 = 12, and 12 mod 11 = 1
    for (let check = 0; check <= 9; check++)
      assert.equal(isValidBusinessId(`0000006-${check}`), false);
  });
});

describe('tariff file', () => {
  it('when the shipped 2026-1 file is loaded, then it equals the default tariff', () => {
    const json: unknown = JSON.parse(
      readFileSync(path.join(__dirname, '../../data/tariffs/2026-1.json'), 'utf8'),
    );
    assert.deepEqual(migrateTariff(json), { ok: true, value: DEFAULT_TARIFF });
  });

  it('when a task type is missing or a key is misspelt, then the error names it', () => {
    const { lecture: _lecture, ...hourlyCents } = DEFAULT_TARIFF.hourlyCents;
    const missing = parseTariff({ ...DEFAULT_TARIFF, hourlyCents });
    assert.ok(
      !missing.ok && missing.error.includes('hourlyCents.lecture'),
      JSON.stringify(missing),
    );
    const typo = parseTariff({ ...DEFAULT_TARIFF, minimunCents: 1 });
    assert.ok(!typo.ok && typo.error.includes('minimunCents'), JSON.stringify(typo));
    const euros = parseTariff({ ...DEFAULT_TARIFF, kmCents: 0.55 });
    assert.ok(!euros.ok && euros.error.startsWith('kmCents'), JSON.stringify(euros));
  });
});
