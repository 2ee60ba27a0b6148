import { DateTime } from 'luxon';
import type { FeedbackRole } from '../feedback/feedback';
import type { Order } from '../orders/order';
import { ZONE } from '../shared/helsinki';
import { containsPersonalIdentityCode } from '../shared/personal-identity-code';
import { workingDaysBetween } from '../shared/working-days';

// Excel in Finnish settings shows these headers; they are a file format, like the payroll CSV's.
const ORDER_HEADER = [
  'Tilaus',
  'Tilattu',
  'Tehtävän päivä',
  'Tehtävätyyppi',
  'Kokemusalueet',
  'Kunta',
  'Etänä',
  'Yksikkö',
  'Tila',
  'Asiantuntijoita tilattu',
  'Asiantuntijoita mukana',
  'Täyttyi',
  'Työpäiviä täyttymiseen',
];
const FEEDBACK_HEADER = [
  'Tilaus',
  'Tehtävän päivä',
  'Tehtävätyyppi',
  'Yksikkö',
  'Arvioija',
  'Arvosana',
  'Annettu',
];
const ROLE: Record<FeedbackRole, string> = { orderer: 'tilaaja', expert: 'kokemusasiantuntija' };

export interface FeedbackCsvRow {
  order: Order;
  role: FeedbackRole;
  rating: number;
  givenAt: string;
  comment?: string;
}

const day = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toFormat('d.M.yyyy');
const date = (ymd: string) => DateTime.fromISO(ymd, { zone: ZONE }).toFormat('d.M.yyyy');

/** Text must not run as a formula when the file is opened (CSV injection). */
const text = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const quote = (field: string) =>
  /[;"\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
const csv = (lines: string[][]) =>
  `\uFEFF${lines.map((fields) => fields.map(quote).join(';')).join('\r\n')}\r\n`;

/**
 * Orders as Excel-FI reads them (UTF-8 with BOM, `;`, CRLF): what was ordered and how it went,
 * without anyone's name or e-mail and without the free texts (audience, wishes, address), which
 * may tell about someone's health (SPEC §6).
 */
export function ordersCsv(orders: readonly Order[], unitName: (id: string) => string): string {
  return csv([
    ORDER_HEADER,
    ...orders.map((o) => {
      const filledAt =
        o.status === 'filled'
          ? o.assigned
              .map((a) => a.at)
              .sort()
              .at(-1)
          : undefined;
      return [
        o.orderId,
        day(o.createdAt),
        date(o.date),
        o.taskType,
        o.areas.join(', '),
        text(o.remote ? '' : (o.municipality ?? '')),
        o.remote ? 'kyllä' : 'ei',
        text(unitName(o.unitId)),
        o.status,
        String(o.expertCount),
        String(o.status === 'cancelled' ? 0 : o.assigned.length),
        filledAt ? day(filledAt) : '',
        filledAt ? String(workingDaysBetween(new Date(o.createdAt), new Date(filledAt))) : '',
      ];
    }),
  ]);
}

/**
 * Ratings as Excel-FI reads them: the task, who rated (orderer or expert, never by name), the
 * rating and when. Comments only in the coordinators' file; one that holds an identity code is
 * left out (the card refuses them; this guards rows older than that check).
 */
export function feedbackCsv(
  rows: readonly FeedbackCsvRow[],
  unitName: (id: string) => string,
  withComments: boolean,
): string {
  return csv([
    withComments ? [...FEEDBACK_HEADER, 'Kommentti'] : FEEDBACK_HEADER,
    ...rows.map((r) => {
      const fields = [
        r.order.orderId,
        date(r.order.date),
        r.order.taskType,
        text(unitName(r.order.unitId)),
        ROLE[r.role],
        String(r.rating),
        day(r.givenAt),
      ];
      if (!withComments) return fields;
      const comment = r.comment && !containsPersonalIdentityCode(r.comment) ? r.comment : '';
      return [...fields, text(comment.replace(/\r?\n/g, ' '))];
    }),
  ]);
}
