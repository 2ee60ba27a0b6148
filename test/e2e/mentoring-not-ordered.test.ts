import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { approvers, EXPERT, press, toHelsinki } from '../support/fees';
import { anExpert, cast, storedOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');

/** The task types the order card offers. */
const choicesOf = (card: Record<string, any>): string[] =>
  inputsOf(card).taskType!.choices.map((c: { value: string }) => c.value);

describe('mentoring is no longer ordered; old mentoring orders still read (SPEC §3)', () => {
  let world: World;
  let people: Cast;
  const OLD = 'T-2026-0901';

  before(async () => {
    world = await World.start();
    people = await cast(world, [anExpert({ email: EXPERT, name: 'Eeva Expert' })]);
    await approvers(world, false);
    // An order stored before mentoring stopped being orderable: Eeva holds it, on 30.11. 13–15.
    await world.bot.services.orders.create(
      storedOrder(901, {
        taskType: 'mentoring',
        status: 'filled',
        date: '2026-11-30',
        ordererId: people.orderer.aadObjectId,
        assigned: [{ email: EXPERT, name: 'Eeva Expert', at: '2026-11-20T10:00:00.000Z' }],
      }),
      [],
    );
  });
  after(() => world.stop());

  const ordersOfOrderer = async () =>
    (await world.bot.services.orders.listByOrderer(people.orderer.aadObjectId, 50)).map(
      (o) => o.orderId,
    );

  it('when an orderer writes that they need mentoring for a new expert, then the card explains that mentoring is not ordered, asks the task type and offers no mentoring', async () => {
    await people.orderer.say(
      'Tarvitsisimme mentorointia uudelle kokemusasiantuntijalle, vammaisuus, etänä 10.12. klo 10-11',
    );
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    assert.ok(textOf(card).includes(fi('mentoring_not_ordered')), textOf(card));
    assert.equal(inputsOf(card).taskType!.value, undefined, 'the task type is asked');
    assert.ok(!choicesOf(card).includes('mentoring'));
    assert.ok(choicesOf(card).includes('lecture'));
    assert.equal(choicesOf(card).length, 10);
  });

  it('when an orderer writes only "Mentorointia", then they are told why it is not ordered and no draft is stored', async () => {
    await world.bot.services.drafts.save(people.orderer.aadObjectId, {
      draftId: 'old',
      fields: {},
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const answer = await people.orderer.say('Mentorointia');
    assert.ok(answer.join('\n').includes(fi('mentoring_not_ordered')), answer.join('\n'));
    assert.equal(
      (await world.bot.services.drafts.get(people.orderer.aadObjectId))?.draftId,
      'old',
      'nothing new is stored',
    );
  });

  it('when a forged order card sends mentoring, then it is refused politely at the task type and nothing is stored', async () => {
    const before = await ordersOfOrderer();
    const answer = await people.orderer.execute('send_order', {
      draftId: randomUUID(),
      taskType: 'mentoring',
      areas: 'disability',
      date: '2026-12-15',
      start: '13:00',
      end: '15:00',
      remote: 'true',
      expertCount: '1',
      language: 'fi',
    });
    const shown = textOf(answer.body!.value);
    assert.ok(shown.includes(fi('task_type_not_orderable')), shown);
    assert.doesNotMatch(shown, /T-2026-\d{4}/, 'no order number is given');
    await world.settle();
    assert.deepEqual(await ordersOfOrderer(), before);
  });

  it('when a coordinator lists and opens the old mentoring order, then it shows as Mentoring', async () => {
    await people.coordinator.say('/orders');
    const list = textOf(people.coordinator.lastCard()!);
    assert.match(list, new RegExp(`${OLD}: ${fi('task_mentoring')}`));
    await people.coordinator.say(`/order ${OLD}`);
    const opened = textOf(people.coordinator.lastCard()!);
    assert.match(opened, new RegExp(OLD));
    assert.match(opened, new RegExp(fi('task_mentoring')));
    assert.match(opened, /Eeva Expert/);
  });

  it('when the orderer opens the old mentoring order for a change, then it keeps its type and may be saved', async () => {
    await people.orderer.say(`muuta ${OLD}`);
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    assert.equal(inputsOf(card).taskType!.value, 'mentoring');
    assert.ok(choicesOf(card).includes('mentoring'), 'its own type is kept on the change card');
    const saved = await people.orderer.submitCard(card, 'save_order_change', {
      audience: 'uusi kokemusasiantuntija',
    });
    assert.match(textOf(saved.card!), new RegExp(fi('change_saved_title', { orderId: OLD })));
    const stored = (await world.bot.services.orders.get(OLD))!.value;
    assert.equal(stored.taskType, 'mentoring');
    assert.equal(stored.audience, 'uusi kokemusasiantuntija');
  });

  it('when the old mentoring task ends, then its claim is computed at the mentoring fee of the tariff', async () => {
    await world.bot.services.jobs.schedule({
      kind: 'task_ended',
      dueAt: '2026-11-30T13:00:00.000Z',
      orderId: OLD,
      email: EXPERT,
    });
    await toHelsinki(world, '2026-11-30T15:00');
    const submitted = await press(people.experts.get(EXPERT)!, OLD, 'submit_claim');
    assert.match(submitted.shown, /P-2026-\d{4}/);
    assert.match(submitted.shown, /Yhteensä: 60,00/, '2 started hours at 30 €');
    assert.match(submitted.shown, new RegExp(fi('task_mentoring')));
  });
});
