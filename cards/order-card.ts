import type { Tariff } from '../src/domain/fees/tariff';
import { estimateOrder } from '../src/domain/orders/catalogue';
import type { FieldErrors, Order, OrderField, OrderForm } from '../src/domain/orders/order';
import type { SeriesPlan } from '../src/domain/orders/parse-series';
import type { Series, SeriesForm } from '../src/domain/orders/series';
import { traineeAllowedByDefault } from '../src/domain/shared/task-types';
import {
  AREAS,
  LANGUAGES,
  ORDERABLE_TASK_TYPES,
  TASK_TYPES,
  type Language,
  type TaskType,
} from '../src/domain/shared/vocabulary';
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
import { euros, sessionDate } from './format';
import { orderSummary } from './order-summary';
import { plain } from './plain-text';

export const Verb = {
  sendOrder: 'send_order',
  saveChange: 'save_order_change',
  saveSeriesChange: 'save_series_change',
} as const;

export interface OrderCardView {
  draftId: string;
  fields: OrderForm & SeriesForm;
  /** A series (SPEC §3, §10): its sessions as the card's values give them. */
  series?: SeriesPlan;
  errors: FieldErrors;
  /** Shown when the registers do not tell the orderer's unit: asked once, then remembered. */
  units?: Array<{ id: string; name: string }>;
  /** A line above the form: what is missing, or why the order was not sent. */
  note?: string;
  /** The tariff in force and the orderer's language: the card then shows the estimated cost (SPEC §3). */
  estimate?: { tariff: Tariff; lang: Language };
  /** A sent order being changed (`muuta T-…`): Save changes instead of Send order. */
  change?: { orderId: string; version: number };
  /**
   * Every future session of a series being changed (`muuta S-…`), pre-filled from the next one
   * (`orderId`, at `version`): no date input, as each session keeps its own date.
   */
  seriesChange?: { seriesId: string; orderId: string; version: number; count: number };
}

/** A sent order's values as the order card's inputs (to change it). */
export function formOfOrder(o: Order): OrderForm {
  return {
    taskType: o.taskType,
    areas: o.areas.join(','),
    date: o.date,
    start: o.start,
    end: o.end,
    remote: String(o.remote),
    municipality: o.municipality,
    address: o.address,
    expertCount: String(o.expertCount),
    language: o.language,
    audience: o.audience,
    wishes: o.wishes,
  };
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

/** SPEC §3, §10: the wished expert (`wishedExpert`) and the mentor's trainee toggle (`traineeAllowed`). */
function wishAndTraineeInputs(
  f: OrderForm,
  withError: (field: OrderField, input: Element) => Element[],
  label: (field: OrderField) => string,
  t: Translate,
): Element[] {
  const traineeOn =
    f.traineeAllowed !== undefined
      ? f.traineeAllowed === 'true'
      : !f.taskType ||
        !TASK_TYPES.includes(f.taskType as TaskType) ||
        traineeAllowedByDefault(f.taskType as TaskType);
  return [
    ...withError('wishedExpert', {
      type: 'Input.Text',
      id: 'wishedExpert',
      label: label('wishedExpert'),
      placeholder: t('wished_expert_placeholder'),
      maxLength: 200,
      ...(f.wishedExpert ? { value: f.wishedExpert } : {}),
    }),
    {
      type: 'Input.Toggle',
      id: 'traineeAllowed',
      title: label('traineeAllowed'),
      value: traineeOn ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
    },
    textBlock(t('trainee_toggle_note'), { isSubtle: true, size: 'Small', spacing: 'None' }),
  ];
}

/**
 * What the card offers as task types: those that may be ordered now; an old order being changed
 * also keeps its own type (mentoring), which it may keep but not take up again.
 */
function taskTypeChoices(current: string | undefined, changing: boolean): readonly TaskType[] {
  const own = TASK_TYPES.find((type) => type === current);
  return changing && own && !ORDERABLE_TASK_TYPES.includes(own)
    ? [...ORDERABLE_TASK_TYPES, own]
    : ORDERABLE_TASK_TYPES;
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

  const sc = v.seriesChange;
  const body: Element[] = sc
    ? [
        heading(t('series_change_card_title', { seriesId: sc.seriesId })),
        textBlock(t('series_change_card_intro', { count: sc.count }), { weight: 'Bolder' }),
        ...(v.note ? [textBlock(v.note, { isSubtle: true })] : []),
      ]
    : [
        heading(
          v.change ? t('change_card_title', { orderId: v.change.orderId }) : t('order_card_title'),
        ),
        textBlock(v.note ?? t(v.change ? 'change_card_intro' : 'order_card_intro'), {
          isSubtle: true,
        }),
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
        taskTypeChoices(f.taskType, v.change !== undefined).map((id) => [id, t(`task_${id}`)]),
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
    ...(sc
      ? []
      : withError('date', {
          type: 'Input.Date',
          id: 'date',
          label: label('date'),
          ...(f.date ? { value: f.date } : {}),
        })),
    ...(sc ? [] : seriesInputs(f, v.series, t)),
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
  body.push(...wishAndTraineeInputs(f, withError, label, t));
  if (v.estimate) body.push(...estimateFacts(f, v.estimate.tariff, v.estimate.lang, t));
  const data = f.seriesEvery
    ? { draftId: v.draftId, seriesEvery: f.seriesEvery }
    : { draftId: v.draftId };
  const save = sc
    ? executeAction(
        t('save_changes'),
        Verb.saveSeriesChange,
        { seriesId: sc.seriesId, orderId: sc.orderId, version: sc.version },
        'positive',
      )
    : v.change
      ? executeAction(t('save_changes'), Verb.saveChange, { ...v.change }, 'positive')
      : executeAction(t('send_order'), Verb.sendOrder, data, 'positive');
  return card(body, [save]);
}

/** What replaces the change card once saved: the order as it now is, and who was released. */
export function orderChangedCard(
  order: Order,
  released: readonly string[],
  lang: Language,
  t: Translate,
): AdaptiveCard {
  return card([
    heading(t('change_saved_title', { orderId: order.orderId })),
    textBlock(t('change_saved_text')),
    ...(released.length
      ? [textBlock(t('change_released', { names: released.map(plain).join(', ') }))]
      : []),
    orderSummary(order, lang, t),
  ]);
}

/** A series: how often, the last session (editable), every session's date and the skipped holidays. */
function seriesInputs(f: OrderForm & SeriesForm, plan: SeriesPlan | undefined, t: Translate) {
  if (!f.seriesEvery) return [];
  const every = f.seriesEvery === '2' ? 2 : 1;
  const items: Element[] = [
    textBlock(
      t(every === 2 ? 'series_every_2' : 'series_every_1', {
        count: plan?.dates.length ?? 0,
      }),
      { weight: 'Bolder' },
    ),
    {
      type: 'Input.Date',
      id: 'seriesUntil',
      label: t('label_seriesUntil'),
      ...(f.seriesUntil ? { value: f.seriesUntil } : {}),
    },
  ];
  if (plan) items.push(...seriesDates(plan.dates, plan.skipped, t));
  return items;
}

/** The sessions' dates as d.M.yyyy, and the public holidays skipped (SPEC §10). */
function seriesDates(dates: readonly string[], skipped: readonly string[], t: Translate) {
  const out: Element[] = [
    textBlock(t('series_dates', { dates: dates.map(sessionDate).join(', ') }), { wrap: true }),
  ];
  if (skipped.length)
    out.push(
      textBlock(t('series_skipped', { dates: skipped.map(sessionDate).join(', ') }), {
        isSubtle: true,
      }),
    );
  return out;
}

/** What replaces the series' change card once saved: how many future sessions changed, who was released. */
export function seriesChangedCard(
  seriesId: string,
  count: number,
  released: readonly string[],
  t: Translate,
): AdaptiveCard {
  return card([
    heading(t('series_change_saved_title', { seriesId })),
    textBlock(t('series_change_done', { seriesId, count })),
    ...(released.length
      ? [textBlock(t('change_released', { names: released.map(plain).join(', ') }))]
      : []),
  ]);
}

/** What replaces the order card once a series exists: its number, every session with its number. */
export function seriesSentCard(
  series: Series,
  first: Order,
  lang: 'fi' | 'sv' | 'en',
  t: Translate,
): AdaptiveCard {
  return card([
    heading(t('series_sent_title', { seriesId: series.seriesId })),
    textBlock(t('series_created', { seriesId: series.seriesId, count: series.sessions.length })),
    orderSummary(first, lang, t),
    facts(series.sessions.map((s): [string, string] => [sessionDate(s.date), s.orderId])),
    ...(series.skipped.length
      ? [
          textBlock(t('series_skipped', { dates: series.skipped.map(sessionDate).join(', ') }), {
            isSubtle: true,
          }),
        ]
      : []),
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
