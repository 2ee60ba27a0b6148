import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import type { TestUser } from '../support/world';
import { World } from '../support/world';

const fi = translator('fi');
const buttons = (card: Record<string, any>) =>
  (card.actions ?? []).map((a: Record<string, any>) => a.title);
const latestCard = (u: TestUser, orderId: string) => offerCardsFor(u, orderId).at(-1)!;
const allText = (u: TestUser) =>
  u
    .messages()
    .map((m) => m.text ?? '')
    .join('\n');

/** The expert accepts their offer; returns the card they have afterwards. */
async function accept(u: TestUser, orderId: string): Promise<Record<string, any>> {
  const answer = await u.submitCard(latestCard(u, orderId), 'accept_offer');
  assert.ok(answer.card, 'the accepted card comes back');
  return answer.card;
}

describe("when plans change: Can't make it", () => {
  let world: World;
  let people: Cast;
  const expert = (email: string) => people.experts.get(email)!;

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: 'anna@example.fi', regions: ['Jyväskylä'] }),
      anExpert({ email: 'ben@example.fi', regions: ['Jyväskylä'] }),
      anExpert({ email: 'cai@example.fi', regions: ['Kuopio'] }),
      anExpert({ email: 'dan@example.fi', regions: ['Kuopio'] }),
      anExpert({ email: 'eve@example.fi', regions: ['Tampere'] }),
    ]);
  });
  after(() => world.stop());

  it("when the assigned expert can't make it, then the place is offered again (not to them), a replacement takes it and the orderer is told, never the reason", async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-15' });
    await world.settle();
    const accepted = await accept(expert('anna@example.fi'), orderId);
    assertValidCard(accepted);
    assert.deepEqual(buttons(accepted), [fi('cant_make_it')]);
    await world.settle();
    assert.match(textOf(latestCard(expert('ben@example.fi'), orderId)), /löytyi jo tekijä/);

    const gaveBack = await expert('anna@example.fi').submitCard(accepted, 'withdraw_assignment', {
      reason: 'Flunssa',
    });
    assertValidCard(gaveBack.card!);
    assert.match(textOf(gaveBack.card!), new RegExp(fi('offer_given_back_title')));
    assert.deepEqual(buttons(gaveBack.card!), []);
    await world.settle();

    // The orderer hears, without the reason; the coordinators do not (the task is 20 days away).
    assert.ok(allText(people.orderer).includes(fi('orderer_withdrawn', { orderId })));
    assert.doesNotMatch(allText(people.orderer), /Flunssa/);
    assert.doesNotMatch(allText(people.coordinator), new RegExp(orderId));
    // Ben, whose offer closed when Anna took it, is offered it again; Anna is not.
    const again = latestCard(expert('ben@example.fi'), orderId);
    assert.deepEqual(buttons(again), [fi('accept_offer'), fi('decline_offer')]);
    assert.equal(offerCardsFor(expert('anna@example.fi'), orderId).length, 1);
    assert.match(textOf(latestCard(expert('anna@example.fi'), orderId)), /tarjotaan nyt muille/);
    // Her fair share is not punished: the withdrawn task is not among her assignments.
    const load = await world.bot.services.loads.get('anna@example.fi');
    assert.equal(
      load.assignments.some((a) => a.orderId === orderId),
      false,
    );

    await accept(expert('ben@example.fi'), orderId);
    await world.settle();
    assert.equal(
      people.orderer.lastText(),
      fi('orderer_filled', { orderId, names: 'ben', count: 1 }),
    );
    const order = (await world.bot.services.orders.get(orderId))!.value;
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      ['ben@example.fi'],
    );
    // The audit keeps who withdrew and why (coordinators only).
    await people.coordinator.say(`/audit ${orderId}`);
    assert.match(
      people.coordinator.lastText(),
      /Ei pääsekään: anna \(anna@example\.fi\) \(syy: Flunssa\)/,
    );

    // A second click on the old card: a clear answer, nothing changes.
    const second = await expert('anna@example.fi').submitCard(accepted, 'withdraw_assignment');
    assert.match(textOf(second.card!), new RegExp(fi('withdraw_not_assigned')));
    const after = (await world.bot.services.orders.get(orderId))!.value;
    assert.deepEqual(
      after.assigned.map((a) => a.email),
      ['ben@example.fi'],
    );
  });

  it("when an expert can't make it 30 hours before the task, then the coordinators are told at once, with the reason", async () => {
    // 25.11. 12:00 Helsinki now; the task 26.11. 18:00 Helsinki.
    const orderId = await placeOrder(people.orderer, {
      date: '2026-11-26',
      start: '18:00',
      end: '19:00',
      municipality: 'Kuopio',
    });
    await world.settle();
    const accepted = await accept(expert('cai@example.fi'), orderId);
    await world.settle();
    await expert('cai@example.fi').submitCard(accepted, 'withdraw_assignment', {
      reason: 'Lapsi sairastui',
    });
    await world.settle();
    const told = allText(people.coordinator);
    assert.ok(told.includes(`cai ei pääsekään tehtävään ${orderId}`), told);
    assert.match(told, /Syy: Lapsi sairastui/);
    assert.deepEqual(buttons(latestCard(expert('dan@example.fi'), orderId)), [
      fi('accept_offer'),
      fi('decline_offer'),
    ]);
  });

  it("when an expert presses Can't make it after the task started, then it is refused with the reason and they keep the task", async () => {
    const orderId = await placeOrder(people.orderer, {
      date: '2026-11-27',
      start: '10:00',
      end: '12:00',
      municipality: 'Tampere',
    });
    await world.settle();
    const accepted = await accept(expert('eve@example.fi'), orderId);
    await world.settle();
    const saved = world.clock.now().toISOString();
    world.clock.set('2026-11-27T08:30:00Z'); // 10:30 in Helsinki
    try {
      const late = await expert('eve@example.fi').submitCard(accepted, 'withdraw_assignment');
      assert.match(textOf(late.card!), new RegExp(fi('withdraw_task_started')));
      const order = (await world.bot.services.orders.get(orderId))!.value;
      assert.deepEqual(
        order.assigned.map((a) => a.email),
        ['eve@example.fi'],
      );
    } finally {
      world.clock.set(saved);
    }
  });

  it("when an expert writes my tasks, then each coming task has Can't make it, and pressing it gives the place back", async () => {
    const orderId = await placeOrder(people.orderer, {
      date: '2026-12-18',
      municipality: 'Tampere',
    });
    await world.settle();
    await accept(expert('eve@example.fi'), orderId);
    await world.settle();
    await expert('eve@example.fi').say('omat tehtävät');
    const tasks = expert('eve@example.fi').lastCard()!;
    assertValidCard(tasks);
    assert.match(textOf(tasks), new RegExp(orderId));
    const answer = await expert('eve@example.fi').submitCard(tasks, 'withdraw_assignment', {
      orderId,
      from: 'tasks',
    });
    assert.ok(
      JSON.stringify(answer.card ?? answer.text).includes(fi('withdraw_done', { orderId })),
    );
    await world.settle();
    const order = (await world.bot.services.orders.get(orderId))!.value;
    assert.deepEqual(order.assigned, []);
    assert.ok(allText(people.orderer).includes(fi('orderer_withdrawn', { orderId })));
  });
});
