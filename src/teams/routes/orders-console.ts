import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import { z } from 'zod';
import type { AdaptiveCard } from '../../../cards/elements';
import {
  confirmAssignCard,
  consoleOrderCard,
  ConsoleVerb,
  ordersListCard,
  phoneOrderCard,
  rulesText,
} from '../../../cards/orders-console-card';
import {
  consoleCancel,
  forceAssign,
  listOrders,
  orderDetails,
  ORDER_FILTERS,
  submitPhoneOrder,
  unassignExpert,
  type ConsoleActor,
  type ForcedAssignOutcome,
  type OrdersPaging,
} from '../../app/orders-console';
import type { OrderIndexRow } from '../../app/ports';
import {
  argumentIs,
  editDistance,
  EMAIL_IN_TEXT,
  looseWord,
} from '../../domain/commands/command-table';
import { ORDER_FIELDS, ORDER_NUMBER } from '../../domain/orders/order';
import { LANGUAGES } from '../../domain/shared/vocabulary';
import { translator, type MessageKey } from '../../i18n';
import type { CommandHandlers } from '../commands';
import type { Actor, Turns } from '../turn';

const orderNumber = z
  .string()
  .max(20)
  .regex(new RegExp(`^${ORDER_NUMBER.source}$`, 'i'));
const email = z.string().max(200).email();
const cardValue = z.union([z.string(), z.number(), z.boolean()]).transform(String).optional();
const pagingSchema = z.object({
  filter: z.enum(ORDER_FILTERS),
  words: z.string().max(200).optional(),
  starts: z.array(z.string().max(100)).max(1000).optional(),
  page: z.number().int().min(0).max(1000).optional(),
});
const pageSchema = z.object({ paging: pagingSchema });
const orderSchema = z.object({ orderId: orderNumber });
const assignSchema = z.object({
  orderId: orderNumber,
  assignChoice: cardValue,
  assignEmail: cardValue,
});
const personSchema = z.object({ orderId: orderNumber, email });
const phoneSchema = z
  .object({
    draftId: z.string().min(1).max(100),
    unitId: z.string().min(1).max(100),
    ordererName: cardValue,
    ordererEmail: cardValue,
  })
  .extend(
    Object.fromEntries(
      ORDER_FIELDS.filter((f) => f !== 'unitId').map((f) => [f, cardValue]),
    ) as Record<Exclude<(typeof ORDER_FIELDS)[number], 'unitId'>, typeof cardValue>,
  );

const consoleActor = (
  a: Actor,
): ConsoleActor & { aadObjectId: string; person: Actor['person'] } => ({
  email: a.person.email,
  roles: a.profile.roles,
  aadObjectId: a.person.aadObjectId,
  person: a.person,
});

/** The coordinator's orders console (SPEC §3): /orders, /order, /order for, /assign, /unassign. */
export function registerOrdersConsoleRoutes(
  app: Application<TurnState>,
  turns: Turns,
): Pick<CommandHandlers, 'orders' | 'order' | 'assign' | 'unassign'> {
  const s = turns.services;

  function onCard(
    verb: string,
    handle: (actor: Actor, raw: unknown) => Promise<AdaptiveCard | string>,
  ) {
    const run = async (ctx: TurnContext, raw: unknown) => handle(await turns.actorOf(ctx), raw);
    app.adaptiveCards.actionExecute(verb, (ctx, _state, data) => run(ctx, data));
    app.adaptiveCards.actionSubmit(verb, async (ctx, _state, data) =>
      turns.replaceSubmittedCard(ctx, await run(ctx, data)),
    );
  }

  /** What a words filter looks through: the order's number, status, task, place, unit and experts, in every language. */
  async function searchTextOf(): Promise<(row: OrderIndexRow) => string> {
    const units = new Map((await s.registers.listUnits()).map((u) => [u.unitId, u.name]));
    const ts = LANGUAGES.map((l) => translator(l));
    return (r) =>
      [
        r.orderId,
        r.status,
        r.taskType,
        r.municipality,
        r.unitId,
        units.get(r.unitId) ?? '',
        r.assigned,
        ...ts.flatMap((t) => [
          t(`status_${r.status}` as MessageKey),
          t(`task_${r.taskType}` as MessageKey),
          r.remote ? t('summary_remote') : '',
        ]),
      ].join(' | ');
  }

  async function ordersCard(actor: Actor, paging: OrdersPaging): Promise<AdaptiveCard | string> {
    const page = await listOrders(s, consoleActor(actor), paging, await searchTextOf());
    if (page.type === 'refused') return actor.t(page.reason);
    return ordersListCard(page, actor.lang, actor.t);
  }

  async function orderCardOf(
    actor: Actor,
    orderId: string,
    notice?: string,
  ): Promise<AdaptiveCard | string> {
    const details = await orderDetails(s, consoleActor(actor), orderId);
    if (details.type === 'refused')
      return actor.t(
        details.reason === 'order_not_found' ? 'order_not_found_plain' : details.reason,
      );
    const unit = await s.registers.getUnit(details.order.unitId);
    return consoleOrderCard(
      details,
      unit?.name ?? details.order.unitId,
      actor.lang,
      actor.t,
      notice,
      (st) => actor.t(`claim_status_${st}` as MessageKey),
    );
  }

  function assignNotice(actor: Actor, orderId: string, outcome: ForcedAssignOutcome): string {
    switch (outcome.type) {
      case 'assigned':
        return outcome.rules.length
          ? actor.t('console_assigned_forced', {
              name: outcome.name,
              orderId,
              rules: rulesText(outcome.rules, actor.lang, actor.t),
            })
          : actor.t('assigned_by_coordinator', { name: outcome.name, orderId });
      case 'needs_confirmation':
        return '';
      case 'refused': {
        const r = outcome.reason;
        if (r === 'order_not_found') return actor.t('order_not_found_plain');
        if (r.startsWith('rule_')) return actor.t(`console_refused_${r.slice(5)}` as MessageKey);
        return actor.t(r as MessageKey);
      }
    }
  }

  /** Assign from a card or a command: the order card again, or the Confirm card for broken rules. */
  async function assign(
    actor: Actor,
    orderId: string,
    expertEmail: string,
    confirmed: boolean,
  ): Promise<AdaptiveCard | string> {
    const outcome = await forceAssign(s, consoleActor(actor), orderId, expertEmail, confirmed);
    if (outcome.type === 'needs_confirmation')
      return confirmAssignCard(
        orderId,
        expertEmail.toLowerCase(),
        outcome.name,
        outcome.rules,
        actor.lang,
        actor.t,
      );
    const notice = assignNotice(actor, orderId, outcome);
    if (
      outcome.type === 'refused' &&
      (outcome.reason === 'command_not_allowed' || outcome.reason === 'order_not_found')
    )
      return notice;
    return orderCardOf(actor, orderId, notice);
  }

  async function unassign(
    actor: Actor,
    orderId: string,
    expertEmail: string,
  ): Promise<AdaptiveCard | string> {
    const outcome = await unassignExpert(s, consoleActor(actor), orderId, expertEmail);
    if (outcome.type === 'refused') {
      if (outcome.reason === 'command_not_allowed') return actor.t('command_not_allowed');
      if (outcome.reason === 'order_not_found') return actor.t('order_not_found_plain');
      return orderCardOf(
        actor,
        orderId,
        actor.t(outcome.reason === 'not_assigned' ? 'console_not_assigned' : 'order_cancelled'),
      );
    }
    return orderCardOf(
      actor,
      orderId,
      actor.t('console_unassigned_done', { name: outcome.name, orderId }),
    );
  }

  async function phoneOrderStart(actor: Actor, unitId: string): Promise<AdaptiveCard | string> {
    if (!actor.profile.roles.includes('coordinator')) return actor.t('command_not_allowed');
    const units = await s.registers.listUnits();
    const unit = units.find((u) => looseWord(u.unitId) === looseWord(unitId));
    if (!unit) {
      const closest = units
        .map((u) => ({
          u,
          d: Math.min(
            editDistance(looseWord(unitId), looseWord(u.unitId)),
            editDistance(looseWord(unitId), looseWord(u.name)),
          ),
        }))
        .sort((a, b) => a.d - b.d)
        .slice(0, 3)
        .map(({ u }) => `${u.unitId} (${u.name})`);
      return actor.t('console_unit_not_found', { unitId, closest: closest.join(', ') || '-' });
    }
    return phoneOrderCard(
      {
        draftId: randomUUID(),
        unitId: unit.unitId,
        unitName: unit.name,
        fields: { municipality: unit.municipality },
        errors: {},
        contactErrors: {},
      },
      actor.t,
    );
  }

  onCard(ConsoleVerb.page, async (actor, raw) => {
    const data = pageSchema.safeParse(raw);
    return data.success ? ordersCard(actor, data.data.paging) : actor.t('card_stale');
  });

  onCard(ConsoleVerb.open, async (actor, raw) => {
    const data = orderSchema.safeParse(raw);
    return data.success
      ? orderCardOf(actor, data.data.orderId.toUpperCase())
      : actor.t('card_stale');
  });

  onCard(ConsoleVerb.assign, async (actor, raw) => {
    const data = assignSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const orderId = data.data.orderId.toUpperCase();
    const typed = data.data.assignEmail?.trim() || data.data.assignChoice?.trim();
    if (!typed || !email.safeParse(typed).success)
      return orderCardOf(actor, orderId, actor.t('console_assign_missing'));
    return assign(actor, orderId, typed, false);
  });

  onCard(ConsoleVerb.confirm, async (actor, raw) => {
    const data = personSchema.safeParse(raw);
    return data.success
      ? assign(actor, data.data.orderId.toUpperCase(), data.data.email, true)
      : actor.t('card_stale');
  });

  onCard(ConsoleVerb.unassign, async (actor, raw) => {
    const data = personSchema.safeParse(raw);
    return data.success
      ? unassign(actor, data.data.orderId.toUpperCase(), data.data.email)
      : actor.t('card_stale');
  });

  onCard(ConsoleVerb.cancel, async (actor, raw) => {
    const data = orderSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const orderId = data.data.orderId.toUpperCase();
    const outcome = await consoleCancel(s, consoleActor(actor), orderId);
    if (outcome.type === 'refused')
      return outcome.reason === 'order_not_found'
        ? actor.t('order_not_found_plain')
        : actor.t(outcome.reason, { orderId });
    return orderCardOf(actor, orderId, actor.t('console_order_cancelled_done', { orderId }));
  });

  onCard(ConsoleVerb.phoneOrder, async (actor, raw) => {
    const data = phoneSchema.safeParse(raw);
    if (!data.success) return actor.t('card_stale');
    const { draftId, unitId, ...form } = data.data;
    const outcome = await submitPhoneOrder(s, consoleActor(actor), unitId, form, draftId);
    switch (outcome.type) {
      case 'refused':
        return outcome.reason === 'command_not_allowed'
          ? actor.t('command_not_allowed')
          : actor.t('console_unit_not_found', { unitId, closest: '-' });
      case 'already_sent':
        return orderCardOf(actor, outcome.orderId);
      case 'invalid': {
        const unit = await s.registers.getUnit(unitId);
        return phoneOrderCard(
          {
            draftId,
            unitId,
            unitName: unit?.name ?? unitId,
            fields: form,
            errors: outcome.errors,
            contactErrors: outcome.contact,
            note: actor.t('form_has_errors'),
          },
          actor.t,
        );
      }
      case 'created':
        return orderCardOf(
          actor,
          outcome.order.orderId,
          actor.t(
            outcome.ordererKnown ? 'phone_order_created' : 'phone_order_created_coordinator',
            { orderId: outcome.order.orderId },
          ),
        );
    }
  });

  const reply = async (ctx: TurnContext, answer: AdaptiveCard | string): Promise<void> => {
    await (typeof answer === 'string' ? turns.say(ctx, answer) : turns.sayCard(ctx, answer));
  };
  const coordinator = (a: Actor) => a.profile.roles.includes('coordinator');

  return {
    orders: async (ctx, actor, args) => {
      const arg = args.trim();
      const filter = argumentIs(arg, 'orders_all')
        ? 'all'
        : argumentIs(arg, 'orders_open')
          ? 'open'
          : argumentIs(arg, 'orders_unfilled')
            ? 'unfilled'
            : argumentIs(arg, 'orders_week')
              ? 'week'
              : 'words';
      await reply(
        ctx,
        await ordersCard(actor, {
          filter,
          ...(filter === 'words' ? { words: arg.slice(0, 200) } : {}),
        }),
      );
    },
    order: async (ctx, actor, args) => {
      if (!coordinator(actor)) return void (await turns.say(ctx, actor.t('command_not_allowed')));
      const [first = '', ...rest] = args.trim().split(/\s+/);
      if (argumentIs(first, 'phone_order_for') && rest.length)
        return reply(ctx, await phoneOrderStart(actor, rest.join(' ')));
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      if (!orderId) return void (await turns.say(ctx, actor.t('order_usage')));
      await reply(ctx, await orderCardOf(actor, orderId));
    },
    assign: async (ctx, actor, args) => {
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      const to = EMAIL_IN_TEXT.exec(args)?.[0];
      if (!coordinator(actor)) return void (await turns.say(ctx, actor.t('command_not_allowed')));
      if (!orderId || !to) return void (await turns.say(ctx, actor.t('assign_usage')));
      await reply(ctx, await assign(actor, orderId, to, false));
    },
    unassign: async (ctx, actor, args) => {
      const orderId = ORDER_NUMBER.exec(args)?.[0]?.toUpperCase();
      const from = EMAIL_IN_TEXT.exec(args)?.[0];
      if (!coordinator(actor)) return void (await turns.say(ctx, actor.t('command_not_allowed')));
      if (!orderId || !from) return void (await turns.say(ctx, actor.t('unassign_usage')));
      await reply(ctx, await unassign(actor, orderId, from));
    },
  };
}
