import type { MyData } from '../src/app/my-data';
import { MY_DATA_LIMIT } from '../src/app/my-data';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import { historyLine } from './claim-card';
import { card, facts, heading, textBlock, type AdaptiveCard, type Element } from './elements';
import { dateTimeRange, euros, formatDate, helsinkiDateTime } from './format';
import { plain } from './plain-text';

type Rows = Array<[string, string]>;

/** One part of `my data`: a title, its rows (or "nothing stored"), and how long it is kept. */
function section(title: string, rows: Rows, keep: string, t: Translate, more = 0): Element[] {
  const shown = rows.slice(0, MY_DATA_LIMIT);
  const hidden = rows.length - shown.length + more;
  return [
    { ...heading(title), size: 'Default', spacing: 'Large', separator: true },
    shown.length ? facts(shown) : textBlock(t('my_data_nothing'), { isSubtle: true }),
    ...(hidden > 0
      ? [textBlock(t('my_data_more', { count: hidden }), { isSubtle: true, spacing: 'None' })]
      : []),
    textBlock(`${t('my_data_kept')}: ${keep}`, { isSubtle: true, size: 'Small', spacing: 'Small' }),
  ];
}

/**
 * `omat tiedot` / `my data` (SPEC §3): everything the service holds on the person, part by part,
 * each with how long it is kept (SPEC §13).
 */
export function myDataCard(d: MyData, lang: Language, t: Translate): AdaptiveCard {
  const e = d.expert;
  const register: Rows = e
    ? [
        [t('my_data_name'), plain(e.name)],
        [t('my_data_email'), plain(e.email)],
        [t('profile_kind'), t(`kind_${e.kind}`)],
        [t('label_areas'), e.areas.map((a) => t(`area_${a}`)).join(', ')],
        [t('profile_regions'), plain(e.regions.join(', '))],
        [t('profile_languages'), e.languages.map((l) => t(`lang_${l}`)).join(', ')],
        [t('profile_max'), String(e.maxPerMonth)],
        ...(e.mentorEmail ? ([[t('my_data_mentor'), plain(e.mentorEmail)]] as Rows) : []),
        ...(e.trainedOn
          ? ([[t('my_data_trained_on'), formatDate(e.trainedOn, lang)]] as Rows)
          : []),
        ...(e.pausedUntil
          ? ([[t('my_data_paused_until'), formatDate(e.pausedUntil, lang)]] as Rows)
          : []),
      ]
    : [];
  const assignments: Rows = d.assignments.map((a) => [
    a.orderId,
    `${dateTimeRange(a.date, a.start, a.end, lang)} · ${a.remote ? t('summary_remote') : plain(a.municipality ?? '')}${a.asTrainee ? ` · ${t('my_data_as_trainee')}` : ''}`,
  ]);
  const offers: Rows = d.offers.map((o) => [
    o.orderId,
    `${t(`my_data_offer_${o.status}` as MessageKey)} · ${helsinkiDateTime(o.answeredAt ?? o.sentAt, lang)}`,
  ]);
  const claims: Rows = d.claims.map((v) => [
    v.claim.claimId,
    [
      `${t(`claim_status_${v.claim.status}` as MessageKey)} · ${euros(v.claim.versions.at(-1)?.amount.totalCents ?? 0, lang)} · ${v.order.orderId}`,
      ...v.claim.history.map((h) => historyLine(h, v, lang, t)),
    ].join('\n\n'),
  ]);
  const feedback: Rows = d.feedback.map((f) => [
    f.orderId,
    `${t('feedback_given_rating', { rating: f.rating })}${f.comment ? ` · ${plain(f.comment)}` : ''} · ${helsinkiDateTime(f.givenAt, lang)}`,
  ]);
  const p = d.person;
  const address: Rows = p
    ? [
        [t('my_data_teams_user'), plain(p.address.userId)],
        [t('my_data_teams_conversation'), plain(p.address.conversationId)],
        [t('my_data_teams_service'), plain(p.address.serviceUrl)],
        [t('my_data_language'), t(`lang_${p.locale}`)],
        [t('my_data_first_seen'), helsinkiDateTime(p.firstSeenAt, lang)],
      ]
    : [];
  return card([
    heading(t('my_data_card_title')),
    textBlock(t('my_data_card_intro')),
    ...section(t('my_data_section_register'), register, t('my_data_keep_register'), t),
    ...section(t('my_data_section_assignments'), assignments, t('my_data_keep_orders'), t),
    ...section(t('my_data_section_offers'), offers, t('my_data_keep_orders'), t),
    ...section(t('my_data_section_claims'), claims, t('my_data_keep_claims'), t, d.moreClaims),
    ...section(t('my_data_section_feedback'), feedback, t('my_data_keep_feedback'), t),
    ...section(t('my_data_section_address'), address, t('my_data_keep_address'), t),
  ]);
}
