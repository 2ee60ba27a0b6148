import type { Tariff } from '../src/domain/fees/tariff';
import { estimateOrder } from '../src/domain/orders/catalogue';
import type { FieldErrors, Order, OrderField, OrderForm } from '../src/domain/orders/order';
import { AREAS, LANGUAGES, TASK_TYPES, type Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
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
import { euros } from './format';
import { orderSummary } from './order-summary';

export const Verb = { sendOrder: 'send_order' } as const;

export interface OrderCardView {
  draftId: string;
  fields: OrderForm;
  errors: FieldErrors;
  /** Shown when the registers do not tell the orderer's unit: asked once, then remembered. */
  units?: Array<{ id: string; name: string }>;
  /** A line above the form: what is missing, or why the order was not sent. */
  note?: string;
  /** The tariff in force and the orderer's language: the card then shows the estimated cost (SPEC §3). */
  estimate?: { tariff: Tariff; lang: Language };
}

/** The estimated cost as a FactSet line, or nothing while the type or times are missing. */
function estimateFacts(f: OrderForm, tariff: Tariff, lang: Language, t: Translate): Element[] {
  const e = estimateOrder(tariff, f);
  if (e === undefined) return [];
  const value = t('estimate_value', {
    total: euros(e.totalCents, lang),
    experts: e.experts,
    hours: e.startedHours,
    rate: euros(e.hourlyCents, lang),
    minimum: euros(e.minimumCents, lang),
  });
  return [facts([[t('estimate_label'), value]])];
}

/** The pre-filled order card (SPEC §10): every input with its error, if any, right below it. */
export function orderCard(v: OrderCardView, t: Translate): AdaptiveCard {
  const f = v.fields;
  const withError = (field: OrderField, input: Element): Element[] => {
    const reason = v.errors[field];
    return reason
      ? [{ ...input, isRequired: input.isRequired ?? false }, errorText(t(reason))]
      : [input];
  };
  const label = (field: OrderField) => t(`label_${field}` as MessageKey);
  const choice = (
    id: string,
    options: Array<[string, string]>,
    value?: string,
    multi = false,
  ): Element => ({
    type: 'Input.ChoiceSet',
    id,
    label: label(id as OrderField),
    placeholder: t('choose'),
    style: 'compact',
    isMultiSelect: multi,
    choices: options.map(([value, title]) => ({ title, value })),
    ...(value ? { value } : {}),
  });

  const body: Element[] = [
    heading(t('order_card_title')),
    textBlock(v.note ?? t('order_card_intro'), { isSubtle: true }),
  ];
  if (v.units)
    body.push(
      ...withError(
        'unitId',
        choice(
          'unitId',
          v.units.map((u) => [u.id, u.name]),
          f.unitId,
        ),
      ),
    );
  body.push(
    ...withError(
      'taskType',
      choice(
        'taskType',
        TASK_TYPES.map((id) => [id, t(`task_${id}`)]),
        f.taskType,
      ),
    ),
    ...withError(
      'areas',
      choice(
        'areas',
        AREAS.map((id) => [id, t(`area_${id}`)]),
        f.areas,
        true,
      ),
    ),
    ...withError('date', {
      type: 'Input.Date',
      id: 'date',
      label: label('date'),
      ...(f.date ? { value: f.date } : {}),
    }),
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: withError('start', {
            type: 'Input.Time',
            id: 'start',
            label: label('start'),
            ...(f.start ? { value: f.start } : {}),
          }),
        },
        {
          type: 'Column',
          width: 'stretch',
          items: withError('end', {
            type: 'Input.Time',
            id: 'end',
            label: label('end'),
            ...(f.end ? { value: f.end } : {}),
          }),
        },
      ],
    },
    {
      type: 'Input.Toggle',
      id: 'remote',
      title: label('remote'),
      value: f.remote === 'true' ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
    ...withError('municipality', {
      type: 'Input.Text',
      id: 'municipality',
      label: label('municipality'),
      maxLength: 100,
      ...(f.municipality ? { value: f.municipality } : {}),
    }),
    ...withError('address', {
      type: 'Input.Text',
      id: 'address',
      label: label('address'),
      maxLength: 200,
      ...(f.address ? { value: f.address } : {}),
    }),
    ...withError('expertCount', {
      type: 'Input.Number',
      id: 'expertCount',
      label: label('expertCount'),
      min: 1,
      max: 10,
      value: Number(f.expertCount ?? '1') || 1,
    }),
    ...withError(
      'language',
      choice(
        'language',
        LANGUAGES.map((l) => [l, t(`lang_${l}`)]),
        f.language ?? 'fi',
      ),
    ),
    ...withError('audience', {
      type: 'Input.Text',
      id: 'audience',
      label: label('audience'),
      isMultiline: true,
      maxLength: 1000,
      ...(f.audience ? { value: f.audience } : {}),
    }),
    ...withError('wishes', {
      type: 'Input.Text',
      id: 'wishes',
      label: label('wishes'),
      isMultiline: true,
      maxLength: 1000,
      ...(f.wishes ? { value: f.wishes } : {}),
    }),
  );
  if (v.estimate) body.push(...estimateFacts(f, v.estimate.tariff, v.estimate.lang, t));
  return card(body, [
    executeAction(t('send_order'), Verb.sendOrder, { draftId: v.draftId }, 'positive'),
  ]);
}

/** What replaces the order card once the order exists: its number and summary, no buttons. */
export function orderSentCard(order: Order, lang: 'fi' | 'sv' | 'en', t: Translate): AdaptiveCard {
  return card([
    heading(t('order_sent_title', { orderId: order.orderId })),
    textBlock(t('order_created', { orderId: order.orderId })),
    orderSummary(order, lang, t),
  ]);
}
