import type { AssignmentRef } from '../src/domain/matching/match-experts';
import type { Expert } from '../src/domain/registers/types';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
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

/** `omat tehtävät` / `my tasks`: assignments from today on, soonest first. */
export function myTasksMessage(
  assignments: readonly AssignmentRef[],
  today: string,
  lang: Language,
  t: Translate,
): string {
  const coming = assignments
    .filter((a) => a.date >= today)
    .sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
  if (!coming.length) return t('my_tasks_empty');
  return [
    `**${t('my_tasks_title')}**`,
    ...coming.map(
      (a) =>
        `- ${t('my_tasks_line', { orderId: a.orderId, when: dateTimeRange(a.date, a.start, a.end, lang), where: a.remote ? t('summary_remote') : (a.municipality ?? '') })}`,
    ),
  ].join('\n\n');
}
