import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { buttons, press, toHelsinki } from '../support/fees';
import { anExpert, cast, type Cast } from '../support/scenario';
import { World, type TestUser } from '../support/world';

const fi = translator('fi');
const allText = (u: TestUser) =>
  u
    .messages()
    .map((m) => m.text ?? '')
    .join('\n');

/** Four Tuesdays in December 2026, 13–15: the series card as the orderer sends it. */
const TUESDAYS = ['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22'];

async function placeSeries(orderer: TestUser): Promise<string> {
  const answer = await orderer.execute('send_order', {
    draftId: randomUUID(),
    taskType: 'peer_group',
    areas: 'mental_health',
    date: TUESDAYS[0],
    start: '13:00',
    end: '15:00',
    remote: 'false',
    municipality: 'Jyväskylä',
    address: 'Keskussairaalantie 19',
    expertCount: '1',
    language: 'fi',
    seriesEvery: '1',
    seriesUntil: TUESDAYS.at(-1),
  });
  const seriesId = /S-\d{4}-\d{4}/.exec(JSON.stringify(answer.body))?.[0];
  if (!seriesId) throw new Error(`no series number in ${JSON.stringify(answer.body)}`);
  return seriesId;
}

describe('changing every future session of a series (issue 15)', () => {
  const ANNA = 'anna@example.fi';
  let world: World;
  let people: Cast;
  let stranger: TestUser;
  let seriesId: string;
  let sessions: Array<{ orderId: string; date: string }>;
  const anna = () => people.experts.get(ANNA)!;
  const order = async (id: string) => (await world.bot.services.orders.get(id))!.value;

  before(async () => {
    world = await World.start();
    people = await cast(world, [anExpert({ email: ANNA, name: 'Anna Expert' })]);
    await world.bot.services.registers.putStaff({
      email: 'other@example.fi',
      name: 'Outi Other',
      role: 'orderer',
      unitId: 'psy',
    });
    stranger = world.person({ email: 'other@example.fi' });
    await stranger.install();
    seriesId = await placeSeries(people.orderer);
    sessions = (await world.bot.services.orders.getSeries(seriesId))!.sessions;
    assert.deepEqual(
      sessions.map((x) => x.date),
      TUESDAYS,
    );
    await world.settle();
  });
  after(() => world.stop());

  it('when the expert presses Accept all, then the orderer gets exactly one message for the whole series', async () => {
    const before = people.orderer.messages().length;
    const answer = await press(anna(), seriesId, 'accept_series_all');
    assert.match(answer.shown, /Otit 4 kertaa/);
    await world.settle();
    for (const x of sessions)
      assert.deepEqual(
        (await order(x.orderId)).assigned.map((a) => a.email),
        [ANNA],
      );
    const told = people.orderer
      .messages()
      .slice(before)
      .map((m) => m.text ?? '');
    assert.deepEqual(told, [
      fi('orderer_series_taken_all', { seriesId, name: 'Anna Expert', total: 4 }),
    ]);
  });

  it('when someone else writes muuta S-… or saves a forged card, then the series is not found and nothing changes', async () => {
    const answers = await stranger.say(`muuta ${seriesId}`);
    assert.deepEqual(answers, [fi('series_not_found', { seriesId })]);
    // A coordinator may, in any of the three languages' words.
    await people.coordinator.say(`change ${seriesId}`);
    assert.match(
      textOf(people.coordinator.lastCard()!),
      new RegExp(fi('series_change_card_title', { seriesId })),
    );
    await people.orderer.say(`muuta ${seriesId}`);
    const card = people.orderer.lastCard()!;
    const forged = await stranger.submitCard(card, 'save_series_change', { start: '09:00' });
    assert.equal(forged.text, fi('series_not_found', { seriesId }));
    for (const x of sessions) {
      const o = await order(x.orderId);
      assert.equal(o.start, '13:00');
      assert.equal(o.version, undefined);
    }
  });

  it('when the change card has an end before the start or a date, then the card says so and nothing changes', async () => {
    await people.orderer.say(`muuta ${seriesId}`);
    const card = people.orderer.lastCard()!;
    const ends = await people.orderer.submitCard(card, 'save_series_change', { end: '12:00' });
    assertValidCard(ends.card!);
    assert.match(textOf(ends.card!), new RegExp(fi('end_before_start')));
    const dated = await people.orderer.submitCard(card, 'save_series_change', {
      date: '2026-12-03',
    });
    assert.match(textOf(dated.card!), new RegExp(fi('series_change_no_date').slice(0, 40)));
    for (const x of sessions) {
      const o = await order(x.orderId);
      assert.equal(o.end, '15:00');
      assert.equal(o.date, x.date);
      assert.equal(o.version, undefined);
    }
  });

  it('when the orderer moves the time and the place of the series after its first session, then the 3 future sessions change, each with its own date, Anna is asked for each, and the past one is untouched', async () => {
    // Wednesday 2 December: the first session (1.12.) is past.
    await toHelsinki(world, '2026-12-02T09:00');
    const [past, ...future] = sessions;
    await people.orderer.say(`muuta ${seriesId}`);
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    const shown = textOf(card);
    assert.match(shown, new RegExp(fi('series_change_card_title', { seriesId })));
    assert.ok(shown.includes(fi('series_change_card_intro', { count: 3 })), shown);
    assert.equal(inputsOf(card).date, undefined, 'no date to change for the whole series');
    assert.equal(inputsOf(card).start!.value, '13:00');
    assert.equal(inputsOf(card).address!.value, 'Keskussairaalantie 19');

    const saved = await people.orderer.submitCard(card, 'save_series_change', {
      start: '14:00',
      end: '16:00',
      address: 'Sairaalantie 11',
    });
    assertValidCard(saved.card!);
    assert.ok(textOf(saved.card!).includes(fi('series_change_done', { seriesId, count: 3 })));
    await world.settle();

    for (const x of future) {
      const o = await order(x.orderId);
      assert.deepEqual(
        [o.date, o.start, o.end, o.address, o.version],
        [x.date, '14:00', '16:00', 'Sairaalantie 11', 2],
        x.orderId,
      );
      const asked = anna()
        .cardsAbout(fi('recheck_title', { orderId: x.orderId }))
        .at(-1);
      assert.ok(asked, `Anna is asked about ${x.orderId}`);
      assertValidCard(asked);
      assert.deepEqual(buttons(asked), [fi('still_fine'), fi('cant_make_it')]);
      await people.coordinator.say(`/audit ${x.orderId}`);
      assert.match(people.coordinator.lastText(), /Muutettu, versio 2, muutti orderer@example\.fi/);
    }
    const untouched = await order(past!.orderId);
    assert.deepEqual(
      [untouched.start, untouched.address, untouched.version],
      ['13:00', 'Keskussairaalantie 19', undefined],
    );
    assert.equal(anna().cardsAbout(fi('recheck_title', { orderId: past!.orderId })).length, 0);

    // Anna answers Still fine for two; the silent third is released after the answer time.
    for (const x of future.slice(0, 2)) {
      const fine = await press(anna(), fi('recheck_title', { orderId: x.orderId }), 'still_fine');
      assert.deepEqual(buttons(fine.card!), [fi('cant_make_it')]);
    }
    world.clock.advance(25 * 3600_000);
    await world.settle();
    const kept = await Promise.all(future.map(async (x) => (await order(x.orderId)).assigned));
    assert.deepEqual(
      kept.map((a) => a.map((x) => x.email)),
      [[ANNA], [ANNA], []],
    );
    assert.ok(
      allText(anna()).includes(fi('expert_recheck_expired', { orderId: future[2]!.orderId })),
    );
  });

  it('when the series has no future sessions left, then muuta S-… says so', async () => {
    await toHelsinki(world, '2026-12-23T09:00');
    assert.deepEqual(await people.orderer.say(`muuta ${seriesId}`), [
      fi('series_nothing_to_change', { seriesId }),
    ]);
  });
});

describe('a series offered by two bot instances at once (issue 15)', () => {
  const EXPERTS = ['a1@example.fi', 'a2@example.fi', 'a3@example.fi'];
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start();
    people = await cast(
      world,
      EXPERTS.map((email) => anExpert({ email })),
    );
  });
  after(() => world.stop());

  it('when two instances draw the offer cards of one series side by side, then each expert gets exactly one series card', async () => {
    const second = await world.another();
    // The instance that took the order stops before its own drain starts (its kick is lost); then
    // each instance drains half of the sessions, side by side.
    const services = world.bot.services;
    const kick = services.afterCommit;
    services.afterCommit = () => undefined;
    const seriesId = await placeSeries(people.orderer).finally(() => (services.afterCommit = kick));
    const ids = (await services.orders.getSeries(seriesId))!.sessions.map((x) => x.orderId);
    ids.forEach((id, i) => (i % 2 ? second : world.bot).work.kick(id));
    await Promise.all([world.bot.work.idle(), second.work.idle()]);
    // A drain that found the card being sent elsewhere tries again a few seconds later.
    world.clock.advance(10_000);
    await Promise.all([world.bot.work.runDue(), second.work.runDue()]);
    await Promise.all([world.bot.work.idle(), second.work.idle()]);
    for (const id of ids)
      assert.deepEqual(await services.offers.listEffects(id), [], `${id} has nothing left to do`);
    const sessions = (await world.bot.services.orders.getSeries(seriesId))!.sessions;
    for (const email of EXPERTS) {
      const cards = people.experts.get(email)!.cardsAbout(seriesId);
      assert.equal(cards.length, 1, `one series card to ${email}`);
      const text = textOf(cards[0]!);
      assert.equal(text.match(/\[Otan tehtävän\]/g)?.length, sessions.length, text);
    }
  });
});
