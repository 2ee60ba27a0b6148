import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');
const MENTOR = 'marja.mentori@example.fi';
const TRAINEE = 'tiina.trainee@example.fi';

describe('mentoring: the trainee goes along with the mentor (SPEC §3)', () => {
  let world: World;
  let people: Cast;

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: MENTOR, name: 'Marja Mentori' }),
      // The trainee's own areas are not the lecture's: going along needs none.
      anExpert({
        email: TRAINEE,
        name: 'Tiina Trainee',
        mentorEmail: MENTOR,
        areas: ['homelessness'],
      }),
    ]);
  });
  after(() => world.stop());

  it('when the mentor accepts a one-expert lecture, then the trainee is offered to join and joins without filling a place', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-14' });
    await world.settle();
    const mentor = people.experts.get(MENTOR)!;
    const trainee = people.experts.get(TRAINEE)!;
    assert.equal(offerCardsFor(trainee, orderId).length, 0, 'a trainee is offered no place');

    await mentor.submitCard(offerCardsFor(mentor, orderId)[0]!, 'accept_offer');
    await world.settle();
    const join = offerCardsFor(trainee, orderId).at(-1)!;
    assertValidCard(join);
    const shown = textOf(join);
    assert.match(shown, new RegExp(fi('trainee_offer_title', { task: 'Luento tai puheenvuoro' })));
    assert.match(shown, /Marja Mentori/);
    assert.match(shown, new RegExp(fi('trainee_offer_fee_none')));
    assert.doesNotMatch(shown, /Keskussairaalantie/, 'no street address before joining');

    const answer = await trainee.submitCard(join, 'accept_offer');
    assertValidCard(answer.card!);
    assert.match(textOf(answer.card!), /Olet mukana harjoittelijana/);
    assert.match(textOf(answer.card!), /Keskussairaalantie 19/);
    await world.settle();

    const order = (await world.bot.services.orders.get(orderId))!.value;
    assert.equal(order.status, 'filled');
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      [MENTOR],
    );
    assert.deepEqual(
      order.trainees?.map((a) => [a.email, a.mentorEmail]),
      [[TRAINEE, MENTOR]],
    );
    const load = await world.bot.services.loads.get(TRAINEE);
    assert.deepEqual(
      load.assignments.map((a) => [a.orderId, a.asTrainee, a.taskType]),
      [[orderId, true, 'lecture']],
    );
    assert.doesNotMatch(
      people.orderer
        .messages()
        .map((m) => m.text ?? '')
        .join('\n'),
      /Tiina/,
      'the orderer hears of the experts who took the places',
    );
  });

  it('when the coordinator opens the trainee’s card, and the trainee asks for their data, then the joined task is in the trainee record', async () => {
    await people.coordinator.say(`/expert ${TRAINEE}`);
    const card = people.coordinator.lastCard()!;
    assertValidCard(card);
    assert.match(textOf(card), new RegExp(fi('reg_trainee_record')));
    assert.match(textOf(card), /1 tehtävä mentorin mukana/);
    assert.match(textOf(card), /T-\d{4}-\d{4} · ma 14\.12\.2026 · Luento/);

    await people.experts.get(TRAINEE)!.say('omat tiedot');
    const mine = textOf(people.experts.get(TRAINEE)!.lastCard()!);
    assert.match(mine, new RegExp(fi('my_data_as_trainee')));
  });

  it('when the order does not allow a trainee, then the mentor’s acceptance brings no join offer', async () => {
    const orderId = await placeOrder(people.orderer, { date: '2026-12-16', traineeAllowed: false });
    await world.settle();
    const mentor = people.experts.get(MENTOR)!;
    await mentor.submitCard(offerCardsFor(mentor, orderId)[0]!, 'accept_offer');
    await world.settle();
    assert.equal(offerCardsFor(people.experts.get(TRAINEE)!, orderId).length, 0);
  });

  it('when the trainee already goes along at that time, then a clashing task of the mentor brings no join offer', async () => {
    // The mentor could not take this one either: the first task is theirs too. Another mentor task
    // on the same day and hours is ordered remotely (no travel), yet clashes for the trainee.
    await world.bot.services.registers.putExpert(
      anExpert({ email: 'second.mentor@example.fi', name: 'Second Mentor' }),
    );
    await world.bot.services.registers.putExpert(
      anExpert({
        email: TRAINEE,
        name: 'Tiina Trainee',
        mentorEmail: 'second.mentor@example.fi',
        areas: ['homelessness'],
      }),
    );
    const second = world.person({ email: 'second.mentor@example.fi' });
    await second.install();
    const orderId = await placeOrder(people.orderer, { date: '2026-12-14', remote: true });
    await world.settle();
    await second.submitCard(offerCardsFor(second, orderId)[0]!, 'accept_offer');
    await world.settle();
    assert.equal(offerCardsFor(people.experts.get(TRAINEE)!, orderId).length, 0);
  });
});
