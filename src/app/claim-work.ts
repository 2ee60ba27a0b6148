import { type ClaimEffect, decideTimer, nextLookAt } from '../domain/fees/claim';
import { log } from '../log';
import { confirmTaskDone } from './act-on-claim';
import { changeClaim } from './change-claim';
import { claimViewOf } from './claim-view';
import type { Delivery, Notifier, Person } from './ports';
import type { Services } from './services';
import { reachByInstall, reachReasonOf } from './reach';
import { claimFormFor } from './submit-claim';

/**
 * A card that Teams throttled or failed after all retries is not lost: throwing leaves the timer or
 * effect in place, to be tried again when its lease runs out. An unreachable person is not retried.
 */
function delivered(d: Delivery): Delivery {
  if (!d.ok && d.reason === 'failed') throw new Error('claim_message_not_delivered');
  return d;
}

/** What the outbox and the timers do for fee claims: cards to holders, messages, reminders. */
export class ClaimWork {
  constructor(
    private readonly s: Services,
    private readonly notifier: Notifier,
    private readonly coordinators: () => Promise<Person[]>,
  ) {}

  async carryOut(claimId: string, effect: ClaimEffect): Promise<void> {
    const file = await this.s.claims.load(claimId);
    if (!file) return;
    const view = await claimViewOf(this.s, file.claim.value);
    const claim = file.claim.value;
    switch (effect.type) {
      case 'card_to_holder': {
        const holder = await this.s.people.findByEmail(effect.email);
        if (!holder && this.s.reach) {
          // SPEC §12: nobody has a chat with them yet: install the app; the installation delivers it.
          const reached = await reachByInstall(
            this.s,
            this.s.reach.store,
            this.s.reach.installer,
            this.s.reach.defaults,
            effect.email,
            { kind: 'claim', claimId },
          );
          if (reached === 'waiting') return;
          if (reached === 'reached') return this.carryOut(claimId, effect);
        }
        const sent: Delivery =
          holder && !holder.unreachableSince
            ? delivered(await this.notifier.claimCard(holder, view))
            : { ok: false, reason: 'unreachable' };
        if (sent.ok)
          return sent.activityId
            ? this.s.claims.recordCard(claimId, {
                email: effect.email,
                activityId: sent.activityId,
              })
            : undefined;
        // The holder has never opened the bot (or removed it): a coordinator can /reassign.
        log.warn(
          { event: 'claim_holder_unreachable', claimId },
          'claim card could not be delivered',
        );
        const reason = await reachReasonOf(this.s, effect.email);
        for (const c of await this.coordinators())
          await this.notifier.claimUnreachable(c, view, reason);
        return;
      }
      case 'update_cards':
        // Updating a card again is harmless, so a failure retries them all.
        for (const card of file.cards) {
          const viewer = await this.s.people.findByEmail(card.email);
          if (viewer) delivered(await this.notifier.claimCard(viewer, view, card.activityId));
        }
        return;
      case 'notify_expert': {
        const expert = await this.s.people.findByEmail(claim.expertEmail);
        // The claim has moved on again before this ran: the later step's own message tells the
        // expert where it is now, instead of two messages both naming the latest stage.
        if (expert && effect.status === claim.status)
          delivered(await this.notifier.claimStep(expert, view, effect.reason));
        return;
      }
      case 'count_stats':
        return; // carried out by the drain, which knows the effect's key
      case 'record_task_done':
        // Refused when the order knows it already (its own Task done card was pressed): fine.
        await confirmTaskDone(this.s, claim.orderId, effect.by);
        return;
      case 'claim_form_to_expert': {
        const expert = await this.s.people.findByEmail(claim.expertEmail);
        const form = expert
          ? await claimFormFor(this.s, claim.orderId, claim.expertEmail)
          : undefined;
        if (expert && form && typeof form !== 'string')
          delivered(await this.notifier.claimForm(expert, form));
        return;
      }
      case 'remind_holder': {
        const holder = await this.s.people.findByEmail(effect.email);
        if (holder && claim.holderEmail === effect.email)
          delivered(await this.notifier.claimReminder(holder, view));
        return;
      }
      case 'stand_in_needed':
        log.warn({ event: 'claim_stand_in_needed', claimId }, 'claim stage held by its own expert');
        for (const c of await this.coordinators()) await this.notifier.claimNeedsStandIn(c, view);
        return;
      case 'notify_coordinators_stuck':
        for (const c of await this.coordinators()) await this.notifier.claimStuck(c, view);
        return;
      case 'notify_reassigned':
        for (const [email, gained] of [
          [effect.from, false],
          [effect.to, true],
        ] as const) {
          const person = await this.s.people.findByEmail(email);
          if (person) await this.notifier.claimReassigned(person, view, gained);
        }
        return;
    }
  }

  /** The task has ended: the expert's claim card, or (no e-mail) the orderer's Task done card. */
  async taskEnded(orderId: string, expertEmail?: string): Promise<void> {
    const order = (await this.s.orders.get(orderId))?.value;
    if (!order || order.status === 'cancelled' || order.assigned.length === 0) return;
    if (!expertEmail) {
      const orderer = (await this.s.people.get(order.ordererId))?.value;
      if (!orderer || order.taskDoneAt || order.taskNotDoneAt) return;
      const unit = await this.s.registers.getUnit(order.unitId);
      delivered(await this.notifier.taskDoneCard(orderer, order, unit?.name ?? order.unitId));
      return;
    }
    if (order.claims?.[expertEmail]) return;
    const [expert, form] = await Promise.all([
      this.s.people.findByEmail(expertEmail),
      claimFormFor(this.s, orderId, expertEmail),
    ]);
    // A peer supporter (unpaid) or an expert no longer assigned gets no claim card.
    if (expert && typeof form !== 'string') delivered(await this.notifier.claimForm(expert, form));
  }

  /**
   * A claim's timer: the reminder or the escalation due now, recorded once on the claim row; then
   * the next look is stored (also when nothing was due, e.g. the timer fired on a holiday).
   */
  async timerDue(claimId: string): Promise<void> {
    for (let round = 0; round < 2; round++) {
      const fired = await changeClaim(this.s, claimId, (file) => {
        const change = decideTimer(file.claim.value, this.s.clock.now());
        return { change, result: change !== undefined };
      });
      if (!fired) break;
    }
    const claim = (await this.s.claims.load(claimId))?.claim.value;
    const next = claim && nextLookAt(claim, this.s.clock.now());
    if (claim && next)
      await this.s.jobs.schedule({
        kind: 'claim_timer',
        dueAt: next.toISOString(),
        orderId: claim.orderId,
        claimId,
      });
  }
}
