import type { OfferView } from '../src/app/ports';
import { minutesBetween } from '../src/domain/fees/tariff';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import { card, executeAction, facts, heading, textBlock, type AdaptiveCard } from './elements';
import { euros, helsinkiDateTime } from './format';
import { whenText, whereText } from './order-summary';
import { plain } from './plain-text';

export const OfferVerb = {
  accept: 'accept_offer',
  decline: 'decline_offer',
  withdraw: 'withdraw_assignment',
  stillFine: 'still_fine',
} as const;

type Shown =
  | 'pending'
  | 'accepted'
  | 'recheck'
  | 'filled'
  | 'withdrawn'
  | 'declined'
  | 'expired'
  | 'given_back'
  | 'released'
  | 'mentor_left';

function shownState(v: OfferView): Shown {
  // A trainee's join offer or trip along went with the mentor (SPEC §3).
  if (v.offer.mentorLeftAt) return 'mentor_left';
  if (v.offer.withdrawnAt) return 'given_back';
  if (v.offer.released) return 'released';
  if (v.offer.status === 'accepted' && v.offer.confirmBy && v.order.status !== 'cancelled')
    return 'recheck';
  switch (v.offer.status) {
    case 'pending':
      return v.order.status === 'cancelled'
        ? 'withdrawn'
        : v.order.status === 'filled' && !v.offer.asTrainee
          ? 'filled'
          : 'pending';
    case 'accepted':
      return v.order.status === 'cancelled' ? 'withdrawn' : 'accepted';
    case 'closed':
      return v.order.status === 'cancelled' ? 'withdrawn' : 'filled';
    case 'declined':
      return 'declined';
    case 'expired':
      return 'expired';
  }
}

/**
 * The expert's offer card in its current state. Only the pending state has buttons; the street
 * address and the orderer's contact appear only once the expert holds the task.
 */
export function offerCard(
  v: OfferView,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const o = v.order;
  const task = t(`task_${o.taskType}`);
  const shown = shownState(v);
  const common: Array<[string, string]> = [
    [t('label_areas'), o.areas.map((a) => t(`area_${a}`)).join(', ')],
    [t('summary_when'), whenText(o, lang)],
    [t('offer_duration'), t('minutes', { minutes: minutesBetween(o.start, o.end) })],
    [t('offer_unit'), plain(v.unitName)],
  ];
  const top = notice ? [textBlock(notice, { color: 'Attention' })] : [];
  // A trainee's join offer (SPEC §3): along with the mentor, no ordered place, expenses claimable.
  const mentor = v.offer.asTrainee ? plain(v.mentorName ?? '') : undefined;
  if (shown === 'pending') {
    return card(
      [
        ...top,
        heading(t(mentor !== undefined ? 'trainee_offer_title' : 'offer_title', { task })),
        textBlock(mentor !== undefined ? t('trainee_offer_intro', { mentor }) : t('offer_intro')),
        facts([
          ...common.slice(0, 2),
          [t('summary_where'), o.remote ? t('summary_remote') : plain(o.municipality ?? '')],
          ...common.slice(2),
          [
            t('offer_fee'),
            v.estimatedFeeCents
              ? euros(v.estimatedFeeCents, lang)
              : t(mentor !== undefined ? 'trainee_offer_fee_none' : 'offer_fee_none'),
          ],
          [t('offer_expires'), helsinkiDateTime(v.offer.expiresAt, lang)],
        ]),
      ],
      [
        executeAction(t('accept_offer'), OfferVerb.accept, { orderId: o.orderId }, 'positive'),
        executeAction(t('decline_offer'), OfferVerb.decline, { orderId: o.orderId }),
      ],
    );
  }
  if (shown === 'given_back' || shown === 'released') {
    const text =
      shown === 'given_back'
        ? t(mentor !== undefined ? 'trainee_given_back_text' : 'offer_given_back_text', {
            orderId: o.orderId,
          })
        : t(`expert_released_${v.offer.released!.why}`, { orderId: o.orderId });
    return card([
      ...top,
      heading(t(shown === 'given_back' ? 'offer_given_back_title' : 'offer_released_title')),
      textBlock(text),
      facts([[t('label_taskType'), task], ...common.slice(1, 2)]),
    ]);
  }
  if (shown === 'accepted' || shown === 'recheck') {
    const intro =
      shown === 'recheck'
        ? [
            heading(t('recheck_title', { orderId: o.orderId })),
            textBlock(t('recheck_text', { deadline: helsinkiDateTime(v.offer.confirmBy!, lang) })),
          ]
        : mentor !== undefined
          ? [
              heading(t('trainee_joined_title', { task })),
              textBlock(t('trainee_joined_text', { orderId: o.orderId, mentor })),
            ]
          : [
              heading(t('offer_accepted_title', { task })),
              textBlock(t('offer_accepted_text', { orderId: o.orderId })),
            ];
    const data = { orderId: o.orderId };
    return card(
      [
        ...top,
        ...intro,
        facts([
          ...common,
          [t('offer_address'), whereText(o, t)],
          [
            t('offer_contact'),
            v.orderer ? `${plain(v.orderer.name)}, ${plain(v.orderer.email)}` : '',
          ],
          ...(o.audience
            ? ([[t('label_audience'), plain(o.audience)]] as Array<[string, string]>)
            : []),
          ...(o.wishes ? ([[t('label_wishes'), plain(o.wishes)]] as Array<[string, string]>) : []),
        ]),
        {
          type: 'Input.Text',
          id: 'reason',
          label: t('withdraw_reason_label'),
          isMultiline: true,
          maxLength: 500,
        },
      ],
      [
        ...(shown === 'recheck'
          ? [executeAction(t('still_fine'), OfferVerb.stillFine, data, 'positive')]
          : []),
        executeAction(t('cant_make_it'), OfferVerb.withdraw, data, 'destructive'),
      ],
    );
  }
  return card([
    ...top,
    heading(t(`offer_${shown}_title` as MessageKey)),
    textBlock(t(`offer_${shown}_text` as MessageKey, { orderId: o.orderId })),
    facts([[t('label_taskType'), task], ...common.slice(1, 2)]),
  ]);
}
