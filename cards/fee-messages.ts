import type { ClaimView } from '../src/app/ports';
import { currentVersion, type Claim } from '../src/domain/fees/claim';
import type { Tariff } from '../src/domain/fees/tariff';
import type { Order } from '../src/domain/orders/order';
import { TASK_TYPES, type Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import { stageText } from './claim-card';
import { card, executeAction, facts, heading, textBlock, type AdaptiveCard } from './elements';
import { euros, formatDate, helsinkiDateTime } from './format';
import { plain } from './plain-text';

const list = (title: string, lines: string[]) =>
  [`**${title}**`, ...lines.map((l) => `- ${l}`)].join('\n\n');

function claimLine(v: ClaimView, lang: Language, t: Translate, withExpert: boolean): string {
  const task = `${t(`task_${v.order.taskType}`)} ${formatDate(v.order.date, lang)}`;
  const amount = euros(currentVersion(v.claim).amount.totalCents, lang);
  const who = withExpert ? `${plain(v.expertName)}, ` : '';
  return `**${v.claim.claimId}** (${v.order.orderId}, ${who}${task}, ${amount}): ${stageText(v, lang, t)}`;
}

/** `palkkiot` / `my fees`: each claim with its stage, who holds it and since when. */
export function myFeesMessage(views: readonly ClaimView[], lang: Language, t: Translate): string {
  if (!views.length) return t('my_fees_empty');
  return list(
    t('my_fees_title'),
    views.map((v) => claimLine(v, lang, t, false)),
  );
}

/** `hyväksyttävät` / `approvals`: what waits for this approver; the cards follow the list. */
export function approvalsMessage(
  views: readonly ClaimView[],
  lang: Language,
  t: Translate,
): string {
  if (!views.length) return t('approvals_empty');
  return list(
    t('approvals_title', { count: views.length }),
    views.map((v) => claimLine(v, lang, t, true)),
  );
}

/** `/fees pending|stuck` for coordinators. */
export function openFeesMessage(
  views: readonly ClaimView[],
  which: 'pending' | 'stuck',
  lang: Language,
  t: Translate,
): string {
  if (!views.length) return t(which === 'stuck' ? 'fees_stuck_empty' : 'fees_pending_empty');
  return list(
    t(which === 'stuck' ? 'fees_stuck_title' : 'fees_pending_title', { count: views.length }),
    views.map((v) => claimLine(v, lang, t, true)),
  );
}

/** `/audit P-…`: every submission and every step, who and when, and from which stage. */
export function claimAuditMessage(
  claim: Claim,
  names: Record<string, string>,
  lang: Language,
  t: Translate,
): string {
  const name = (e: string) => plain(names[e] ? `${names[e]} (${e})` : e);
  const events = [
    ...claim.versions.map((v) => ({
      at: v.submittedAt,
      text: t('audit_submitted', {
        version: v.version,
        who: name(claim.expertEmail),
        amount: euros(v.amount.totalCents, lang),
        tariff: v.tariffVersion,
      }),
    })),
    ...claim.history.map((h) => ({
      at: h.at,
      text:
        t('audit_step', {
          action: t(`audit_action_${h.action}`),
          who: name(h.by),
          stage: t(`audit_stage_${h.step}`),
          version: h.version,
        }) +
        (h.to ? ` → ${name(h.to)}` : '') +
        (h.reason ? `: ${plain(h.reason)}` : ''),
    })),
    ...(claim.remindedAt
      ? [{ at: claim.remindedAt, text: t('audit_reminded', { who: name(claim.holderEmail) }) }]
      : []),
    ...(claim.escalatedAt ? [{ at: claim.escalatedAt, text: t('audit_escalated') }] : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  return list(
    t('audit_title', { claimId: claim.claimId }),
    events.map((e) => `${helsinkiDateTime(e.at, lang)} ${e.text}`),
  );
}

/** `/audit T-…`: who placed the order, who took it, cancellation, Task done, its claims. */
export function orderAuditMessage(order: Order, lang: Language, t: Translate): string {
  const events = [
    { at: order.createdAt, text: t('audit_order_created', { who: order.ordererEmail }) },
    ...order.assigned.map((a) => ({
      at: a.at,
      text: a.byCoordinator
        ? t('audit_order_assigned_by', {
            who: plain(`${a.name} (${a.email})`),
            by: plain(a.byCoordinator),
          })
        : t('audit_order_assigned', { who: plain(`${a.name} (${a.email})`) }),
    })),
    ...(order.cancelledAt
      ? [
          {
            at: order.cancelledAt,
            text: t('audit_order_cancelled', { who: order.cancelledBy ?? '' }),
          },
        ]
      : []),
    ...(order.taskDoneAt
      ? [{ at: order.taskDoneAt, text: t('audit_order_done', { who: order.taskDoneBy ?? '' }) }]
      : []),
    // Coordinators' console changes (phone order, unassign, forced assignment).
    ...(order.audit ?? []).map((e) => ({
      at: e.at,
      text:
        t(`audit_${e.what}`, {
          who: e.who ?? '',
          by: e.by,
          rules: (e.rules ?? []).map((r) => t(`console_rule_${r}` as MessageKey)).join(', '),
          version: e.version ?? '',
          changes: (e.changes ?? [])
            .map((c) => `${t(`label_${c.field}`)} ${plain(c.from) || '–'} → ${plain(c.to) || '–'}`)
            .join('; '),
        }) + (e.reason ? ` (${t('audit_reason')}: ${plain(e.reason)})` : ''),
    })),
    ...(order.taskNotDoneAt
      ? [
          {
            at: order.taskNotDoneAt,
            text: `${t('audit_order_not_done', { who: order.taskNotDoneBy ?? '' })}: ${plain(order.taskNotDoneReason ?? '')}`,
          },
        ]
      : []),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const lines = events.map((e) => `${helsinkiDateTime(e.at, lang)} ${e.text}`);
  const claims = Object.values(order.claims ?? {});
  if (claims.length) lines.push(t('audit_order_claims', { claims: claims.join(', ') }));
  return list(t('audit_order_title', { orderId: order.orderId }), lines);
}

export const SaveTariffVerb = 'save_tariff';

/** `/tariffs`: the tariff in use, editable by a coordinator; saving makes a new version. */
export function tariffCard(
  tariff: Tariff,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const money = (cents: number) => (cents / 100).toFixed(2);
  const number = (id: string, label: string, cents: number) => ({
    type: 'Input.Number',
    id,
    label,
    min: 0,
    value: Number(money(cents)),
  });
  return card(
    [
      ...(notice ? [textBlock(notice, { color: 'Good' })] : []),
      heading(t('tariff_title', { version: tariff.version })),
      textBlock(t('tariff_intro')),
      facts([
        [t('tariff_minimum'), euros(tariff.minimumCents, lang)],
        [t('tariff_km'), euros(tariff.kmCents, lang)],
        [t('tariff_unpaid'), tariff.unpaidKinds.map((k) => t(`kind_${k}`)).join(', ')],
      ]),
      ...TASK_TYPES.map((type) =>
        number(
          `hourly_${type}`,
          t('tariff_hourly', { task: t(`task_${type}`) }),
          tariff.hourlyCents[type],
        ),
      ),
      number('minimum', t('tariff_minimum'), tariff.minimumCents),
      number('km', t('tariff_km'), tariff.kmCents),
    ],
    [executeAction(t('tariff_save'), SaveTariffVerb, { version: tariff.version })],
  );
}
