import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World, type TestUser } from '../support/world';

const fi = translator('fi');
const sv = translator('sv');
const textsOf = (u: TestUser) => u.messages().map((m) => m.text ?? '');
const buttons = (card: Record<string, any>) =>
  (card.actions ?? []).map((a: Record<string, any>) => a.title);
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
    // The orderer hears who comes along, and that it takes no place and costs no fee.
    assert.ok(
      textsOf(people.orderer).includes(
        fi('orderer_trainee_joined', {
          orderId,
          trainee: 'Tiina Trainee',
          mentor: 'Marja Mentori',
        }),
      ),
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

describe('mentoring: the trainee goes with the mentor, never without (SPEC §3)', () => {
  const MIKKO = 'mikko.mentor@example.fi';
  const SVEN = 'sven.trainee@example.fi';
  let world: World;
  let people: Cast;
  let sven: TestUser;

  before(async () => {
    world = await World.start();
    people = await cast(world, [anExpert({ email: MIKKO, name: 'Mikko Mentor' })]);
    // A Swedish-speaking trainee: told in their own language.
    await world.bot.services.registers.putExpert(
      anExpert({ email: SVEN, name: 'Sven Trainee', mentorEmail: MIKKO, languages: ['fi', 'sv'] }),
    );
    sven = world.person({ email: SVEN, locale: 'sv-FI' });
    await sven.install();
  });
  after(() => world.stop());

  async function mentorTakes(date: string): Promise<string> {
    const orderId = await placeOrder(people.orderer, { date });
    await world.settle();
    const mikko = people.experts.get(MIKKO)!;
    await mikko.submitCard(offerCardsFor(mikko, orderId)[0]!, 'accept_offer');
    await world.settle();
    return orderId;
  }

  it('when the mentor says Can’t make it after the trainee joined, then the trainee leaves too, is told kindly in Swedish without the reason, and the orderer hears', async () => {
    const orderId = await mentorTakes('2026-12-17');
    await sven.submitCard(offerCardsFor(sven, orderId).at(-1)!, 'accept_offer');
    await world.settle();
    assert.equal((await world.bot.services.loads.get(SVEN)).assignments.length, 1);

    const mikko = people.experts.get(MIKKO)!;
    await mikko.submitCard(offerCardsFor(mikko, orderId).at(-1)!, 'withdraw_assignment', {
      reason: 'Flunssa',
    });
    await world.settle();

    const order = (await world.bot.services.orders.get(orderId))!.value;
    assert.deepEqual(order.assigned, []);
    assert.deepEqual(order.trainees, []);
    const offer = (await world.bot.services.offers.load(orderId))!.offers.get(SVEN)!.value;
    assert.equal(offer.status, 'closed');
    assert.ok(offer.mentorLeftAt);
    assert.deepEqual(
      (await world.bot.services.loads.get(SVEN)).assignments,
      [],
      'the trip along is no longer in the trainee record',
    );

    const told = textsOf(sven).join('\n');
    assert.match(told, new RegExp(`Din mentor kan inte komma till uppdrag ${orderId}`));
    assert.match(told, /Det beror inte på dig/);
    assert.doesNotMatch(told, /Flunssa/);
    // The joined card, updated in place: no buttons left, says the trip along is off.
    const cards = offerCardsFor(sven, orderId);
    assert.equal(cards.length, 1);
    assertValidCard(cards[0]!);
    assert.match(textOf(cards[0]!), new RegExp(sv('offer_mentor_left_title')));
    assert.deepEqual(buttons(cards[0]!), []);

    const ordererTold = textsOf(people.orderer);
    assert.ok(
      ordererTold.includes(
        fi('orderer_trainee_left', { orderId, trainee: 'Sven Trainee', mentor: 'Mikko Mentor' }),
      ),
    );
    assert.doesNotMatch(ordererTold.join('\n'), /Flunssa/);
  });

  it('when the trainee who joined says Can’t make it, then only the trainee leaves, the mentor keeps the task and the orderer hears without the reason', async () => {
    const orderId = await mentorTakes('2026-12-19');
    await sven.submitCard(offerCardsFor(sven, orderId).at(-1)!, 'accept_offer');
    await world.settle();
    const joined = offerCardsFor(sven, orderId).at(-1)!;
    assert.deepEqual(buttons(joined), [sv('cant_make_it')]);

    const answer = await sven.submitCard(joined, 'withdraw_assignment', { reason: 'Tentti' });
    assertValidCard(answer.card!);
    assert.match(textOf(answer.card!), new RegExp(sv('trainee_given_back_text', { orderId })));
    assert.deepEqual(buttons(answer.card!), []);
    await world.settle();

    const order = (await world.bot.services.orders.get(orderId))!.value;
    assert.equal(order.status, 'filled');
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      [MIKKO],
    );
    assert.deepEqual(order.trainees, []);
    assert.equal(
      (await world.bot.services.loads.get(SVEN)).assignments.some((a) => a.orderId === orderId),
      false,
    );
    const ordererTold = textsOf(people.orderer);
    assert.ok(
      ordererTold.includes(
        fi('orderer_trainee_stays_away', {
          orderId,
          trainee: 'Sven Trainee',
          mentor: 'Mikko Mentor',
        }),
      ),
    );
    assert.doesNotMatch(ordererTold.join('\n'), /Tentti/);
    const mikko = people.experts.get(MIKKO)!;
    assert.equal(offerCardsFor(mikko, orderId).length, 1, 'the mentor is asked nothing');
  });

  it('when a coordinator unassigns the mentor while the trainee’s join offer is open, then the join card says it is no longer open and a late click changes nothing', async () => {
    const orderId = await mentorTakes('2026-12-18');
    const join = offerCardsFor(sven, orderId).at(-1)!;
    assert.deepEqual(buttons(join), [sv('accept_offer'), sv('decline_offer')]);
    const before = textsOf(people.orderer).length;

    await people.coordinator.execute('console_unassign', { orderId, email: MIKKO });
    await world.settle();

    const cards = offerCardsFor(sven, orderId);
    assert.equal(cards.length, 1, 'the same card, updated in place');
    assert.match(textOf(cards[0]!), new RegExp(sv('offer_mentor_left_text', { orderId })));
    assert.deepEqual(buttons(cards[0]!), []);

    const late = await sven.submitCard(join, 'accept_offer');
    assert.doesNotMatch(
      textOf(late.card ?? {}),
      new RegExp(sv('trainee_joined_title', { task: '.*' })),
    );
    await world.settle();
    const order = (await world.bot.services.orders.get(orderId))!.value;
    assert.deepEqual(order.trainees ?? [], []);
    assert.ok(
      !textsOf(people.orderer)
        .slice(before)
        .some((t) => t.includes('Sven')),
      'a trainee who never joined is not news to the orderer',
    );
  });
});
