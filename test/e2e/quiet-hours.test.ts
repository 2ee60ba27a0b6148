import assert from 'node:assert/strict';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

describe('quiet hours (SPEC §4)', () => {
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: 'night@example.fi' }),
      anExpert({ email: 'owl@example.fi' }),
    ]);
  });
  after(() => world.stop());

  it('when an order for a task in three days is sent at 22:30, then no expert hears of it before 08:00, and then they do', async () => {
    world.clock.set('2026-11-25T20:30:00Z'); // 22:30 in Helsinki
    const orderId = await placeOrder(people.orderer, {
      date: '2026-11-28',
      start: '10:00',
      end: '12:00',
    });
    await world.settle();
    for (const [email, u] of people.experts)
      assert.equal(offerCardsFor(u, orderId).length, 0, `${email} is not woken at night`);
    const stored = await world.bot.services.offers.load(orderId);
    assert.equal(stored?.offers.size, 0, 'no offer is stored yet');

    world.clock.set('2026-11-26T05:59:00Z'); // 07:59
    await world.settle();
    for (const [, u] of people.experts) assert.equal(offerCardsFor(u, orderId).length, 0);

    world.clock.set('2026-11-26T06:00:00Z'); // 08:00
    await world.settle();
    for (const [email, u] of people.experts)
      assert.equal(offerCardsFor(u, orderId).length, 1, `${email} gets the offer at 08:00`);
    const offers = [...(await world.bot.services.offers.load(orderId))!.offers.values()].map(
      (o) => o.value,
    );
    assert.deepEqual(
      offers.map((o) => o.sentAt),
      ['2026-11-26T06:00:00.000Z', '2026-11-26T06:00:00.000Z'],
    );

    world.clock.set('2026-11-26T06:30:00Z');
    await world.settle();
    for (const [, u] of people.experts)
      assert.equal(offerCardsFor(u, orderId).length, 1, 'the held wave is sent once');
  });

  it('when an order for tomorrow at 10:00 is sent at 22:30, then the offers go at once', async () => {
    world.clock.set('2026-11-26T20:30:00Z'); // 22:30 on the 26th
    const orderId = await placeOrder(people.orderer, {
      date: '2026-11-27',
      start: '10:00',
      end: '11:00',
    });
    await world.settle();
    for (const [email, u] of people.experts)
      assert.equal(offerCardsFor(u, orderId).length, 1, `${email} gets the urgent offer`);
  });
});
