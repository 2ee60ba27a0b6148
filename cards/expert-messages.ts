import type { AssignmentRef } from '../src/domain/matching/match-experts';
import type { Expert } from '../src/domain/registers/types';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
import { card, executeAction, textBlock, type AdaptiveCard, type Element } from './elements';
import { dateTimeRange, formatDate } from './format';

const lines = (title: string, rows: Array<[string, string]>) =>
  [`**${title}**`, ...rows.map(([k, v]) => `- ${k}: ${v}`)].join('\n\n');

function profileRows(e: Expert, lang: Language, t: Translate): Array<[string, string]> {
  const work = [e.remote ? t('profile_remote') : '', e.onsite ? t('profile_onsite') : '']
    .filter(Boolean)
    .join(', ');
  return [
    [t('profile_kind'), t(`kind_${e.kind}`)],
    [t('label_areas'), e.areas.map((a) => t(`area_${a}`)).join(', ')],
    [t('profile_regions'), e.regions.join(', ')],
    [t('profile_languages'), e.languages.map((l) => t(`lang_${l}`)).join(', ')],
    [t('profile_work'), work],
    [t('profile_max'), String(e.maxPerMonth)],
    [
      t('profile_paused'),
      e.pausedUntil ? formatDate(e.pausedUntil, lang) : t('profile_not_paused'),
    ],
  ];
}

/** `profiili` / `profile`: what offers are matched against. */
export function profileMessage(e: Expert, lang: Language, t: Translate): string {
  return `${lines(t('profile_title'), profileRows(e, lang, t))}\n\n${t('profile_change')}`;
}

/** The my-tasks card's button: Can't make it on one row (the verb of the task card's own button). */
export const WithdrawFromTasksVerb = 'withdraw_assignment';

/**
 * `omat tehtävät` / `my tasks` as a card: each coming task with its own **Can't make it** button,
 * and one optional `reason` input for whichever row is pressed.
 */
export function myTasksCard(
  assignments: readonly AssignmentRef[],
  today: string,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard | string {
  const coming = assignments
    .filter((a) => a.date >= today)
    .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
  if (!coming.length) return notice ? `${notice}\n\n${t('my_tasks_empty')}` : t('my_tasks_empty');
  const rows: Element[] = coming.map((a) => ({
    type: 'Container',
    separator: true,
    items: [
      textBlock(
        t('my_tasks_line', {
          orderId: a.orderId,
          when: dateTimeRange(a.date, a.start, a.end, lang),
          where: a.remote ? t('summary_remote') : (a.municipality ?? ''),
        }),
      ),
      {
        type: 'ActionSet',
        actions: [
          executeAction(
            t('cant_make_it'),
            WithdrawFromTasksVerb,
            { orderId: a.orderId, from: 'tasks' },
            'destructive',
          ),
        ],
      },
    ],
  }));
  return card([
    ...(notice ? [textBlock(notice, { color: 'Attention' })] : []),
    textBlock(`**${t('my_tasks_title')}**`),
    textBlock(t('my_tasks_card_intro'), { isSubtle: true }),
    ...rows,
    {
      type: 'Input.Text',
      id: 'reason',
      label: t('withdraw_reason_label'),
      isMultiline: true,
      maxLength: 500,
    },
  ]);
}
