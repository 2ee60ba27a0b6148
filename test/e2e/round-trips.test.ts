import assert from 'node:assert/strict';
import sinon from 'sinon';
import { storageRequests, type RequestCounts } from '../../src/storage/request-counter';
import { translator } from '../../src/i18n';
import { textOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');
const ORDER_TEXT =
  'Tarvitsemme mielenterveyden kokemusasiantuntijan luennoimaan hoitajille ti 15.12. klo 13–15 Jyväskylässä';
/**
 * Steady state: the register's version stamp and the tariff are checked at most every few seconds,
 * whatever the traffic; on a slow machine such a check could fall into any window. Warm them first.
 */
async function warm(world: World): Promise<void> {
  await world.bot.services.registers.getExpert('a@example.fi');
  await world.bot.services.registers.listExperts();
  await world.bot.services.tariffs.current();
}
const show = (what: string, c: RequestCounts) =>
  process.env.SHOW_TRIPS && console.log(`${what}: ${JSON.stringify(c)}`);
/** The polls for due work (the only queries on the Jobs table): the idle rate, counted apart as the bench does. */
const polls = () =>
  Object.entries(storageRequests.byTable())
    .filter(([where]) => /Jobs query$/.test(where))
    .reduce((n, [, count]) => n + count, 0);

/** SPEC §11: storage requests per interaction in steady state, counted where they leave the process. */
describe('round trips to storage', () => {
  let world: World;
  let people: Cast;
  const emails = ['a', 'b', 'c', 'd', 'e'].map((name) => `${name}@example.fi`);
  before(async () => {
    // The bench's waves: five offers each.
    world = await World.start({}, { offerSettings: { waveSize: 5 } });
    people = await cast(
      world,
      emails.map((email) => anExpert({ email, maxPerMonth: 100 })),
    );
    // Steady state: every person has talked to the bot once and the registers are warm.
    for (const u of [people.orderer, ...people.experts.values()]) await u.say('apua');
    await world.settle();
  });
  after(() => world.stop());

  it('when an expert writes help, then the answer takes at most 2 storage requests', async () => {
    const expert = people.experts.get(emails[0]!)!;
    await warm(world);
    const { value: answer, counts } = await storageRequests.during(() => expert.say('apua'));
    show('help', counts);
    assert.ok(answer.join('\n').length > 0, 'the bot answered');
    assert.ok(counts.total <= 2, JSON.stringify(counts));
  });

  it('when an orderer writes an order message, then its card takes at most 4 storage requests', async () => {
    const before = people.orderer.messages().length;
    await warm(world);
    const { counts } = await storageRequests.during(() => people.orderer.say(ORDER_TEXT));
    show('order message', counts);
    assert.ok(people.orderer.messages().length > before, 'the order card came');
    assert.ok(counts.total <= 4, JSON.stringify(counts));
  });

  it('when an order is sent, then its wave reads each expert once and takes at most 4 storage requests per offer sent', async () => {
    await warm(world);
    const orderId = await placeOrder(people.orderer, { date: '2027-01-04' });
    const [pollsBefore, tablesBefore] = [polls(), storageRequests.byTable()];
    const stamp = sinon.spy(world.bot.services.jobs, 'markDirty');
    const { counts: wave } = await storageRequests
      .during(() => world.settle())
      .finally(() => sinon.restore());
    assert.equal(stamp.callCount, 0, "the drain's own commit of the wave stamped no mark");
    show(`wave of ${emails.length}`, wave);
    const offered = [...people.experts.values()].filter(
      (u) => offerCardsFor(u, orderId).length > 0,
    ).length;
    assert.equal(offered, emails.length, 'every expert got an offer card');
    const tables = storageRequests.byTable();
    const growth = (kind: RegExp) =>
      Object.entries(tables)
        .filter(([where]) => kind.test(where))
        .reduce((n, [where, count]) => n + count - (tablesBefore[where] ?? 0), 0);
    // Per offer: one read of the person (their e-mail row carries them), none of the register (the
    // wave's list has them), and the sent cards' ids recorded a batch at a time.
    assert.ok(growth(/People get$/) <= offered, JSON.stringify(tables));
    assert.equal(growth(/Registers get$/), 0, JSON.stringify(tables));
    // The wave's fixed part (lease, load, stats, commit, reload, send rate, expiry timer, clear:
    // about 12) is spread over its five offers: about 3.4 each (README). The drain's own commit of
    // the wave stamps no mark: the drain goes round once more instead.
    const perOffer = (wave.total - (polls() - pollsBefore)) / offered;
    assert.ok(perOffer <= 4, `${perOffer} per offer: ${JSON.stringify(wave)}`);
  });

  it("when the drain's own commit of the wave lands after half its lease, then the mark is stamped as for any commit and every offer still goes out", async () => {
    const orderId = await placeOrder(people.orderer, { date: '2027-01-18' });
    const { offers, jobs } = world.bot.services;
    const commit = offers.commit.bind(offers);
    // Storage slow at the wave's commit: 8 s of the 15 s lease pass while it is written.
    sinon.stub(offers, 'commit').callsFake(async (...args) => {
      world.clock.advance(8_000);
      return commit(...args);
    });
    const stamp = sinon.spy(jobs, 'markDirty');
    try {
      await world.settle();
    } finally {
      sinon.restore();
    }
    assert.equal(stamp.callCount, 1, 'the late commit stamped the mark');
    for (const expert of people.experts.values())
      assert.equal(offerCardsFor(expert, orderId).length, 1, 'one offer card each');
  });

  it('when an expert accepts, then the answer takes at most 6 requests and all its consequences at most 15', async () => {
    const { value: orderId, counts: send } = await storageRequests.during(() =>
      placeOrder(people.orderer, { date: '2027-01-11' }),
    );
    show('send order', send);
    await world.settle();
    const taker = people.experts.get(emails[0]!)!;
    await warm(world);
    const { value: answer, counts: answered } = await storageRequests.during(() =>
      taker.submitCard(offerCardsFor(taker, orderId).at(-1)!, 'accept_offer'),
    );
    show('accept, answer', answered);
    assert.match(textOf(answer.card!), /Keskussairaalantie 19/);
    // The drain the Accept started, as it runs after the answer (not the poll: that is the idle rate).
    const { counts: consequences } = await storageRequests.during(() => world.bot.work.idle());
    show('accept, consequences', consequences);
    assert.equal(
      people.orderer.lastText(),
      fi('orderer_filled', { orderId, names: 'a', count: 1 }),
    );
    assert.ok(answered.total <= 6, `before the answer: ${JSON.stringify(answered)}`);
    assert.ok(
      answered.total + consequences.total <= 15,
      `with consequences: ${JSON.stringify(consequences)}`,
    );
  });
});
