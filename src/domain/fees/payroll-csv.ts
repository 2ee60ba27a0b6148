import { DateTime } from 'luxon';
import { ZONE } from '../shared/helsinki';
import { type Claim, type PaymentType, currentVersion } from './claim';

export interface PayrollCsvRow {
  claim: Claim;
  unit: { costCenter: string; name: string };
  expertName: string;
  paidAt?: string; // ISO instant or YYYY-MM-DD; else the claim's own payment, if any
}

const HEADER = [
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
];
// Excel in Finnish settings shows this text; it is a file format, not a user message.
const PAYMENT_TYPE: Record<PaymentType, string> = { palkkio: 'palkkio', tyokorvaus: 'työkorvaus' };
const INCOMES_REGISTER_DAYS = 5;

/**
 * Claims for payroll as Excel-FI reads them: UTF-8 with BOM, `;`, CRLF, decimal comma, dates
 * d.M.yyyy. The last column is the payment date + 5 days, the Incomes Register's deadline (when
 * that falls on a weekend or holiday the law allows the next working day; we show the stricter date).
 */
export function payrollCsv(rows: PayrollCsvRow[]): string {
  const lines = [HEADER, ...rows.map(toFields)].map((fields) => fields.map(quote).join(';'));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function toFields({ claim, unit, expertName, paidAt }: PayrollCsvRow): string[] {
  const version = currentVersion(claim);
  const { amount } = version;
  const paid = paidAt ?? claim.history.filter((h) => h.action === 'paid').at(-1)?.at;
  const paidDate = paid ? DateTime.fromISO(paid, { zone: ZONE }) : undefined;
  if (paidDate && !paidDate.isValid) throw new Error(`not a date: ${paid}`);
  return [
    claim.claimId,
    claim.orderId,
    text(expertName),
    text(unit.name),
    text(unit.costCenter),
    PAYMENT_TYPE[version.paymentType],
    version.paymentType === 'tyokorvaus' ? (version.businessId ?? '') : '',
    euros(amount.feeCents),
    euros(amount.kmCents),
    euros(amount.expensesCents),
    euros(amount.totalCents),
    paidDate ? paidDate.toFormat('d.M.yyyy') : '',
    paidDate ? paidDate.plus({ days: INCOMES_REGISTER_DAYS }).toFormat('d.M.yyyy') : '',
  ];
}

/** 12550 → "125,50": integers only, no thousands separator (Excel-FI parses it as a number). */
function euros(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0)
    throw new Error(`not an amount in cents: ${cents}`);
  return `${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`;
}

/** Register text must not run as a formula when payroll opens the file (CSV injection). */
function text(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

function quote(field: string): string {
  return /[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
