import type { CandidateView } from '../src/app/ports';
import type { Order } from '../src/domain/orders/order';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
import {
  card,
  executeAction,
  heading,
  textBlock,
  type AdaptiveCard,
  type Element,
} from './elements';
import { orderSummary } from './order-summary';
import { plain } from './plain-text';

export const AssignVerb = 'assign_expert';
export const ApproveShortlistVerb = 'approve_shortlist';

/** For every coordinator when offers did not fill an order: the best candidates, each with Assign. */
export function coordinatorUnfilledCard(
  order: Order,
  candidates: readonly CandidateView[],
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const open = order.status !== 'cancelled' && order.status !== 'filled';
  const rows: Element[] = candidates.map((c) => ({
    type: 'ColumnSet',
    columns: [
      {
        type: 'Column',
        width: 'stretch',
        verticalContentAlignment: 'Center',
        items: [textBlock(`${plain(c.name)} (${plain(c.email)})`)],
      },
      ...(open
        ? [
            {
              type: 'Column',
              width: 'auto',
              items: [
                {
                  type: 'ActionSet',
                  actions: [
                    executeAction(t('assign_expert'), AssignVerb, {
                      orderId: order.orderId,
                      email: c.email,
                    }),
                  ],
                },
              ],
            },
          ]
        : []),
    ],
  }));
  return card([
    ...(notice ? [textBlock(notice, { color: 'Good' })] : []),
    heading(t('coordinator_unfilled_title', { orderId: order.orderId })),
    textBlock(
      t('coordinator_unfilled_text', { count: order.assigned.length, total: order.expertCount }),
    ),
    orderSummary(order, lang, t),
    ...(rows.length
      ? rows
      : [textBlock(t('coordinator_no_candidates', { orderId: order.orderId }))]),
  ]);
}

/** With the review setting on: the shortlist of the next wave, sent only when a coordinator says so. */
export function coordinatorReviewCard(
  order: Order,
  shortlist: readonly CandidateView[],
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const waiting = order.shortlist !== undefined && order.status === 'open';
  return card(
    [
      ...(notice ? [textBlock(notice, { color: 'Good' })] : []),
      heading(t('review_title', { orderId: order.orderId })),
      textBlock(t(waiting && order.wishedShortlist ? 'review_wished' : 'review_text')),
      orderSummary(order, lang, t),
      ...(shortlist.length
        ? shortlist.map((c) => textBlock(`- ${plain(c.name)} (${plain(c.email)})`))
        : [textBlock(t('coordinator_no_candidates', { orderId: order.orderId }))]),
    ],
    waiting
      ? [
          executeAction(
            t('approve_shortlist'),
            ApproveShortlistVerb,
            { orderId: order.orderId },
            'positive',
          ),
        ]
      : [],
  );
}
