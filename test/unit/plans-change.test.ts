import assert from 'node:assert/strict';
import type { ExpertLoad } from '../../src/domain/matching/match-experts';
import {
  decideOffer,
  mayBeOfferedAgain,
  OFFER_TRANSITIONS,
  type Offer,
  type OfferCommand,
  type OfferDecision,
  type OrderOffers,
} from '../../src/domain/offers/offer';
import {
  answerTimeMs,
  decideOrderChange,
  type ChangeOrderCommand,
} from '../../src/domain/offers/order-change';
import { detailsOfOrder, type Order, type OrderDetails } from '../../src/domain/orders/order';
import type { Expert } from '../../src/domain/registers/types';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';
import { anExpert as expertOfRegister } from '../support/scenario';
import { offerCard } from '../../cards/offer-card';
import { translator } from '../../src/i18n';

const AINO = 'aino@example.fi';
const BERTIL = 'bertil@example.fi';
const CECILIA = 'cecilia@example.fi';
const ORDERER = { id: 'orderer-oid', email: 'olli@example.fi', isCoordinator: false };

/** Monday 2.3.2026 at 10:00 in Helsinki; the task is on Friday 13.3.2026, 13–15. */
const NOW = helsinkiInstant('2026-03-02', '10:00');
const T0 = '2026-03-01T08:00:00.000Z';
const T1 = '2026-03-01T09:00:00.000Z';

function anOrder(over: Partial<Order> = {}): Order {
  return {
    orderId: 'T-2026-0001',
    status: 'filled',
    ordererId: ORDERER.id,
    ordererEmail: ORDERER.email,
    unitId: 'unit-1',
    createdAt: T0,
    assigned: [{ email: AINO, name: 'Aino', at: T0 }],
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

const accepted = (email: string, over: Partial<Offer> = {}): Offer => ({
  orderId: 'T-2026-0001',
  expertEmail: email,
  wave: 1,
  status: 'accepted',
  sentAt: T0,
  expiresAt: T1,
  answeredAt: T0,
  ...over,
});

/** A register expert who takes at most 4 tasks a month. */
const anExpert = (email: string, over: Partial<Expert> = {}): Expert =>
  expertOfRegister({ email, maxPerMonth: 4, ...over });

const given = (order: Order, ...offers: Offer[]): OrderOffers => ({ order, offers });

function decided(state: OrderOffers, cmd: OfferCommand): OfferDecision {
  const d = decideOffer(state, cmd);
  assert.ok(d.ok, `refused: ${d.ok ? '' : d.error}`);
  return d.value;
}
function refusal(state: OrderOffers, cmd: OfferCommand): string {
  const d = decideOffer(state, cmd);
  assert.ok(!d.ok, 'expected a refusal');
  return d.error;
}

const withdraw = (expert: string, at = NOW, reason?: string): OfferCommand => ({
  type: 'withdraw_assignment',
  expert,
  at,
  ...(reason ? { reason } : {}),
});

describe("Can't make it (withdraw_assignment)", () => {
  it('when the assigned expert withdraws 11 days before, then the place is free, offered again, the orderer is told, and the coordinators are not', () => {
    const d = decided(given(anOrder(), accepted(AINO)), withdraw(AINO, NOW, 'Flunssa'));
    assert.deepEqual(d.order.assigned, []);
    assert.equal(d.order.status, 'open');
    assert.equal(d.offers[0]!.status, OFFER_TRANSITIONS.withdraw_assignment.offer!.to);
    assert.equal(d.offers[0]!.withdrawnAt, NOW.toISOString());
    assert.equal(mayBeOfferedAgain(d.offers[0]!), false, 'never offered to them again');
    assert.deepEqual(d.effects, [
      { type: 'update_offer_card', email: AINO },
      { type: 'release_assignment', email: AINO },
      { type: 'notify_orderer', about: 'withdrawn' },
      { type: 'offer_more', wave: 'next' },
    ]);
    assert.deepEqual(d.order.audit, [
      {
        at: NOW.toISOString(),
        by: AINO,
        what: 'withdrawn',
        who: `Aino (${AINO})`,
        reason: 'Flunssa',
      },
    ]);
  });

  it('when the expert withdraws 30 hours before the task, then the coordinators are told at once too', () => {
    const at = helsinkiInstant('2026-03-12', '07:00');
    const d = decided(given(anOrder(), accepted(AINO)), withdraw(AINO, at));
    assert.ok(
      d.effects.some(
        (e) => e.type === 'notify_coordinators' && e.about === 'withdrawn' && e.email === AINO,
      ),
    );
  });

  it('when the task has started, or the expert holds no place, or the order is cancelled, then it is refused and nothing changes', () => {
    const state = given(anOrder(), accepted(AINO));
    assert.equal(
      refusal(state, withdraw(AINO, helsinkiInstant('2026-03-13', '13:00'))),
      'withdraw_task_started',
    );
    assert.equal(refusal(state, withdraw(BERTIL)), 'withdraw_not_assigned');
    assert.equal(
      refusal(given(anOrder({ status: 'cancelled' }), accepted(AINO)), withdraw(AINO)),
      'order_cancelled',
    );
    assert.equal(refusal(state, withdraw(AINO, NOW, 'x'.repeat(501))), 'withdraw_reason_too_long');
  });

  it('when the expert withdraws twice, then the second is refused', () => {
    const first = decided(given(anOrder(), accepted(AINO)), withdraw(AINO));
    assert.equal(
      refusal(given(first.order, ...first.offers), withdraw(AINO)),
      'withdraw_not_assigned',
    );
  });
});

describe('Still fine and a silent expert (confirm_still_fine, recheck_expired)', () => {
  const BY = helsinkiInstant('2026-03-03', '10:00').toISOString();
  const asked = given(anOrder(), accepted(AINO, { confirmBy: BY }));

  it('when the asked expert answers Still fine, then the place stays theirs and the question is closed', () => {
    const d = decided(asked, { type: 'confirm_still_fine', expert: AINO, at: NOW });
    assert.equal(d.offers[0]!.confirmBy, undefined);
    assert.equal(d.offers[0]!.status, 'accepted');
    assert.deepEqual(
      d.order.assigned.map((a) => a.email),
      [AINO],
    );
    assert.equal(
      refusal(given(d.order, ...d.offers), { type: 'confirm_still_fine', expert: AINO, at: NOW }),
      'recheck_not_asked',
    );
  });

  it('when the answer time runs out and nobody answered, then the place is released, the expert told, and it is offered again', () => {
    const at = new Date(Date.parse(BY) + 1000);
    const d = decided(asked, { type: 'recheck_expired', expert: AINO, at });
    assert.deepEqual(d.order.assigned, []);
    assert.ok(d.effects.some((e) => e.type === 'notify_released' && e.why === 'silence'));
    assert.ok(d.effects.some((e) => e.type === 'offer_more'));
  });

  it('when the timer fires before the answer time, or after Still fine, then nothing changes', () => {
    assert.equal(
      refusal(asked, { type: 'recheck_expired', expert: AINO, at: NOW }),
      'offer_not_found',
    );
    assert.equal(
      refusal(given(anOrder(), accepted(AINO)), {
        type: 'recheck_expired',
        expert: AINO,
        at: new Date(Date.parse(BY) + 1000),
      }),
      'offer_not_found',
    );
  });
});

describe('changing an order (decideOrderChange)', () => {
  const NO_LOADS: ReadonlyMap<string, ExpertLoad> = new Map();
  const change = (
    order: Order,
    over: Partial<OrderDetails>,
    extra: Partial<ChangeOrderCommand> = {},
  ) =>
    ({
      details: { ...detailsOfOrder(order), ...over },
      actor: ORDERER,
      version: order.version ?? 1,
      experts: [anExpert(AINO), anExpert(BERTIL), anExpert(CECILIA)],
      loads: NO_LOADS,
      at: NOW,
      ...extra,
    }) satisfies ChangeOrderCommand;

  const two = anOrder({
    expertCount: 2,
    assigned: [
      { email: AINO, name: 'Aino', at: T0 },
      { email: BERTIL, name: 'Bertil', at: T1 },
    ],
  });
  const twoOffers = [accepted(AINO), accepted(BERTIL)];

  it('when the date changes, then each assigned expert is asked with 24 h to answer, their task is rescheduled, and the version is audited', () => {
    const d = decideOrderChange(given(two, ...twoOffers), change(two, { date: '2026-03-16' }));
    assert.ok(d.ok);
    const by = new Date(NOW.getTime() + 24 * 3600_000).toISOString();
    assert.deepEqual(
      d.value.offers.map((o) => [o.expertEmail, o.confirmBy]),
      [
        [AINO, by],
        [BERTIL, by],
      ],
    );
    assert.ok(d.value.effects.some((e) => e.type === 'ask_still_fine' && e.email === BERTIL));
    assert.ok(d.value.effects.some((e) => e.type === 'reschedule_assignment' && e.email === AINO));
    assert.equal(d.value.order.orderId, two.orderId, 'the order keeps its number');
    assert.equal(d.value.order.version, 2);
    assert.deepEqual(d.value.order.audit?.at(-1)?.changes, [
      { field: 'date', from: '2026-03-13', to: '2026-03-16' },
    ]);
  });

  it('when the task is near, then the answer time is a third of the time left', () => {
    const start = helsinkiInstant('2026-03-03', '10:00');
    assert.equal(answerTimeMs(NOW, start), 8 * 3600_000);
    assert.equal(answerTimeMs(NOW, helsinkiInstant('2026-03-13', '13:00')), 24 * 3600_000);
  });

  it('when the number of experts goes from 2 to 1, then the latest assigned is released and told, and the order stays filled', () => {
    const d = decideOrderChange(given(two, ...twoOffers), change(two, { expertCount: 1 }));
    assert.ok(d.ok);
    assert.deepEqual(d.value.released, [{ email: BERTIL, name: 'Bertil', why: 'count' }]);
    assert.deepEqual(
      d.value.order.assigned.map((a) => a.email),
      [AINO],
    );
    assert.equal(d.value.order.status, 'filled');
    assert.ok(d.value.effects.some((e) => e.type === 'notify_released' && e.email === BERTIL));
    assert.ok(!d.value.effects.some((e) => e.type === 'offer_more'));
  });

  it('when the number goes up, then the order opens and more offers go out', () => {
    const d = decideOrderChange(given(two, ...twoOffers), change(two, { expertCount: 3 }));
    assert.ok(d.ok);
    assert.equal(d.value.order.status, 'open');
    assert.ok(d.value.effects.some((e) => e.type === 'offer_more'));
  });

  it("when the areas change to one an assigned expert does not have, then that expert is released with 'rules'", () => {
    const order = anOrder();
    const d = decideOrderChange(
      given(order, accepted(AINO)),
      change(
        order,
        { areas: ['homelessness'] },
        {
          experts: [anExpert(AINO, { areas: ['mental_health'] })],
        },
      ),
    );
    assert.ok(d.ok);
    assert.deepEqual(d.value.released, [{ email: AINO, name: 'Aino', why: 'rules' }]);
    assert.equal(d.value.order.status, 'open');
  });

  it('when someone else changes it, or from an old version, or nothing changed, or after the start, then it is refused', () => {
    const order = anOrder();
    const state = given(order, accepted(AINO));
    const err = (cmd: ChangeOrderCommand) => {
      const d = decideOrderChange(state, cmd);
      return d.ok ? 'ok' : d.error;
    };
    assert.equal(
      err(
        change(
          order,
          { date: '2026-03-16' },
          { actor: { id: 'x', email: 'x@e.fi', isCoordinator: false } },
        ),
      ),
      'change_not_allowed',
    );
    assert.equal(
      err(
        change(
          order,
          { date: '2026-03-16' },
          { actor: { id: 'c', email: 'c@e.fi', isCoordinator: true } },
        ),
      ),
      'ok',
    );
    assert.equal(
      err(change(order, { date: '2026-03-16' }, { version: 0 })),
      'order_changed_meanwhile',
    );
    assert.equal(err(change(order, {})), 'change_nothing');
    assert.equal(
      err(change(order, { date: '2026-03-16' }, { at: helsinkiInstant('2026-03-13', '13:30') })),
      'change_order_closed',
    );
  });

  it('when an order with open offers changes its audience, then the open offers are redrawn in place', () => {
    const order = anOrder({ status: 'open', assigned: [] });
    const pending: Offer = { ...accepted(AINO), status: 'pending', answeredAt: undefined };
    const d = decideOrderChange(given(order, pending), change(order, { audience: 'Opiskelijat' }));
    assert.ok(d.ok);
    assert.ok(d.value.effects.some((e) => e.type === 'update_offer_card' && e.email === AINO));
    assert.equal(d.value.offers.length, 0, 'the offer itself is unchanged');
  });
});

describe("the task card's buttons in every language", () => {
  const view = (offer: Offer) => ({ order: anOrder(), offer, unitName: 'Psykiatria' });
  const titles = (c: { actions?: Array<Record<string, unknown>> }) =>
    (c.actions ?? []).map((a) => a.title);

  it("when an accepted task is drawn, then it has Can't make it (and Still fine while a change is asked), in fi, sv and en", () => {
    const asked = accepted(AINO, {
      confirmBy: helsinkiInstant('2026-03-03', '10:00').toISOString(),
    });
    const expected = {
      fi: ['En pääsekään', 'Käy edelleen'],
      sv: ['Jag kan inte komma', 'Det passar fortfarande'],
      en: ["Can't make it", 'Still fine'],
    } as const;
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const t = translator(lang);
      const [cant, fine] = expected[lang];
      assert.deepEqual(titles(offerCard(view(accepted(AINO)), lang, t)), [cant]);
      assert.deepEqual(titles(offerCard(view(asked), lang, t)), [fine, cant]);
      assert.match(JSON.stringify(offerCard(view(accepted(AINO)), lang, t)), /"id":"reason"/);
    }
  });
});
