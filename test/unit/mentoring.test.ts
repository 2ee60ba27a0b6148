import assert from 'node:assert/strict';
import type { ExpertLoad } from '../../src/domain/matching/match-experts';
import {
  decideOffer,
  decideUnassign,
  type Offer,
  type OfferCommand,
  type OfferDecision,
  type OrderOffers,
} from '../../src/domain/offers/offer';
import { checkClaimForm } from '../../src/domain/fees/claim-form';
import { decideOrderChange } from '../../src/domain/offers/order-change';
import { TRAINEE_TRANSITIONS } from '../../src/domain/offers/trainees';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import type { Order } from '../../src/domain/orders/order';
import type { Expert } from '../../src/domain/registers/types';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';
import { anExpert as expertOfRegister } from '../support/scenario';

const MENTOR = 'mentor@example.fi';
const TRAINEE = 'trainee@example.fi';
const NOW = helsinkiInstant('2026-03-02', '10:00');
const LATER = helsinkiInstant('2026-03-02', '11:00');
const START = helsinkiInstant('2026-03-13', '13:00');

/** A register expert who takes at most 4 tasks a month. */
const anExpert = (email: string, over: Partial<Expert> = {}): Expert =>
  expertOfRegister({ email, maxPerMonth: 4, ...over });
const trainee = (over: Partial<Expert> = {}) =>
  anExpert(TRAINEE, { mentorEmail: MENTOR, areas: ['homelessness'], ...over });

function anOrder(over: Partial<Order> = {}): Order {
  return {
    orderId: 'T-2026-0001',
    status: 'open',
    ordererId: 'orderer-oid',
    ordererEmail: 'olli.orderer@example.fi',
    unitId: 'unit-1',
    createdAt: NOW.toISOString(),
    assigned: [],
    wave: 1,
    taskType: 'lecture',
    areas: ['mental_health'],
    date: '2026-03-13',
    start: '13:00',
    end: '15:00',
    remote: false,
    municipality: 'Jyväskylä',
    expertCount: 1,
    language: 'fi',
    ...over,
  };
}
const held = { email: MENTOR, name: 'Mentor', at: NOW.toISOString() };
const offerTo = (email: string, over: Partial<Offer> = {}): Offer => ({
  orderId: 'T-2026-0001',
  expertEmail: email,
  wave: 1,
  status: 'pending',
  sentAt: NOW.toISOString(),
  expiresAt: LATER.toISOString(),
  ...over,
});
const joinOffer = (over: Partial<Offer> = {}) =>
  offerTo(TRAINEE, {
    wave: 0,
    expiresAt: START.toISOString(),
    asTrainee: true,
    mentorEmail: MENTOR,
    ...over,
  });
const invite = (trainees: Expert[], loads: Record<string, ExpertLoad> = {}): OfferCommand => ({
  type: 'invite_trainees',
  mentor: MENTOR,
  trainees,
  loads: new Map(Object.entries(loads)),
  at: LATER,
});
function decided(state: OrderOffers, cmd: OfferCommand): OfferDecision {
  const d = decideOffer(state, cmd);
  assert.ok(d.ok, d.ok ? '' : d.error);
  return d.value;
}
function refused(state: OrderOffers, cmd: OfferCommand): string {
  const d = decideOffer(state, cmd);
  assert.ok(!d.ok, 'expected a refusal');
  return d.error;
}

describe('mentoring (SPEC §3)', () => {
  it('when a mentor takes a one-expert lecture, then the order is filled and their trainees are to be invited', () => {
    const d = decided(
      { order: anOrder(), offers: [offerTo(MENTOR)] },
      { type: 'accept_offer', expert: MENTOR, expertName: 'Mentor', at: LATER },
    );
    assert.equal(d.order.status, 'filled');
    assert.ok(d.effects.some((e) => e.type === 'invite_trainees' && e.mentor === MENTOR));
  });

  it('when the order does not allow a trainee, or is client work by default, then nobody is invited', () => {
    for (const order of [
      anOrder({ traineeAllowed: false }),
      anOrder({ taskType: 'juttupenkki' }),
    ]) {
      const d = decided(
        { order, offers: [offerTo(MENTOR)] },
        { type: 'accept_offer', expert: MENTOR, expertName: 'Mentor', at: LATER },
      );
      assert.ok(!d.effects.some((e) => e.type === 'invite_trainees'), order.taskType);
    }
  });

  it('when the mentor holds the task, then the trainee gets a join offer open until the task starts, even without the order’s area', () => {
    const order = anOrder({ assigned: [held], status: 'filled' });
    const d = decided(
      { order, offers: [offerTo(MENTOR, { status: 'accepted' })] },
      invite([trainee()]),
    );
    assert.deepEqual(
      d.offers.map((o) => [o.expertEmail, o.asTrainee, o.mentorEmail, o.wave, o.expiresAt]),
      [[TRAINEE, true, MENTOR, 0, START.toISOString()]],
    );
    assert.deepEqual(d.effects, [{ type: 'update_offer_card', email: TRAINEE }]);
    assert.deepEqual(d.order, order, 'the order itself does not change');
  });

  it('when the trainee has a clash, is paused, or is another mentor’s, then nobody is invited', () => {
    const order = anOrder({ assigned: [held], status: 'filled' });
    const state = { order, offers: [] };
    const clash = {
      [TRAINEE]: {
        assignments: [
          {
            orderId: 'T-2026-0002',
            date: '2026-03-13',
            start: '12:00',
            end: '13:30',
            remote: false,
          },
        ],
      },
    };
    assert.equal(refused(state, invite([trainee()], clash)), 'no_trainee_to_invite');
    assert.equal(
      refused(state, invite([trainee({ pausedUntil: '2026-03-31' })])),
      'no_trainee_to_invite',
    );
    assert.equal(
      refused(state, invite([trainee({ mentorEmail: 'someone@example.fi' })])),
      'no_trainee_to_invite',
    );
  });

  it('when the trainee was already asked, then they are not asked again', () => {
    const order = anOrder({ assigned: [held], status: 'filled' });
    assert.equal(
      refused({ order, offers: [joinOffer({ status: 'declined' })] }, invite([trainee()])),
      'no_trainee_to_invite',
    );
  });

  it('when the trainee joins a filled order, then they are recorded beside it without taking a place', () => {
    const order = anOrder({ assigned: [held], status: 'filled' });
    const d = decided(
      { order, offers: [offerTo(MENTOR, { status: 'accepted' }), joinOffer()] },
      { type: 'accept_offer', expert: TRAINEE, expertName: 'Tiina', at: LATER },
    );
    assert.equal(d.order.status, 'filled');
    assert.deepEqual(d.order.assigned, [held]);
    assert.deepEqual(d.order.trainees, [
      { email: TRAINEE, name: 'Tiina', mentorEmail: MENTOR, at: LATER.toISOString() },
    ]);
    assert.deepEqual(d.effects, [
      { type: 'update_offer_card', email: TRAINEE },
      { type: 'record_assignment', email: TRAINEE, asTrainee: true },
      { type: 'notify_orderer_trainee', about: 'joined', trainee: 'Tiina', mentor: 'Mentor' },
    ]);
  });

  it('when the mentor no longer holds the task, or it has started, then the trainee cannot join', () => {
    const order = anOrder({ assigned: [], status: 'open' });
    const cmd = (at: Date): OfferCommand => ({
      type: 'accept_offer',
      expert: TRAINEE,
      expertName: 'Tiina',
      at,
    });
    assert.equal(refused({ order, offers: [joinOffer()] }, cmd(LATER)), 'offer_closed');
    const started = anOrder({ assigned: [held], status: 'filled' });
    assert.equal(refused({ order: started, offers: [joinOffer()] }, cmd(START)), 'offer_closed');
  });

  it('when the trainee declines, then no place is offered again', () => {
    const order = anOrder({ assigned: [held], status: 'filled' });
    const d = decided(
      { order, offers: [joinOffer()] },
      { type: 'decline_offer', expert: TRAINEE, at: LATER },
    );
    assert.deepEqual(d.effects, [{ type: 'update_offer_card', email: TRAINEE }]);
  });

  it('when an order with a trainee along is cancelled, then the trainee is told too', () => {
    const order = anOrder({
      assigned: [held],
      trainees: [{ email: TRAINEE, name: 'Tiina', mentorEmail: MENTOR, at: LATER.toISOString() }],
      status: 'cancelled',
    });
    const d = decided({ order, offers: [] }, { type: 'withdraw_offers', at: LATER });
    assert.deepEqual(
      d.effects.filter((e) => e.type === 'notify_expert_cancelled').map((e) => e.email),
      [MENTOR, TRAINEE],
    );
  });

  it('when a trainee’s join offer is pending and the wave expires, then it stays open', () => {
    const order = anOrder({ expertCount: 2, assigned: [held] });
    const d = decided(
      { order, offers: [offerTo('other@example.fi'), joinOffer()] },
      { type: 'expire_wave', wave: 1, at: LATER },
    );
    assert.deepEqual(
      d.offers.map((o) => o.expertEmail),
      ['other@example.fi'],
    );
  });
});

describe('the trainee goes with the mentor, never without (SPEC §3)', () => {
  const along = { email: TRAINEE, name: 'Tiina', mentorEmail: MENTOR, at: LATER.toISOString() };
  const OTHER = 'other@example.fi';
  const otherHeld = { email: OTHER, name: 'Other', at: NOW.toISOString() };
  const joined = joinOffer({ status: 'accepted', answeredAt: LATER.toISOString() });
  const withTrainee = (over: Partial<Order> = {}) =>
    anOrder({ assigned: [held], trainees: [along], status: 'filled', ...over });
  const mentorOffer = offerTo(MENTOR, { status: 'accepted' });
  const leaving = [
    { type: 'release_assignment', email: TRAINEE },
    { type: 'notify_trainee_off', email: TRAINEE },
    { type: 'notify_orderer_trainee', about: 'left', trainee: 'Tiina', mentor: 'Mentor' },
  ];
  const closedFor = (d: OfferDecision) => d.offers.find((o) => o.expertEmail === TRAINEE);

  it('when the mentor says Can’t make it, then the trainee who joined leaves too, is told, and the orderer hears', () => {
    const d = decided(
      { order: withTrainee(), offers: [mentorOffer, joined] },
      { type: 'withdraw_assignment', expert: MENTOR, reason: 'flu', at: LATER },
    );
    assert.deepEqual(d.order.assigned, []);
    assert.deepEqual(d.order.trainees, []);
    assert.equal(closedFor(d)?.status, TRAINEE_TRANSITIONS.mentor_left.to);
    assert.equal(closedFor(d)?.mentorLeftAt, LATER.toISOString());
    for (const e of [{ type: 'update_offer_card', email: TRAINEE }, ...leaving])
      assert.ok(
        d.effects.some((x) => JSON.stringify(x) === JSON.stringify(e)),
        JSON.stringify(e),
      );
    assert.ok(!JSON.stringify(d.effects).includes('flu'), 'the mentor’s reason goes nowhere');
  });

  it('when the mentor’s join offer to the trainee is still pending and the mentor is unassigned, then the offer closes and nobody else is told', () => {
    const d = decideUnassign(
      withTrainee({ trainees: [] }),
      mentorOffer,
      MENTOR,
      'coordinator@example.fi',
      LATER,
      [mentorOffer, joinOffer()],
    );
    assert.ok(d.ok);
    assert.equal(closedFor(d.value)?.status, 'closed');
    assert.ok(closedFor(d.value)?.mentorLeftAt);
    const aboutTrainee = d.value.effects.filter((e) => 'email' in e && e.email === TRAINEE);
    assert.deepEqual(aboutTrainee, [{ type: 'update_offer_card', email: TRAINEE }]);
    assert.ok(!d.value.effects.some((e) => e.type === 'notify_orderer_trainee'));
  });

  it('when the mentor does not answer a change in time, then the trainee leaves with them', () => {
    const asked = { ...mentorOffer, confirmBy: LATER.toISOString() };
    const d = decided(
      { order: withTrainee(), offers: [asked, joined] },
      { type: 'recheck_expired', expert: MENTOR, at: LATER },
    );
    assert.deepEqual(d.order.trainees, []);
    assert.ok(d.effects.some((e) => e.type === 'notify_trainee_off'));
  });

  it('when the trainee says Can’t make it, then only they leave, no place is offered and the orderer hears', () => {
    const d = decided(
      { order: withTrainee(), offers: [mentorOffer, joined] },
      { type: 'withdraw_assignment', expert: TRAINEE, reason: 'exam', at: LATER },
    );
    assert.deepEqual(d.order.assigned, [held]);
    assert.equal(d.order.status, 'filled');
    assert.deepEqual(d.order.trainees, []);
    assert.equal(closedFor(d)?.withdrawnAt, LATER.toISOString());
    assert.deepEqual(d.effects, [
      { type: 'update_offer_card', email: TRAINEE },
      { type: 'release_assignment', email: TRAINEE },
      { type: 'notify_orderer_trainee', about: 'stays_away', trainee: 'Tiina', mentor: 'Mentor' },
    ]);
    assert.equal(d.order.audit?.at(-1)?.reason, 'exam', 'the reason is kept in the audit only');
  });

  it('when another expert of the order leaves, then the mentor’s trainee stays', () => {
    const d = decided(
      {
        order: withTrainee({ expertCount: 2, assigned: [held, otherHeld] }),
        offers: [mentorOffer, offerTo(OTHER, { status: 'accepted' }), joined],
      },
      { type: 'withdraw_assignment', expert: OTHER, at: LATER },
    );
    assert.deepEqual(d.order.trainees, [along]);
    assert.equal(closedFor(d), undefined);
    assert.ok(!d.effects.some((e) => 'email' in e && e.email === TRAINEE));
  });

  it('when a change of the order releases the mentor, then the trainee leaves too; when it keeps the mentor, then the trainee follows the new time', () => {
    const change = (expertCount: number, date: string) => ({
      details: {
        ...withTrainee({ assigned: [held, otherHeld], expertCount: 2 }),
        expertCount,
        date,
      },
      actor: { id: 'orderer-oid', email: 'olli.orderer@example.fi', isCoordinator: false },
      version: 1,
      experts: [anExpert(MENTOR), anExpert(OTHER), trainee()],
      loads: new Map(),
      at: LATER,
    });
    // The mentor took the place last: one place fewer releases them.
    const state = {
      order: withTrainee({
        expertCount: 2,
        assigned: [otherHeld, { ...held, at: LATER.toISOString() }],
      }),
      offers: [mentorOffer, offerTo(OTHER, { status: 'accepted' }), joined],
    };
    const fewer = decideOrderChange(state, change(1, '2026-03-13'));
    assert.ok(fewer.ok);
    assert.deepEqual(fewer.value.order.trainees, []);
    assert.equal(closedFor(fewer.value)?.mentorLeftAt, LATER.toISOString());
    assert.ok(fewer.value.effects.some((e) => e.type === 'notify_trainee_off'));

    const moved = decideOrderChange(state, change(2, '2026-03-16'));
    assert.ok(moved.ok);
    assert.deepEqual(moved.value.order.trainees, [along]);
    assert.ok(
      moved.value.effects.some((e) => e.type === 'reschedule_assignment' && e.email === TRAINEE),
    );
    assert.ok(!moved.value.effects.some((e) => e.type === 'notify_trainee_off'));
  });

  it('when a change fills the order while a trainee’s join offer is pending, then the join offer stays open', () => {
    const state = {
      order: withTrainee({ trainees: [], expertCount: 2, status: 'open' }),
      offers: [mentorOffer, offerTo(OTHER), joinOffer()],
    };
    const d = decideOrderChange(state, {
      details: { ...state.order, expertCount: 1 },
      actor: { id: 'orderer-oid', email: 'olli.orderer@example.fi', isCoordinator: false },
      version: 1,
      experts: [anExpert(MENTOR), anExpert(OTHER), trainee()],
      loads: new Map(),
      at: LATER,
    });
    assert.ok(d.ok);
    assert.equal(d.value.order.status, 'filled');
    assert.equal(d.value.offers.find((o) => o.expertEmail === OTHER)?.status, 'closed');
    assert.equal(closedFor(d.value), undefined, 'the trainee’s join offer is no ordered place');
  });
});

describe('expenses-only claim amounts (SPEC §5)', () => {
  const form = { actualStart: '09:00', actualEnd: '11:00', paymentType: 'palkkio' };
  const ctx = (over: Partial<Parameters<typeof checkClaimForm>[1]> = {}) => ({
    taskType: 'lecture' as const,
    expertKind: 'trained' as const,
    tariff: DEFAULT_TARIFF,
    hasIdentityCode: () => false,
    ...over,
  });

  it('when a trained expert went along as a trainee, then the claim has no fee, only the kilometres', () => {
    const r = checkClaimForm({ ...form, km: '10' }, ctx({ asTrainee: true }));
    assert.ok(r.ok);
    assert.deepEqual([r.value.amount.feeCents, r.value.amount.totalCents], [0, 550]);
  });

  it('when the tariff pays trainees, then the trainee’s claim carries the fee', () => {
    const r = checkClaimForm(
      form,
      ctx({ asTrainee: true, tariff: { ...DEFAULT_TARIFF, paidTrainees: true } }),
    );
    assert.ok(r.ok);
    assert.equal(r.value.amount.feeCents, 8000);
  });

  it('when a peer supporter or a trainee has no kilometres and no expenses, then the 0 € claim is refused on the card', () => {
    for (const c of [ctx({ expertKind: 'peer' }), ctx({ asTrainee: true })]) {
      const r = checkClaimForm({ ...form, km: '0', expenses: '0' }, c);
      assert.deepEqual(r, { ok: false, error: { km: 'claim_nothing_to_claim' } });
    }
  });
});
