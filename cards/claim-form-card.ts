import type { ClaimFormView } from '../src/app/ports';
import type { ClaimField } from '../src/domain/fees/claim-form';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import { amountFacts } from './claim-amount-facts';
import {
  card,
  errorText,
  executeAction,
  facts,
  heading,
  textBlock,
  type AdaptiveCard,
  type Element,
} from './elements';
import { taskFacts } from './claim-card';
import { plain } from './plain-text';

export const SubmitClaimVerb = 'submit_claim';

/**
 * The expert's fee claim (SPEC §10), pre-filled from the assignment: actual times, kilometres
 * (`km`), other expenses with a note, payment type and business ID; the computed amount as facts.
 */
export function claimFormCard(
  v: ClaimFormView,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const f = v.form;
  const o = v.order;
  const withError = (field: ClaimField, input: Element): Element[] => {
    const reason = v.errors?.[field];
    return reason ? [input, errorText(t(reason))] : [input];
  };
  const label = (field: ClaimField) => t(`claim_label_${field}` as MessageKey);
  const body: Element[] = [
    ...(notice ? [textBlock(notice, { color: 'Attention' })] : []),
    heading(
      v.claimId
        ? t('claim_form_title_again', { claimId: v.claimId })
        : t(v.expensesOnly ? 'expenses_claim_title' : 'claim_form_title'),
    ),
    ...(v.reason
      ? [textBlock(t('claim_form_reason', { reason: plain(v.reason) }), { color: 'Attention' })]
      : []),
    textBlock(t(v.expensesOnly ? 'expenses_claim_intro' : 'claim_form_intro')),
    facts(taskFacts(o, v.unitName, lang, t)),
  ];
  // SPEC §5: peer supporters and trainees claim kilometres and expenses only: no times, no fee.
  if (!v.expensesOnly)
    body.push({
      type: 'ColumnSet',
      columns: (['actualStart', 'actualEnd'] as const).map((id) => ({
        type: 'Column',
        width: 'stretch',
        items: withError(id, {
          type: 'Input.Time',
          id,
          label: label(id),
          isRequired: true,
          errorMessage: t('field_required'),
          ...(f[id] ? { value: f[id] } : {}),
        }),
      })),
    });
  body.push(
    ...withError('km', {
      type: 'Input.Number',
      id: 'km',
      label: label('km'),
      min: 0,
      max: 10000,
      value: Number((f.km ?? '0').replace(',', '.')) || 0,
    }),
    ...withError('expenses', {
      type: 'Input.Number',
      id: 'expenses',
      label: label('expenses'),
      min: 0,
      value: Number((f.expenses ?? '0').replace(',', '.')) || 0,
    }),
    ...withError('expensesNote', {
      type: 'Input.Text',
      id: 'expensesNote',
      label: label('expensesNote'),
      maxLength: 500,
      placeholder: t('claim_expenses_note_placeholder'),
      ...(f.expensesNote ? { value: f.expensesNote } : {}),
    }),
  );
  if (!v.expensesOnly)
    body.push(
      ...withError('paymentType', {
        type: 'Input.ChoiceSet',
        id: 'paymentType',
        label: label('paymentType'),
        style: 'expanded',
        value: f.paymentType === 'tyokorvaus' ? 'tyokorvaus' : 'palkkio',
        choices: [
          { title: t('payment_palkkio'), value: 'palkkio' },
          { title: t('payment_tyokorvaus'), value: 'tyokorvaus' },
        ],
      }),
      ...withError('businessId', {
        type: 'Input.Text',
        id: 'businessId',
        label: label('businessId'),
        maxLength: 9,
        placeholder: '1234567-8',
        ...(f.businessId ? { value: f.businessId } : {}),
      }),
    );
  if (v.expensesOnly)
    body.push(textBlock(t('expenses_claim_zero_note'), { isSubtle: true, size: 'Small' }));
  if (v.amount)
    body.push(
      textBlock(t('claim_amount_title'), { weight: 'Bolder' }),
      facts(amountFacts(v.amount, lang, t)),
      textBlock(t('claim_amount_note'), { isSubtle: true, size: 'Small' }),
    );
  return card(body, [
    executeAction(t('submit_claim'), SubmitClaimVerb, { orderId: o.orderId }, 'positive'),
  ]);
}
