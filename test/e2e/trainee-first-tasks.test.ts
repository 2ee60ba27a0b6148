import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { approvers, cardWith, myFees, press, toHelsinki, type Chain } from '../support/fees';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World, type TestUser } from '../support/world';

const fi = translator('fi');
const MENTOR = 'marja.mentori@example.fi';
const OTTO = 'otto.toinen@example.fi';
const TRAINEE = 'tiina.trainee@example.fi';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const textsOf = (u: TestUser) => u.messages().map((m) => m.text ?? '');

/**
 * The closing note's story (SPEC §3, §5): a trainee's first three tasks along with their mentor,
 * a one-expert lecture, a Juttupenkki session on a ward and a talk for two experts at a parents'
 * evening; then the trainee claims only their kilometres for one of them, through the chain to paid.
 */
describe('a trainee’s first three tasks along with their mentor', () => {
  let world: World;
  let people: Cast;
  let chain: Chain;
  const tasks: Record<'lecture' | 'juttupenkki' | 'parents', string> = {
    lecture: '',
    juttupenkki: '',
    parents: '',
  };
  const mentor = () => people.experts.get(MENTOR)!;
  const trainee = () => people.experts.get(TRAINEE)!;

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: MENTOR, name: 'Marja Mentori' }),
      anExpert({ email: OTTO, name: 'Otto Toinen' }),
      // The trainee's own areas are not the orders': going along needs none.
      anExpert({
        email: TRAINEE,
        name: 'Tiina Trainee',
        mentorEmail: MENTOR,
        areas: ['homelessness'],
      }),
    ]);
    chain = await approvers(world, true);
  });
  after(() => world.stop());

  /** The mentor takes the task; the trainee joins from the join offer that follows. */
  async function alongWithMentor(orderId: string): Promise<void> {
    await mentor().submitCard(offerCardsFor(mentor(), orderId)[0]!, 'accept_offer');
    await world.settle();
    const join = offerCardsFor(trainee(), orderId).at(-1)!;
    assertValidCard(join);
    assert.match(textOf(join), /Marja Mentori/);
    assert.match(textOf(join), new RegExp(fi('trainee_offer_fee_none')));
    const joined = await trainee().submitCard(join, 'accept_offer');
    assert.match(textOf(joined.card!), /Olet mukana harjoittelijana/);
    await world.settle();
    assert.ok(
      textsOf(people.orderer).includes(
        fi('orderer_trainee_joined', {
          orderId,
          trainee: 'Tiina Trainee',
          mentor: 'Marja Mentori',
        }),
      ),
      'the orderer is told who comes along and that it costs no fee',
    );
  }

  it('when the mentor takes a one-expert lecture, then the trainee joins without taking the place', async () => {
    tasks.lecture = await placeOrder(people.orderer, {
      date: '2026-12-07',
      start: '09:00',
      end: '11:00',
    });
    await world.settle();
    assert.equal(
      offerCardsFor(trainee(), tasks.lecture).length,
      0,
      'a trainee is offered no place',
    );
    await alongWithMentor(tasks.lecture);
    const order = (await world.bot.services.orders.get(tasks.lecture))!.value;
    assert.equal(order.status, 'filled');
    assert.deepEqual(
      order.assigned.map((a) => a.email),
      [MENTOR],
    );
    assert.deepEqual(
      order.trainees?.map((t) => t.email),
      [TRAINEE],
    );
  });

  it('when the orderer of a Juttupenkki session on a ward allows a trainee, then the trainee joins the mentor there too', async () => {
    // Client work: the toggle starts off; this orderer turned it on.
    tasks.juttupenkki = await placeOrder(people.orderer, {
      taskType: 'juttupenkki',
      date: '2026-12-09',
      start: '13:00',
      end: '15:00',
      traineeAllowed: true,
    });
    await world.settle();
    await alongWithMentor(tasks.juttupenkki);
  });

  it('when a talk at a parents’ evening needs two experts, then the trainee goes along and the two places are the experts’', async () => {
    tasks.parents = await placeOrder(people.orderer, {
      date: '2026-12-11',
      start: '17:00',
      end: '19:00',
      expertCount: 2,
    });
    await world.settle();
    await alongWithMentor(tasks.parents);
    const otto = people.experts.get(OTTO)!;
    await otto.submitCard(offerCardsFor(otto, tasks.parents).at(-1)!, 'accept_offer');
    await world.settle();
    const order = (await world.bot.services.orders.get(tasks.parents))!.value;
    assert.equal(order.status, 'filled');
    assert.deepEqual(order.assigned.map((a) => a.email).sort(), [MENTOR, OTTO].sort());
    assert.deepEqual(
      order.trainees?.map((t) => t.email),
      [TRAINEE],
    );
    assert.equal(
      people.orderer.lastText(),
      fi('orderer_filled', {
        orderId: tasks.parents,
        names: 'Marja Mentori ja Otto Toinen',
        count: 2,
      }),
      'the filled notice names the two experts of the places',
    );
  });

  it('when the trainee asks for their data and the coordinator opens their card, then the three tasks are the training record', async () => {
    const loads = await world.bot.services.loads.get(TRAINEE);
    assert.deepEqual(
      loads.assignments.map((a) => [a.orderId, a.asTrainee, a.taskType]),
      [
        [tasks.lecture, true, 'lecture'],
        [tasks.juttupenkki, true, 'juttupenkki'],
        [tasks.parents, true, 'lecture'],
      ],
    );
    await trainee().say('omat tiedot');
    const mine = trainee().lastCard()!;
    assertValidCard(mine);
    const shown = textOf(mine);
    for (const orderId of Object.values(tasks)) assert.match(shown, new RegExp(orderId));
    assert.equal(shown.split(fi('my_data_as_trainee')).length - 1, 3);

    await people.coordinator.say(`/expert ${TRAINEE}`);
    const card = textOf(people.coordinator.lastCard()!);
    assert.match(card, new RegExp(fi('reg_trainee_record')));
    assert.match(card, /3 tehtävää mentorin mukana/);
  });

  it('when the Juttupenkki session is over, then the trainee claims only their kilometres, and the claim goes through the chain to paid', async () => {
    await toHelsinki(world, '2026-12-09T15:00');
    const form = cardWith(trainee(), tasks.juttupenkki, 'submit_claim').card;
    assertValidCard(form);
    assert.match(textOf(form), new RegExp(fi('expenses_claim_title')));
    assert.deepEqual(Object.keys(inputsOf(form)).sort(), ['expenses', 'expensesNote', 'km']);

    await press(people.orderer, tasks.juttupenkki, 'task_done');
    const submitted = await press(trainee(), tasks.juttupenkki, 'submit_claim', { km: '30' });
    const claimId = /P-2026-\d{4}/.exec(submitted.shown)![0];
    assert.match(submitted.shown, new RegExp(escape(fi('amount_fee_unpaid'))));
    assert.match(submitted.shown, /16,50/, '30 km × 0,55 €');
    await world.settle();

    const atSupervisor = textOf(cardWith(chain.supervisor, claimId, 'approve_claim').card);
    assert.match(atSupervisor, /Tiina Trainee/);
    assert.match(atSupervisor, /16,50/);
    await press(chain.supervisor, claimId, 'approve_claim');
    await world.settle();
    await press(chain.director, claimId, 'approve_claim');
    await world.settle();
    await press(chain.payroll, claimId, 'mark_claim_paid');
    await world.settle();

    const claim = (await world.bot.services.claims.load(claimId))!.claim.value;
    assert.equal(claim.status, 'paid');
    assert.equal(claim.expertEmail, TRAINEE);
    assert.equal(claim.orderId, tasks.juttupenkki);
    const amount = claim.versions.at(-1)!.amount;
    assert.deepEqual([amount.feeCents, amount.kmCents, amount.totalCents], [0, 1650, 1650]);
    assert.match(await myFees(trainee()), /Maksettu/);
    const order = (await world.bot.services.orders.get(tasks.juttupenkki))!.value;
    assert.equal(order.claims?.[TRAINEE], claimId, 'the claim is the trainee’s on that order');
  });
});
