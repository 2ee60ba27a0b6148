import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');
/** The answer or card of an expert who came too late: the task already has its people. */
const saysFilled = (text: string) =>
  text.includes(fi('offer_filled_title')) || text.includes(fi('order_already_filled'));

const HOUR = 3600_000;
/** The race below runs 100 rounds with STRESS=1 (as `.ci/run` does), a few otherwise; ACCEPT_ROUNDS overrides both. */
const ROUNDS = Number(process.env.ACCEPT_ROUNDS ?? (process.env.STRESS === '1' ? 100 : 5));
const buttons = (card: Record<string, any>) =>
  (card.actions ?? []).map((a: Record<string, any>) => a.title);

describe('offers and acceptance', () => {
  describe('who gets an offer', () => {
    let world: World;
    let people: Cast;
    before(async () => {
      world = await World.start();
      people = await cast(world, [
        anExpert({ email: 'fits@example.fi' }),
        anExpert({ email: 'removed@example.fi', removed: true }),
        anExpert({ email: 'paused@example.fi', pausedUntil: '2026-12-31' }),
        anExpert({ email: 'peer@example.fi', kind: 'peer' }),
        anExpert({ email: 'area@example.fi', areas: ['homelessness'] }),
        anExpert({ email: 'language@example.fi', languages: ['sv'] }),
        anExpert({ email: 'elsewhere@example.fi', regions: ['Kuopio'] }),
        anExpert({ email: 'remoteonly@example.fi', onsite: false }),
        anExpert({ email: 'full@example.fi', maxPerMonth: 1 }),
        anExpert({ email: 'busy@example.fi' }),
      ]);
      await world.bot.services.loads.add('full@example.fi', {
        orderId: 'T-2026-9998',
        date: '2026-12-02',
        start: '09:00',
        end: '10:00',
        remote: true,
      });
      await world.bot.services.loads.add('busy@example.fi', {
        orderId: 'T-2026-9999',
        date: '2026-12-15',
        start: '15:30',
        end: '16:30',
        remote: false,
        municipality: 'Jyväskylä',
      });
    });
    after(() => world.stop());

    it('when an on-site lecture is ordered, then only the expert who passes every hard rule gets an offer', async () => {
      const orderId = await placeOrder(people.orderer);
      await world.settle();
      const offered = [...people.experts]
        .filter(([, u]) => offerCardsFor(u, orderId).length > 0)
        .map(([email]) => email);
      assert.deepEqual(offered, ['fits@example.fi']);
      const card = offerCardsFor(people.experts.get('fits@example.fi')!, orderId)[0]!;
      assertValidCard(card);
      const shown = textOf(card);
      assert.match(shown, /Tehtävätarjous: Luento tai puheenvuoro/);
      assert.match(shown, /Jyväskylä/);
      assert.match(shown, /Arvioitu palkkio: 80,00/);
      assert.match(shown, /Psykiatrian poliklinikka/);
      assert.doesNotMatch(shown, /Keskussairaalantie/, 'no street address before acceptance');
      assert.doesNotMatch(shown, /orderer@example\.fi/, 'no orderer contact before acceptance');
      assert.deepEqual(buttons(card), ['Otan tehtävän', 'En tällä kertaa']);
    });

    it('when a peer-group task is ordered remotely, then the peer supporter is offered it too, without a fee', async () => {
      const orderId = await placeOrder(people.orderer, {
        taskType: 'peer_group',
        remote: true,
        municipality: '',
        date: '2026-12-16',
      });
      await world.settle();
      const peerCard = offerCardsFor(people.experts.get('peer@example.fi')!, orderId)[0];
      assert.ok(peerCard, 'the peer supporter gets the offer');
      assert.match(textOf(peerCard), /ei palkkiota/);
      assert.ok(
        offerCardsFor(people.experts.get('remoteonly@example.fi')!, orderId).length,
        'remote-only experts get remote offers',
      );
      assert.ok(
        offerCardsFor(people.experts.get('elsewhere@example.fi')!, orderId).length,
        'the region does not matter for remote work',
      );
      assert.equal(offerCardsFor(people.experts.get('paused@example.fi')!, orderId).length, 0);
    });
  });

  describe('accepting', () => {
    let world: World;
    let people: Cast;
    const emails = Array.from(
      { length: 12 },
      (_, i) => `e${String(i).padStart(2, '0')}@example.fi`,
    );
    before(async () => {
      world = await World.start({}, { offerSettings: { waveSize: 12 } });
      people = await cast(
        world,
        emails.map((email) => anExpert({ email, maxPerMonth: 1000 })),
      );
    });
    after(() => world.stop());

    it('when the expert accepts, then their card shows the address and contact, and the orderer learns their name', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2027-01-11' });
      await world.settle();
      const taker = people.experts.get(emails[0]!)!;
      const answer = await taker.submitCard(offerCardsFor(taker, orderId)[0]!, 'accept_offer');
      assertValidCard(answer.card!);
      const shown = textOf(answer.card!);
      assert.match(shown, /Tehtävä on sinun/);
      assert.match(shown, /Keskussairaalantie 19/);
      assert.match(shown, /Olli Orderer, orderer@example\.fi/);
      assert.deepEqual(buttons(answer.card!), [fi('cant_make_it')]);
      await world.settle();
      assert.equal(
        people.orderer.lastText(),
        fi('orderer_filled', { orderId, names: 'e00', count: 1 }),
      );
      const others = emails
        .slice(1)
        .map((e) => offerCardsFor(people.experts.get(e)!, orderId).at(-1)!);
      for (const card of others) {
        assert.ok(textOf(card).includes(fi('offer_filled_title')), textOf(card));
        assert.deepEqual(buttons(card), []);
      }
      assert.doesNotMatch(
        people.orderer
          .messages()
          .map((m) => m.text ?? '')
          .join('\n'),
        /e01|e02/,
        'the orderer never learns who was only offered',
      );
    });

    it(`when 12 experts accept a 2-expert order at the same instant, ${ROUNDS} times over, then exactly 2 are assigned each time and 10 cards say filled`, async function () {
      this.timeout(600_000);
      for (let round = 0; round < ROUNDS; round++) {
        const date = new Date(Date.UTC(2027, 1, 1) + round * 24 * HOUR).toISOString().slice(0, 10);
        world.clock.advance(3 * 60_000); // one orderer may send 30 orders an hour (SPEC §9)
        const orderId = await placeOrder(people.orderer, { expertCount: 2, date });
        await world.settle();
        const answers = await Promise.all(
          emails.map((e) => {
            const u = people.experts.get(e)!;
            return u.submitCard(offerCardsFor(u, orderId).at(-1)!, 'accept_offer');
          }),
        );
        const won = answers.filter((a) => /Tehtävä on sinun/.test(textOf(a.card ?? {})));
        const lost = answers.filter(
          (a) => saysFilled(textOf(a.card ?? {})) || saysFilled(a.text ?? ''),
        );
        assert.equal(won.length, 2, `round ${round}: winners`);
        assert.equal(lost.length, 10, `round ${round}: the others are told it is filled`);
        await world.settle();
        const order = (await world.bot.services.orders.get(orderId))!.value;
        assert.equal(order.assigned.length, 2);
        assert.equal(order.status, 'filled');
        if (round % 10 === 0) {
          const filledCards = emails
            .map((e) => offerCardsFor(people.experts.get(e)!, orderId).at(-1)!)
            .filter((c) => saysFilled(textOf(c)));
          assert.equal(filledCards.length, 10, 'the stored cards of the others turned to filled');
        }
      }
    });

    it('when the same expert clicks Accept twice, then the second click changes nothing and says so', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2027-06-01', expertCount: 3 });
      await world.settle();
      const u = people.experts.get(emails[3]!)!;
      const card = offerCardsFor(u, orderId).at(-1)!;
      await u.submitCard(card, 'accept_offer');
      const again = await u.submitCard(card, 'accept_offer');
      assert.match(textOf(again.card!), /Olet jo ottanut tämän tehtävän/);
      assert.equal((await world.bot.services.orders.get(orderId))!.value.assigned.length, 1);
    });

    it('when someone who was not offered the task forges an Accept, then nothing is assigned', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2027-06-02', expertCount: 1 });
      await world.settle();
      const stranger = world.person({ email: 'stranger@example.fi' });
      const res = await stranger.execute('accept_offer', { orderId });
      assert.match(JSON.stringify(res.body), /En löytänyt sinulle tehtyä tarjousta/);
      assert.equal((await world.bot.services.orders.get(orderId))!.value.assigned.length, 0);
    });
  });

  describe('declines, waves and the coordinator', () => {
    let world: World;
    let people: Cast;
    const emails = ['a@example.fi', 'b@example.fi', 'c@example.fi'];
    before(async () => {
      world = await World.start({}, { offerSettings: { waveSize: 1 } });
      people = await cast(
        world,
        emails.map((email) => anExpert({ email })),
      );
    });
    after(() => world.stop());

    it('when the offered expert declines, then the next candidate gets the offer at once', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2026-12-20' });
      await world.settle();
      const first = emails.find((e) => offerCardsFor(people.experts.get(e)!, orderId).length)!;
      const answer = await people.experts
        .get(first)!
        .submitCard(offerCardsFor(people.experts.get(first)!, orderId)[0]!, 'decline_offer');
      assert.ok(textOf(answer.card!).includes(fi('offer_declined_title')), textOf(answer.card!));
      await world.settle();
      const offered = emails.filter((e) => offerCardsFor(people.experts.get(e)!, orderId).length);
      assert.equal(offered.length, 2);
    });

    it('when nobody answers within the offer time, then the next wave goes out, and when nobody is left the coordinator gets Assign buttons', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2026-12-28' });
      await world.settle();
      assert.equal(
        emails.filter((e) => offerCardsFor(people.experts.get(e)!, orderId).length).length,
        1,
      );
      world.clock.advance(25 * HOUR);
      await world.settle();
      assert.equal(
        emails.filter((e) => offerCardsFor(people.experts.get(e)!, orderId).length).length,
        2,
      );
      world.clock.advance(25 * HOUR);
      await world.settle();
      world.clock.advance(25 * HOUR);
      await world.settle();
      const expired = emails.map((e) => offerCardsFor(people.experts.get(e)!, orderId).at(-1)!);
      assert.ok(
        expired.every((c) => /Tarjous on vanhentunut/.test(textOf(c))),
        'every unanswered card says it expired',
      );
      const coordinatorCard = people.coordinator.cardsAbout(orderId).at(-1)!;
      assertValidCard(coordinatorCard);
      assert.match(
        textOf(coordinatorCard),
        new RegExp(`Tilaus ${orderId} tarvitsee koordinaattoria`),
      );
      assert.match(people.orderer.lastText(), /Koordinaattori on saanut tiedon/);
      const assign = await people.coordinator.execute('assign_expert', {
        orderId,
        email: 'b@example.fi',
      });
      assert.match(JSON.stringify(assign.body), /on nimetty tilaukseen/);
      await world.settle();
      assert.match(
        textOf(offerCardsFor(people.experts.get('b@example.fi')!, orderId).at(-1)!),
        /Tehtävä on sinun/,
      );
      const order = (await world.bot.services.orders.get(orderId))!.value;
      assert.equal(order.status, 'filled');
      assert.equal(order.assigned[0]?.byCoordinator, 'coord@example.fi');
    });

    it('when a non-coordinator presses Assign, then nothing changes', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2026-12-29' });
      const res = await people.orderer.execute('assign_expert', { orderId, email: 'c@example.fi' });
      assert.match(JSON.stringify(res.body), /vain koordinaattoreille/);
      assert.equal((await world.bot.services.orders.get(orderId))!.value.assigned.length, 0);
    });

    it('when an order with an assigned expert is cancelled, then the expert is told and open offers are withdrawn', async () => {
      const orderId = await placeOrder(people.orderer, { date: '2026-12-30', expertCount: 2 });
      await world.settle();
      const first = emails.find((e) => offerCardsFor(people.experts.get(e)!, orderId).length)!;
      const u = people.experts.get(first)!;
      await u.submitCard(offerCardsFor(u, orderId)[0]!, 'accept_offer');
      await world.settle();
      await people.orderer.say(`peru ${orderId}`);
      await world.settle();
      assert.match(u.lastText(), new RegExp(`Tehtävä ${orderId} .* on peruttu`));
    });
  });

  describe('coordinator review of shortlists', () => {
    it('when review is on, then offers wait for a coordinator, go out once on approval, and review can be turned off', async () => {
      const world = await World.start({}, { offerSettings: { waveSize: 2 } });
      try {
        const people = await cast(
          world,
          ['r1@example.fi', 'r2@example.fi', 'r3@example.fi'].map((email) => anExpert({ email })),
        );
        assert.match((await people.orderer.say('/review on'))[0]!, /vain koordinaattoreille/);
        assert.match((await people.coordinator.say('/review on'))[0]!, /Tarkistus on päällä/);
        const orderId = await placeOrder(people.orderer, { date: '2027-01-25' });
        await world.settle();
        const offered = () =>
          [...people.experts.values()].filter((u) => offerCardsFor(u, orderId).length).length;
        assert.equal(offered(), 0, 'nothing goes out before the review');
        const review = people.coordinator.cardsAbout(orderId).at(-1)!;
        assertValidCard(review);
        assert.match(textOf(review), /odottavat tarkistusta/);
        assert.equal(
          (textOf(review).match(/@example\.fi/g) ?? []).length,
          2,
          'the shortlist of the wave is shown',
        );
        const approved = await people.coordinator.submitCard(review, 'approve_shortlist');
        assert.match(textOf(approved.card!), /Tarjoukset lähetetty/);
        assert.deepEqual(buttons(approved.card!), []);
        await world.settle();
        assert.equal(offered(), 2);
        const again = await people.coordinator.execute('approve_shortlist', { orderId });
        assert.match(JSON.stringify(again.body), /ei ole tarkistusta odottavaa listaa/);
        await world.settle();
        assert.equal(offered(), 2, 'a second approval sends nothing');
        assert.match((await people.coordinator.say('/review off'))[0]!, /Tarkistus on pois/);
        const next = await placeOrder(people.orderer, { date: '2027-01-26' });
        await world.settle();
        assert.equal(
          [...people.experts.values()].filter((u) => offerCardsFor(u, next).length).length,
          2,
        );
      } finally {
        await world.stop();
      }
    });
  });

  describe('reliability', () => {
    it('when the bot restarts in the middle of a wave, then the next wave goes out once after the restart', async () => {
      const world = await World.start({}, { offerSettings: { waveSize: 1 } });
      try {
        const people = await cast(
          world,
          ['x@example.fi', 'y@example.fi'].map((email) => anExpert({ email })),
        );
        const orderId = await placeOrder(people.orderer, { date: '2027-01-20' });
        await world.settle();
        await world.restart();
        world.clock.advance(25 * HOUR);
        await world.settle();
        const cards = [...people.experts.values()].map((u) => offerCardsFor(u, orderId).length);
        assert.deepEqual(cards.sort(), [1, 1], 'each expert got exactly one offer');
      } finally {
        await world.stop();
      }
    });

    it('when two bot instances share the store, then each wave is sent once', async () => {
      const world = await World.start({}, { offerSettings: { waveSize: 2 } });
      try {
        const people = await cast(
          world,
          ['p@example.fi', 'q@example.fi', 'r@example.fi', 's@example.fi'].map((email) =>
            anExpert({ email }),
          ),
        );
        const second = await world.another();
        const orderId = await placeOrder(people.orderer, { date: '2027-01-21' });
        await Promise.all([world.bot.work.runDue(), second.work.runDue()]);
        await Promise.all([world.bot.work.idle(), second.work.idle()]);
        world.clock.advance(25 * HOUR);
        await Promise.all([world.bot.work.runDue(), second.work.runDue()]);
        await Promise.all([world.bot.work.idle(), second.work.idle(), world.settle()]);
        const sends = [...people.experts.values()].map(
          (u) =>
            world.connector.calls.filter(
              (c) =>
                c.kind === 'send' &&
                c.conversationId === u.conversationId &&
                JSON.stringify(c.activity).includes(orderId),
            ).length,
        );
        assert.deepEqual(
          sends.sort(),
          [1, 1, 1, 1],
          'four experts, one offer card each, over two waves',
        );
      } finally {
        await world.stop();
      }
    });

    it('when the connector throttles every send with 429 for a while, then no offer is lost', async () => {
      const world = await World.start({}, { offerSettings: { waveSize: 5 } });
      try {
        const people = await cast(
          world,
          ['m1', 'm2', 'm3', 'm4', 'm5'].map((n) => anExpert({ email: `${n}@example.fi` })),
        );
        for (const u of people.experts.values())
          world.connector.fail('send', 429, {
            times: 2,
            conversationId: u.conversationId,
            headers: { 'retry-after': '0' },
          });
        const orderId = await placeOrder(people.orderer, { date: '2027-01-22' });
        await world.settle();
        for (const u of people.experts.values()) assert.equal(offerCardsFor(u, orderId).length, 1);
      } finally {
        await world.stop();
      }
    });

    it('when an expert has not installed the app (403), then they are skipped, the next one gets the offer and the coordinator is told', async () => {
      const world = await World.start({}, { offerSettings: { waveSize: 1 } });
      try {
        const people = await cast(
          world,
          ['aa@example.fi', 'bb@example.fi'].map((email) => anExpert({ email })),
        );
        const first = people.experts.get('aa@example.fi')!;
        world.connector.fail('send', 403, { times: 1, conversationId: first.conversationId });
        const orderId = await placeOrder(people.orderer, { date: '2027-01-23' });
        await world.settle();
        assert.equal(offerCardsFor(people.experts.get('bb@example.fi')!, orderId).length, 1);
        assert.match(people.coordinator.lastText(), /ei tavoitettu Teamsissa/);
      } finally {
        await world.stop();
      }
    });
  });
});
