import assert from 'node:assert/strict';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';
import { textOf } from '../support/cards';
import { translator } from '../../src/i18n';

const fi = translator('fi');

describe('expert commands', () => {
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({
        email: 'eeva@example.fi',
        name: 'Eeva Esimerkki',
        areas: ['mental_health', 'as_relative'],
        mentorEmail: undefined,
      }),
    ]);
  });
  after(() => world.stop());
  const eeva = () => people.experts.get('eeva@example.fi')!;

  it('when an expert writes "tauko 31.12.", then no offers come until then, and "tauko pois" ends the pause', async () => {
    assert.match((await eeva().say('tauko 31.12.'))[0]!, /Et saa tarjouksia to 31\.12\.2026 asti/);
    assert.equal(
      (await world.bot.services.registers.getExpert('eeva@example.fi'))?.pausedUntil,
      '2026-12-31',
    );
    const during = await placeOrder(people.orderer, { date: '2026-12-10' });
    await world.settle();
    assert.equal(offerCardsFor(eeva(), during).length, 0, 'no offer while paused');
    assert.match((await eeva().say('tauko pois'))[0]!, /saat taas tarjouksia/);
    const after = await placeOrder(people.orderer, { date: '2026-12-11' });
    await world.settle();
    assert.equal(offerCardsFor(eeva(), after).length, 1);
  });

  it('when the pause date has passed or is missing, then the answer says how to pause and nothing changes', async () => {
    assert.match((await eeva().say('tauko'))[0]!, /tauko 31\.12\./);
    assert.equal(
      (await world.bot.services.registers.getExpert('eeva@example.fi'))?.pausedUntil,
      undefined,
    );
  });

  it('when an expert asks "profiili" and "omat tiedot", then they see what the register holds on them', async () => {
    const [profile] = await eeva().say('profiili');
    assert.ok(profile!.includes(`${fi('area_mental_health')}, ${fi('area_as_relative')}`), profile);
    assert.match(profile!, /Jyväskylä/);
    await eeva().say('omat tiedot');
    const data = textOf(eeva().lastCard()!);
    assert.match(data, /Eeva Esimerkki/);
    assert.match(data, /eeva@example\.fi/);
  });

  it('when an expert who took a task asks "omat tehtävät", then the task is listed', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-12' });
    await world.settle();
    await eeva().submitCard(offerCardsFor(eeva(), orderId).at(-1)!, 'accept_offer');
    await world.settle();
    await eeva().say('omat tehtävät');
    assert.match(
      textOf(eeva().lastCard()!),
      new RegExp(`\\*\\*${orderId}\\*\\* · la 12\\.12\\.2026 klo 13\\.00–15\\.00 · Jyväskylä`),
    );
  });

  it('when the day before the task comes, then the expert gets a reminder with the address and contact', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-18', expertCount: 1 });
    await world.settle();
    await eeva().submitCard(offerCardsFor(eeva(), orderId).at(-1)!, 'accept_offer');
    await world.settle();
    world.clock.set('2026-12-17T07:05:00Z'); // 09:05 in Helsinki
    await world.settle();
    assert.match(
      eeva().lastText(),
      new RegExp(
        `Muistutus: huomenna on tehtäväsi ${orderId}.*Keskussairaalantie 19.*Olli Orderer`,
      ),
    );
  });

  it('when someone who is not an expert writes "profiili", then they are told it is for experts', async () => {
    assert.match((await people.orderer.say('profiili'))[0]!, /kokemusasiantuntijoille/);
  });
});
