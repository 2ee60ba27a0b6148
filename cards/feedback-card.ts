import type { FeedbackView } from '../src/app/ports';
import { COMMENT_MAX, RATING_MAX, RATING_MIN } from '../src/domain/feedback/feedback';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
import { card, executeAction, facts, heading, textBlock, type AdaptiveCard } from './elements';
import { whenText } from './order-summary';
import { plain } from './plain-text';

export const FeedbackVerb = 'send_feedback';

/**
 * The feedback card after a task (SPEC §6): a rating 1–5 and an optional comment that only
 * coordinators read. Once answered it shows the answer and has no button.
 */
export function feedbackCard(
  v: FeedbackView,
  lang: Language,
  t: Translate,
  notice?: string,
  typed?: { rating?: string; comment?: string },
): AdaptiveCard {
  const o = v.order;
  const about = facts([
    [t('label_taskType'), t(`task_${o.taskType}`)],
    [t('summary_when'), whenText(o, lang)],
    [t('offer_unit'), plain(v.unitName)],
  ]);
  const top = notice ? [textBlock(notice, { color: 'Attention' })] : [];
  if (v.given) {
    return card([
      ...top,
      heading(t('feedback_thanks_title', { orderId: o.orderId })),
      about,
      facts([
        [t('feedback_rating_label'), t('feedback_given_rating', { rating: v.given.rating })],
        ...(v.given.comment
          ? ([[t('feedback_comment_label'), plain(v.given.comment)]] as Array<[string, string]>)
          : []),
      ]),
      textBlock(t('feedback_thanks_text'), { isSubtle: true }),
    ]);
  }
  const choices = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) =>
    String(RATING_MIN + i),
  ).map((value) => ({ title: t(`feedback_choice_${value}` as 'feedback_choice_1'), value }));
  return card(
    [
      ...top,
      heading(t('feedback_title', { orderId: o.orderId })),
      textBlock(t(v.role === 'orderer' ? 'feedback_question_orderer' : 'feedback_question_expert')),
      about,
      {
        type: 'Input.ChoiceSet',
        id: 'rating',
        label: t('feedback_rating_label'),
        style: 'expanded',
        isRequired: true,
        errorMessage: t('feedback_rating_invalid'),
        choices,
        ...(typed?.rating ? { value: typed.rating } : {}),
      },
      {
        type: 'Input.Text',
        id: 'comment',
        label: t('feedback_comment_label'),
        isMultiline: true,
        maxLength: COMMENT_MAX,
        placeholder: t('feedback_comment_placeholder'),
        ...(typed?.comment ? { value: typed.comment } : {}),
      },
    ],
    [executeAction(t('feedback_send'), FeedbackVerb, { orderId: o.orderId }, 'positive')],
  );
}
