import assert from 'node:assert/strict';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { anExpert, offerCardsFor, UNIT } from '../support/scenario';
import { TestUser, World } from '../support/world';

const FINNISH_SPEAKERS = ['aino@example.fi', 'eero@example.fi', 'helmi@example.fi'];
const ENGLISH_SPEAKER = 'john@example.fi';
const TALK =
  'We need an expert by experience to give a talk on mental health to nursing students in Jyväskylä';

describe('the language of an ordered task', () => {
  let world: World;
  let orderer: TestUser;
  let experts: Map<string, TestUser>;

  before(async () => {
    world = await World.start();
    const r = world.bot.services.registers;
    await r.putUnit(UNIT); // in Jyväskylä
    await r.putUnit({
      ...UNIT,
      unitId: 'narpes',
      name: 'Psykiatriska polikliniken',
      municipality: 'Närpes',
    });
    await r.putStaff({
      email: 'nurse@example.fi',
      name: 'Nora Nurse',
      role: 'orderer',
      unitId: UNIT.unitId,
    });
    await r.putStaff({
      email: 'narpes@example.fi',
      name: 'Nils',
      role: 'orderer',
      unitId: 'narpes',
    });
    orderer = world.person({ email: 'nurse@example.fi', locale: 'en-US' });
    await orderer.install();
    experts = new Map();
    for (const expert of [
      ...FINNISH_SPEAKERS.map((email) => anExpert({ email })),
      anExpert({ email: ENGLISH_SPEAKER, languages: ['en'] }),
    ]) {
      await r.putExpert(expert);
      const user = world.person({ email: expert.email });
      await user.install();
      experts.set(expert.email, user);
    }
  });
  after(() => world.stop());

  /** Writes the order, checks the card, sends it as shown (with `edits`); returns the card and the order. */
  async function order(who: TestUser, text: string, edits: Record<string, unknown> = {}) {
    await who.say(text);
    const card = who.lastCard()!;
    assertValidCard(card);
    const answer = await who.submitCard(card, 'send_order', edits);
    const orderId = /T-2026-\d{4}/.exec(textOf(answer.card ?? {}))?.[0];
    assert.ok(orderId, `the order was sent: ${textOf(answer.card ?? {})}`);
    await world.settle();
    const offered = [...experts]
      .filter(([, u]) => offerCardsFor(u, orderId).length > 0)
      .map(([email]) => email);
    return {
      card,
      orderId,
      offered,
      stored: (await world.bot.services.orders.get(orderId))!.value,
    };
  }

  /** The language the card shows chosen, by its title in the card's language. */
  function shownLanguage(card: Record<string, any>): string {
    const input = inputsOf(card).language!;
    return (input.choices as Array<{ title: string; value: string }>).find(
      (c) => c.value === input.value,
    )!.title;
  }

  it('when an English message says nothing of the language, then the task is Finnish and offered to the Finnish speakers', async () => {
    const { card, offered, stored } = await order(
      orderer,
      `${TALK} on 15.12. at 13-15, Keskussairaalantie 19.`,
    );
    assert.match(textOf(card), /\[Send order\]/, 'the bot answers in the message language');
    assert.equal(shownLanguage(card), 'Finnish');
    assert.equal(stored.language, 'fi');
    assert.deepEqual(offered.sort(), FINNISH_SPEAKERS);
  });

  it('when an English message asks for the talk in English, then the task is English and offered to the English speaker', async () => {
    const { card, offered, stored } = await order(
      orderer,
      `${TALK} in English on 16.12. at 13-15, Keskussairaalantie 19.`,
    );
    assert.equal(shownLanguage(card), 'English');
    assert.equal(stored.language, 'en');
    assert.deepEqual(offered, [ENGLISH_SPEAKER]);
  });

  it('when the orderer changes the language on the card, then the task is in the chosen language', async () => {
    const { card, offered, stored } = await order(
      orderer,
      `${TALK} on 17.12. at 13-15, Keskussairaalantie 19.`,
      { language: 'en' },
    );
    assert.equal(shownLanguage(card), 'Finnish');
    assert.equal(stored.language, 'en');
    assert.deepEqual(offered, [ENGLISH_SPEAKER]);
  });

  it('when a unit in Närpes orders in Finnish, then the task is Swedish', async () => {
    const nils = world.person({ email: 'narpes@example.fi' });
    const { card, stored } = await order(
      nils,
      'Tarvitsemme kokemusasiantuntijan mielenterveysluennolle hoitajille Närpiössä 18.12. klo 13–15.',
    );
    assert.equal(shownLanguage(card), 'ruotsi');
    assert.equal(stored.language, 'sv');
  });

  it('when a unit in Jyväskylä orders in Swedish, then the task is Swedish', async () => {
    await world.bot.services.registers.putStaff({
      email: 'sara@example.fi',
      name: 'Sara',
      role: 'orderer',
      unitId: UNIT.unitId,
    });
    const swede = world.person({ email: 'sara@example.fi', locale: 'sv-FI' });
    const { card, stored } = await order(
      swede,
      'Vi behöver en erfarenhetsexpert för en föreläsning om psykisk hälsa för sjukskötarstuderande i Jyväskylä den 21.12 kl. 13–15.',
    );
    assert.equal(shownLanguage(card), 'svenska');
    assert.equal(stored.language, 'sv');
  });
});
