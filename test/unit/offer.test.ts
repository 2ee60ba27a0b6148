import assert from 'node:assert/strict';
import type { ExpertLoad } from '../../src/domain/matching/match-experts';
import {
  assignmentTimers,
  candidatesForCoordinator,
  remindsExpert,
} from '../../src/domain/offers/follow-up';
import {
  decideOffer,
  OFFER_TRANSITIONS,
  offerWindowMs,
  type Offer,
  type OfferCommand,
  type OfferDecision,
  type OrderOffers,
  type WaveSettings,
} from '../../src/domain/offers/offer';
import {
  checkOrderForm,
  type FormContext,
  type Order,
  type OrderForm,
} from '../../src/domain/orders/order';
import type { Expert } from '../../src/domain/registers/types';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';

const AINO = 'aino.expert@example.fi';
const BERTIL = 'bertil.expert@example.fi';
const CECILIA = 'cecilia.expert@example.fi';
const COORDINATOR = 'kaisa.coordinator@example.fi';

/** Monday 2.3.2026 at 10:00 in Helsinki; the task is on Friday 13.3.2026, 13–15. */
const NOW = helsinkiInstant('2026-03-02', '10:00');
const LATER = helsinkiInstant('2026-03-02', '11:00');
const SENT = NOW.toISOString();
const EXPIRES = helsinkiInstant('2026-03-03', '10:00').toISOString();

function anOrder(over: Partial<Order> = {}): Order {
  return {
    orderId: 'T-2026-0001',
    status: 'open',
    ordererId: 'orderer-oid',
    ordererEmail: 'olli.orderer@example.fi',
    unitId: 'unit-1',
    createdAt: SENT,
    assigned: [],
    wave: 1,
    taskType: 'lecture',
    areas: ['mental_health'],
    date: '2026-03-13',
    start: '13:00',
    end: '15:00',
    remote: true,
    expertCount: 1,
    language: 'fi',
    ...over,
  };
}

function anOffer(email: string, over: Partial<Offer> = {}): Offer {
  return {
    orderId: 'T-2026-0001',
    expertEmail: email,
    wave: 1,
    status: 'pending',
    sentAt: SENT,
    expiresAt: EXPIRES,
    ...over,
  };
}

function anExpert(email: string, over: Partial<Expert> = {}): Expert {
  return {
    email,
    name: email.split('.')[0]!,
    kind: 'trained',
    areas: ['mental_health'],
    regions: ['Jyväskylä'],
    languages: ['fi'],
    remote: true,
    onsite: true,
    maxPerMonth: 4,
    ...over,
  };
}

const SETTINGS: WaveSettings = { waveSize: 2, windowMs: 24 * 3600_000, review: false };
const NO_LOADS: ReadonlyMap<string, ExpertLoad> = new Map();

function given(order: Order, ...offers: Offer[]): OrderOffers {
  return { order, offers };
}

function decided(state: OrderOffers, cmd: OfferCommand): OfferDecision {
  const decision = decideOffer(state, cmd);
  assert.ok(decision.ok, `refused: ${decision.ok ? '' : decision.error}`);
  return decision.value;
}

function refusal(state: OrderOffers, cmd: OfferCommand): string {
  const decision = decideOffer(state, cmd);
  assert.ok(!decision.ok, 'expected a refusal');
  return decision.error;
}

const accept = (expert: string, at = LATER): OfferCommand => ({
  type: 'accept_offer',
  expert,
  expertName: 'Aino',
  at,
});
const decline = (expert: string, at = LATER): OfferCommand => ({
  type: 'decline_offer',
  expert,
  at,
});
const offerMore = (
  which: 'same' | 'next',
  experts: Expert[],
  settings = SETTINGS,
): OfferCommand => ({
  type: 'offer_more',
  which,
  experts,
  loads: NO_LOADS,
  settings,
  at: LATER,
});

describe('offer transitions', () => {
  describe('accept_offer', () => {
    it('when an expert accepts and places are still free, then they hold a place and the order stays open', () => {
      const d = decided(
        given(anOrder({ expertCount: 2 }), anOffer(AINO), anOffer(BERTIL)),
        accept(AINO),
      );
      assert.deepEqual(d.order.assigned, [{ email: AINO, name: 'Aino', at: LATER.toISOString() }]);
      assert.equal(d.order.status, 'open');
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status, o.answeredAt]),
        [[AINO, 'accepted', LATER.toISOString()]],
      );
      assert.deepEqual(d.effects, [
        { type: 'update_offer_card', email: AINO },
        { type: 'record_assignment', email: AINO },
        { type: 'invite_trainees', mentor: AINO },
        { type: 'notify_orderer', about: 'assigned' },
      ]);
    });

    it('when an expert takes the last place, then the order is filled and every other pending offer closes', () => {
      const order = anOrder({
        expertCount: 2,
        assigned: [{ email: CECILIA, name: 'Cecilia', at: SENT }],
      });
      const d = decided(
        given(order, anOffer(AINO), anOffer(BERTIL), anOffer(CECILIA, { status: 'accepted' })),
        accept(AINO),
      );
      assert.equal(d.order.status, 'filled');
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status]),
        [
          [AINO, 'accepted'],
          [BERTIL, 'closed'],
        ],
      );
      assert.deepEqual(d.effects, [
        { type: 'update_offer_card', email: AINO },
        { type: 'record_assignment', email: AINO },
        { type: 'update_offer_card', email: BERTIL },
        { type: 'invite_trainees', mentor: AINO },
        { type: 'notify_orderer', about: 'filled' },
      ]);
    });

    it('when the order is already filled, then the click is refused as order_already_filled', () => {
      const order = anOrder({
        status: 'filled',
        assigned: [{ email: BERTIL, name: 'Bertil', at: SENT }],
      });
      assert.equal(refusal(given(order, anOffer(AINO)), accept(AINO)), 'order_already_filled');
    });

    it('when the expert declined before, then accepting is refused as offer_already_declined', () => {
      assert.equal(
        refusal(given(anOrder(), anOffer(AINO, { status: 'declined' })), accept(AINO)),
        'offer_already_declined',
      );
    });

    it('when the offer expired, then accepting is refused as offer_closed', () => {
      assert.equal(
        refusal(given(anOrder({ wave: 2 }), anOffer(AINO, { status: 'expired' })), accept(AINO)),
        'offer_closed',
      );
    });

    it('when the expert clicks Accept a second time, then it is refused as offer_already_accepted', () => {
      const order = anOrder({
        expertCount: 2,
        assigned: [{ email: AINO, name: 'Aino', at: SENT }],
      });
      assert.equal(
        refusal(given(order, anOffer(AINO, { status: 'accepted' })), accept(AINO)),
        'offer_already_accepted',
      );
    });

    it('when the order was cancelled, then accepting is refused as order_cancelled', () => {
      assert.equal(
        refusal(
          given(anOrder({ status: 'cancelled' }), anOffer(AINO, { status: 'closed' })),
          accept(AINO),
        ),
        'order_cancelled',
      );
    });

    it('when someone without an offer clicks Accept, then it is refused as offer_not_found', () => {
      assert.equal(refusal(given(anOrder(), anOffer(AINO)), accept(BERTIL)), 'offer_not_found');
    });

    it('when an expert who paused after the offer was sent accepts it, then they get the place (a pause stops new offers only)', () => {
      // The pause lives in the register; the decider never sees it, and ranking leaves the expert out of new waves.
      const d = decided(given(anOrder(), anOffer(AINO)), accept(AINO));
      assert.equal(d.order.status, 'filled');
      const next = decided(
        given(anOrder({ wave: 0 })),
        offerMore('next', [anExpert(AINO, { pausedUntil: '2026-03-31' }), anExpert(BERTIL)]),
      );
      assert.deepEqual(
        next.offers.map((o) => o.expertEmail),
        [BERTIL],
      );
    });

    it('when an order left unfilled still gets an answer to a pending offer, then the order is filled after all', () => {
      const d = decided(given(anOrder({ status: 'unfilled' }), anOffer(AINO)), accept(AINO));
      assert.equal(d.order.status, 'filled');
    });
  });

  describe('decline_offer', () => {
    it('when an expert declines, then their offer is declined and one more offer goes out in the same wave', () => {
      const d = decided(given(anOrder(), anOffer(AINO)), decline(AINO));
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status, o.answeredAt]),
        [[AINO, 'declined', LATER.toISOString()]],
      );
      assert.equal(d.order.status, 'open');
      assert.deepEqual(d.effects, [
        { type: 'update_offer_card', email: AINO },
        { type: 'offer_more', wave: 'same' },
      ]);
    });

    it('when an expert declines after the last place went, then nobody more is offered it', () => {
      const order = anOrder({
        status: 'filled',
        assigned: [{ email: BERTIL, name: 'Bertil', at: SENT }],
      });
      const d = decided(given(order, anOffer(AINO)), decline(AINO));
      assert.deepEqual(d.effects, [{ type: 'update_offer_card', email: AINO }]);
    });

    it('when an expert declines twice, then the second is refused as offer_already_declined', () => {
      assert.equal(
        refusal(given(anOrder(), anOffer(AINO, { status: 'declined' })), decline(AINO)),
        'offer_already_declined',
      );
    });

    it('when an expert who accepted tries to decline, then it is refused and their place stays', () => {
      const order = anOrder({
        status: 'filled',
        assigned: [{ email: AINO, name: 'Aino', at: SENT }],
      });
      assert.equal(
        refusal(given(order, anOffer(AINO, { status: 'accepted' })), decline(AINO)),
        'offer_already_accepted',
      );
    });
  });

  describe('expire_wave', () => {
    it('when a wave runs out with candidates left, then its pending offers expire and the next wave is asked for', () => {
      const state = given(
        anOrder({ wave: 2 }),
        anOffer(AINO, { wave: 1, status: 'expired' }),
        anOffer(BERTIL, { wave: 2 }),
        anOffer(CECILIA, { wave: 2, status: 'declined' }),
      );
      const d = decided(state, { type: 'expire_wave', wave: 2, at: LATER });
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status]),
        [[BERTIL, 'expired']],
      );
      assert.deepEqual(d.effects, [
        { type: 'update_offer_card', email: BERTIL },
        { type: 'offer_more', wave: 'next' },
      ]);
    });

    it('when the next wave finds no candidates left and nobody is answering, then the order is unfilled and coordinators and orderer hear', () => {
      const state = given(anOrder({ wave: 2 }), anOffer(AINO, { wave: 2, status: 'expired' }));
      const d = decided(state, offerMore('next', [anExpert(AINO)]));
      assert.equal(d.order.status, 'unfilled');
      assert.deepEqual(d.offers, []);
      assert.deepEqual(d.effects, [
        { type: 'notify_coordinators', about: 'unfilled' },
        { type: 'notify_orderer', about: 'unfilled' },
      ]);
    });

    it('when nobody is left for an order partly filled, then the orderer hears it is partly filled', () => {
      const order = anOrder({
        expertCount: 2,
        assigned: [{ email: AINO, name: 'Aino', at: SENT }],
      });
      const d = decided(given(order, anOffer(AINO, { status: 'accepted' })), offerMore('next', []));
      assert.deepEqual(d.effects[1], { type: 'notify_orderer', about: 'partly_filled' });
    });

    it('when nobody new is left but an offer is still pending, then nothing changes yet', () => {
      assert.equal(
        refusal(given(anOrder(), anOffer(AINO)), offerMore('same', [anExpert(AINO)])),
        'answers_pending',
      );
    });

    it('when a wave timer fires after the next wave went out, then it changes nothing', () => {
      assert.equal(
        refusal(given(anOrder({ wave: 3 }), anOffer(AINO, { wave: 3 })), {
          type: 'expire_wave',
          wave: 2,
          at: LATER,
        }),
        'wave_not_current',
      );
    });

    it('when a wave timer fires on a filled or cancelled order, then it changes nothing', () => {
      const filled = anOrder({
        status: 'filled',
        assigned: [{ email: AINO, name: 'Aino', at: SENT }],
      });
      assert.equal(
        refusal(given(filled, anOffer(BERTIL)), { type: 'expire_wave', wave: 1, at: LATER }),
        'order_not_open',
      );
      assert.equal(
        refusal(given(anOrder({ status: 'cancelled' })), {
          type: 'expire_wave',
          wave: 1,
          at: LATER,
        }),
        'order_not_open',
      );
    });
  });

  describe('offer_more and send_shortlist', () => {
    it('when the first wave goes out, then the best K get offers that expire together and the expiry is scheduled', () => {
      const experts = [anExpert(AINO), anExpert(BERTIL), anExpert(CECILIA)];
      const d = decided(given(anOrder({ wave: 0 })), offerMore('next', experts));
      assert.equal(d.order.wave, 1);
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status, o.wave]),
        [
          [AINO, 'pending', 1],
          [BERTIL, 'pending', 1],
        ],
      );
      const dueAt = new Date(LATER.getTime() + 24 * 3600_000).toISOString();
      assert.ok(d.offers.every((o) => o.expiresAt === dueAt));
      assert.deepEqual(d.effects.at(-1), { type: 'schedule_wave_expiry', wave: 1, dueAt });
    });

    it('when one more is offered after a decline, then it joins the current wave and ends with it', () => {
      const state = given(
        anOrder(),
        anOffer(AINO, { status: 'declined' }),
        anOffer(BERTIL, { status: 'expired' }),
      );
      const d = decided(
        state,
        offerMore('same', [anExpert(AINO), anExpert(BERTIL), anExpert(CECILIA)]),
      );
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.wave]),
        [[CECILIA, 1]],
      );
      assert.deepEqual(d.effects, [{ type: 'update_offer_card', email: CECILIA }]);
    });

    it('when shortlists are reviewed, then a new wave waits for a coordinator and no offer goes out', () => {
      const d = decided(
        given(anOrder({ wave: 0 })),
        offerMore('next', [anExpert(AINO), anExpert(BERTIL)], { ...SETTINGS, review: true }),
      );
      assert.deepEqual(d.order.shortlist, [AINO, BERTIL]);
      assert.deepEqual(d.offers, []);
      assert.deepEqual(d.effects, [{ type: 'notify_coordinators', about: 'review' }]);
    });

    it('when a coordinator approves the shortlist, then its wave goes out to those not yet offered, and a second click changes nothing', () => {
      const state = given(
        anOrder({ shortlist: [AINO, BERTIL] }),
        anOffer(AINO, { status: 'declined' }),
      );
      const d = decided(state, { type: 'send_shortlist', windowMs: SETTINGS.windowMs, at: LATER });
      assert.equal(d.order.wave, 2);
      assert.equal(d.order.shortlist, undefined);
      assert.deepEqual(
        d.offers.map((o) => o.expertEmail),
        [BERTIL],
      );
      assert.equal(
        refusal(given(d.order, ...d.offers), {
          type: 'send_shortlist',
          windowMs: SETTINGS.windowMs,
          at: LATER,
        }),
        'shortlist_not_waiting',
      );
    });

    it('when a near task gets a wave, then the offer time is a third of the time left but at least 30 minutes', () => {
      const start = new Date(NOW.getTime() + 3 * 3600_000);
      assert.equal(offerWindowMs(NOW, start), 3600_000);
      assert.equal(offerWindowMs(NOW, new Date(NOW.getTime() + 30 * 60_000)), 30 * 60_000);
      assert.equal(offerWindowMs(NOW, new Date(NOW.getTime() + 10 * 24 * 3600_000)), 24 * 3600_000);
    });
  });

  describe('assign_by_coordinator', () => {
    const assign = (expert: string): OfferCommand => ({
      type: 'assign_by_coordinator',
      actor: COORDINATOR,
      expert,
      expertName: 'Aino',
      at: LATER,
    });

    it('when a coordinator assigns an expert who had declined, then the expert holds the place marked as assigned by them', () => {
      const d = decided(
        given(anOrder({ status: 'unfilled' }), anOffer(AINO, { status: 'declined' })),
        assign(AINO),
      );
      assert.equal(d.order.status, 'filled');
      assert.deepEqual(d.order.assigned, [
        { email: AINO, name: 'Aino', at: LATER.toISOString(), byCoordinator: COORDINATOR },
      ]);
      assert.equal(d.offers[0]!.status, 'accepted');
      assert.ok(d.effects.some((e) => e.type === 'record_assignment' && e.email === AINO));
    });

    it('when a coordinator assigns an expert never offered the task, then an offer is made for them and accepted', () => {
      const d = decided(given(anOrder({ status: 'unfilled', wave: 3 })), assign(BERTIL));
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status, o.wave]),
        [[BERTIL, 'accepted', 3]],
      );
    });

    it('when the expert already holds a place, or the order is cancelled or full, then the assignment is refused', () => {
      const held = anOrder({ expertCount: 2, assigned: [{ email: AINO, name: 'Aino', at: SENT }] });
      assert.equal(refusal(given(held), assign(AINO)), 'offer_already_accepted');
      assert.equal(
        refusal(given(anOrder({ status: 'cancelled' })), assign(AINO)),
        'order_cancelled',
      );
      const full = anOrder({
        status: 'filled',
        assigned: [{ email: BERTIL, name: 'Bertil', at: SENT }],
      });
      assert.equal(refusal(given(full), assign(AINO)), 'order_already_filled');
    });
  });

  describe('skip_unreachable and withdraw_offers', () => {
    it('when an expert cannot be reached, then their offer expires as unreachable, coordinators hear and the place is offered on', () => {
      const d = decided(given(anOrder(), anOffer(AINO)), {
        type: 'skip_unreachable',
        expert: AINO,
        at: LATER,
      });
      assert.deepEqual(
        d.offers.map((o) => [o.status, o.unreachable]),
        [['expired', true]],
      );
      assert.deepEqual(d.effects, [
        { type: 'notify_coordinators', about: 'unreachable', email: AINO },
        { type: 'offer_more', wave: 'same' },
      ]);
      assert.equal(
        refusal(given(anOrder(), ...d.offers), {
          type: 'skip_unreachable',
          expert: AINO,
          at: LATER,
        }),
        'offer_not_found',
      );
    });

    it('when an order is cancelled, then its pending offers close and its assigned experts are told', () => {
      const order = anOrder({
        status: 'cancelled',
        expertCount: 2,
        assigned: [{ email: AINO, name: 'Aino', at: SENT }],
      });
      const d = decided(given(order, anOffer(AINO, { status: 'accepted' }), anOffer(BERTIL)), {
        type: 'withdraw_offers',
        at: LATER,
      });
      assert.deepEqual(
        d.offers.map((o) => [o.expertEmail, o.status]),
        [[BERTIL, 'closed']],
      );
      assert.deepEqual(d.effects, [
        { type: 'update_offer_card', email: BERTIL },
        { type: 'notify_expert_cancelled', email: AINO },
      ]);
      assert.equal(
        refusal(given(anOrder(), anOffer(BERTIL)), { type: 'withdraw_offers', at: LATER }),
        'order_not_cancelled',
      );
    });
  });

  describe('the diagram', () => {
    it('when a command moves an offer, then the offer ends in the status the diagram names', () => {
      const cases: [OfferCommand, OrderOffers][] = [
        [accept(AINO), given(anOrder(), anOffer(AINO))],
        [decline(AINO), given(anOrder(), anOffer(AINO))],
        [{ type: 'skip_unreachable', expert: AINO, at: LATER }, given(anOrder(), anOffer(AINO))],
        [{ type: 'expire_wave', wave: 1, at: LATER }, given(anOrder(), anOffer(AINO))],
        [
          { type: 'withdraw_offers', at: LATER },
          given(anOrder({ status: 'cancelled' }), anOffer(AINO)),
        ],
      ];
      for (const [cmd, state] of cases) {
        assert.equal(
          decided(state, cmd).offers[0]!.status,
          OFFER_TRANSITIONS[cmd.type].offer!.to,
          cmd.type,
        );
      }
    });
  });
});

describe('what follows an assignment', () => {
  it('when an expert is assigned, then a reminder the day before and the task-ended timers for expert and orderer are set', () => {
    const timers = assignmentTimers(anOrder(), AINO, NOW);
    assert.deepEqual(timers, [
      {
        kind: 'task_reminder',
        dueAt: helsinkiInstant('2026-03-12', '09:00').toISOString(),
        email: AINO,
      },
      {
        kind: 'task_ended',
        dueAt: helsinkiInstant('2026-03-13', '15:00').toISOString(),
        email: AINO,
      },
      { kind: 'task_ended', dueAt: helsinkiInstant('2026-03-13', '15:00').toISOString() },
    ]);
  });

  it('when an expert is assigned after the reminder time, then no reminder is set', () => {
    const timers = assignmentTimers(anOrder(), AINO, helsinkiInstant('2026-03-12', '12:00'));
    assert.deepEqual(
      timers.map((t) => t.kind),
      ['task_ended', 'task_ended'],
    );
  });

  it('when the reminder is due, then only an expert still assigned to an order still on gets it', () => {
    const order = anOrder({
      status: 'filled',
      assigned: [{ email: AINO, name: 'Aino', at: SENT }],
    });
    assert.equal(remindsExpert(order, AINO), true);
    assert.equal(remindsExpert(order, BERTIL), false);
    assert.equal(remindsExpert({ ...order, status: 'cancelled' }, AINO), false);
  });

  it('when an order is unfilled, then the coordinators see the best candidates who do not yet hold a place', () => {
    const order = anOrder({
      status: 'unfilled',
      expertCount: 2,
      assigned: [{ email: AINO, name: 'Aino', at: SENT }],
    });
    const experts = [anExpert(AINO), anExpert(BERTIL), anExpert(CECILIA, { languages: ['sv'] })];
    assert.deepEqual(candidatesForCoordinator(order, experts, NO_LOADS, NOW), [BERTIL]);
  });
});

describe('checkOrderForm', () => {
  const ctx: FormContext = {
    today: '2026-03-02',
    nowTime: '10:00',
    resolveMunicipality: (t) => (t.toLowerCase() === 'jkl' ? 'Jyväskylä' : undefined),
  };
  const aForm = (over: Partial<OrderForm> = {}): OrderForm => ({
    taskType: 'lecture',
    areas: 'mental_health',
    date: '2026-03-13',
    start: '13:00',
    end: '15:00',
    remote: 'true',
    expertCount: '2',
    language: 'fi',
    ...over,
  });
  const errorsOf = (form: OrderForm, context = ctx) => {
    const r = checkOrderForm(form, context);
    assert.ok(!r.ok, 'expected the form to be refused');
    return r.error;
  };

  it('when every field is valid, then the order details come out trimmed and typed', () => {
    const r = checkOrderForm(
      aForm({ remote: 'false', municipality: ' jkl ', wishes: '  quiet room ' }),
      ctx,
    );
    assert.ok(r.ok);
    assert.equal(r.value.expertCount, 2);
    assert.equal(r.value.remote, false);
    assert.equal(r.value.municipality, 'Jyväskylä');
    assert.equal(r.value.wishes, 'quiet room');
  });

  it('when the date is in the past, then the date is refused as date_in_past', () => {
    assert.deepEqual(errorsOf(aForm({ date: '2026-03-01' })), { date: 'date_in_past' });
  });

  it('when the task is today but its start has passed, then the start is refused as time_in_past', () => {
    assert.deepEqual(errorsOf(aForm({ date: '2026-03-02', start: '09:30', end: '11:00' })), {
      start: 'time_in_past',
    });
  });

  it('when the end is not after the start, then the end is refused as end_before_start', () => {
    assert.deepEqual(errorsOf(aForm({ end: '12:00' })), { end: 'end_before_start' });
    assert.deepEqual(errorsOf(aForm({ end: '13:00' })), { end: 'end_before_start' });
  });

  it('when the required fields are missing, then each is named as field_required', () => {
    const errors = errorsOf({ remote: 'true' });
    assert.deepEqual(errors, {
      taskType: 'field_required',
      areas: 'field_required',
      date: 'field_required',
      start: 'field_required',
      end: 'field_required',
    });
  });

  it('when a task on site has no municipality, then the municipality is required', () => {
    assert.deepEqual(errorsOf(aForm({ remote: 'false' })), {
      municipality: 'municipality_required',
    });
  });

  it('when a field holds something the card could not have sent, then it is refused as field_invalid', () => {
    assert.deepEqual(
      errorsOf(
        aForm({
          taskType: 'party',
          areas: 'mental_health,astrology',
          date: '2026-02-30',
          start: '25:00',
          language: 'de',
        }),
      ),
      {
        taskType: 'field_invalid',
        areas: 'field_invalid',
        date: 'field_invalid',
        start: 'field_invalid',
        language: 'field_invalid',
      },
    );
  });

  it('when the number of experts is not a whole number from 1 to 10, then it is refused as count_invalid', () => {
    for (const expertCount of ['0', '11', '1.5', 'two'])
      assert.deepEqual(
        errorsOf(aForm({ expertCount })),
        { expertCount: 'count_invalid' },
        expertCount,
      );
  });

  it('when the orderer must choose a unit, then a missing or foreign unit is refused', () => {
    const withUnits = { ...ctx, unitIds: ['unit-1'] };
    assert.deepEqual(errorsOf(aForm(), withUnits), { unitId: 'field_required' });
    assert.deepEqual(errorsOf(aForm({ unitId: 'unit-9' }), withUnits), { unitId: 'field_invalid' });
    const r = checkOrderForm(aForm({ unitId: 'unit-1' }), withUnits);
    assert.ok(r.ok);
    assert.equal(r.value.unitId, 'unit-1');
  });
});
