import type { ClaimView } from '../src/app/ports';
import {
  type Approval,
  currentVersion,
  heldForCoordinators,
  stepOf,
  waitsForStandIn,
} from '../src/domain/fees/claim';
import type { Order } from '../src/domain/orders/order';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import { amountFacts } from './claim-amount-facts';
import {
  card,
  executeAction,
  facts,
  heading,
  textBlock,
  type AdaptiveCard,
  type Element,
} from './elements';
import { helsinkiDateTime, listText, timeRange } from './format';
import { whenText } from './order-summary';
import { plain } from './plain-text';

export const ClaimVerb = {
  approve: 'approve_claim',
  reject: 'reject_claim',
  paid: 'mark_claim_paid',
  export: 'export_fees',
  taskDone: 'task_done',
  taskNotDone: 'task_not_done',
} as const;

/** "Lähiesihenkilön hyväksyttävänä: Sanna Esimies, 25.11. klo 14.02 alkaen" */
export function stageText(v: ClaimView, lang: Language, t: Translate): string {
  const status = t(`claim_status_${v.claim.status}` as MessageKey);
  if (!stepOf(v.claim.status)) return status;
  if (heldForCoordinators(v.claim)) return t('claim_waits_for_coordinator');
  return t('claim_stage_holder', {
    status,
    name: plain(v.holderName),
    since: helsinkiDateTime(v.claim.holderSince, lang),
  });
}

export function historyLine(h: Approval, v: ClaimView, lang: Language, t: Translate): string {
  const who = plain(v.names[h.by] ?? h.by);
  const when = helsinkiDateTime(h.at, lang);
  if (h.action === 'cancelled' || h.action === 'not_done')
    return `${t(`claim_history_${h.action}`, { who, when })}: ${plain(h.reason ?? '')}`;
  if (h.action === 'reassigned')
    return t('claim_history_reassigned', {
      who,
      to: plain(v.names[h.to ?? ''] ?? h.to ?? ''),
      when,
    });
  const line = t(`claim_history_${h.action}_${h.step}` as MessageKey, { who, when });
  return h.reason ? `${line}: ${plain(h.reason)}` : line;
}

/**
 * A claim as one person sees it now. Its current holder gets the buttons of their stage (and a
 * reason box for Return for correction); everyone else who holds the card sees where it is,
 * without buttons.
 */
export function claimCard(
  v: ClaimView,
  viewerEmail: string,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const { claim, order } = v;
  const version = currentVersion(claim);
  const step = stepOf(claim.status);
  // A stage waiting for a stand-in is not its expert's to act on (SPEC §2).
  // Nor is one whose task did not take place: a coordinator decides on it.
  const acting =
    step !== undefined &&
    claim.holderEmail === viewerEmail.toLowerCase() &&
    !waitsForStandIn(claim) &&
    !heldForCoordinators(claim);
  const payment =
    version.paymentType === 'tyokorvaus'
      ? `${t('payment_tyokorvaus')}, ${version.businessId ?? ''}`
      : t('payment_palkkio');
  const body: Element[] = [
    ...(notice ? [textBlock(notice, { color: 'Attention' })] : []),
    heading(t('claim_card_title', { claimId: claim.claimId })),
    textBlock(stageText(v, lang, t), {
      weight: 'Bolder',
      color: claim.status === 'paid' ? 'Good' : 'Default',
    }),
    facts([
      [t('claim_expert'), plain(v.expertName)],
      ...taskFacts(order, v.unitName, lang, t),
      [t('claim_actual_time'), timeRange(version.actualStart, version.actualEnd, lang)],
      [t('claim_payment'), payment],
      ...(version.version > 1
        ? ([[t('claim_version'), String(version.version)]] as Array<[string, string]>)
        : []),
      ...amountFacts(version.amount, lang, t, version.expensesNote && plain(version.expensesNote)),
    ]),
    ...claim.history.map((h) =>
      textBlock(historyLine(h, v, lang, t), { isSubtle: true, size: 'Small', spacing: 'None' }),
    ),
  ];
  if (!acting) return card(body);
  const data = { claimId: claim.claimId, step, version: version.version };
  body.push({
    type: 'Input.Text',
    id: 'reason',
    label: t(step === 'orderer' ? 'claim_reason_label_orderer' : 'claim_reason_label'),
    isMultiline: true,
    maxLength: 500,
    placeholder: t('claim_reason_placeholder'),
  });
  const forward =
    step === 'payroll'
      ? executeAction(t('mark_paid'), ClaimVerb.paid, data, 'positive')
      : executeAction(
          t(step === 'orderer' ? 'task_done' : 'approve_claim'),
          ClaimVerb.approve,
          data,
          'positive',
        );
  const actions = [
    forward,
    executeAction(t('reject_claim'), ClaimVerb.reject, data, 'destructive'),
  ];
  // The orderer confirms a fact: the task may also not have taken place (SPEC §3).
  if (step === 'orderer')
    actions.push(
      executeAction(
        t('task_not_done'),
        ClaimVerb.taskNotDone,
        { orderId: order.orderId, claimId: claim.claimId },
        'destructive',
      ),
    );
  if (step === 'payroll')
    actions.push(executeAction(t('export_fees_button'), ClaimVerb.export, {}));
  return card(body, actions);
}

export function taskFacts(
  order: Order,
  unitName: string,
  lang: Language,
  t: Translate,
): Array<[string, string]> {
  return [
    [t('label_taskType'), t(`task_${order.taskType}`)],
    [t('summary_when'), whenText(order, lang)],
    [t('offer_unit'), plain(unitName)],
    [t('claim_order'), order.orderId],
  ];
}

/**
 * The orderer's card after the task: one click confirms that it took place (Task done), or, with a
 * reason the expert and the coordinators see, says that it did not (Did not take place).
 */
export function taskDoneCard(
  order: Order,
  unitName: string,
  lang: Language,
  t: Translate,
  notice?: string,
): AdaptiveCard {
  const names = listText(
    order.assigned.map((a) => plain(a.name)),
    lang,
  );
  const body: Element[] = [
    ...(notice ? [textBlock(notice, { color: 'Attention' })] : []),
    heading(t('task_done_title', { orderId: order.orderId })),
    facts([...taskFacts(order, unitName, lang, t), [t('task_done_experts'), names]]),
  ];
  if (order.taskDoneAt)
    return card([
      ...body,
      textBlock(t('task_done_recorded', { when: helsinkiDateTime(order.taskDoneAt, lang) }), {
        color: 'Good',
      }),
    ]);
  if (order.taskNotDoneAt) {
    const recorded = t('task_not_done_recorded', {
      when: helsinkiDateTime(order.taskNotDoneAt, lang),
      reason: plain(order.taskNotDoneReason ?? ''),
    });
    return card([...body, textBlock(recorded)]);
  }
  const reason = {
    type: 'Input.Text',
    id: 'reason',
    label: t('task_not_done_reason_label'),
    isMultiline: true,
    maxLength: 500,
    placeholder: t('task_not_done_reason_placeholder'),
  };
  const data = { orderId: order.orderId };
  return card(
    [...body, textBlock(t('task_done_intro')), reason],
    [
      executeAction(t('task_done'), ClaimVerb.taskDone, data, 'positive'),
      executeAction(t('task_not_done'), ClaimVerb.taskNotDone, data, 'destructive'),
    ],
  );
}
