import type { OfferView, SeriesOfferView } from '../src/app/ports';
import { minutesBetween } from '../src/domain/fees/tariff';
import type { Offer } from '../src/domain/offers/offer';
import type { Order } from '../src/domain/orders/order';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import {
  card,
  executeAction,
  facts,
  heading,
  textBlock,
  type AdaptiveCard,
  type Element,
} from './elements';
import { euros, sessionDate, timeRange } from './format';
import { whereText } from './order-summary';
import { plain } from './plain-text';

export const SeriesOfferVerb = {
  acceptAll: 'accept_series_all',
  acceptOne: 'accept_series_session',
  decline: 'decline_series',
} as const;

type SessionState = 'pending' | 'accepted' | 'taken' | 'declined' | 'expired' | 'cancelled';

function stateOf(order: Order, offer: Offer): SessionState {
  if (order.status === 'cancelled') return 'cancelled';
  switch (offer.status) {
    case 'pending':
      return order.assigned.length >= order.expertCount ? 'taken' : 'pending';
    case 'accepted':
      return 'accepted';
    case 'closed':
      return 'taken';
    case 'declined':
      return 'declined';
    case 'expired':
      return 'expired';
  }
}

/**
 * The one card of a series offered to an expert (SPEC §3, §10): the task once, then every session
 * offered to them by date (d.M.yyyy) with its state and its own Accept, and Accept all. The street
 * address and the orderer's contact appear once the expert holds a session.
 */
export function seriesOfferCard(
  v: OfferView & { series: SeriesOfferView },
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const o = v.order;
  const task = t(`task_${o.taskType}`);
  const sessions = [...v.series.sessions].sort((a, b) => a.order.date.localeCompare(b.order.date));
  const states = sessions.map((x) => stateOf(x.order, x.offer));
  const holds = states.includes('accepted');
  const details: Array<[string, string]> = [
    [t('label_areas'), o.areas.map((a) => t(`area_${a}`)).join(', ')],
    [t('summary_when'), timeRange(o.start, o.end, lang)],
    [
      t('summary_where'),
      holds ? whereText(o, t) : o.remote ? t('summary_remote') : plain(o.municipality ?? ''),
    ],
    [t('offer_duration'), t('minutes', { minutes: minutesBetween(o.start, o.end) })],
    [t('offer_unit'), plain(v.unitName)],
    [t('offer_fee'), v.estimatedFeeCents ? euros(v.estimatedFeeCents, lang) : t('offer_fee_none')],
  ];
  if (holds && v.orderer)
    details.push([t('offer_contact'), `${plain(v.orderer.name)}, ${plain(v.orderer.email)}`]);
  // Who it is for and the orderer's wishes (the wards of a Juttupenkki, say), as on a taken task's card.
  if (holds && o.audience) details.push([t('label_audience'), plain(o.audience)]);
  if (holds && o.wishes) details.push([t('label_wishes'), plain(o.wishes)]);
  const rows: Element[] = sessions.map((x, i) => {
    const state = states[i]!;
    return {
      type: 'ColumnSet',
      separator: i === 0,
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          verticalContentAlignment: 'Center',
          items: [
            textBlock(
              `${sessionDate(x.order.date)} · ${t(`series_session_${state}` as MessageKey)}`,
              {
                weight: state === 'accepted' ? 'Bolder' : 'Default',
              },
            ),
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          items:
            state === 'pending'
              ? [
                  {
                    type: 'ActionSet',
                    actions: [
                      executeAction(t('accept_offer'), SeriesOfferVerb.acceptOne, {
                        seriesId: v.series.seriesId,
                        orderId: x.order.orderId,
                      }),
                    ],
                  },
                ]
              : [],
        },
      ],
    };
  });
  const open = states.includes('pending');
  return card(
    [
      ...(notice ? [textBlock(notice, { color: 'Attention' })] : []),
      heading(t('series_offer_title', { task })),
      textBlock(t('series_offer_intro')),
      facts(details),
      ...rows,
    ],
    open
      ? [
          executeAction(
            t('accept_all'),
            SeriesOfferVerb.acceptAll,
            { seriesId: v.series.seriesId },
            'positive',
          ),
          executeAction(t('decline_offer'), SeriesOfferVerb.decline, {
            seriesId: v.series.seriesId,
          }),
        ]
      : [],
  );
}
