import type { OrderDetails, OrdersPage, OrdersPaging } from '../src/app/orders-console';
import type { Order, OrderForm } from '../src/domain/orders/order';
import type { Language } from '../src/domain/shared/vocabulary';
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
import { helsinkiDateTime, listText } from './format';
import { orderCard } from './order-card';
import { orderSummary, whenText } from './order-summary';
import { plain } from './plain-text';

export const ConsoleVerb = {
  page: 'orders_page',
  open: 'open_order',
  assign: 'console_assign',
  confirm: 'console_confirm_assign',
  unassign: 'console_unassign',
  cancel: 'console_cancel',
  phoneOrder: 'send_phone_order',
} as const;

const assignedText = (o: Order, lang: Language, t: Translate) =>
  o.assigned.length
    ? listText(
        o.assigned.map((a) => a.name),
        lang,
      )
    : t('orders_nobody');

/** `/orders`: ten orders, newest first, each opening its `/order` card; Next/Previous carry the paging. */
export function ordersListCard(page: OrdersPage, lang: Language, t: Translate): AdaptiveCard {
  const f = page.paging.filter;
  const title =
    f === 'all'
      ? t('orders_title')
      : t('orders_title_filtered', {
          filter: f === 'words' ? (page.paging.words ?? '') : t(`orders_filter_${f}` as MessageKey),
        });
  const number = (page.paging.starts?.length ?? (page.paging.page ?? 0) + 1) || 1;
  const rows: Element[] = page.orders.map((o) => ({
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [
          textBlock(
            t('orders_line', {
              orderId: o.orderId,
              task: t(`task_${o.taskType}`),
              when: whenText(o, lang),
              status: t(`status_${o.status}`),
              assigned: assignedText(o, lang, t),
            }),
          ),
        ],
      },
      {
        type: 'Column',
        width: 'auto',
        items: [
          {
            type: 'ActionSet',
            actions: [
              executeAction(t('orders_open_order'), ConsoleVerb.open, { orderId: o.orderId }),
            ],
          },
        ],
      },
    ],
  }));
  const actions: Element[] = [];
  if (page.previous)
    actions.push(executeAction(t('orders_previous'), ConsoleVerb.page, { paging: page.previous }));
  if (page.next)
    actions.push(executeAction(t('orders_next'), ConsoleVerb.page, { paging: page.next }));
  return card(
    [
      heading(title),
      ...(rows.length ? rows : [textBlock(t('orders_empty'))]),
      textBlock(t('orders_page', { page: number }), { isSubtle: true, size: 'Small' }),
      ...(page.windowEnded
        ? [textBlock(t('orders_window_ended', { count: 500 }), { isSubtle: true, size: 'Small' })]
        : []),
    ],
    actions,
  );
}

export type PagingData = OrdersPaging;

function offerAnswer(
  status: string,
  when: string | undefined,
  unassigned: boolean,
  t: Translate,
  gaveBack = false,
): string {
  if (unassigned) return t('console_offer_unassigned', { when: when ?? '' });
  if (gaveBack) return t('console_offer_gave_back', { when: when ?? '' });
  return t(`console_offer_${status}` as MessageKey, { when: when ?? '' });
}

/** `/order T-…`: the order, its offers, assignments and claims, with Assign, Unassign and Cancel. */
export function consoleOrderCard(
  d: OrderDetails,
  unitName: string,
  lang: Language,
  t: Translate,
  notice?: string,
  claimStatus?: (status: string) => string,
): AdaptiveCard {
  const o = d.order;
  const live = o.status !== 'cancelled';
  const when = (iso?: string) => (iso ? helsinkiDateTime(iso, lang) : undefined);
  const body: Element[] = [
    ...(notice ? [textBlock(notice, { color: 'Good' })] : []),
    heading(t('console_order_title', { orderId: o.orderId, status: t(`status_${o.status}`) })),
    orderSummary(o, lang, t),
    facts([
      [t('console_unit'), unitName],
      [
        t('console_orderer'),
        o.phoneOrder
          ? t('console_phone_orderer', {
              name: o.phoneOrder.name,
              email: o.phoneOrder.email,
              by: o.phoneOrder.takenBy,
            })
          : o.ordererEmail,
      ],
    ]),
    heading(t('console_offers')),
    ...(d.offers.length
      ? d.offers.map((f) =>
          textBlock(
            `- ${t('console_offer_line', { name: `${d.names[f.expertEmail] ?? f.expertEmail} (${f.expertEmail})`, sent: when(f.sentAt)!, answer: offerAnswer(f.status, when(f.answeredAt), f.unassignedAt !== undefined || f.released !== undefined, t, f.withdrawnAt !== undefined) })}`,
          ),
        )
      : [textBlock(t('console_no_offers'))]),
    heading(t('console_assigned')),
  ];
  if (o.assigned.length === 0) body.push(textBlock(t('console_none')));
  for (const a of o.assigned) {
    const line =
      t('console_assigned_line', { name: a.name, email: a.email, when: when(a.at)! }) +
      (a.byCoordinator ? `, ${t('console_by_coordinator', { by: a.byCoordinator })}` : '');
    body.push({
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          verticalContentAlignment: 'Center',
          items: [textBlock(line)],
        },
        ...(live
          ? [
              {
                type: 'Column',
                width: 'auto',
                items: [
                  {
                    type: 'ActionSet',
                    actions: [
                      executeAction(
                        t('console_unassign'),
                        ConsoleVerb.unassign,
                        { orderId: o.orderId, email: a.email },
                        'destructive',
                      ),
                    ],
                  },
                ],
              },
            ]
          : []),
      ],
    });
  }
  body.push(heading(t('console_claims')));
  body.push(
    ...(d.claims.length
      ? d.claims.map((c) =>
          textBlock(
            `- ${t('console_claim_line', { claimId: c.claimId, name: d.names[c.expertEmail] ?? c.expertEmail, status: claimStatus ? claimStatus(c.status) : c.status })}`,
          ),
        )
      : [textBlock(t('console_none'))]),
  );
  if (d.feedback?.length) {
    body.push(heading(t('console_feedback')));
    for (const f of d.feedback) {
      const who =
        f.role === 'orderer'
          ? t('role_orderer')
          : `${t('role_expert')} ${d.names[f.raterEmail] ?? f.raterEmail}`;
      body.push(
        textBlock(
          `- ${t('console_feedback_line', { who, rating: f.rating })}${f.comment ? ` · ${plain(f.comment)}` : ''}`,
        ),
      );
    }
  }
  const actions: Element[] = [];
  if (live && o.assigned.length < o.expertCount) {
    if (d.candidates.length) {
      body.push({
        type: 'Input.ChoiceSet',
        id: 'assignChoice',
        label: t('console_choose_expert'),
        style: 'compact',
        choices: d.candidates.map((c) => ({ title: `${c.name} (${c.email})`, value: c.email })),
      });
    }
    body.push({
      type: 'Input.Text',
      id: 'assignEmail',
      label: t('console_or_email'),
      style: 'Email',
      maxLength: 200,
    });
    actions.push(
      executeAction(t('assign_expert'), ConsoleVerb.assign, { orderId: o.orderId }, 'positive'),
    );
  }
  if (live)
    actions.push(
      executeAction(t('console_cancel'), ConsoleVerb.cancel, { orderId: o.orderId }, 'destructive'),
    );
  return card(body, actions);
}

/** A forced assignment: which rules it breaks, and a Confirm that carries the order and e-mail. */
export function confirmAssignCard(
  orderId: string,
  email: string,
  name: string,
  rules: readonly string[],
  lang: Language,
  t: Translate,
): AdaptiveCard {
  const ruleText = listText(
    rules.map((r) => t(`console_rule_${r}` as MessageKey)),
    lang,
  );
  return card(
    [
      heading(t('console_confirm_title', { name: `${name} (${email})`, orderId })),
      textBlock(t('console_confirm_text', { rules: ruleText })),
    ],
    [executeAction(t('console_confirm'), ConsoleVerb.confirm, { orderId, email }, 'positive')],
  );
}

export function rulesText(rules: readonly string[], lang: Language, t: Translate): string {
  return listText(
    rules.map((r) => t(`console_rule_${r}` as MessageKey)),
    lang,
  );
}

export interface PhoneOrderView {
  draftId: string;
  unitId: string;
  unitName: string;
  fields: OrderForm & { ordererName?: string; ordererEmail?: string };
  errors: Parameters<typeof orderCard>[0]['errors'];
  contactErrors: Partial<Record<'ordererName' | 'ordererEmail', string>>;
  note?: string;
}

/** `/order for <unit id>`: the order card with the caller's name and e-mail first, sent as the unit's order. */
export function phoneOrderCard(v: PhoneOrderView, t: Translate): AdaptiveCard {
  const base = orderCard(
    {
      draftId: v.draftId,
      fields: v.fields,
      errors: v.errors,
      note: v.note ?? t('phone_order_intro'),
    },
    t,
  );
  const contact = (id: 'ordererName' | 'ordererEmail'): Element[] => {
    const input: Element = {
      type: 'Input.Text',
      id,
      label: t(`label_${id}`),
      maxLength: id === 'ordererName' ? 100 : 200,
      ...(id === 'ordererEmail' ? { style: 'Email' } : {}),
      ...(v.fields[id] ? { value: v.fields[id] } : {}),
    };
    const reason = v.contactErrors[id];
    return reason ? [input, errorText(t(reason as MessageKey))] : [input];
  };
  const [, ...rest] = base.body;
  return card(
    [
      heading(t('phone_order_title', { unit: v.unitName })),
      ...contact('ordererName'),
      ...contact('ordererEmail'),
      ...rest,
    ],
    [
      executeAction(
        t('send_order'),
        ConsoleVerb.phoneOrder,
        { draftId: v.draftId, unitId: v.unitId },
        'positive',
      ),
    ],
  );
}
