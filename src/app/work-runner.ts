import type { Effect } from '../domain/offers/offer';
import {
  assignmentTimers,
  candidatesForCoordinator,
  reminderTime,
  remindsExpert,
} from '../domain/offers/follow-up';
import { followUpTime } from '../domain/fees/claim-form';
import type { Order } from '../domain/orders/order';
import { helsinkiInstant } from '../domain/shared/helsinki';
import { waveSendTime } from '../domain/offers/quiet-hours';
import { effectsOfNewClaim } from '../domain/fees/claim';
import { log } from '../log';
import { actOnClaim } from './act-on-claim';
import { feedbackTime } from '../domain/feedback/feedback';
import { sendFeedbackCard } from './give-feedback';
import { storeNewClaim } from './change-claim';
import { ClaimWork } from './claim-work';
import { holdClaim, withdrawClaim } from './did-not-happen';
import { applyOfferCommand, offerMore } from './offer-more';
import { offerViewOf, ordererContact } from './offer-view';
import { giveUpWaiting, reachByInstall, reachReasonOf, type WaitingItem } from './reach';
import { seriesCardOf, seriesOfferView, type SeriesCard } from './series-offer';
import { claimViewOf } from './claim-view';
import { runInstallAll } from './install-all';
import { runRetention, scheduleRetention } from './retention';
import type { JobStore, Notifier, OrderFile, Person, Timer } from './ports';
import type { Clock } from '../clock';
import type { Services } from './services';

/**
 * SPEC §14: a crashed instance's work is taken over within 20 s. A drain holds its order for 15 s
 * and renews the lease between its effects and sends once a third of it has passed, so a live
 * instance keeps it (10–15 s left at any moment) and a dead one's runs out within 15 s; the next
 * poll (every 2 s) of another instance takes it over.
 */
export const LEASE_MS = 15_000;
const RENEW_AFTER_MS = LEASE_MS / 3;
/** Timers are fired one after another, each renewing its lease before it fires. */
const TIMER_LEASE_MS = LEASE_MS;
/** A timer that failed is tried again this much later (a storage outage ends sooner: its lease does). */
const TIMER_RETRY_MS = 60_000;
const TIMER_BATCH = 20;
const GIVE_UP_MS = 24 * 3600_000;
const isClaimId = (id: string) => id.startsWith('P-');
const BATCH = 50;
const SERIES_CARD_BEING_SENT = 'series_card_being_sent';
/** After a failed drain, the same instance tries the order again this much later. */
const DRAIN_RETRY_MS = 5_000;
/** Offer cards of one wave in flight at once; the pacer, not this, keeps the rate within Teams' limits. */
const SEND_CONCURRENCY = 32;
/** Effects whose repetition changes nothing a person sees twice: a card updated again, a row written again. */
const REPEATABLE = new Set<Effect['type']>([
  'update_offer_card',
  'schedule_wave_expiry',
  'record_assignment',
  'release_assignment',
  'reschedule_assignment',
  'count_stats', // applied once by its key, however often it runs
  // Asking again finds the trainees asked already and changes nothing.
  'invite_trainees',
]);

/**
 * Carries out stored effects and due timers. Every piece of work is a row claimed with a lease, so
 * a restart resumes it and a second instance never does the same row at the same time.
 */
export class WorkRunner {
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly perOrder = new Map<string, Promise<void>>();
  private readonly seriesCards = new Map<string, Promise<unknown>>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<void>;

  private readonly claimWork: ClaimWork;
  /** When this instance's last drain of an order or claim failed (its lease is ours to retake). */
  private readonly drainFailedAt = new Map<string, number>();
  /** Offer cards delivered whose activity id could not be stored (storage down), by order and e-mail. */
  private readonly unrecorded = new Map<string, string>();

  constructor(
    private readonly s: Services,
    private readonly notifier: Notifier,
  ) {
    this.claimWork = new ClaimWork(s, notifier, () => this.coordinators());
  }

  /** Drains an order's effects soon, in the background (after a commit). */
  kick(orderId: string): void {
    const previous = this.perOrder.get(orderId) ?? Promise.resolve();
    const next = previous
      .then(() => this.drain(orderId))
      .then(() => void this.drainFailedAt.delete(orderId))
      .catch((err: Error) => {
        this.drainFailedAt.set(orderId, this.s.clock.now().getTime());
        // Not a fault: another instance is sending the series card; this one updates it later.
        if (err.message === SERIES_CARD_BEING_SENT)
          return void log.info({ event: 'drain_deferred', orderId }, 'series card being sent');
        if (err instanceof LeaseLost)
          return void log.warn(
            { event: 'lease_lost', orderId },
            'another instance took the work over',
          );
        log.error(
          { event: 'drain_failed', orderId, err: err.message, stack: err.stack },
          'drain failed',
        );
      });
    this.perOrder.set(orderId, next);
    this.track(
      next.finally(() => this.perOrder.get(orderId) === next && this.perOrder.delete(orderId)),
    );
  }

  /** Polls for due timers and forgotten effects (after a crash or on another instance). */
  start(pollMs: number): void {
    this.timer = setInterval(() => {
      // One poll at a time: a slow one (Teams throttling) must not be overtaken by the next.
      if (this.polling) return;
      this.polling = this.runDue()
        .catch((err: Error) =>
          log.error({ event: 'run_due_failed', err: err.message }, 'poll failed'),
        )
        .finally(() => (this.polling = undefined));
      this.track(this.polling);
    }, pollMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Resolves when no work started by this runner is still going (tests wait on this). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async runDue(): Promise<void> {
    const now = this.s.clock.now();
    for (const timer of await this.s.jobs.claimDueTimers(now, TIMER_LEASE_MS, TIMER_BATCH)) {
      try {
        // Claimed a while ago (the timers before it took time): renewed, or skipped if taken over.
        const at = this.s.clock.now();
        if (at.getTime() - now.getTime() >= RENEW_AFTER_MS) {
          if (!(await this.s.jobs.renewTimer(timer.key, at, TIMER_LEASE_MS))) continue;
        }
        await this.fire(timer);
        await this.s.jobs.completeTimer(timer.key);
      } catch (err) {
        // The row stays, leased: it is fired again when the lease runs out, for a day at most;
        // held a minute, so that one that keeps failing is not fired at every lease.
        await this.s.jobs
          .renewTimer(timer.key, this.s.clock.now(), TIMER_RETRY_MS)
          .catch(() => undefined);
        const givenUp = now.getTime() - Date.parse(timer.dueAt) > GIVE_UP_MS;
        log.error(
          {
            event: givenUp ? 'timer_given_up' : 'timer_failed',
            kind: timer.kind,
            orderId: timer.orderId,
            err: (err as Error).message,
          },
          'timer failed',
        );
        if (givenUp) await this.s.jobs.completeTimer(timer.key);
      }
    }
    // Through kick, so that one instance never drains the same order or claim twice at once.
    for (const id of await this.s.jobs.listDirty(now, BATCH))
      if (!this.perOrder.has(id) && !this.failedRecently(id, now)) this.kick(id);
  }

  /** A drain that failed is tried again after a pause, not at every poll (SPEC §14: within 30 s). */
  private failedRecently(id: string, now: Date): boolean {
    const at = this.drainFailedAt.get(id);
    return at !== undefined && now.getTime() - at < DRAIN_RETRY_MS;
  }

  private track(p: Promise<unknown>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private async drain(orderId: string): Promise<void> {
    const etag = await this.s.jobs.leaseDirty(orderId, this.s.clock.now(), LEASE_MS);
    if (etag) await this.drainClaimed(new HeldLease(this.s.jobs, this.s.clock, orderId, etag));
  }

  private async drainClaimed(lease: HeldLease): Promise<void> {
    const id = lease.id;
    for (;;) {
      // A stamp seen from here on was made after this pass's load: it asks for one more pass.
      lease.markedAgain = false;
      lease.ownRound = false;
      if (isClaimId(id)) {
        for (const { key, effect } of (await this.s.claims.load(id))?.effects ?? []) {
          await lease.beat();
          if (effect.type === 'count_stats') await this.s.stats.apply(effect.delta, key);
          else await this.claimWork.carryOut(id, effect);
          await this.s.claims.deleteEffect(id, key);
        }
      } else {
        // One load per pass; again only after an effect that may have changed the order itself.
        // Effects that may safely happen twice are removed together with the next one that may not
        // (or at the end): a crash in between repeats only them.
        let file = await this.s.offers.load(id);
        let done: string[] = [];
        const effects = file?.effects ?? [];
        for (let i = 0; i < effects.length;) {
          file ??= await this.s.offers.load(id);
          // A wave's offer cards go out side by side (the pacer keeps Teams' limits): one by one, a
          // throttled send's Retry-After would hold up the whole wave (SPEC §11: 25 a second).
          const run = offerCardRun(effects, i);
          if (run.length > 1) {
            const shown = file;
            // Cards sent are taken out of the outbox as the wave goes, a slice at a time: an instance
            // taking over after a crash does not go through them all again.
            const sent = new Set<string>();
            const slice = new Slices((keys) => this.s.offers.deleteEffects(id, keys));
            const outcomes = await settleEach(run, SEND_CONCURRENCY, async (e) => {
              await lease.beat();
              const outcome = shown ? await this.carryOut(shown, e.effect, lease) : undefined;
              sent.add(e.key);
              await slice.add(e.key, SEND_CONCURRENCY);
              return outcome;
            });
            await slice.settled();
            done.push(
              ...run.filter((e) => sent.has(e.key) && !slice.deleted.has(e.key)).map((e) => e.key),
            );
            if (outcomes.some((o) => o.status === 'fulfilled' && o.value === 'order_changed'))
              file = undefined;
            const failed = outcomes.find((o) => o.status === 'rejected');
            if (failed) {
              // Those delivered are done; the rest stay in the outbox for the next drain.
              await this.s.offers.deleteEffects(id, done);
              throw failed.reason;
            }
            i += run.length;
            continue;
          }
          const { key, effect } = effects[i++]!;
          await lease.beat();
          if (effect.type === 'count_stats') await this.s.stats.apply(effect.delta, key);
          else if (file && (await this.carryOut(file, effect, lease)) === 'order_changed')
            file = undefined;
          done.push(key);
          if (!REPEATABLE.has(effect.type)) {
            await this.s.offers.deleteEffects(id, done);
            done = [];
          }
        }
        if (done.length) await this.s.offers.deleteEffects(id, done);
      }
      // This drain's own change added effects without a stamp: one more pass (beat renews).
      if (lease.ownRound) continue;
      // Effects added meanwhile set the mark again (new etag): we still hold the lease, so go on.
      if (!lease.markedAgain && (await this.s.jobs.clearDirty(id, lease.etag))) return;
      await lease.renew();
    }
  }

  private async fire(timer: Timer): Promise<void> {
    switch (timer.kind) {
      case 'wave_expiry':
        return applyOfferCommand(this.s, timer.orderId, () => ({
          type: 'expire_wave',
          wave: timer.wave ?? -1,
          at: this.s.clock.now(),
        }));
      case 'task_reminder': {
        const file = await this.s.offers.load(timer.orderId);
        const expert = timer.email ? await this.s.people.findByEmail(timer.email) : undefined;
        if (!file || !expert || !timer.email || !remindsExpert(file.order.value, timer.email))
          return;
        // The order's date changed after this timer was set: the new date's own timer reminds.
        if (reminderTime(file.order.value).toISOString() !== timer.dueAt) return;
        await this.notifier.taskReminder(
          expert,
          file.order.value,
          await ordererContact(this.s, file.order.value),
        );
        return;
      }
      case 'task_ended': {
        // The order moved later after this timer was set: the new time's own timer follows up.
        const current = (await this.s.orders.get(timer.orderId))?.value;
        if (current && followUpTime(current) > this.s.clock.now()) return;
        await this.claimWork.taskEnded(timer.orderId, timer.email);
        // Feedback cards 2 h after the end (SPEC §6): the expert's, and (the order's own row) the
        // orderer's. Scheduled once the task has ended, not on Accept, which stays within its trips.
        const order = (await this.s.orders.get(timer.orderId))?.value;
        if (!order || order.status === 'cancelled') return;
        const email = timer.email ?? order.ordererEmail;
        const dueAt = feedbackTime(order);
        await this.s.jobs.schedule({
          kind: 'feedback_card',
          dueAt: dueAt.toISOString(),
          orderId: order.orderId,
          email,
        });
        // Already due (the task ended while the bot was away): send now; the timer then finds it sent.
        if (dueAt <= this.s.clock.now())
          await sendFeedbackCard(this.s, this.notifier, order.orderId, email);
        return;
      }
      case 'claim_timer':
        return timer.claimId ? this.claimWork.timerDue(timer.claimId) : undefined;
      case 'feedback_card':
        return sendFeedbackCard(this.s, this.notifier, timer.orderId, timer.email);
      case 'reach_deadline': {
        if (!this.s.reach || !timer.email) return;
        const item: WaitingItem = timer.claimId
          ? { kind: 'claim', claimId: timer.claimId }
          : { kind: 'offer', orderId: timer.orderId };
        if (!(await giveUpWaiting(this.s.reach.store, timer.email, item))) return;
        await this.s.reach.store.recordFailure(
          timer.email,
          'no_answer',
          this.s.clock.now().toISOString(),
        );
        log.warn(
          { event: 'install_wait_given_up', orderId: timer.orderId, claimId: timer.claimId },
          'nothing arrived within an hour',
        );
        if (item.kind === 'offer') return this.skipUnreachable(item.orderId, timer.email);
        const claim = (await this.s.claims.load(item.claimId))?.claim.value;
        if (!claim || claim.holderEmail !== timer.email) return;
        const view = await claimViewOf(this.s, claim);
        for (const c of await this.coordinators())
          await this.notifier.claimUnreachable(c, view, 'no_answer');
        return;
      }
      case 'install_all':
        return runInstallAll(this.s, this.notifier, timer.orderId, timer.wave ?? 0);
      case 'retention':
        // The next day's run first: a run that fails is fired again by its lease, the chain goes on.
        await scheduleRetention(this.s);
        await runRetention(this.s);
        return;
      case 'still_fine':
        if (!timer.email) return;
        return applyOfferCommand(this.s, timer.orderId, () => ({
          type: 'recheck_expired',
          expert: timer.email!,
          at: this.s.clock.now(),
        }));
      case 'quiet_wave': {
        // The wave held back for the night; nothing to do if the order moved on meanwhile.
        const order = (await this.s.offers.load(timer.orderId))?.order.value;
        if (order && order.wave === timer.wave) await offerMore(this.s, timer.orderId, 'next');
        return;
      }
    }
  }

  /** Carries out one effect with the order as loaded; says when the order row itself changed. */
  private async carryOut(
    file: OrderFile,
    effect: Effect,
    lease: HeldLease,
  ): Promise<'order_changed' | void> {
    const order = file.order.value;
    const orderId = order.orderId;
    switch (effect.type) {
      case 'update_offer_card':
        return this.showOfferCard(file, effect.email);
      case 'offer_more': {
        // SPEC §4: a new wave asked for in the quiet hours waits for 08:00 in a stored timer.
        const at =
          effect.wave === 'next' || order.wave === 0
            ? waveSendTime(this.s.clock.now(), helsinkiInstant(order.date, order.start))
            : undefined;
        if (at && at > this.s.clock.now())
          return void (await this.s.jobs.schedule({
            kind: 'quiet_wave',
            dueAt: at.toISOString(),
            orderId,
            wave: order.wave,
          }));
        await offerMore(this.s, orderId, effect.wave, {
          loaded: file,
          goRound: () => lease.goRound(),
        });
        return 'order_changed';
      }
      case 'schedule_wave_expiry':
        return this.s.jobs.schedule({
          kind: 'wave_expiry',
          dueAt: effect.dueAt,
          orderId,
          wave: effect.wave,
        });
      case 'record_assignment': {
        await this.s.loads.add(effect.email, {
          orderId,
          date: order.date,
          start: order.start,
          end: order.end,
          remote: order.remote,
          municipality: order.municipality,
          // The trainee record (SPEC §3): which tasks they went along on, and what kind.
          ...(effect.asTrainee ? { asTrainee: true, taskType: order.taskType } : {}),
        });
        // One round trip for the task's timers (they share a partition).
        await this.s.jobs.scheduleAll(
          assignmentTimers(order, effect.email, this.s.clock.now()).map((t) => ({ ...t, orderId })),
        );
        return;
      }
      case 'invite_trainees': {
        // Most experts have no trainee: the loads are read only for one who has.
        const trainees = (await this.s.registers.listExperts()).filter(
          (e) => e.mentorEmail === effect.mentor,
        );
        if (trainees.length === 0) return;
        const loads = await this.s.loads.all();
        await applyOfferCommand(this.s, orderId, () => ({
          type: 'invite_trainees',
          mentor: effect.mentor,
          trainees,
          loads,
          at: this.s.clock.now(),
        }));
        return 'order_changed';
      }
      case 'create_claim':
        await storeNewClaim(this.s, effect.claim, effectsOfNewClaim(effect.claim));
        return 'order_changed';
      case 'confirm_claims':
        for (const claimId of Object.values(order.claims ?? {}))
          await actOnClaim(this.s, claimId, effect.by, { type: 'confirm_task' });
        return 'order_changed';
      case 'hold_claims':
        for (const claimId of Object.values(order.claims ?? {}))
          await holdClaim(this.s, claimId, effect.by, order.taskNotDoneReason ?? '');
        return 'order_changed';
      case 'count_stats':
        return; // carried out by the drain, which knows the effect's key
      case 'notify_expert_not_done': {
        const expert = await this.s.people.findByEmail(effect.email);
        if (expert) await this.notifier.expertTaskNotDone(expert, order);
        return;
      }
      case 'notify_orderer': {
        const orderer = (await this.s.people.get(order.ordererId))?.value;
        if (orderer) await this.notifier.ordererUpdate(orderer, order, effect.about);
        return;
      }
      case 'notify_orderer_series': {
        const orderer = (await this.s.people.get(order.ordererId))?.value;
        if (orderer) await this.notifier.ordererSeriesTaken(orderer, effect);
        return;
      }
      case 'notify_coordinators':
        return this.tellCoordinators(order, effect.about, effect.email);
      case 'release_assignment':
        // A withdrawn or released assignment is not among their assignments (fair shares, overlap).
        await this.s.loads.remove(effect.email, orderId);
        if (order.claims?.[effect.email])
          await withdrawClaim(this.s, order.claims[effect.email]!, orderId);
        return;
      case 'reschedule_assignment': {
        const asTrainee = (order.trainees ?? []).some((a) => a.email === effect.email);
        if (!asTrainee && !order.assigned.some((a) => a.email === effect.email)) return;
        await this.s.loads.remove(effect.email, orderId);
        await this.s.loads.add(effect.email, {
          orderId,
          date: order.date,
          start: order.start,
          end: order.end,
          remote: order.remote,
          municipality: order.municipality,
          ...(asTrainee ? { asTrainee: true, taskType: order.taskType } : {}),
        });
        for (const timer of assignmentTimers(order, effect.email, this.s.clock.now()))
          await this.s.jobs.schedule({ ...timer, orderId });
        return;
      }
      case 'notify_trainee_off': {
        const trainee = await this.s.people.findByEmail(effect.email);
        if (trainee) await this.notifier.traineeOff(trainee, order);
        return;
      }
      case 'notify_orderer_trainee': {
        const orderer = (await this.s.people.get(order.ordererId))?.value;
        if (orderer)
          await this.notifier.ordererTrainee(orderer, order, effect.about, {
            trainee: effect.trainee,
            mentor: effect.mentor,
            paid: (await this.s.tariffs.current()).paidTrainees === true,
          });
        return;
      }
      case 'notify_released': {
        const expert = await this.s.people.findByEmail(effect.email);
        if (expert) await this.notifier.expertReleased(expert, order, effect.why);
        return;
      }
      case 'ask_still_fine': {
        // The timer first: a card that fails to go out still has its answer time.
        await this.s.jobs.schedule({
          kind: 'still_fine',
          dueAt: effect.dueAt,
          orderId,
          email: effect.email,
        });
        const offer = file.offers.get(effect.email)?.value;
        const person = await this.s.people.findByEmail(effect.email);
        if (!offer || !person || offer.confirmBy !== effect.dueAt) return;
        // A new message (the accepted card may be far up the chat); later updates go to it.
        const sent = await this.notifier.offerCard(person, await offerViewOf(this.s, order, offer));
        if (sent.ok && sent.activityId) {
          await this.s.offers.recordSentCard(orderId, effect.email, sent.activityId);
          file.sentCards.set(effect.email, sent.activityId);
        }
        return;
      }
      case 'notify_unassigned': {
        await this.s.loads.remove(effect.email, orderId);
        const [expert, orderer] = await Promise.all([
          this.s.people.findByEmail(effect.email),
          this.s.people.get(order.ordererId),
        ]);
        if (expert) await this.notifier.expertUnassigned(expert, order);
        if (orderer) await this.notifier.ordererUnassigned(orderer.value, order, effect.name);
        return;
      }
      case 'notify_expert_cancelled': {
        await this.s.loads.remove(effect.email, orderId);
        const expert = await this.s.people.findByEmail(effect.email);
        if (expert) await this.notifier.expertCancelled(expert, order);
        return;
      }
    }
  }

  /**
   * A session of a series shares one card per expert with the other sessions (SPEC §3): its
   * sessions' drains draw it one after another, so that the first sends it and the rest update it.
   */
  private async showOfferCard(file: OrderFile, email: string): Promise<'order_changed' | void> {
    const seriesId = file.order.value.seriesId;
    if (!seriesId) return this.drawOfferCard(file, email);
    const key = `${seriesId}|${email}`;
    const run = (this.seriesCards.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.drawOfferCard(file, email));
    this.seriesCards.set(key, run);
    try {
      return await run;
    } finally {
      if (this.seriesCards.get(key) === run) this.seriesCards.delete(key);
    }
  }

  private async drawOfferCard(file: OrderFile, email: string): Promise<'order_changed' | void> {
    const offer = file.offers.get(email)?.value;
    if (!offer) return;
    const order = file.order.value;
    const series = order.seriesId ? await seriesCardOf(this.s, order.seriesId, email) : undefined;
    const shared = series && series.view.sessions.length >= 2 ? series : undefined;
    const [person, view] = await Promise.all([
      this.s.people.findByEmail(email),
      shared ? seriesOfferView(this.s, shared) : offerViewOf(this.s, order, offer),
    ]);
    const sentKey = `${order.orderId}|${email}`;
    const previous =
      file.sentCards.get(email) ?? shared?.activityId ?? this.unrecorded.get(sentKey);
    if (!person && this.s.reach && offer.status === 'pending') {
      // SPEC §12: nobody has a chat with them yet: install the app; the installation delivers it.
      const reached = await reachByInstall(
        this.s,
        this.s.reach.store,
        this.s.reach.installer,
        this.s.reach.defaults,
        email,
        { kind: 'offer', orderId: order.orderId },
      );
      if (reached === 'waiting') return;
      if (reached === 'reached') return this.drawOfferCard(file, email);
    }
    const reachable = person && !person.unreachableSince;
    // A series' one card goes out once, whichever instance draws which session (SPEC §3).
    const claim = shared && reachable && !previous ? await this.claimSeriesCard(shared, email) : {};
    const sent = reachable
      ? await this.notifier.offerCard(person, view, previous ?? claim.sent)
      : { ok: false, unreachable: true };
    if (claim.held && sent.ok && sent.activityId && claim.held !== order.orderId)
      await this.s.offers.recordSentCard(claim.held, email, sent.activityId);
    if (claim.held && !sent.ok)
      await this.s.offers.releaseSharedCard(claim.held, email, claim.etag ?? '');
    if (sent.ok && sent.activityId && sent.activityId !== file.sentCards.get(email)) {
      try {
        await this.s.offers.recordSentCard(order.orderId, email, sent.activityId);
        this.unrecorded.delete(sentKey);
      } catch (err) {
        // Delivered, but storage failed: the next try updates this card instead of sending another.
        if (this.unrecorded.size >= 10_000) this.unrecorded.clear();
        this.unrecorded.set(sentKey, sent.activityId);
        throw err;
      }
      file.sentCards.set(email, sent.activityId);
    }
    if (!sent.ok && sent.unreachable && offer.status === 'pending') {
      await this.skipUnreachable(order.orderId, email);
      return 'order_changed';
    }
    // Throttled or down after all retries: the effect stays, and the next drain sends it (SPEC §11).
    if (!sent.ok && sent.retry) throw new Error('offer_card_not_delivered');
  }

  /**
   * The claim on a series card about to be sent: held on the sent-card row of the first session
   * offered to the expert; thrown back (the effect stays, the next drain updates the card) while
   * another instance is sending it.
   */
  private async claimSeriesCard(
    shared: SeriesCard,
    email: string,
  ): Promise<{ held?: string; etag?: string; sent?: string }> {
    const first = shared.view.sessions[0]!.order.orderId;
    const claim = await this.s.offers.claimSharedCard(first, email, this.s.clock.now(), LEASE_MS);
    if (claim.type === 'busy') throw new Error(SERIES_CARD_BEING_SENT);
    return claim.type === 'sent' ? { sent: claim.activityId } : { held: first, etag: claim.etag };
  }

  /** An expert who cannot be reached loses the offer; the next candidate gets it and coordinators hear. */
  private async skipUnreachable(orderId: string, email: string): Promise<void> {
    log.warn({ event: 'expert_unreachable', orderId }, 'offer could not be delivered');
    await applyOfferCommand(this.s, orderId, () => ({
      type: 'skip_unreachable',
      expert: email,
      at: this.s.clock.now(),
    }));
  }

  private async tellCoordinators(
    order: Order,
    about: 'unfilled' | 'unreachable' | 'review' | 'task_not_done' | 'withdrawn',
    email?: string,
  ): Promise<void> {
    const coordinators = await this.coordinators();
    if (about === 'withdrawn') {
      const entry = [...(order.audit ?? [])]
        .reverse()
        .find((e) => e.what === 'withdrawn' && e.by === email);
      const name = (email && (await this.s.registers.getExpert(email))?.name) || (email ?? '');
      for (const c of coordinators)
        await this.notifier.coordinatorWithdrawn(c, order, name, entry?.reason);
      return;
    }
    if (about === 'task_not_done') {
      for (const c of coordinators) await this.notifier.coordinatorTaskNotDone(c, order);
      return;
    }
    if (about === 'unreachable') {
      const name = (email && (await this.s.registers.getExpert(email))?.name) || (email ?? '');
      const reason = email ? await reachReasonOf(this.s, email) : 'no_chat';
      for (const c of coordinators)
        await this.notifier.coordinatorUnreachable(c, order, name, reason);
      return;
    }
    const experts = await this.s.registers.listExperts();
    const byEmail = new Map(experts.map((e) => [e.email, e]));
    const named = (emails: readonly string[]) =>
      emails.map((e) => ({ email: e, name: byEmail.get(e)?.name ?? e }));
    if (about === 'review') {
      for (const c of coordinators)
        await this.notifier.coordinatorReview(c, order, named(order.shortlist ?? []));
      return;
    }
    const candidates = named(
      candidatesForCoordinator(order, experts, await this.s.loads.all(), this.s.clock.now()),
    );
    for (const c of coordinators) await this.notifier.coordinatorUnfilled(c, order, candidates);
  }

  async coordinators(): Promise<Person[]> {
    const emails = new Set([
      ...this.s.bootstrapCoordinators,
      ...(await this.s.registers.listStaff())
        .filter((st) => st.role === 'coordinator')
        .map((st) => st.email),
    ]);
    const people = await Promise.all([...emails].map((e) => this.s.people.findByEmail(e)));
    return people.filter((p): p is Person => p !== undefined);
  }
}

/** The lease on the order or claim being drained was lost: another instance goes on with it. */
class LeaseLost extends Error {
  constructor(id: string) {
    super(`lease_lost ${id}`);
  }
}

/**
 * A drain's lease on an order's or claim's mark, renewed between slices of the work (never by a
 * timer, which could outlive the work): a live instance keeps it, a dead one's runs out.
 */
class HeldLease {
  /** Set when a renewal finds the mark stamped again: the drain must go round once more. */
  markedAgain = false;
  /** Set when this drain's own change added effects without stamping the mark: one more pass. */
  ownRound = false;
  private renewedAt: number;
  private renewing?: Promise<void>;
  private lost = false;

  constructor(
    private readonly jobs: JobStore,
    private readonly clock: Clock,
    readonly id: string,
    public etag: string,
  ) {
    this.renewedAt = clock.now().getTime();
  }

  /** Between two pieces of work: renews once a third of the lease has passed. */
  async beat(): Promise<void> {
    if (this.lost) throw new LeaseLost(this.id);
    if (this.clock.now().getTime() - this.renewedAt >= RENEW_AFTER_MS) await this.renew();
  }

  /**
   * After this drain's own commit: while half the lease is left, no other instance can have taken
   * it and loaded the outbox before the commit landed, so the drain just goes round once more.
   */
  goRound(): boolean {
    if (this.lost || this.clock.now().getTime() - this.renewedAt >= LEASE_MS / 2) return false;
    this.ownRound = true;
    return true;
  }

  /** Renews now (one renewal at a time, shared by the sends side by side); throws when it is lost. */
  async renew(): Promise<void> {
    this.renewing ??= (async () => {
      const now = this.clock.now();
      const renewed = await this.jobs.renewDirty(this.id, this.etag, now, LEASE_MS);
      if (!renewed) return void (this.lost = true);
      this.etag = renewed.etag;
      this.renewedAt = now.getTime();
      if (renewed.markedAgain) this.markedAgain = true;
    })().finally(() => (this.renewing = undefined));
    await this.renewing;
    if (this.lost) throw new LeaseLost(this.id);
  }
}

/** Keys gathered and handed to `write` a slice at a time, one write after another. */
class Slices {
  readonly deleted = new Set<string>();
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: (keys: string[]) => Promise<void>) {}

  async add(key: string, size: number): Promise<void> {
    this.pending.push(key);
    if (this.pending.length < size) return;
    const keys = this.pending;
    this.pending = [];
    this.writing = this.writing.then(async () => {
      await this.write(keys);
      for (const k of keys) this.deleted.add(k);
    });
    await this.writing;
  }

  /** Waits for the writes begun; the keys not yet written are the caller's to write. */
  async settled(): Promise<void> {
    await this.writing.catch(() => undefined);
  }
}

/** The offer-card effects from `i` on, up to the first effect of another kind. */
function offerCardRun<E extends { effect: Effect }>(effects: readonly E[], i: number): E[] {
  let j = i;
  while (j < effects.length && effects[j]!.effect.type === 'update_offer_card') j++;
  return effects.slice(i, j);
}

/** `fn` over `items`, at most `limit` at a time; every outcome, in the items' order. */
async function settleEach<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> {
  const outcomes: PromiseSettledResult<R>[] = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      try {
        outcomes[k] = { status: 'fulfilled', value: await fn(items[k]!) };
      } catch (reason) {
        outcomes[k] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return outcomes;
}
