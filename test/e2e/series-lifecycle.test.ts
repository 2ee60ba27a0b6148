import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { approvers, CLAIM_NUMBER, press, toHelsinki, type Chain } from '../support/fees';
import { anExpert, cast, type Cast } from '../support/scenario';
import { World, type TestUser } from '../support/world';

const fi = translator('fi');
const allText = (u: TestUser) =>
  u
    .messages()
    .map((m) => m.text ?? '')
    .join('\n');

/** Issue 15's scenario in one sentence: Juttupenkki on four wards, every Tuesday, 8 sessions. */
const SENTENCE =
  'Juttupenkki joka tiistai klo 13, 8 kertaa, mielenterveys, Jyväskylä, Keskussairaalantie 19, toiveena että kiertäisitte osastoilla 1, 2, 3 ja 4';
const WARDS = 'osastoilla 1, 2, 3 ja 4';
const DATES = [
  '2027-03-02',
  '2027-03-09',
  '2027-03-16',
  '2027-03-23',
  '2027-03-30',
  '2027-04-06',
  '2027-04-13',
  '2027-04-20',
];
const shown = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d}.${m}.${y}`;
};

describe('a Juttupenkki series from one sentence to the last fee paid (issue 15)', () => {
  const ANNA = 'anna@example.fi';
  const BEN = 'ben@example.fi';
  let world: World;
  let people: Cast;
  let chain: Chain;
  let seriesId: string;
  let sessions: Array<{ orderId: string; date: string }>;
  const expert = (email: string) => people.experts.get(email)!;
  const session = (date: string) => sessions.find((x) => x.date === date)!.orderId;
  const order = async (id: string) => (await world.bot.services.orders.get(id))!.value;
  const claimsOf = (email: string) => world.bot.services.claims.listByExpert(email, 50);

  before(async () => {
    world = await World.start();
    // Monday 1 March 2027, 10:00 in Helsinki.
    world.clock.set('2027-03-01T08:00:00Z');
    people = await cast(world, [
      anExpert({ email: ANNA, name: 'Anna Expert' }),
      anExpert({ email: BEN, name: 'Ben Expert' }),
    ]);
    chain = await approvers(world, false);
  });
  after(() => world.stop());

  it('when the ward orders 8 weekly sessions on four wards in one sentence, then the card lists the 8 dates and Send order gives one S-number and 8 T-numbers', async () => {
    await people.orderer.say(SENTENCE);
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    const text = textOf(card);
    for (const date of DATES) assert.ok(text.includes(shown(date)), `${shown(date)} on the card`);
    assert.match(text, /joka viikko, 8 kertaa/);
    assert.equal(inputsOf(card).taskType!.value, 'juttupenkki');

    assert.ok(inputsOf(card).wishes!.value.includes(WARDS), 'the wards are kept as the wish');
    const sent = await people.orderer.submitCard(card, 'send_order');
    assertValidCard(sent.card!);
    const answer = textOf(sent.card!);
    seriesId = /S-2027-\d{4}/.exec(answer)![0];
    assert.match(answer, new RegExp(`Sarja ${seriesId} lähetetty`));
    const numbers = [...new Set(answer.match(/T-2027-\d{4}/g))];
    assert.equal(numbers.length, 8);
    sessions = (await world.bot.services.orders.getSeries(seriesId))!.sessions;
    assert.deepEqual(
      sessions.map((x) => x.date),
      DATES,
    );
    assert.deepEqual(
      sessions.map((x) => x.orderId),
      numbers,
    );
    for (const x of sessions) {
      const o = await order(x.orderId);
      assert.equal(o.seriesId, seriesId);
      assert.equal(o.taskType, 'juttupenkki');
      assert.ok(o.wishes?.includes(WARDS), o.wishes);
    }
    await world.settle();
  });

  it('when expert A presses Accept all, then A holds all 8 sessions and the card shows the address and the wards', async () => {
    const offered = expert(ANNA).cardsAbout(seriesId);
    assert.equal(offered.length, 1, 'one card for the whole series');
    assert.equal(textOf(offered[0]!).match(/\[Otan tehtävän\]/g)?.length, 8);
    const answer = await press(expert(ANNA), seriesId, 'accept_series_all');
    assertValidCard(answer.card!);
    assert.match(answer.shown, /Otit 8 kertaa/);
    for (const date of DATES) assert.ok(answer.shown.includes(`${shown(date)} · sinun`), date);
    // Now that A holds the sessions, the card says where and on which wards.
    assert.match(answer.shown, /Keskussairaalantie 19/);
    assert.ok(answer.shown.includes(WARDS), 'the wards on the taken series card');
    await world.settle();
    for (const x of sessions)
      assert.deepEqual(
        (await order(x.orderId)).assigned.map((a) => a.email),
        [ANNA],
        x.date,
      );
    // B's series card (updated in place) shows every session taken and nothing to press.
    const bens = expert(BEN).cardsAbout('Tehtäväsarja: Juttupenkki');
    assert.equal(bens.length, 1);
    for (const date of DATES)
      assert.ok(textOf(bens[0]!).includes(`${shown(date)} · tekijä löytyi`));
    assert.doesNotMatch(textOf(bens[0]!), /\[Otan/);
  });

  it("when A can't make it to one session a week ahead, then the orderer hears one expert had to cancel without the reason, and B takes the place", async () => {
    const given = session('2027-03-09');
    await expert(ANNA).say('omat tehtävät');
    const tasks = expert(ANNA).lastCard()!;
    assertValidCard(tasks);
    for (const x of sessions) assert.ok(textOf(tasks).includes(x.orderId), x.orderId);
    const answer = await expert(ANNA).submitCard(tasks, 'withdraw_assignment', {
      orderId: given,
      from: 'tasks',
      reason: 'Flunssa',
    });
    assert.ok(
      JSON.stringify(answer.card ?? answer.text).includes(fi('withdraw_done', { orderId: given })),
    );
    await world.settle();

    assert.ok(allText(people.orderer).includes(fi('orderer_withdrawn', { orderId: given })));
    assert.doesNotMatch(allText(people.orderer), /Flunssa/);
    assert.doesNotMatch(allText(people.coordinator), new RegExp(given), 'a week ahead: no alarm');
    assert.deepEqual((await order(given)).assigned, []);
    for (const x of sessions.filter((x) => x.orderId !== given))
      assert.deepEqual(
        (await order(x.orderId)).assigned.map((a) => a.email),
        [ANNA],
        x.date,
      );

    // B's series card offers that one session again, with its own Accept; A is not offered it.
    const offered = textOf(expert(BEN).cardsAbout(given).at(-1)!);
    assert.match(offered, /9\.3\.2027 · tarjolla/);
    assert.match(offered, /16\.3\.2027 · tekijä löytyi/);
    assert.equal(offered.match(/\[Otan tehtävän\]/g)?.length, 1);
    assert.ok(!offered.includes(WARDS), 'the wishes only once B holds a session');
    assert.doesNotMatch(
      textOf(expert(ANNA).cardsAbout('Tehtäväsarja').at(-1)!),
      /9\.3\.2027 · tarjolla/,
    );

    const taken = await press(expert(BEN), given, 'accept_series_session', { orderId: given });
    assert.match(taken.shown, /9\.3\.2027 · sinun/);
    assert.ok(taken.shown.includes(WARDS));
    await world.settle();
    assert.deepEqual(
      (await order(given)).assigned.map((a) => a.email),
      [BEN],
    );
    assert.equal((await order(given)).status, 'filled');
    assert.ok(
      allText(people.orderer).includes(
        fi('orderer_filled', { orderId: given, names: 'Ben Expert', count: 1 }),
      ),
      allText(people.orderer),
    );
  });

  /** The session ends; the orderer confirms, the expert claims, the supervisor approves, payroll pays. */
  async function paySession(date: string, email: string): Promise<string> {
    const orderId = session(date);
    await toHelsinki(world, `${date}T16:00`);
    const done = await press(people.orderer, orderId, 'task_done');
    assert.match(done.shown, /Vahvistettu/);
    const claimed = await press(expert(email), orderId, 'submit_claim');
    const claimId = CLAIM_NUMBER.exec(claimed.shown)![0];
    await world.settle();
    const approved = await press(chain.supervisor, claimId, 'approve_claim');
    assert.match(approved.shown, new RegExp(claimId));
    await world.settle();
    await press(chain.payroll, claimId, 'mark_claim_paid');
    await world.settle();
    assert.match(expert(email).lastText(), new RegExp(`${claimId} on merkitty maksetuksi`));
    return claimId;
  }

  it('when the sessions of A and of B have been held, then each is claimed, approved and paid on its own, for the right expert', async () => {
    const first = await paySession('2027-03-02', ANNA);
    const second = await paySession('2027-03-09', BEN);
    assert.notEqual(first, second);

    const stored = async (claimId: string) =>
      (await world.bot.services.claims.load(claimId))!.claim.value;
    const a = await stored(first);
    const b = await stored(second);
    assert.deepEqual([a.orderId, a.expertEmail, a.status], [session('2027-03-02'), ANNA, 'paid']);
    assert.deepEqual([b.orderId, b.expertEmail, b.status], [session('2027-03-09'), BEN, 'paid']);
    assert.equal((await order(session('2027-03-02'))).claims?.[ANNA], first);
    assert.equal((await order(session('2027-03-09'))).claims?.[BEN], second);
    assert.equal((await order(session('2027-03-09'))).claims?.[ANNA], undefined);
    // A gave 9.3. back: no claim of A's for it, and no claim card for it in A's chat.
    assert.deepEqual(
      (await claimsOf(ANNA)).map((c) => c.orderId),
      [session('2027-03-02')],
    );
    assert.deepEqual(
      (await claimsOf(BEN)).map((c) => c.orderId),
      [session('2027-03-09')],
    );
    assert.equal(
      expert(ANNA)
        .cardsAbout(session('2027-03-09'))
        .filter((c) => JSON.stringify(c).includes('submit_claim')).length,
      0,
    );
    // Each expert sees their own claim paid in their fee list.
    assert.match((await expert(ANNA).say('palkkiot')).join('\n'), new RegExp(`${first}.*Maksettu`));
    assert.match((await expert(BEN).say('palkkiot')).join('\n'), new RegExp(`${second}.*Maksettu`));
    // The later sessions are still A's and not claimed.
    for (const date of DATES.slice(2)) {
      const o = await order(session(date));
      assert.deepEqual(
        o.assigned.map((x) => x.email),
        [ANNA],
        date,
      );
      assert.equal(o.claims, undefined, date);
    }
  });
});
