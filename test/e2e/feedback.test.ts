import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { cardWith, EXPERT, press, takenTask, toHelsinki } from '../support/fees';
import { anExpert, cast, type Cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const fi = translator('fi');
const VERB = 'send_feedback';
const ORDERER = 'orderer@example.fi';

const feedbackCards = (user: TestUser, orderId: string) =>
  user
    .cardMessagesAbout(orderId)
    .filter((m) => JSON.stringify(m.card).includes(`"verb":"${VERB}"`));

describe('feedback after a task (SPEC §6)', () => {
  let world: World;
  let people: Cast;
  let expert: TestUser;
  let stranger: TestUser;
  before(async () => {
    world = await World.start();
    people = await cast(world, [anExpert({ email: EXPERT, name: 'Eeva Expert' })]);
    expert = people.experts.get(EXPERT)!;
    stranger = world.person({ email: 'stranger@example.fi' });
    await stranger.install();
  });
  after(() => world.stop());

  describe('a day task, 13:00–15:00', () => {
    let orderId: string;
    before(async () => {
      orderId = await takenTask(world, people, {
        date: '2026-11-30',
        start: '13:00',
        end: '15:00',
      });
    });

    it('when the task has ended less than 2 hours ago, then nobody has a feedback card yet', async () => {
      await toHelsinki(world, '2026-11-30T16:59');
      assert.equal(feedbackCards(expert, orderId).length, 0);
      assert.equal(feedbackCards(people.orderer, orderId).length, 0);
    });

    it('when 2 hours have passed, then the orderer and the expert each get one card with a 1–5 rating, a comment and Send feedback', async () => {
      await toHelsinki(world, '2026-11-30T17:00');
      for (const [user, question] of [
        [people.orderer, 'feedback_question_orderer'],
        [expert, 'feedback_question_expert'],
      ] as const) {
        const cards = feedbackCards(user, orderId);
        assert.equal(cards.length, 1);
        const { card } = cards[0]!;
        assertValidCard(card);
        assert.match(textOf(card), new RegExp(fi(question).slice(0, 30)));
        const inputs = inputsOf(card);
        assert.deepEqual(
          inputs.rating!.choices.map((c: { value: string }) => c.value),
          ['1', '2', '3', '4', '5'],
        );
        assert.equal(inputs.comment!.type, 'Input.Text');
        assert.deepEqual(
          card.actions.map((a: { title: string }) => a.title),
          ['Lähetä palaute'],
        );
      }
    });

    it('when the timers run again later, then no second card goes out', async () => {
      await world.settle();
      await toHelsinki(world, '2026-12-01T09:00');
      assert.equal(feedbackCards(expert, orderId).length, 1);
      assert.equal(feedbackCards(people.orderer, orderId).length, 1);
    });

    it('when the expert sends a rating outside 1–5, then the card says so and nothing is stored', async () => {
      const answer = await press(expert, orderId, VERB, {
        rating: '7',
        comment: 'Hyvin valmisteltu',
      });
      assert.match(answer.shown, new RegExp(fi('feedback_rating_invalid')));
      assert.ok(answer.card?.actions?.length, 'the card keeps its button');
      assert.equal(await world.bot.services.feedback.get(orderId, EXPERT), undefined);
    });

    it('when the expert sends 4 with a comment, then the card thanks them and the answer is stored', async () => {
      const answer = await press(expert, orderId, VERB, {
        rating: '4',
        comment: 'Hyvin valmisteltu',
      });
      assert.match(
        answer.shown,
        new RegExp(fi('feedback_thanks_title', { orderId }).replace(/[()]/g, '.')),
      );
      assert.equal(answer.card?.actions, undefined);
      const stored = await world.bot.services.feedback.get(orderId, EXPERT);
      assert.deepEqual(
        { role: stored?.role, rating: stored?.rating, comment: stored?.comment },
        { role: 'expert', rating: 4, comment: 'Hyvin valmisteltu' },
      );
    });

    it('when the expert clicks the same card again with another rating, then it changes nothing', async () => {
      const answer = await press(expert, orderId, VERB, { rating: '1', comment: 'toinen' });
      assert.match(answer.shown, new RegExp(fi('feedback_already')));
      const stored = await world.bot.services.feedback.get(orderId, EXPERT);
      assert.deepEqual(
        { rating: stored?.rating, comment: stored?.comment },
        { rating: 4, comment: 'Hyvin valmisteltu' },
      );
    });

    it('when someone outside the task presses Send feedback for it, then they are told it is not theirs and nothing is stored', async () => {
      const answer = await stranger.execute(VERB, { orderId, rating: '1', comment: 'huono' });
      assert.equal(answer.body?.value, fi('feedback_not_yours'));
      assert.equal(
        await world.bot.services.feedback.get(orderId, 'stranger@example.fi'),
        undefined,
      );
      assert.deepEqual(await world.bot.services.feedback.listGivenBy('stranger@example.fi'), []);
      assert.equal((await world.bot.services.loads.get(EXPERT)).feedbackCount, undefined);
    });

    it('when a coordinator opens the order, then they see both ratings and the expert’s comment, and the orderer never does', async () => {
      await press(people.orderer, orderId, VERB, {
        rating: '5',
        comment: 'Erinomainen puheenvuoro',
      });
      const [shown] = await people.coordinator.say(`/order ${orderId}`);
      const text = shown || textOf(people.coordinator.lastCard()!);
      assert.match(text, new RegExp(fi('console_feedback').replace(/[()]/g, '.')));
      assert.match(text, /Eeva Expert: 4\/5 · Hyvin valmisteltu/);
      assert.match(text, new RegExp(`${fi('role_orderer')}: 5/5 · Erinomainen puheenvuoro`));
      const ordererSaw = JSON.stringify(
        world.connector
          .sendsIn(people.orderer.conversationId)
          .map((c) => world.connector.current(c)),
      );
      assert.ok(!ordererSaw.includes('Hyvin valmisteltu'));
      assert.ok(
        !JSON.stringify(
          world.connector.sendsIn(expert.conversationId).map((c) => world.connector.current(c)),
        ).includes('Erinomainen puheenvuoro'),
      );
    });

    it('when the orderer rates the task, then it counts for the expert but no average shows before 3 ratings', async () => {
      const load = await world.bot.services.loads.get(EXPERT);
      assert.deepEqual(
        { average: load.feedbackAverage, count: load.feedbackCount },
        { average: undefined, count: 1 },
      );
    });
  });

  describe('an evening task, 17:00–19:00', () => {
    let orderId: string;
    before(async () => {
      orderId = await takenTask(world, people, {
        date: '2026-12-02',
        start: '17:00',
        end: '19:00',
      });
    });

    it('when 2 hours after the end falls at night, then the cards wait until 08:00 the next morning', async () => {
      await toHelsinki(world, '2026-12-02T21:00');
      await toHelsinki(world, '2026-12-03T07:59');
      assert.equal(feedbackCards(expert, orderId).length, 0);
      assert.equal(feedbackCards(people.orderer, orderId).length, 0);
      await toHelsinki(world, '2026-12-03T08:00');
      assert.equal(feedbackCards(expert, orderId).length, 1);
      assert.equal(feedbackCards(people.orderer, orderId).length, 1);
    });

    it('when the orderer gives a second rating, then the expert still has no average', async () => {
      await press(people.orderer, orderId, VERB, { rating: '4' });
      const load = await world.bot.services.loads.get(EXPERT);
      assert.deepEqual(
        { average: load.feedbackAverage, count: load.feedbackCount },
        { average: undefined, count: 2 },
      );
    });
  });

  describe('a third rated task', () => {
    it('when the orderer gives the third rating, then the average is stored where matching reads it', async () => {
      const orderId = await takenTask(world, people, {
        date: '2026-12-04',
        start: '09:00',
        end: '10:00',
      });
      await toHelsinki(world, '2026-12-04T12:00');
      const { card } = cardWith(people.orderer, orderId, VERB);
      assert.ok(card);
      await press(people.orderer, orderId, VERB, { rating: '4', comment: 'Tilaajan oma huomio' });
      const load = await world.bot.services.loads.get(EXPERT);
      assert.deepEqual(
        { average: load.feedbackAverage, count: load.feedbackCount },
        { average: 4.33, count: 3 },
      );
      assert.equal((await world.bot.services.loads.all()).get(EXPERT)?.feedbackAverage, 4.33);
    });

    it('when the expert looks at their stored feedback, then the orderer’s ratings are not among what they gave', async () => {
      const given = await world.bot.services.feedback.listGivenBy(EXPERT);
      assert.deepEqual(
        given.map((g) => g.role),
        ['expert'],
      );
      assert.equal((await world.bot.services.feedback.listGivenBy(ORDERER)).length, 3);
    });
  });

  describe('my data (SPEC §3)', () => {
    let shown: string;
    let claimId: string;
    let firstOrder: string;
    before(async () => {
      firstOrder = (await world.bot.services.feedback.listGivenBy(EXPERT))[0]!.orderId;
      await press(people.orderer, firstOrder, 'task_done');
      const submitted = await press(expert, firstOrder, 'submit_claim');
      claimId = /P-\d{4}-\d{4}/.exec(submitted.shown)![0];
      await world.settle();
      await expert.say('omat tiedot');
      const card = expert.lastCard()!;
      assertValidCard(card);
      assert.ok(JSON.stringify(card).length < 28_000, 'the card stays under 28 KB');
      shown = textOf(card);
    });

    it('when the expert asks "omat tiedot", then the card shows the register row, every task, the offers answered and the stored Teams address', async () => {
      assert.match(shown, /Eeva Expert/);
      assert.match(shown, new RegExp(fi('area_mental_health')));
      for (const a of (await world.bot.services.loads.get(EXPERT)).assignments)
        assert.ok(shown.includes(a.orderId), a.orderId);
      assert.equal(shown.split(fi('my_data_offer_accepted')).length - 1, 3);
      assert.ok(shown.includes(expert.id), 'the Teams user id');
      assert.ok(shown.includes(expert.conversationId), 'the conversation id');
    });

    it('when the expert has a claim, then it is listed with its stage and history', () => {
      assert.ok(shown.includes(claimId));
      assert.match(shown, new RegExp(fi('claim_status_awaiting_supervisor')));
      assert.ok(
        shown.includes(fi('claim_history_approved_orderer', { who: 'Olli Orderer', when: '' })),
        'the history line of the orderer’s confirmation',
      );
    });

    it('when the expert gave feedback, then their own rating and comment are shown, and the orderer’s comment is not', () => {
      assert.match(shown, /4\/5 · Hyvin valmisteltu/);
      assert.ok(!shown.includes('Tilaajan oma huomio'));
    });

    it('when the card is read, then each part says how long it is kept (SPEC §13)', () => {
      for (const key of [
        'my_data_keep_register',
        'my_data_keep_orders',
        'my_data_keep_claims',
        'my_data_keep_feedback',
        'my_data_keep_address',
      ] as const)
        assert.ok(shown.includes(fi(key)), key);
    });

    it('when someone who is not an expert asks "omat tiedot", then they get the short answer and no card', async () => {
      const before = stranger.messages().length;
      assert.deepEqual(await stranger.say('omat tiedot'), [fi('only_experts')]);
      assert.equal(stranger.messages().length, before + 1);
    });
  });
});
