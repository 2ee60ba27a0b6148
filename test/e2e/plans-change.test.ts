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

describe('when plans change: changing an order', () => {
  let world: World;
  let people: Cast;
  let stranger: TestUser;
  const expert = (email: string) => people.experts.get(email)!;

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: 'anna@example.fi' }),
      anExpert({ email: 'ben@example.fi' }),
      anExpert({ email: 'cai@example.fi' }),
      anExpert({ email: 'dan@example.fi' }),
    ]);
    await world.bot.services.registers.putStaff({
      email: 'other@example.fi',
      name: 'Outi Other',
      role: 'orderer',
      unitId: 'psy',
    });
    stranger = world.person({ email: 'other@example.fi' });
    await stranger.install();
  });
  after(() => world.stop());

  /** The orderer writes `muuta T-…`; returns the change card. */
  async function changeCard(who: TestUser, orderId: string): Promise<Record<string, any>> {
    await who.say(`muuta ${orderId}`);
    const shown = who.lastCard()!;
    assertValidCard(shown);
    assert.match(textOf(shown), new RegExp(fi('change_card_title', { orderId })));
    return shown;
  }
  const stored = async (orderId: string) => (await world.bot.services.orders.get(orderId))!.value;

  it('when the date changes, then one expert answers Still fine and keeps the task, and the silent one is released after the answer time and the place is offered again', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-10', expertCount: 2 });
    await world.settle();
    await accept(expert('anna@example.fi'), orderId);
    await accept(expert('ben@example.fi'), orderId);
    await world.settle();

    const shown = await changeCard(people.orderer, orderId);
    assert.deepEqual(buttons(shown), [fi('save_changes')]);
    const saved = await people.orderer.submitCard(shown, 'save_order_change', {
      date: '2026-12-11',
    });
    assert.match(textOf(saved.card!), new RegExp(fi('change_saved_title', { orderId })));
    await world.settle();
    assert.equal((await stored(orderId)).orderId, orderId, 'the order keeps its number');
    const listed = await world.bot.services.orders.listNewest(undefined, 50);
    assert.equal(
      listed.find((r) => r.orderId === orderId)?.date,
      '2026-12-11',
      "the coordinators' list follows the change",
    );

    const asked = (u: TestUser) => latestCard(u, orderId);
    for (const u of [expert('anna@example.fi'), expert('ben@example.fi')]) {
      assertValidCard(asked(u));
      assert.match(textOf(asked(u)), new RegExp(fi('recheck_title', { orderId })));
      assert.deepEqual(buttons(asked(u)), [fi('still_fine'), fi('cant_make_it')]);
    }
    const fine = await expert('anna@example.fi').submitCard(
      asked(expert('anna@example.fi')),
      'still_fine',
    );
    assert.deepEqual(buttons(fine.card!), [fi('cant_make_it')]);

    world.clock.advance(25 * 3600_000); // past the 24 h answer time
    await world.settle();
    const order = await stored(orderId);
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      ['anna@example.fi'],
    );
    assert.ok(
      allText(expert('ben@example.fi')).includes(fi('expert_recheck_expired', { orderId })),
    );
    assert.ok(allText(people.orderer).includes(fi('orderer_withdrawn', { orderId })));
    assert.deepEqual(buttons(latestCard(expert('cai@example.fi'), orderId)), [
      fi('accept_offer'),
      fi('decline_offer'),
    ]);
    assert.equal(
      (await world.bot.services.loads.get('anna@example.fi')).assignments.find(
        (a) => a.orderId === orderId,
      )?.date,
      '2026-12-11',
      "the kept expert's task moved with the order",
    );
    await people.coordinator.say(`/audit ${orderId}`);
    assert.match(
      people.coordinator.lastText(),
      /Muutettu, versio 2, muutti orderer@example\.fi: Päivä 2026-12-10 → 2026-12-11/,
    );
  });

  it('when the number of experts goes from 2 to 1 and back to 3, then the latest assigned is released and told, and then more places are offered', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-14', expertCount: 2 });
    await world.settle();
    await accept(expert('cai@example.fi'), orderId);
    await accept(expert('dan@example.fi'), orderId);
    await world.settle();

    const first = await changeCard(people.orderer, orderId);
    const down = await people.orderer.submitCard(first, 'save_order_change', { expertCount: '1' });
    assert.match(textOf(down.card!), new RegExp(fi('change_released', { names: 'dan' })));
    await world.settle();
    assert.ok(allText(expert('dan@example.fi')).includes(fi('expert_released_count', { orderId })));
    let order = await stored(orderId);
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      ['cai@example.fi'],
    );
    assert.equal(order.status, 'filled');

    // The first card is now a version behind: saving it again changes nothing.
    const stale = await people.orderer.submitCard(first, 'save_order_change', { expertCount: '3' });
    assert.equal(stale.text, fi('order_changed_meanwhile', { orderId }));

    const up = await people.orderer.submitCard(
      await changeCard(people.orderer, orderId),
      'save_order_change',
      { expertCount: '3' },
    );
    assert.match(textOf(up.card!), new RegExp(fi('change_saved_title', { orderId })));
    await world.settle();
    order = await stored(orderId);
    assert.equal(order.expertCount, 3);
    assert.equal(order.status, 'open');
    assert.deepEqual(buttons(latestCard(expert('anna@example.fi'), orderId)), [
      fi('accept_offer'),
      fi('decline_offer'),
    ]);
  });

  it('when a change is saved with a past date or an end before the start, then the card says so and nothing changes', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-21' });
    await world.settle();
    const shown = await changeCard(people.orderer, orderId);
    const past = await people.orderer.submitCard(shown, 'save_order_change', {
      date: '2026-01-02',
      end: '12:00',
    });
    assertValidCard(past.card!);
    assert.match(textOf(past.card!), new RegExp(fi('date_in_past')));
    const ends = await people.orderer.submitCard(shown, 'save_order_change', { end: '12:00' });
    assert.match(textOf(ends.card!), new RegExp(fi('end_before_start')));
    const order = await stored(orderId);
    assert.equal(order.date, '2026-12-21');
    assert.equal(order.version, undefined);
  });

  it('when the areas change to one an assigned expert does not have, then they are released with a message and the place is offered to someone who fits', async () => {
    await world.bot.services.registers.putExpert(
      anExpert({ email: 'hanna@example.fi', areas: ['homelessness'] }),
    );
    const hanna = world.person({ email: 'hanna@example.fi' });
    await hanna.install();
    const orderId = await placeOrder(people.orderer, { date: '2026-12-28' });
    await world.settle();
    await accept(expert('dan@example.fi'), orderId);
    await world.settle();
    const changed = await people.orderer.submitCard(
      await changeCard(people.orderer, orderId),
      'save_order_change',
      { areas: 'homelessness' },
    );
    assert.match(textOf(changed.card!), new RegExp(fi('change_released', { names: 'dan' })));
    await world.settle();
    assert.ok(allText(expert('dan@example.fi')).includes(fi('expert_released_rules', { orderId })));
    assert.match(textOf(latestCard(expert('dan@example.fi'), orderId)), /Paikkasi vapautui/);
    assert.deepEqual(buttons(latestCard(hanna, orderId)), [
      fi('accept_offer'),
      fi('decline_offer'),
    ]);
  });

  it('when someone who did not order it tries to change it, then they are told politely and nothing changes', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-22' });
    const answers = await stranger.say(`muuta ${orderId}`);
    assert.deepEqual(answers, [fi('change_not_allowed', { orderId })]);
    const card = await changeCard(people.orderer, orderId);
    const forged = await stranger.submitCard(card, 'save_order_change', { date: '2026-12-23' });
    assert.equal(forged.text, fi('change_not_allowed', { orderId }));
    assert.equal((await stored(orderId)).date, '2026-12-22');
  });

  it('when a change and an acceptance arrive at once, then both count and the order stays consistent; of two changes at once, one wins and the other is told', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-23', expertCount: 1 });
    await world.settle();
    const shown = await changeCard(people.orderer, orderId);
    const [changed, accepted] = await Promise.all([
      people.orderer.submitCard(shown, 'save_order_change', { expertCount: '2' }),
      expert('anna@example.fi').submitCard(
        latestCard(expert('anna@example.fi'), orderId),
        'accept_offer',
      ),
    ]);
    assert.match(textOf(changed.card!), new RegExp(fi('change_saved_title', { orderId })));
    assert.match(textOf(accepted.card!), /Tehtävä on sinun/);
    await world.settle();
    let order = await stored(orderId);
    assert.equal(order.expertCount, 2);
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      ['anna@example.fi'],
    );
    assert.equal(order.status, 'open');

    const [a, b] = [
      await changeCard(people.orderer, orderId),
      await changeCard(people.coordinator, orderId),
    ];
    const answers = await Promise.all([
      people.orderer.submitCard(a, 'save_order_change', { audience: 'Opiskelijat' }),
      people.coordinator.submitCard(b, 'save_order_change', { audience: 'Hoitajat' }),
    ]);
    const won = answers.filter(
      (x) => x.card && textOf(x.card).includes(fi('change_saved_title', { orderId })),
    );
    const told = answers.filter((x) => x.text === fi('order_changed_meanwhile', { orderId }));
    assert.equal(won.length, 1);
    assert.equal(told.length, 1);
    order = await stored(orderId);
    assert.equal(order.version, 3);
  });
});
