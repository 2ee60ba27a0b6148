import type { InstallAllView, InstallJob } from '../src/app/install-all';
import { REACH_LIST_MAX, type Unreachable } from '../src/app/reach-report';
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
import { helsinkiDateTime } from './format';
import { plain } from './plain-text';

export const InstallAllVerb = 'install_all';

export interface ReachView {
  people: Unreachable[];
  /** The job last started, running or done. */
  job?: InstallJob;
  running: boolean;
  /** Graph installation is on: the button can do something. */
  canInstall: boolean;
}

/**
 * `/reach` (SPEC §12): who cannot be reached and why, and **Install for all** while nothing is
 * being installed; a running job's progress instead of the button.
 */
export function reachCard(v: ReachView, lang: Language, t: Translate): AdaptiveCard {
  const body: Element[] = v.people.length
    ? [heading(t('reach_title', { count: v.people.length })), ...peopleLines(v.people, t)]
    : [textBlock(t('reach_all'))];
  if (v.job && (v.running || v.job.status === 'done'))
    body.push(...progress(v.job, lang, t, { separator: true }));
  const installable = v.people.some((p) => p.reason !== 'blocked' && p.reason !== 'waiting');
  if (!v.canInstall || v.running || !installable) return card(body);
  body.push(textBlock(t('install_all_explain'), { isSubtle: true, separator: true }));
  return card(body, [executeAction(t('install_all_button'), InstallAllVerb)]);
}

/** The card Install for all was pressed on, updated in place as the job goes on. */
export function installAllCard(
  v: InstallAllView,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const body: Element[] = [heading(t('install_all_title'))];
  if (notice) body.push(textBlock(notice, { color: 'Attention' }));
  body.push(...progress(v.job, lang, t));
  if (v.unreached.length) {
    body.push(
      textBlock(t('install_all_unreached', { count: v.unreached.length }), {
        weight: 'Bolder',
        separator: true,
      }),
    );
    body.push(...peopleLines(v.unreached, t));
  }
  return card(body);
}

function progress(job: InstallJob, lang: Language, t: Translate, extra: Element = {}): Element[] {
  if (job.total === undefined) return [textBlock(t('install_all_preparing'), extra)];
  if (job.status === 'done' && job.total === 0) return [textBlock(t('install_all_nobody'), extra)];
  const done = job.installed + job.notFound + job.refused + job.failed;
  return [
    textBlock(
      job.status === 'done' && job.finishedAt
        ? t('install_all_done', { when: helsinkiDateTime(job.finishedAt, lang) })
        : t('install_all_running', { done, total: job.total }),
      { weight: 'Bolder', ...extra },
    ),
    textBlock(
      t('install_all_progress', {
        installed: job.installed,
        total: job.total,
        notFound: job.notFound,
        refused: job.refused,
        failed: job.failed,
      }),
    ),
  ];
}

function peopleLines(people: Unreachable[], t: Translate): Element[] {
  const lines = people
    .slice(0, REACH_LIST_MAX)
    .map(
      (p) =>
        `- ${t('reach_line', { name: plain(p.name), email: p.email, reason: t(`reach_${p.reason}`) })}`,
    );
  if (people.length > REACH_LIST_MAX)
    lines.push(t('reach_more', { count: people.length - REACH_LIST_MAX }));
  return [textBlock(lines.join('\n'))];
}
