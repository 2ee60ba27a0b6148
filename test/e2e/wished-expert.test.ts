import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');
const HOUR = 3600_000;
const MAIJA = 'maija.meikalainen@example.fi';
const ANNA = 'anna.svensson@example.fi';
const OTHERS = ['other1@example.fi', 'other2@example.fi'];

describe('the wished expert (SPEC §3)', () => {
  let world: World;
  let people: Cast;
  let day = 0;
  /** Each test orders its own day, so that no test's assignment clashes with another's. */
  const nextDate = () => `2026-12-${String(10 + ++day).padStart(2, '0')}`;
  const offered = (orderId: string) =>
    [...people.experts]
      .filter(([, u]) => offerCardsFor(u, orderId).length > 0)
      .map(([email]) => email)
      .sort();

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: MAIJA, name: 'Maija Meikäläinen' }),
      anExpert({ email: 'maija.virtanen@example.fi', name: 'Maija Virtanen' }),
      anExpert({ email: ANNA, name: 'Anna Svensson' }),
      ...OTHERS.map((email) => anExpert({ email })),
    ]);
  });
  after(() => world.stop());

  it('when the wished expert passes the hard rules, then they alone get the first offer, for a third of the offer time, and can take it', async () => {
    const orderId = await placeOrder(people.orderer, {
      date: nextDate(),
      wishedExpert: 'Maija Meikäläinen',
    });
    await world.settle();
    assert.deepEqual(offered(orderId), [MAIJA]);
    const stored = (await world.bot.services.offers.load(orderId))!;
    const offer = stored.offers.get(MAIJA)!.value;
    assert.equal(Date.parse(offer.expiresAt) - Date.parse(offer.sentAt), 8 * HOUR);
    assert.equal(stored.order.value.wishedExpert, MAIJA);

    const maija = people.experts.get(MAIJA)!;
    const answer = await maija.submitCard(offerCardsFor(maija, orderId)[0]!, 'accept_offer');
    assertValidCard(answer.card!);
    assert.match(textOf(answer.card!), /Tehtävä on sinun/);
    await world.settle();
    assert.equal(
      people.orderer.lastText(),
      fi('orderer_filled', { orderId, names: 'Maija Meikäläinen', count: 1 }),
    );
    world.clock.advance(9 * HOUR);
    await world.settle();
    assert.deepEqual(offered(orderId), [MAIJA], 'nobody else is offered a filled order');
    world.clock.advance(12 * HOUR); // past the quiet hours, for the tests that follow
    await world.settle();
  });

  it('when the wished expert declines, then the wave goes out at once and the orderer is told without why', async () => {
    const orderId = await placeOrder(people.orderer, { date: nextDate(), wishedExpert: ANNA });
    await world.settle();
    assert.deepEqual(offered(orderId), [ANNA]);
    const anna = people.experts.get(ANNA)!;
    await anna.submitCard(offerCardsFor(anna, orderId)[0]!, 'decline_offer');
    await world.settle();
    assert.ok(offered(orderId).length > 1, 'the wave went out');
    for (const email of OTHERS) assert.ok(offered(orderId).includes(email), email);
    const told = people.orderer.messages().map((m) => m.text ?? '');
    assert.ok(told.includes(fi('orderer_wished_declined', { orderId })), told.join('\n'));
    assert.doesNotMatch(told.join('\n'), /Anna|Svensson|anna\.svensson/);
  });

  it('when the wished expert is paused, then the wave goes out at once and the orderer is told', async () => {
    const date = nextDate();
    await world.bot.services.registers.putExpert(
      anExpert({ email: 'paused.one@example.fi', name: 'Paula Paussilla', pausedUntil: date }),
    );
    const orderId = await placeOrder(people.orderer, { date, wishedExpert: 'Paula Paussilla' });
    await world.settle();
    assert.ok(offered(orderId).includes(OTHERS[0]!));
    assert.ok(
      people.orderer.messages().some((m) => m.text === fi('orderer_wished_declined', { orderId })),
    );
  });

  it('when "sama kuin viimeksi" is asked, then the expert of the orderer’s previous order of that type gets the first offer alone', async () => {
    const first = await placeOrder(people.orderer, {
      taskType: 'evaluation',
      date: nextDate(),
      wishedExpert: ANNA,
    });
    await world.settle();
    const anna = people.experts.get(ANNA)!;
    await anna.submitCard(offerCardsFor(anna, first)[0]!, 'accept_offer');
    await world.settle();

    const again = await placeOrder(people.orderer, {
      taskType: 'evaluation',
      date: nextDate(),
      wishedExpert: 'sama kuin viimeksi',
    });
    await world.settle();
    assert.deepEqual(offered(again), [ANNA]);
  });

  it('when coordinators review shortlists, then the wished expert’s solo offer waits for them too, and once approved goes to the wished expert alone for a third of the offer time', async () => {
    assert.match((await people.coordinator.say('/review on'))[0]!, /Tarkistus on päällä/);
    try {
      const orderId = await placeOrder(people.orderer, { date: nextDate(), wishedExpert: MAIJA });
      await world.settle();
      assert.deepEqual(offered(orderId), [], 'no offer goes out before the review');
      const review = people.coordinator.cardsAbout(orderId).at(-1)!;
      assertValidCard(review);
      assert.match(textOf(review), new RegExp(escape(fi('review_wished'))));
      assert.match(textOf(review), /Maija Meikäläinen/);
      assert.equal((textOf(review).match(/@example\.fi/g) ?? []).length, 1, 'the wished one alone');

      await people.coordinator.submitCard(review, 'approve_shortlist');
      await world.settle();
      assert.deepEqual(offered(orderId), [MAIJA]);
      const offer = (await world.bot.services.offers.load(orderId))!.offers.get(MAIJA)!.value;
      assert.equal(Date.parse(offer.expiresAt) - Date.parse(offer.sentAt), 8 * HOUR);

      // Declined: the next wave is a new shortlist, and it waits for review like any other.
      const maija = people.experts.get(MAIJA)!;
      await maija.submitCard(offerCardsFor(maija, orderId)[0]!, 'decline_offer');
      await world.settle();
      assert.deepEqual(offered(orderId), [MAIJA]);
      assert.ok(
        people.orderer
          .messages()
          .some((m) => m.text === fi('orderer_wished_declined', { orderId })),
      );
      const next = people.coordinator.cardsAbout(orderId).at(-1)!;
      assert.match(textOf(next), new RegExp(escape(fi('review_text'))));
      await people.coordinator.submitCard(next, 'approve_shortlist');
      await world.settle();
      for (const email of OTHERS) assert.ok(offered(orderId).includes(email), email);
    } finally {
      await people.coordinator.say('/review off');
    }
  });

  it('when the card names nobody, or two experts, then the card says so next to the field and no order is made', async () => {
    for (const [written, reason] of [
      ['Kalle Kokematon', 'wished_expert_unknown'],
      ['Maija', 'wished_expert_ambiguous'],
      ['same as last time', 'wished_expert_no_previous'],
    ] as const) {
      const answer = await people.orderer.execute('send_order', {
        draftId: randomUUID(),
        taskType: 'media',
        areas: 'mental_health',
        date: nextDate(),
        start: '13:00',
        end: '15:00',
        remote: 'true',
        expertCount: '1',
        language: 'fi',
        wishedExpert: written,
      });
      const card = answer.body?.value as Record<string, any>;
      assertValidCard(card);
      assert.match(textOf(card), new RegExp(escape(fi(reason))), written);
      assert.doesNotMatch(textOf(card), /T-\d{4}-\d{4}/);
      assert.equal(inputsOf(card).wishedExpert?.value, written, 'what was written stays');
    }
  });

  it('when the order text says "toivomme Maijaa", then the card is pre-filled with it and says at once that two experts fit', async () => {
    await people.orderer.say(
      'Tarvitsisimme kokemusasiantuntijan luennolle mielenterveydestä 18.12.2026 klo 13–15 Jyväskylässä, toivomme Maijaa.',
    );
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    assert.equal(inputsOf(card).wishedExpert?.value, 'Maijaa');
    assert.equal(inputsOf(card).traineeAllowed?.value, 'true');
    assert.match(textOf(card), new RegExp(escape(fi('wished_expert_ambiguous'))));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
