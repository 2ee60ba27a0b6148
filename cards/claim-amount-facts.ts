import type { ClaimAmount } from '../src/domain/fees/claim-amount';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
import { euros } from './format';

/** The amount and its breakdown, as fact rows: fee (how it was computed), kilometres, expenses, total. */
export function amountFacts(
  amount: ClaimAmount,
  lang: Language,
  t: Translate,
  expensesNote?: string,
): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const line of amount.lines) {
    const d = line.detail;
    const money = euros(line.cents, lang);
    if (line.key === 'fee') {
      const how =
        d.unpaid === 'yes'
          ? t('amount_fee_unpaid')
          : d.minimumApplied === 'yes'
            ? t('amount_fee_minimum', {
                hours: Number(d.startedHours),
                minimum: euros(Number(d.minimumCents), lang),
              })
            : t('amount_fee_hours', {
                hours: Number(d.startedHours),
                rate: euros(Number(d.hourlyCents), lang),
              });
      rows.push([t('amount_fee'), `${money} (${how})`]);
    } else if (line.key === 'km') {
      rows.push([
        t('amount_km'),
        `${money} (${t('amount_km_detail', { km: String(d.km).replace('.', lang === 'en' ? '.' : ','), rate: euros(Number(d.rateCents), lang) })})`,
      ]);
    } else {
      rows.push([t('amount_expenses'), expensesNote ? `${money} (${expensesNote})` : money]);
    }
  }
  rows.push([t('amount_total'), euros(amount.totalCents, lang)]);
  return rows;
}
