import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { press, toHelsinki } from '../support/fees';
import { anExpert, cast, placeOrder, type Cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const fi = translator('fi');
const answerIn = { fi, sv: translator('sv'), en: translator('en') };

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
    /** The orderer writing in each language (their Teams locale): the answer comes in it. */
    const writer: Partial<Record<'fi' | 'sv' | 'en', TestUser>> = {};
    before(async () => {
      world = await World.start();
      // Monday 1 March 2027, 10:00 in Helsinki.
      world.clock.set('2027-03-01T08:00:00Z');
      people = await cast(world, []);
      writer.fi = people.orderer;
      for (const [lang, locale] of [
        ['sv', 'sv-FI'],
        ['en', 'en-GB'],
      ] as const) {
        const email = `orderer.${lang}@example.fi`;
        await world.bot.services.registers.putStaff({
          email,
          name: `Orderer ${lang}`,
          role: 'orderer',
          unitId: 'psy',
        });
        writer[lang] = world.person({ email, locale });
        await writer[lang].install();
      }
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

    for (const [lang, text, wards, audience] of [
      [
        'fi',
        'Juttupenkki potilaille osastoilla 1, 2, 3 ja 4 joka tiistai klo 13–15 toukokuun loppuun, Jyväskylä',
        'osastoilla 1, 2, 3 ja 4',
        'potilaille osastoilla 1, 2, 3 ja 4',
      ],
      [
        'sv',
        'Pratbänken för patienterna på avdelningarna 1, 2 och 3 varje tisdag kl 13-15 till slutet av maj, Jyväskylä',
        'avdelningarna 1, 2 och 3',
        'patienterna på avdelningarna 1, 2 och 3',
      ],
      [
        'en',
        'Juttupenkki for the patients on wards 1, 2, 3 and 4 every Tuesday 1-3 pm until the end of May, Jyväskylä',
        'wards 1, 2, 3 and 4',
        'the patients on wards 1, 2, 3 and 4',
      ],
    ] as const) {
      it(`when a series on numbered wards is written (${lang}), then the card's place and audience keep the ward numbers`, async () => {
        await world.settle();
        const who = writer[lang]!;
        try {
          await who.say(text);
          const card = who.lastCard()!;
          assertValidCard(card);
          assert.equal(inputsOf(card).address!.value, wards);
          assert.equal(inputsOf(card).audience!.value, audience);
          assert.equal(inputsOf(card).seriesUntil!.value, '2027-05-25');
          assert.equal(inputsOf(card).expertCount!.value, 1, 'no ward number is taken for a count');
        } finally {
          await world.bot.services.drafts.delete(who.aadObjectId);
        }
      });
    }

    for (const [lang, what, text, key] of [
      [
        'fi',
        'has no end',
        'Vertaisryhmään kokemusasiantuntija joka tiistai klo 13-15 Jyväskylässä',
        'series_no_end',
      ],
      [
        'fi',
        'has more than 26 sessions',
        'Vertaisryhmään kokemusasiantuntija joka tiistai klo 13-15 Jyväskylässä 31.12. asti',
        'series_too_long',
      ],
      [
        'fi',
        'ends before it starts',
        'Vertaisryhmä tiistaisin 26.5.2027–3.3.2027 klo 13-15 Jyväskylä',
        'series_end_before_start',
      ],
      [
        'fi',
        'repeats in a way the bot is unsure of',
        'Vertaisryhmään kokemusasiantuntija kerran kuussa Jyväskylässä',
        'series_unclear',
      ],
      [
        'fi',
        'names two weekdays',
        'vertaisryhmä ti ja to klo 13-15 joka viikko toukokuun loppuun, Jyväskylä',
        'series_unclear',
      ],
      ['sv', 'has no end', 'Kamratgrupp i Jyväskylä varje tisdag kl 13-15', 'series_no_end'],
      [
        'sv',
        'has more than 26 sessions',
        'Kamratgrupp i Jyväskylä på tisdagar kl 13-15 till och med 31.12.',
        'series_too_long',
      ],
      [
        'sv',
        'ends before it starts',
        'Kamratgrupp i Jyväskylä varje onsdag från 26.5.2027 till 3.3.2027 kl 17',
        'series_end_before_start',
      ],
      [
        'sv',
        'repeats in a way the bot is unsure of',
        'Kamratgrupp i Jyväskylä två gånger i månaden på tisdagar kl 13-15',
        'series_unclear',
      ],
      ['en', 'has no end', 'Peer group in Jyväskylä every Tuesday 1-3 pm', 'series_no_end'],
      [
        'en',
        'has more than 26 sessions',
        'Peer group in Jyväskylä every Tuesday 1-3 pm until 31 December',
        'series_too_long',
      ],
      [
        'en',
        'ends before it starts',
        'Peer group in Jyväskylä on Mondays from 1 June 2027 to 1 April 2027',
        'series_end_before_start',
      ],
      [
        'en',
        'repeats in a way the bot is unsure of',
        'Peer group in Jyväskylä every Tuesday, except during the Easter holidays, until the end of May',
        'series_unclear',
      ],
    ] as const) {
      it(`when a series ${what} (${lang}), then the orderer is answered in ${lang} with examples and nothing is stored`, async () => {
        await world.settle();
        const who = writer[lang]!;
        const before = who.messages().length;
        const ordersBefore = await world.bot.services.orders.listByOrderer(who.aadObjectId, 50);
        await who.say(text);
        const answers = who.messages().slice(before);
        assert.equal(answers.length, 1);
        assert.equal(answers[0]!.text, answerIn[lang](key));
        assert.match(answers[0]!.text, /\*[^*]+\*/, 'with an example');
        assert.equal(await world.bot.services.drafts.get(who.aadObjectId), undefined);
        assert.equal(
          (await world.bot.services.orders.listByOrderer(who.aadObjectId, 50)).length,
          ordersBefore.length,
        );
      });
    }
  });

  describe('a weekly series across Easter and Ascension Day, taken with Accept all', () => {
    let world: World;
    let people: Cast;
    const EEVA = 'eeva@example.fi';
    const FRANS = 'frans@example.fi';
    let seriesId: string;
    let sessions: Array<{ orderId: string; date: string }>;
    const session = (date: string) => sessions.find((x) => x.date === date)!.orderId;
    const order = async (id: string) => (await world.bot.services.orders.get(id))!.value;

    before(async () => {
      world = await World.start();
      world.clock.set('2027-03-01T08:00:00Z');
      people = await cast(world, [anExpert({ email: EEVA }), anExpert({ email: FRANS })]);
      await people.orderer.say(THURSDAYS);
      const sent = await people.orderer.submitCard(people.orderer.lastCard()!, 'send_order');
      seriesId = /S-2027-\d{4}/.exec(textOf(sent.card!))![0];
      sessions = (await world.bot.services.orders.getSeries(seriesId))!.sessions;
      await world.settle();
    });
    after(() => world.stop());

    it('when the series is offered, then each expert gets one card listing every session with Accept all and a per-session Accept', () => {
      for (const email of [EEVA, FRANS]) {
        const cards = people.experts.get(email)!.cardsAbout(seriesId);
        assert.equal(cards.length, 1, `one card for the whole series to ${email}`);
        assertValidCard(cards[0]!);
        const text = textOf(cards[0]!);
        for (const date of SESSIONS) assert.ok(text.includes(`${date} · tarjolla`), date);
        assert.ok(!text.includes('6.5.2027'));
        assert.match(text, /\[Otan kaikki\]/);
        assert.equal(text.match(/\[Otan tehtävän\]/g)?.length, 9);
      }
    });

    it('when the expert took another task on one session day, then Accept all takes every other session and that one is offered to others', async () => {
      // Another task of Eeva's on 15.4., overlapping the session: offered and accepted as usual.
      const other = await placeOrder(people.orderer, {
        date: '2027-04-15',
        start: '12:00',
        end: '14:00',
      });
      await world.settle();
      const eeva = people.experts.get(EEVA)!;
      await press(eeva, other, 'accept_offer');
      await world.settle();

      const heard = people.orderer.messages().length;
      const answer = await press(eeva, seriesId, 'accept_series_all');
      assertValidCard(answer.card!);
      assert.match(answer.shown, /Otit 8 kertaa/);
      assert.match(answer.shown, /tarjotaan muille: 15\.4\.2027/);
      assert.match(answer.shown, /18\.3\.2027 · sinun/);
      assert.match(answer.shown, /15\.4\.2027 · et ottanut/);
      assert.doesNotMatch(answer.shown, /\[Otan kaikki\]/);
      await world.settle();

      for (const x of sessions) {
        const o = await order(x.orderId);
        const holders = o.assigned.map((a) => a.email);
        assert.deepEqual(holders, x.date === '2027-04-15' ? [] : [EEVA], x.date);
      }
      // The orderer hears once for the Accept all, not once per session.
      const name = (await world.bot.services.registers.getExpert(EEVA))!.name;
      assert.deepEqual(
        people.orderer
          .messages()
          .slice(heard)
          .map((m) => m.text),
        [
          `${fi('orderer_series_taken', { seriesId, name, count: 8, total: 9 })} ${fi('orderer_series_still_offered', { dates: '15.4.2027' })}`,
        ],
      );
      // Frans still has that one session on offer, with its own Accept; the rest are taken.
      const frans = people.experts.get(FRANS)!;
      const card = frans.cardsAbout(seriesId).at(-1)!;
      const text = textOf(card);
      assert.match(text, /15\.4\.2027 · tarjolla/);
      assert.match(text, /18\.3\.2027 · tekijä löytyi/);
      assert.equal(text.match(/\[Otan tehtävän\]/g)?.length, 1);

      const taken = await press(frans, seriesId, 'accept_series_session', {
        orderId: session('2027-04-15'),
      });
      assert.match(taken.shown, /15\.4\.2027 · sinun/);
      await world.settle();
      assert.deepEqual(
        (await order(session('2027-04-15'))).assigned.map((a) => a.email),
        [FRANS],
      );
    });

    it('when one session is cancelled and later the rest of the series, then only that session and then the future ones are cancelled, and a held session is claimed on its own', async () => {
      const single = session('2027-03-25');
      const answers = await people.orderer.say(`peru ${single}`);
      assert.deepEqual(answers, [fi('cancel_done', { orderId: single })]);
      await world.settle();
      assert.equal((await order(single)).status, 'cancelled');
      assert.equal((await order(session('2027-04-01'))).status, 'filled');
      const eeva = people.experts.get(EEVA)!;
      assert.ok(eeva.messages().some((m) => (m.text ?? '').includes(single)));

      // The first session is held; its claim is Eeva's for that session alone.
      await toHelsinki(world, '2027-03-18T15:00');
      await press(people.orderer, session('2027-03-18'), 'task_done');
      const claimed = await press(eeva, session('2027-03-18'), 'submit_claim');
      const claimId = /P-2027-\d{4}/.exec(claimed.shown)![0];
      assert.equal((await order(session('2027-03-18'))).claims?.[EEVA], claimId);
      assert.equal((await order(session('2027-04-01'))).claims, undefined);

      await toHelsinki(world, '2027-03-20T10:00');
      const rest = (await people.orderer.say(`peru ${seriesId}`)).filter(Boolean);
      assert.deepEqual(rest, [fi('cancel_series_done', { seriesId, count: 7 })]);
      await world.settle();
      for (const x of sessions) {
        const o = await order(x.orderId);
        assert.equal(o.status === 'cancelled', x.date !== '2027-03-18', x.date);
      }
      const again = (await people.orderer.say(`peru ${seriesId}`)).filter(Boolean);
      assert.deepEqual(again, [fi('cancel_series_nothing', { seriesId })]);
    });
  });

  describe('the closing note: Juttupenkki every Tuesday, 8 sessions, on a ward', () => {
    let world: World;
    let people: Cast;
    let anna: TestUser;
    before(async () => {
      world = await World.start();
      world.clock.set('2027-03-01T08:00:00Z');
      people = await cast(world, []);
      await world.bot.services.registers.putExpert(anExpert({ email: 'anna@example.fi' }));
      anna = world.person({ email: 'anna@example.fi', locale: 'en-US' });
      await anna.install();
    });
    after(() => world.stop());

    it('when the ward orders it in one sentence, then the product gives the length and the description, and one expert takes all 8 with Accept all', async () => {
      await people.orderer.say(
        'Juttupenkki on ward 5 every Tuesday at 1 pm, 8 sessions, mental health, Jyväskylä, Keskussairaalantie 19',
      );
      const card = people.orderer.lastCard()!;
      const inputs = inputsOf(card);
      assert.equal(inputs.taskType!.value, 'juttupenkki');
      assert.equal(inputs.start!.value, '13:00');
      assert.equal(inputs.end!.value, '16:00', 'the catalogue entry’s usual 3 hours');
      assert.equal(inputs.wishes!.value, fi('catalogue_desc_juttupenkki'));
      assert.match(textOf(card), /joka viikko, 8 kertaa/);
      const sent = await people.orderer.submitCard(card, 'send_order');
      const seriesId = /S-2027-\d{4}/.exec(textOf(sent.card!))![0];
      await world.settle();

      const sessionsOf = (await world.bot.services.orders.getSeries(seriesId))!.sessions.map(
        (x) => x.orderId,
      );
      const offered = anna.cardsAbout(seriesId);
      assert.equal(offered.length, 1);
      assert.match(textOf(offered[0]!), /\[Accept all\]/);
      // A forged Accept all from someone who was offered nothing changes nothing.
      const forged = await people.orderer.execute('accept_series_all', { seriesId });
      assert.equal(forged.body?.value, fi('offer_not_found'));
      assert.equal((await world.bot.services.orders.get(sessionsOf[0]!))!.value.assigned.length, 0);
      const answer = await press(anna, seriesId, 'accept_series_all');
      assert.match(answer.shown, /You took 8 sessions/);
      await world.settle();
      const series = (await world.bot.services.orders.getSeries(seriesId))!;
      assert.equal(series.sessions.length, 8);
      assert.deepEqual(
        series.sessions.map((x) => x.date),
        [
          '2027-03-02',
          '2027-03-09',
          '2027-03-16',
          '2027-03-23',
          '2027-03-30',
          '2027-04-06',
          '2027-04-13',
          '2027-04-20',
        ],
      );
      for (const x of series.sessions) {
        const o = (await world.bot.services.orders.get(x.orderId))!.value;
        assert.equal(o.status, 'filled');
        assert.deepEqual(
          o.assigned.map((a) => a.email),
          ['anna@example.fi'],
        );
      }
    });
  });

  describe('Accept all at the same moment as another expert accepts one session', () => {
    let world: World;
    let people: Cast;
    before(async () => {
      world = await World.start();
      world.clock.set('2027-03-01T08:00:00Z');
      people = await cast(world, [
        anExpert({ email: 'eeva@example.fi' }),
        anExpert({ email: 'frans@example.fi' }),
      ]);
    });
    after(() => world.stop());

    it('when both click at once, then every session has exactly one expert and nobody is told a session they did not get', async () => {
      await people.orderer.say(
        'Tarvitsemme mielenterveyden kokemusasiantuntijan vertaisryhmään joka tiistai 3 kertaa klo 13–15 Jyväskylässä',
      );
      const sent = await people.orderer.submitCard(people.orderer.lastCard()!, 'send_order');
      const seriesId = /S-2027-\d{4}/.exec(textOf(sent.card!))![0];
      const sessions = (await world.bot.services.orders.getSeries(seriesId))!.sessions;
      assert.equal(sessions.length, 3);
      await world.settle();
      const eeva = people.experts.get('eeva@example.fi')!;
      const frans = people.experts.get('frans@example.fi')!;
      const middle = sessions[1]!.orderId;
      const [all, one] = await Promise.all([
        press(eeva, seriesId, 'accept_series_all'),
        press(frans, seriesId, 'accept_series_session', { orderId: middle }),
      ]);
      await world.settle();
      const holders: string[] = [];
      for (const x of sessions) {
        const o = (await world.bot.services.orders.get(x.orderId))!.value;
        assert.equal(o.assigned.length, 1, x.date);
        holders.push(o.assigned[0]!.email);
      }
      const eevaTook = holders.filter((h) => h === 'eeva@example.fi').length;
      assert.ok(eevaTook >= 2);
      assert.match(all.shown, new RegExp(`Otit ${eevaTook} kertaa`));
      const middleDate = sessions[1]!.date.split('-').map(Number);
      const shownMiddle = `${middleDate[2]}.${middleDate[1]}.${middleDate[0]}`;
      if (holders[1] === 'frans@example.fi')
        assert.match(one.shown, new RegExp(`${shownMiddle} · sinun`));
      else assert.doesNotMatch(one.shown, new RegExp(`${shownMiddle} · sinun`));
    });
  });
});
