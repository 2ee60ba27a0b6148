import { ActivityTypes } from 'botbuilder';
import {
  coordinatorReviewCard,
  coordinatorUnfilledCard,
} from '../../cards/coordinator-unfilled-card';
import { asAttachment, type AdaptiveCard } from '../../cards/elements';
import { offerCard } from '../../cards/offer-card';
import { seriesOfferCard } from '../../cards/series-offer-card';
import { whenText, whereText } from '../../cards/order-summary';
import { claimCard, stageText, taskDoneCard } from '../../cards/claim-card';
import { claimFormCard } from '../../cards/claim-form-card';
import { feedbackCard } from '../../cards/feedback-card';
import { helsinkiDateTime, listText, sessionDate } from '../../cards/format';
import type {
  CandidateView,
  ClaimFormView,
  ClaimView,
  Delivery,
  FeedbackView,
  Notifier,
  OfferView,
  OrdererContact,
  Person,
  ReleaseWhy,
} from '../app/ports';
import type { OrdererNews } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import type { ReachReason } from '../app/reach';
import type { InstallAllView } from '../app/install-all';
import { installAllCard } from '../../cards/reach-card';
import { type MessageKey, translator } from '../i18n';
import type { Outbound, SendResult } from './outbound';
import { plain } from '../../cards/plain-text';
import { privacyNotice } from '../../cards/privacy-notice';

/** The one introduction per person (SPEC §12): `take` is true for the one caller who should send it. */
export interface Introduction {
  take(person: Person): Promise<boolean>;
  privacyUrl?: string;
}

/** Draws what the outbox's effects call for, in each recipient's language, and sends it. */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly outbound: Outbound,
    private readonly introduction?: Introduction,
  ) {}

  async offerCard(expert: Person, view: OfferView, sentActivityId?: string) {
    // SPEC §12: an expert who was never told what the service stores hears it before the first offer.
    if (!sentActivityId && this.introduction && (await this.introduction.take(expert))) {
      const told = await this.text(
        expert,
        privacyNotice(translator(expert.locale), this.introduction.privacyUrl, true),
      );
      if (!told.ok && told.reason === 'unreachable') return { ok: false, unreachable: true };
    }
    const card = view.series
      ? seriesOfferCard({ ...view, series: view.series }, expert.locale, translator(expert.locale))
      : offerCard(view, expert.locale, translator(expert.locale));
    const result = sentActivityId
      ? await this.outbound.update(expert, sentActivityId, cardActivity(card))
      : await this.outbound.send(expert, cardActivity(card));
    if (result.ok) return { ok: true, activityId: result.activityId };
    // Throttled, timed out or down after all retries: worth trying again (a 4xx is not).
    const transient = result.status === undefined || result.status === 429 || result.status >= 500;
    return {
      ok: false,
      unreachable: result.reason === 'unreachable',
      retry: result.reason === 'failed' && transient,
    };
  }

  async ordererUpdate(orderer: Person, order: Order, about: OrdererNews) {
    const t = translator(orderer.locale);
    const names = listText(
      order.assigned.map((a) => plain(a.name)),
      orderer.locale,
    );
    await this.text(
      orderer,
      t(`orderer_${about}`, {
        orderId: order.orderId,
        names,
        count: order.assigned.length,
        total: order.expertCount,
      }),
    );
  }

  async ordererSeriesTaken(
    orderer: Person,
    news: { seriesId: string; name: string; count: number; total: number; open: string[] },
  ) {
    const t = translator(orderer.locale);
    const { seriesId, count, total } = news;
    const name = plain(news.name);
    const lines = [
      count >= total
        ? t('orderer_series_taken_all', { seriesId, name, total })
        : t('orderer_series_taken', { seriesId, name, count, total }),
      ...(news.open.length
        ? [t('orderer_series_still_offered', { dates: news.open.map(sessionDate).join(', ') })]
        : []),
    ];
    await this.text(orderer, lines.join(' '));
  }

  async coordinatorWithdrawn(
    coordinator: Person,
    order: Order,
    expertName: string,
    reason?: string,
  ) {
    const t = translator(coordinator.locale);
    const text = t('coordinator_withdrawn', {
      name: plain(expertName),
      orderId: order.orderId,
      when: whenText(order, coordinator.locale),
    });
    await this.text(
      coordinator,
      reason ? `${text}\n\n${t('coordinator_withdrawn_reason', { reason: plain(reason) })}` : text,
    );
  }

  async expertReleased(expert: Person, order: Order, why: ReleaseWhy) {
    const key = why === 'silence' ? 'expert_recheck_expired' : (`expert_released_${why}` as const);
    await this.text(expert, translator(expert.locale)(key, { orderId: order.orderId }));
  }

  async coordinatorUnfilled(coordinator: Person, order: Order, candidates: CandidateView[]) {
    await this.outbound.send(
      coordinator,
      cardActivity(
        coordinatorUnfilledCard(
          order,
          candidates,
          coordinator.locale,
          translator(coordinator.locale),
        ),
      ),
    );
  }

  async coordinatorReview(coordinator: Person, order: Order, shortlist: CandidateView[]) {
    await this.outbound.send(
      coordinator,
      cardActivity(
        coordinatorReviewCard(order, shortlist, coordinator.locale, translator(coordinator.locale)),
      ),
    );
  }

  async coordinatorUnreachable(
    coordinator: Person,
    order: Order,
    expertName: string,
    reason: ReachReason,
  ) {
    const t = translator(coordinator.locale);
    await this.text(
      coordinator,
      t('coordinator_unreachable', {
        name: plain(expertName),
        orderId: order.orderId,
        reason: t(`reach_${reason}`),
      }),
    );
  }

  async expertCancelled(expert: Person, order: Order) {
    const t = translator(expert.locale);
    await this.text(
      expert,
      t('expert_cancelled', {
        orderId: order.orderId,
        task: t(`task_${order.taskType}`),
        when: whenText(order, expert.locale),
      }),
    );
  }

  async expertUnassigned(expert: Person, order: Order) {
    const t = translator(expert.locale);
    await this.text(
      expert,
      t('expert_unassigned', {
        orderId: order.orderId,
        task: t(`task_${order.taskType}`),
        when: whenText(order, expert.locale),
      }),
    );
  }

  async traineeOff(trainee: Person, order: Order) {
    const t = translator(trainee.locale);
    await this.text(
      trainee,
      t('trainee_off', {
        orderId: order.orderId,
        task: t(`task_${order.taskType}`),
        when: whenText(order, trainee.locale),
      }),
    );
  }

  async ordererTrainee(
    orderer: Person,
    order: Order,
    about: 'joined' | 'left' | 'stays_away',
    who: { trainee: string; mentor: string; paid: boolean },
  ) {
    const key =
      about !== 'joined'
        ? (`orderer_trainee_${about}` as const)
        : who.paid
          ? 'orderer_trainee_joined_paid'
          : 'orderer_trainee_joined';
    await this.text(
      orderer,
      translator(orderer.locale)(key, {
        orderId: order.orderId,
        trainee: plain(who.trainee),
        mentor: plain(who.mentor),
      }),
    );
  }

  async ordererUnassigned(orderer: Person, order: Order, expertName: string) {
    await this.text(
      orderer,
      translator(orderer.locale)('orderer_unassigned', {
        orderId: order.orderId,
        name: expertName,
      }),
    );
  }

  async expertTaskNotDone(expert: Person, order: Order) {
    const t = translator(expert.locale);
    await this.text(
      expert,
      t('expert_task_not_done', {
        orderId: order.orderId,
        task: t(`task_${order.taskType}`),
        when: whenText(order, expert.locale),
        reason: plain(order.taskNotDoneReason ?? ''),
      }),
    );
  }

  async coordinatorTaskNotDone(coordinator: Person, order: Order) {
    const t = translator(coordinator.locale);
    const claims = Object.values(order.claims ?? {});
    const text = t('coordinator_task_not_done', {
      orderId: order.orderId,
      task: t(`task_${order.taskType}`),
      when: whenText(order, coordinator.locale),
      who: plain(order.taskNotDoneBy ?? ''),
      reason: plain(order.taskNotDoneReason ?? ''),
    });
    await this.text(
      coordinator,
      `${text}\n\n${claims.length ? t('coordinator_task_not_done_claims', { claims: claims.join(', ') }) : t('coordinator_task_not_done_no_claims')}`,
    );
  }

  async taskReminder(expert: Person, order: Order, contact: OrdererContact) {
    const t = translator(expert.locale);
    await this.text(
      expert,
      t('task_reminder', {
        orderId: order.orderId,
        task: t(`task_${order.taskType}`),
        when: whenText(order, expert.locale),
        where: whereText(order, t),
        contact: plain(`${contact.name}, ${contact.email}`),
      }),
    );
  }

  async claimForm(expert: Person, view: ClaimFormView) {
    return delivery(
      await this.outbound.send(
        expert,
        cardActivity(claimFormCard(view, expert.locale, translator(expert.locale))),
      ),
    );
  }

  async feedbackCard(person: Person, view: FeedbackView) {
    return delivery(
      await this.outbound.send(
        person,
        cardActivity(feedbackCard(view, person.locale, translator(person.locale))),
      ),
    );
  }

  async taskDoneCard(orderer: Person, order: Order, unitName: string) {
    return delivery(
      await this.outbound.send(
        orderer,
        cardActivity(taskDoneCard(order, unitName, orderer.locale, translator(orderer.locale))),
      ),
    );
  }

  async claimCard(viewer: Person, view: ClaimView, activityId?: string) {
    const activity = cardActivity(
      claimCard(view, viewer.email, viewer.locale, translator(viewer.locale)),
    );
    return delivery(
      activityId
        ? await this.outbound.update(viewer, activityId, activity)
        : await this.outbound.send(viewer, activity),
    );
  }

  async claimStep(expert: Person, view: ClaimView, reason?: string) {
    const t = translator(expert.locale);
    const { status } = view.claim;
    const key =
      status === 'returned'
        ? 'claim_step_returned'
        : status === 'paid'
          ? 'claim_step_paid'
          : status === 'cancelled'
            ? 'claim_step_cancelled'
            : 'claim_step_moved';
    return delivery(
      await this.text(
        expert,
        t(key, {
          claimId: view.claim.claimId,
          stage: stageText(view, expert.locale, t),
          reason: plain(reason ?? ''),
        }),
      ),
    );
  }

  async claimReminder(holder: Person, view: ClaimView) {
    const t = translator(holder.locale);
    return delivery(
      await this.text(
        holder,
        t('claim_reminder', {
          claimId: view.claim.claimId,
          expert: plain(view.expertName),
          since: helsinkiDateTime(view.claim.holderSince, holder.locale),
        }),
      ),
    );
  }

  async claimStuck(coordinator: Person, view: ClaimView) {
    const t = translator(coordinator.locale);
    await this.text(
      coordinator,
      t('claim_stuck', {
        claimId: view.claim.claimId,
        stage: stageText(view, coordinator.locale, t),
      }),
    );
  }

  async claimUnreachable(coordinator: Person, view: ClaimView, reason: ReachReason) {
    const t = translator(coordinator.locale);
    await this.text(
      coordinator,
      t('claim_holder_unreachable', {
        claimId: view.claim.claimId,
        name: view.holderName,
        email: view.claim.holderEmail,
        reason: t(`reach_${reason}`),
      }),
    );
  }

  async installAllCard(coordinator: Person, view: InstallAllView, activityId?: string) {
    const activity = cardActivity(
      installAllCard(view, coordinator.locale, translator(coordinator.locale)),
    );
    return delivery(
      activityId
        ? await this.outbound.update(coordinator, activityId, activity)
        : await this.outbound.send(coordinator, activity),
    );
  }

  async claimNeedsStandIn(coordinator: Person, view: ClaimView) {
    const t = translator(coordinator.locale);
    await this.text(
      coordinator,
      t('claim_needs_stand_in', {
        claimId: view.claim.claimId,
        stage: t(`claim_status_${view.claim.status}` as MessageKey),
        name: view.expertName,
      }),
    );
  }

  async claimReassigned(person: Person, view: ClaimView, gained: boolean) {
    const t = translator(person.locale);
    await this.text(
      person,
      t(gained ? 'claim_reassigned_to_you' : 'claim_reassigned_away', {
        claimId: view.claim.claimId,
        name: view.holderName,
      }),
    );
  }

  private text(person: Person, text: string): Promise<SendResult> {
    return this.outbound.send(person, {
      type: ActivityTypes.Message,
      text,
      textFormat: 'markdown',
    });
  }
}

function delivery(result: SendResult): Delivery {
  if (result.ok) return { ok: true, activityId: result.activityId };
  return {
    ok: false,
    reason: result.reason === 'failed' && isTransient(result.status) ? 'failed' : 'unreachable',
  };
}

/** No answer, a timeout, throttling or a server error may pass; another 4xx will not. */
function isTransient(status: number | undefined): boolean {
  return (
    status === undefined || status === 408 || status === 412 || status === 429 || status >= 500
  );
}

export function cardActivity(card: AdaptiveCard) {
  return { type: ActivityTypes.Message, attachments: [asAttachment(card)] };
}
