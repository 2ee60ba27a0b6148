import assert from 'node:assert/strict';
import { computeClaimAmount } from '../../src/domain/fees/claim-amount';
import {
  type Claim,
  type ClaimVersion,
  createClaim,
  decideClaim,
} from '../../src/domain/fees/claim';
import { payrollCsv } from '../../src/domain/fees/payroll-csv';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';

const PAYROLL = 'pekka.payroll@example.fi';

function aClaim(overrides: Partial<ClaimVersion> = {}, claimId = 'P-2026-0007'): Claim {
  const amount = computeClaimAmount({
    taskType: 'lecture',
    expertKind: 'trained',
    actualStart: '13:00',
    actualEnd: '15:30',
    km: 12.5,
    otherExpensesCents: 1250,
    tariff: DEFAULT_TARIFF,
  });
  assert.ok(amount.ok);
  return createClaim({
    claimId,
    orderId: 'T-2026-0042',
    expertEmail: 'aino@example.fi',
    unitId: 'unit-1',
    chain: { orderer: 'o@example.fi', supervisor: 's@example.fi', payroll: PAYROLL },
    version: {
      submittedAt: '2026-03-02T10:00:00.000Z',
      actualStart: '13:00',
      actualEnd: '15:30',
      km: 12.5,
      otherExpensesCents: 1250,
      paymentType: 'palkkio',
      amount: amount.value,
      tariffVersion: DEFAULT_TARIFF.version,
      ...overrides,
    },
    at: new Date('2026-03-02T10:00:00.000Z'),
  });
}

/** Splits the file the way Excel-FI reads it: BOM off, CRLF rows, `;` fields, quotes undone. */
function readAsExcelFi(csv: string): string[][] {
  assert.ok(csv.startsWith('\uFEFF'), 'BOM');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const text = csv.slice(1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  assert.equal(field, '', 'the file ends with CRLF');
  return rows;
}

const unit = { costCenter: '4100', name: 'Psykiatrian poliklinikka' };

describe('payroll CSV', () => {
  it('when a paid claim is exported, then Excel-FI sees a Finnish header, decimal-comma amounts and the Incomes Register deadline 5 days after payment', () => {
    let claim = aClaim();
    for (const cmd of [
      { type: 'confirm_task', actor: 'o@example.fi' },
      { type: 'approve', actor: 's@example.fi' },
      { type: 'mark_paid', actor: PAYROLL },
    ] as const) {
      // Paid on Friday 27.3.2026 at 00:30 Helsinki time, which is still 26.3. in UTC.
      const result = decideClaim(claim, { ...cmd, at: new Date('2026-03-26T22:30:00.000Z') });
      assert.ok(result.ok);
      claim = result.value.claim;
    }
    const csv = payrollCsv([{ claim, unit, expertName: 'Aino Asiantuntija' }]);
    const [header, row] = readAsExcelFi(csv);
    assert.deepEqual(header, [
      'Hakemus',
      'Tilaus',
      'Kokemusasiantuntija',
      'Yksikkö',
      'Kustannuspaikka',
      'Maksutapa',
      'Y-tunnus',
      'Verollinen palkkio',
      'Kilometrikorvaus',
      'Muut kulut',
      'Yhteensä',
      'Maksettu',
      'Ilmoitettava tulorekisteriin viimeistään',
    ]);
    // 3 started hours × 40 € = 120 €; 12.5 km × 0.55 € = 6.875 € → 6,88 €; 12,50 € expenses
    assert.deepEqual(row, [
      'P-2026-0007',
      'T-2026-0042',
      'Aino Asiantuntija',
      'Psykiatrian poliklinikka',
      '4100',
      'palkkio',
      '',
      '120,00',
      '6,88',
      '12,50',
      '139,38',
      '27.3.2026',
      '1.4.2026',
    ]);
  });

  it('when fields hold a semicolon, a quote or a line break, then they are quoted and come back whole', () => {
    const csv = payrollCsv([
      {
        claim: aClaim(),
        unit: { costCenter: '4100;01', name: 'Lasten "Tähti" -osasto\nB' },
        expertName: 'Åsa Öberg',
        paidAt: '2026-12-28',
      },
    ]);
    assert.ok(csv.includes(';"Lasten ""Tähti"" -osasto\nB";"4100;01";'), csv);
    const [, row] = readAsExcelFi(csv);
    assert.equal(row?.[2], 'Åsa Öberg');
    assert.equal(row?.[3], 'Lasten "Tähti" -osasto\nB');
    assert.equal(row?.[4], '4100;01');
    assert.deepEqual(row?.slice(-2), ['28.12.2026', '2.1.2027']);
  });

  it('when every line ends, then it ends with CRLF', () => {
    const csv = payrollCsv([
      { claim: aClaim(), unit, expertName: 'A' },
      { claim: aClaim({}, 'P-2026-0008'), unit, expertName: 'B' },
    ]);
    assert.equal(
      csv.split('\r\n').length,
      4,
      'header, two rows, and the empty rest after the last CRLF',
    );
    assert.equal(csv.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('when a claim is approved but not yet paid, then the payment and deadline columns are empty', () => {
    const [, row] = readAsExcelFi(payrollCsv([{ claim: aClaim(), unit, expertName: 'A' }]));
    assert.deepEqual(row?.slice(-2), ['', '']);
  });

  it('when the claim is paid against an invoice, then the payment type and business ID are shown', () => {
    const claim = aClaim({ paymentType: 'tyokorvaus', businessId: '0737546-2' });
    const [, row] = readAsExcelFi(
      payrollCsv([
        {
          claim,
          unit,
          expertName: 'A',
          paidAt: helsinkiInstant('2026-06-01', '10:00').toISOString(),
        },
      ]),
    );
    assert.deepEqual(row?.slice(5, 7), ['työkorvaus', '0737546-2']);
    assert.deepEqual(row?.slice(-2), ['1.6.2026', '6.6.2026']);
  });

  it('when a register name starts like a formula, then Excel is kept from running it', () => {
    const [, row] = readAsExcelFi(
      payrollCsv([{ claim: aClaim(), unit, expertName: '=HYPERLINK("http://x")' }]),
    );
    assert.equal(row?.[2], `'=HYPERLINK("http://x")`);
  });

  it('when there are no claims, then the file has only the header', () => {
    assert.equal(readAsExcelFi(payrollCsv([])).length, 1);
  });
});
