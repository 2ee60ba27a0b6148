import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import { catalogueCard, CatalogueVerb } from '../../../cards/catalogue-card';
import {
  formOfOrder,
  orderCard,
  orderChangedCard,
  orderSentCard,
  seriesChangedCard,
  seriesSentCard,
  Verb,
} from '../../../cards/order-card';
import { openOrderChange, saveOrderChange } from '../../app/change-order-details';
import { myOrdersMessage } from '../../../cards/my-orders-message';
import { cancelOrder } from '../../app/cancel-order';
import { cancelSeries } from '../../app/cancel-series';
import { openSeriesChange, saveSeriesChange } from '../../app/change-series';
import { draftOrder, startDraftFromCatalogue } from '../../app/draft-order';
import { myOrders } from '../../app/my-orders';
import { showCatalogue } from '../../app/show-catalogue';
import { submitOrder } from '../../app/submit-order';
import type { OrderDraft } from '../../app/ports';
import {
  ORDER_FIELDS,
  ORDER_NUMBER,
  type FieldErrors,
  type OrderField,
} from '../../domain/orders/order';
import type { SeriesPlan } from '../../domain/orders/parse-series';
import {
  isSeriesForm,
  planFromForm,
  SERIES_NUMBER,
  type SeriesForm,
} from '../../domain/orders/series';
import { helsinkiDate } from '../../domain/shared/helsinki';
import type { TaskType } from '../../domain/shared/vocabulary';
import type { MessageKey } from '../../i18n';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';

const cardValue = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const sendOrderDataSchema = z
  .object({
    draftId: z.string().min(1).max(100),
    seriesEvery: z.enum(['1', '2']).optional(),
    seriesUntil: z.string().max(20).optional(),
  })
  .extend(
    Object.fromEntries(ORDER_FIELDS.map((f) => [f, cardValue])) as Record<
      (typeof ORDER_FIELDS)[number],
      typeof cardValue
    >,
  );

const saveChangeDataSchema = z
  .object({ orderId: z.string().regex(ORDER_NUMBER), version: z.coerce.number().int().min(1) })
  .extend(
    Object.fromEntries(ORDER_FIELDS.map((f) => [f, cardValue])) as Record<
      (typeof ORDER_FIELDS)[number],
      typeof cardValue
    >,
  );

const saveSeriesChangeDataSchema = saveChangeDataSchema.extend({
  seriesId: z.string().regex(SERIES_NUMBER),
});

const startOrderDataSchema = z.object({ taskType: z.string().min(1).max(50) });

/** A product's catalogue description in the orderer's language: its order's default wishes. */
const describe = (actor: Actor) => (taskType: TaskType) =>
  actor.t(`catalogue_desc_${taskType}` as MessageKey);

/** Ordering by chat (issue: free text → checked order): drafts, the order card, my orders, cancel. */
export function registerOrderingRoutes(app: Application<TurnState>, turns: Turns) {
  const s = turns.services;

  const commands: Pick<
    CommandHandlers,
    'catalogue' | 'my_orders' | 'cancel_order' | 'change_order'
  > = {
    // `muuta T-…`: the order card again, with the values sent and Save changes (SPEC §3).
    change_order: async (ctx, actor, args) => {
      const seriesMatch = SERIES_NUMBER.exec(args);
      if (seriesMatch) {
        const outcome = await openSeriesChange(s, actor.who, seriesMatch[0].toUpperCase());
        if (outcome.type === 'refused')
          return void (await turns.say(ctx, actor.t(outcome.reason, { ...outcome })));
        return void (await turns.sayCard(
          ctx,
          orderCard(
            {
              draftId: outcome.base.orderId,
              fields: formOfOrder(outcome.base),
              errors: {},
              estimate: { tariff: await s.tariffs.current(), lang: actor.lang },
              seriesChange: {
                seriesId: outcome.seriesId,
                orderId: outcome.base.orderId,
                version: outcome.version,
                count: outcome.count,
              },
            },
            actor.t,
          ),
        ));
      }
      const match = ORDER_NUMBER.exec(args);
      if (!match) return void (await turns.say(ctx, actor.t('change_usage')));
      const orderId = match[0].toUpperCase();
      const outcome = await openOrderChange(s, actor.who, orderId);
      if (outcome.type === 'refused')
        return void (await turns.say(
          ctx,
          actor.t(outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason, {
            orderId,
          }),
        ));
      await turns.sayCard(
        ctx,
        orderCard(
          {
            draftId: orderId,
            fields: formOfOrder(outcome.order),
            errors: {},
            estimate: { tariff: await s.tariffs.current(), lang: actor.lang },
            change: { orderId, version: outcome.version },
          },
          actor.t,
        ),
      );
    },
    catalogue: async (ctx, actor) => {
      const outcome = await showCatalogue(s, actor.who);
      if (outcome.type === 'refused') return void (await turns.say(ctx, actor.t(outcome.reason)));
      await turns.sayCard(ctx, catalogueCard(outcome.tariff, actor.lang, actor.t));
    },
    my_orders: async (ctx, actor) => {
      await turns.say(ctx, myOrdersMessage(await myOrders(s, actor.who), actor.lang, actor.t));
    },
    cancel_order: async (ctx, actor, args) => {
      const seriesMatch = SERIES_NUMBER.exec(args);
      if (seriesMatch) {
        const outcome = await cancelSeries(s, actor.who, seriesMatch[0].toUpperCase());
        const key =
          outcome.type === 'cancelled'
            ? 'cancel_series_done'
            : outcome.type === 'nothing_to_cancel'
              ? 'cancel_series_nothing'
              : outcome.reason;
        return void (await turns.say(ctx, actor.t(key, { ...outcome })));
      }
      const match = ORDER_NUMBER.exec(args);
      if (!match) return void (await turns.say(ctx, actor.t('cancel_usage')));
      const orderId = match[0].toUpperCase();
      const result = await cancelOrder(s, actor.who, orderId);
      await turns.say(
        ctx,
        result.type === 'cancelled'
          ? actor.t('cancel_done', { orderId })
          : actor.t(result.reason, { orderId }),
      );
    },
  };

  async function sendOrder(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = sendOrderDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { draftId, ...form } = data.data;
    const outcome = await submitOrder(s, actor.who, form, draftId);
    switch (outcome.type) {
      case 'refused':
        return actor.t(outcome.reason);
      case 'created':
        return orderSentCard(outcome.order, actor.lang, actor.t);
      case 'already_sent':
        return outcome.order
          ? orderSentCard(outcome.order, actor.lang, actor.t)
          : actor.t('order_already_sent', { orderId: outcome.orderId });
      case 'rate_limited':
        return actor.t('rate_limited_orders', { limit: outcome.limit });
      case 'series_created':
        return seriesSentCard(outcome.series, outcome.orders[0]!, actor.lang, actor.t);
      case 'series_invalid':
        return orderCard(
          {
            draftId,
            fields: form,
            errors: {},
            note: actor.t(outcome.problem),
            estimate: { tariff: await s.tariffs.current(), lang: actor.lang },
          },
          actor.t,
        );
      case 'invalid': {
        // Never show an identity code back, not even to the person who typed it. The estimate follows the corrected card.
        const estimate = { tariff: await s.tariffs.current(), lang: actor.lang };
        return orderCard(
          {
            draftId,
            fields: withoutIdentityCodes(form, outcome.errors),
            errors: outcome.errors,
            units: outcome.units,
            note: actor.t('form_has_errors'),
            estimate,
            series: seriesPlanOf(form),
          },
          actor.t,
        );
      }
    }
  }

  async function saveChange(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = saveChangeDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { orderId: typed, version, unitId: _unit, ...form } = data.data;
    const orderId = typed.toUpperCase();
    const outcome = await saveOrderChange(s, actor.who, orderId, version, form);
    switch (outcome.type) {
      case 'refused':
        return actor.t(
          outcome.reason === 'order_not_found' ? 'order_not_found_plain' : outcome.reason,
          { orderId },
        );
      case 'changed':
        return orderChangedCard(outcome.order, outcome.released, actor.lang, actor.t);
      case 'invalid':
        return orderCard(
          {
            draftId: orderId,
            fields: withoutIdentityCodes(form, outcome.errors),
            errors: outcome.errors,
            note: actor.t('form_has_errors'),
            estimate: { tariff: await s.tariffs.current(), lang: actor.lang },
            change: { orderId, version },
          },
          actor.t,
        );
    }
  }

  /** Saves `muuta S-…`'s card: every future session changed as one order is, each keeping its date. */
  async function saveSeriesChangeCard(
    ctx: TurnContext,
    raw: unknown,
  ): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = saveSeriesChangeDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { seriesId: typed, orderId, version, unitId: _unit, ...form } = data.data;
    const seriesId = typed.toUpperCase();
    const outcome = await saveSeriesChange(
      s,
      actor.who,
      seriesId,
      orderId.toUpperCase(),
      version,
      form,
    );
    switch (outcome.type) {
      case 'refused':
        return actor.t(outcome.reason, { seriesId });
      case 'changed':
        return seriesChangedCard(seriesId, outcome.count, outcome.released, actor.t);
      case 'invalid': {
        const { date: _date, ...shown } = withoutIdentityCodes(form, outcome.errors);
        return orderCard(
          {
            draftId: outcome.base.orderId,
            fields: { ...shown, date: outcome.base.date },
            errors: outcome.errors,
            note: actor.t(outcome.note ?? 'form_has_errors', { seriesId }),
            estimate: { tariff: await s.tariffs.current(), lang: actor.lang },
            seriesChange: {
              seriesId,
              orderId: outcome.base.orderId,
              version,
              count: outcome.count,
            },
          },
          actor.t,
        );
      }
    }
  }

  app.adaptiveCards.actionExecute(Verb.saveSeriesChange, (ctx, _state, data) =>
    saveSeriesChangeCard(ctx, data),
  );
  app.adaptiveCards.actionSubmit(Verb.saveSeriesChange, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await saveSeriesChangeCard(ctx, data)),
  );

  app.adaptiveCards.actionExecute(Verb.saveChange, (ctx, _state, data) => saveChange(ctx, data));
  app.adaptiveCards.actionSubmit(Verb.saveChange, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await saveChange(ctx, data)),
  );

  app.adaptiveCards.actionExecute(Verb.sendOrder, (ctx, _state, data) => sendOrder(ctx, data));
  app.adaptiveCards.actionSubmit(Verb.sendOrder, async (ctx, _state, data) =>
    turns.replaceSubmittedCard(ctx, await sendOrder(ctx, data)),
  );

  /** A catalogue button: a new order card, pre-filled with the task type and its usual length. */
  async function startOrder(ctx: TurnContext, raw: unknown): Promise<AdaptiveCard | string> {
    const actor = await turns.actorOf(ctx);
    const data = startOrderDataSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const started = await startDraftFromCatalogue(
      s,
      actor.who,
      data.data.taskType,
      actor.lang,
      describe(actor),
    );
    if (started.type === 'refused') return actor.t(started.reason);
    if (started.type === 'unknown_task_type') return actor.t('card_stale');
    await turns.sayCard(
      ctx,
      await draftCard(actor, started.draft, started.missing, [actor.t('catalogue_started')]),
    );
    return catalogueCard(await s.tariffs.current(), actor.lang, actor.t);
  }

  app.adaptiveCards.actionExecute(CatalogueVerb.startOrder, (ctx, _state, data) =>
    startOrder(ctx, data),
  );
  app.adaptiveCards.actionSubmit(CatalogueVerb.startOrder, async (ctx, _state, data) => {
    const answer = await startOrder(ctx, data);
    if (typeof answer === 'string') await turns.say(ctx, answer);
  });

  /** The order card for a draft: the orderer's unit asked when unknown, what is missing, the estimate. */
  async function draftCard(
    actor: Actor,
    draft: OrderDraft,
    missing: readonly OrderField[],
    notes: string[],
    errors: FieldErrors = {},
  ): Promise<AdaptiveCard> {
    const knownUnit = actor.profile.staff?.unitId ?? actor.person.chosenUnitId;
    const units = knownUnit
      ? undefined
      : (await s.registers.listUnits()).map((u) => ({ id: u.unitId, name: u.name }));
    const missingNames = [...missing, ...(units ? (['unitId'] as const) : [])].map((f) =>
      actor.t(`label_${f}` as MessageKey).toLowerCase(),
    );
    notes.push(
      missingNames.length
        ? actor.t('missing_line', { fields: missingNames.join(', ') })
        : actor.t('all_found'),
    );
    const estimate = { tariff: await s.tariffs.current(), lang: actor.lang };
    return orderCard(
      {
        draftId: draft.draftId,
        fields: draft.fields,
        errors,
        units,
        note: notes.join(' '),
        estimate,
        series: seriesPlanOf(draft.fields),
      },
      actor.t,
    );
  }

  /** A series' sessions as the card's values give them, to list on the card; none while they do not make one. */
  function seriesPlanOf(fields: { date?: string } & SeriesForm): SeriesPlan | undefined {
    if (!isSeriesForm(fields) || !fields.date) return undefined;
    const planned = planFromForm(fields.date, fields, helsinkiDate(s.clock.now()));
    return planned.ok ? planned.plan : undefined;
  }

  /** A message that is no command: an order, or a missing piece of the order being written. */
  async function handleFreeText(ctx: TurnContext, actor: Actor, text: string): Promise<boolean> {
    const outcome = await draftOrder(s, actor.who, text, describe(actor));
    if (outcome.type === 'not_an_order') return false;
    if (outcome.type === 'series_problem') {
      await turns.say(ctx, actor.t(outcome.problem));
      return true;
    }
    if (outcome.type === 'identity_code_refused') {
      await turns.say(ctx, actor.t('identity_code_refused_chat'));
      return true;
    }
    if (outcome.type === 'not_orderable') {
      await turns.say(ctx, actor.t('mentoring_not_ordered'));
      return true;
    }
    const notes: string[] = [];
    if (outcome.notOrderable) notes.push(actor.t('mentoring_not_ordered'));
    if (outcome.dateProblem === 'date_in_past') notes.push(actor.t('date_in_past_chat'));
    if (outcome.dateProblem === 'date_impossible') notes.push(actor.t('date_impossible_chat'));
    const wished = outcome.wishedProblem ? { wishedExpert: outcome.wishedProblem } : {};
    await turns.sayCard(ctx, await draftCard(actor, outcome.draft, outcome.missing, notes, wished));
    return true;
  }

  return { handleFreeText, commands };
}

function withoutIdentityCodes<F extends Record<string, string | undefined>>(
  form: F,
  errors: Partial<Record<keyof F, string>>,
): F {
  return Object.fromEntries(
    Object.entries(form).map(([k, v]) => [
      k,
      errors[k as keyof F] === 'identity_code_refused' ? undefined : v,
    ]),
  ) as F;
}
