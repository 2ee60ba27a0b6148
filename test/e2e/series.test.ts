import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { cast, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');

/** A weekly series across Easter and Ascension Day 2027: Thursday 6.5. (helatorstai) is skipped. */
const THURSDAYS =
  'Tarvitsemme mielenterveyden kokemusasiantuntijan vertaisryhmään torstaisin 18.3.–20.5. klo 13–15 Jyväskylässä, Keskussairaalantie 19';
const SESSIONS = [
  '18.3.2027',
  '25.3.2027',
  '1.4.2027',
  '8.4.2027',
  '15.4.2027',
  '22.4.2027',
  '29.4.2027',
  '13.5.2027',
  '20.5.2027',
];

describe('series (SPEC §3)', () => {
  describe('ordering a series in one sentence', () => {
    let world: World;
    let people: Cast;
    before(async () => {
      world = await World.start();
      // Monday 1 March 2027, 10:00 in Helsinki.
      world.clock.set('2027-03-01T08:00:00Z');
      people = await cast(world, []);
    });
    after(() => world.stop());

    it('when a nurse writes a weekly series, then the card lists every session as d.M.yyyy and the skipped holiday, and Send order makes one order per session under one S-number', async () => {
      await people.orderer.say(THURSDAYS);
      const card = people.orderer.lastCard()!;
      assertValidCard(card);
      const text = textOf(card);
      for (const date of SESSIONS) assert.ok(text.includes(date), `${date} on the card`);
      assert.match(text, /Arkipyhinä ei pidetä: 6\.5\.2027/);
      assert.match(text, /joka viikko, 9 kertaa/);
      assert.equal(inputsOf(card).date!.value, '2027-03-18');
      assert.equal(inputsOf(card).seriesUntil!.value, '2027-05-20');

      const sent = await people.orderer.submitCard(card, 'send_order');
      assertValidCard(sent.card!);
      const shown = textOf(sent.card!);
      const seriesId = /S-2027-\d{4}/.exec(shown)![0];
      assert.match(shown, new RegExp(`Sarja ${seriesId} lähetetty`));
      const numbers = shown.match(/T-2027-\d{4}/g)!;
      assert.equal(new Set(numbers).size, 9, 'one order number per session, listed once');
      for (const date of SESSIONS) assert.ok(shown.includes(date));
      assert.doesNotMatch(shown, /\[Lähetä tilaus\]/);

      const series = (await world.bot.services.orders.getSeries(seriesId))!;
      assert.deepEqual(
        series.sessions.map((s) => s.orderId),
        [...new Set(numbers)],
      );
      assert.deepEqual(series.skipped, ['2027-05-06']);
      for (const session of series.sessions) {
        const order = (await world.bot.services.orders.get(session.orderId))!.value;
        assert.equal(order.seriesId, seriesId);
        assert.equal(order.date, session.date);
        assert.equal(order.start, '13:00');
        assert.notEqual(order.status, 'cancelled');
      }

      const again = await people.orderer.submitCard(card, 'send_order');
      assert.match(textOf(again.card!), new RegExp(`Sarja ${seriesId} lähetetty`));
      const mine = await world.bot.services.orders.listByOrderer(people.orderer.aadObjectId, 50);
      assert.equal(mine.length, 9, 'a second click creates nothing more');
    });

    for (const [what, text, key] of [
      [
        'has no end',
        'Vertaisryhmään kokemusasiantuntija joka tiistai klo 13-15 Jyväskylässä',
        'series_no_end',
      ],
      [
        'has more than 26 sessions',
        'Vertaisryhmään kokemusasiantuntija joka tiistai klo 13-15 Jyväskylässä 31.12. asti',
        'series_too_long',
      ],
      [
        'ends before it starts',
        'Vertaisryhmä tiistaisin 26.5.2027–3.3.2027 klo 13-15 Jyväskylä',
        'series_end_before_start',
      ],
      [
        'repeats in a way the bot is unsure of',
        'Vertaisryhmään kokemusasiantuntija kerran kuussa Jyväskylässä',
        'series_unclear',
      ],
    ] as const) {
      it(`when a series ${what}, then the orderer is answered with examples and nothing is stored`, async () => {
        await world.settle();
        const before = people.orderer.messages().length;
        await people.orderer.say(text);
        const answers = people.orderer.messages().slice(before);
        assert.equal(answers.length, 1);
        assert.equal(answers[0]!.text, fi(key));
        assert.match(answers[0]!.text, /\*[^*]+\*/, 'with an example');
        assert.equal(await world.bot.services.drafts.get(people.orderer.aadObjectId), undefined);
      });
    }
  });
});
