import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import {
  approvers,
  buttons,
  cardWith,
  EXPERT,
  press,
  takenTask,
  toHelsinki,
  type Chain,
} from '../support/fees';
import { textOf } from '../support/cards';
import { GraphStub, startWithGraph } from '../support/graph-stub';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World, type TestUser } from '../support/world';

const fi = translator('fi');

describe('reaching people who never opened the bot (SPEC §12)', () => {
  let world: World;
  let graph: GraphStub;
  let people: Cast;
  const env: Record<string, string> = {};
  const strangers = new Map<string, TestUser>();

  /** Settles the bot, lets the stand-in's installation events arrive, and settles again. */
  async function settleAll(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await world.settle();
      await graph.idle();
    }
    await world.settle();
  }

  /** An expert in the register and the directory who has never opened the bot. */
  async function stranger(
    email: string,
    opts: { inDirectory?: boolean; installed?: boolean; silent?: boolean; regions?: string[] } = {},
  ): Promise<TestUser> {
    await world.bot.services.registers.putExpert(
      anExpert({ email, maxPerMonth: 100, ...(opts.regions ? { regions: opts.regions } : {}) }),
    );
    const user = world.person({ email });
    if (opts.inDirectory !== false)
      graph.addUser(email, user, { installed: opts.installed, silent: opts.silent });
    strangers.set(email, user);
    return user;
  }

  before(async () => {
    graph = new GraphStub();
    await graph.start();
    Object.assign(env, {
      GRAPH_INSTALL: '1',
      GRAPH_BASE_URL: graph.url,
      TEAMS_APP_CATALOG_ID: graph.catalogId,
    });
    world = await World.start(env);
    // A chat read from Graph (after a 409) is written to through the Teams service: the stand-in.
    env.TEAMS_SERVICE_URL = world.connector.url;
    await world.restart();
    people = await cast(world, []);
  });
  after(async () => {
    await world.stop();
    await graph.stop();
  });

  it('when an order goes to three experts who never opened the bot, then the app is installed for each, they are welcomed and get their offers', async () => {
    const emails = ['first@example.fi', 'second@example.fi', 'third@example.fi'];
    for (const e of emails) await stranger(e);
    const orderId = await placeOrder(people.orderer, { expertCount: 3, date: '2026-12-09' });
    await settleAll();
    for (const e of emails) {
      const u = strangers.get(e)!;
      assert.equal(graph.installsFor(e), 1, `${e}: installed once`);
      assert.equal(offerCardsFor(u, orderId).length, 1, `${e}: the offer arrived`);
      const texts = u.messages().map((m) => m.text ?? '');
      assert.match(texts[0], /Hei! Olen Kokemusvälitys/, 'welcomed first');
      assert.ok(texts[0]!.includes(fi('privacy_stored')), 'with what is stored, before the offer');
      assert.ok(await world.bot.services.people.findByEmail(e), 'the chat is stored');
    }
    const install = graph.calls.find((c) => c.kind === 'install')!;
    assert.equal(
      install.body['teamsApp@odata.bind'],
      `${graph.url}/appCatalogs/teamsApps/${graph.catalogId}`,
    );
    assert.equal(install.authorization, undefined, 'no token in local mode');
    const offers = [...(await world.bot.services.offers.load(orderId))!.offers.values()].map(
      (o) => o.value,
    );
    assert.deepEqual(offers.map((o) => o.status).sort(), ['pending', 'pending', 'pending']);
  });

  it('when the app is installed already (409), then the chat is read from Graph and the offer is sent there', async () => {
    const u = await stranger('already@example.fi', { installed: true });
    const orderId = await placeOrder(people.orderer, { date: '2026-12-10', expertCount: 10 });
    await settleAll();
    assert.equal(offerCardsFor(u, orderId).length, 1);
    const kinds = graph.calls
      .filter((c) => c.path.includes(u.aadObjectId) || c.path.includes('already@example.fi'))
      .map((c) => `${c.kind} ${c.status}`);
    assert.deepEqual(kinds, ['user 200', 'install 409', 'installed_apps 200', 'chat 200']);
    assert.match(
      graph.calls.find((c) => c.kind === 'installed_apps')!.path,
      /\$filter=teamsApp%2Fid%20eq%20%27catalog-app-1%27/,
    );
    assert.ok(
      u.messages()[0]!.text.includes(fi('privacy_stored')),
      'no welcome event came: the notice goes before the offer',
    );
  });

  it('when Graph throttles with 429 and Retry-After, then the install waits and goes through', async () => {
    const u = await stranger('throttled@example.fi');
    graph.fail('install', 429, { email: 'throttled@example.fi', headers: { 'retry-after': '1' } });
    const started = Date.now();
    const orderId = await placeOrder(people.orderer, { date: '2026-12-11', expertCount: 10 });
    await settleAll();
    assert.ok(Date.now() - started >= 1000, 'waited for Retry-After');
    assert.equal(offerCardsFor(u, orderId).length, 1);
    assert.deepEqual(
      graph.calls
        .filter((c) => c.kind === 'install' && c.path.includes(u.aadObjectId))
        .map((c) => c.status),
      [429, 201],
    );
  });

  it('when the person is not in the directory (404) or the install is refused (403), then their offer moves on and the coordinator is told', async () => {
    const missing = await stranger('nobody@example.fi', { inDirectory: false });
    const refused = await stranger('refused@example.fi');
    graph.fail('install', 403, { email: 'refused@example.fi', times: 5 });
    const before = people.coordinator.messages().length;
    const orderId = await placeOrder(people.orderer, { date: '2026-12-14', expertCount: 10 });
    await settleAll();
    assert.equal(offerCardsFor(missing, orderId).length, 0);
    assert.equal(offerCardsFor(refused, orderId).length, 0);
    const offers = (await world.bot.services.offers.load(orderId))!.offers;
    assert.equal(offers.get('nobody@example.fi')?.value.unreachable, true);
    assert.equal(offers.get('refused@example.fi')?.value.unreachable, true);
    const told = people.coordinator
      .messages()
      .slice(before)
      .map((m) => m.text ?? '')
      .join('\n');
    assert.ok(
      told.split('\n\n').some((m) => m.includes('nobody') && m.includes(fi('reach_not_found'))),
      `the coordinator hears why: ${told}`,
    );
    assert.ok(
      told.split('\n\n').some((m) => m.includes('refused') && m.includes(fi('reach_refused'))),
      `the coordinator hears why: ${told}`,
    );
    await people.coordinator.say('/reach');
    const reach = textOf(people.coordinator.lastCard()!);
    assert.ok(reach.includes(`(nobody@example.fi): ${fi('reach_not_found')}`), reach);
    assert.ok(reach.includes(`(refused@example.fi): ${fi('reach_refused')}`), reach);
  });

  it('when Teams refuses the offer to an expert who has a chat (403), then the coordinator hears that they blocked the bot, and /reach says so', async () => {
    await world.bot.services.registers.putExpert(
      anExpert({ email: 'blocker@example.fi', maxPerMonth: 100 }),
    );
    const blocker = world.person({ email: 'blocker@example.fi' });
    await blocker.install();
    world.connector.fail('send', 403, { times: 5, conversationId: blocker.conversationId });
    const before = people.coordinator.messages().length;
    const orderId = await placeOrder(people.orderer, { date: '2026-12-15', expertCount: 10 });
    await settleAll();
    assert.equal(offerCardsFor(blocker, orderId).length, 0);
    const told = people.coordinator
      .messages()
      .slice(before)
      .map((m) => m.text ?? '')
      .filter((t) => t.includes('blocker'));
    assert.equal(told.length, 1, told.join('\n'));
    assert.ok(told[0]!.includes(fi('reach_blocked')), told[0]);
    await people.coordinator.say('/reach');
    assert.ok(
      textOf(people.coordinator.lastCard()!).includes(
        `(blocker@example.fi): ${fi('reach_blocked')}`,
      ),
    );
  });

  it('when the installation event never comes, then after an hour the offer moves to the next candidate and the coordinator is told', async () => {
    // Only these two may do a task in Kuopio: the silent one first (fewer assignments), then the next.
    const silent = await stranger('silent@example.fi', { silent: true, regions: ['Kuopio'] });
    const next = await stranger('next@example.fi', { regions: ['Kuopio'] });
    await world.bot.services.loads.add('next@example.fi', {
      orderId: 'T-2026-9990',
      date: '2026-10-01',
      start: '09:00',
      end: '10:00',
      remote: true,
    });
    const before = people.coordinator.messages().length;
    world.bot.services.offerSettings.waveSize = 1; // one offer at a time, so that "next" waits its turn
    const orderId = await placeOrder(people.orderer, {
      date: '2026-12-18',
      municipality: 'Kuopio',
      expertCount: 1,
    });
    await settleAll();
    const offers = () => world.bot.services.offers.load(orderId).then((f) => f!.offers);
    assert.equal(
      (await offers()).get('silent@example.fi')?.value.status,
      'pending',
      'waiting for the installation',
    );
    assert.equal(offerCardsFor(next, orderId).length, 0);

    world.clock.advance(59 * 60_000);
    await settleAll();
    assert.equal(
      (await offers()).get('silent@example.fi')?.value.status,
      'pending',
      'still within the hour',
    );

    world.clock.advance(2 * 60_000);
    await settleAll();
    assert.equal((await offers()).get('silent@example.fi')?.value.unreachable, true);
    assert.equal(offerCardsFor(silent, orderId).length, 0);
    assert.equal(offerCardsFor(next, orderId).length, 1, 'the next candidate has it');
    const told = people.coordinator
      .messages()
      .slice(before)
      .map((m) => m.text ?? '')
      .join('\n');
    assert.match(told, /silent/);
    assert.match(told, new RegExp(orderId));
    assert.ok(told.includes(fi('reach_no_answer')), `with the reason: ${told}`);
  });
});

describe('a claim that reaches an approver who never opened the bot (SPEC §12)', () => {
  let world: World;
  let graph: GraphStub;
  let people: Cast;
  let chain: Chain;
  before(async () => {
    ({ world, graph } = await startWithGraph());
    people = await cast(world, [anExpert({ email: EXPERT, name: 'Eeva Expert' })]);
    chain = await approvers(world, false, ['payroll']); // the supervisor has not installed the app
    graph.addUser('sup@example.fi', chain.supervisor);
  });
  after(async () => {
    await world.stop();
    await graph.stop();
  });

  it('when a coordinator asks /tavoitettavuus, then the approver who never opened the bot is listed with the reason, and others may not ask', async () => {
    await people.coordinator.say('/tavoitettavuus');
    const answer = textOf(people.coordinator.lastCard()!);
    assert.match(answer, /Ketä en tavoita Teamsissa/);
    assert.ok(answer.includes(`sup@example.fi): ${fi('reach_no_chat')}`), answer);
    assert.ok(!answer.includes('pay@example.fi'), 'payroll has opened the bot');
    assert.ok(!answer.includes(EXPERT), 'the expert has opened the bot');
    assert.deepEqual(await people.experts.get(EXPERT)!.say('/reach'), [fi('command_not_allowed')]);
  });

  it('when the claim reaches the supervisor, then the app is installed for them, they are welcomed and get the claim card, and no coordinator is asked to /reassign', async () => {
    const orderId = await takenTask(world, people, {
      date: '2026-11-30',
      start: '13:00',
      end: '15:00',
    });
    await toHelsinki(world, '2026-11-30T15:00');
    await press(people.orderer, orderId, 'task_done');
    const submitted = await press(people.experts.get(EXPERT)!, orderId, 'submit_claim');
    const claimId = /P-\d{4}-\d{4}/.exec(submitted.shown)?.[0];
    assert.ok(claimId, submitted.shown);
    for (let i = 0; i < 3; i++) {
      await world.settle();
      await graph.idle();
    }
    await world.settle();
    assert.equal(graph.installsFor('sup@example.fi'), 1);
    assert.match(chain.supervisor.messages()[0]!.text ?? '', /Hei! Olen Kokemusvälitys/);
    assert.deepEqual(buttons(cardWith(chain.supervisor, claimId, 'approve_claim').card), [
      'Hyväksy',
      'Palauta korjattavaksi',
    ]);
    assert.ok(
      !people.coordinator.messages().some((m) => (m.text ?? '').includes(claimId)),
      'no coordinator heard of the claim: nobody had to step in',
    );

    await press(chain.supervisor, claimId, 'approve_claim');
    await world.settle();
    assert.equal(buttons(cardWith(chain.payroll, claimId, 'mark_claim_paid').card)[0], 'Maksettu');
  });
});

describe('a claim stage whose approver never gets the installation (SPEC §12)', () => {
  let world: World;
  let graph: GraphStub;
  let people: Cast;
  let chain: Chain;
  before(async () => {
    ({ world, graph } = await startWithGraph());
    people = await cast(world, [anExpert({ email: EXPERT, name: 'Eeva Expert' })]);
    chain = await approvers(world, false, ['payroll']);
    // Installed, but Teams never sends the installation event.
    graph.addUser('sup@example.fi', chain.supervisor, { silent: true });
  });
  after(async () => {
    await world.stop();
    await graph.stop();
  });

  it('when the claim card is still undelivered after an hour, then the coordinators are told why, with /reassign, and /reach says so', async () => {
    const orderId = await takenTask(world, people, {
      date: '2026-11-30',
      start: '13:00',
      end: '15:00',
    });
    await toHelsinki(world, '2026-11-30T15:00');
    await press(people.orderer, orderId, 'task_done');
    const submitted = await press(people.experts.get(EXPERT)!, orderId, 'submit_claim');
    const claimId = /P-\d{4}-\d{4}/.exec(submitted.shown)![0];
    await world.settle();
    await graph.idle();
    assert.equal(graph.installsFor('sup@example.fi'), 1);
    const toldAbout = () =>
      people.coordinator
        .messages()
        .map((m) => m.text ?? '')
        .filter((t) => t.includes(claimId));
    assert.deepEqual(toldAbout(), [], 'within the hour nobody is asked to step in');

    await toHelsinki(world, '2026-11-30T15:59');
    assert.deepEqual(toldAbout(), []);
    await toHelsinki(world, '2026-11-30T16:01');
    const told = toldAbout();
    assert.equal(told.length, 1, told.join('\n'));
    assert.ok(told[0]!.includes(`/reassign ${claimId}`), told[0]);
    assert.ok(told[0]!.includes(fi('reach_no_answer')), told[0]);
    assert.ok(told[0]!.includes('sup@example.fi'), told[0]);

    await people.coordinator.say('/reach');
    assert.ok(
      textOf(people.coordinator.lastCard()!).includes(`(sup@example.fi): ${fi('reach_no_answer')}`),
    );
  });
});

describe('an order to 20 experts of whom none has opened the bot (SPEC §12, the closing note)', () => {
  let world: World;
  let graph: GraphStub;
  let people: Cast;
  before(async () => {
    ({ world, graph } = await startWithGraph({}, { offerSettings: { waveSize: 20 } }));
    people = await cast(world, []);
  });
  after(async () => {
    await world.stop();
    await graph.stop();
  });

  it('when the order is sent, then all 20 are installed for, welcomed and offered the task, at the default Graph pace', async function () {
    this.timeout(60_000);
    const users = new Map<string, TestUser>();
    for (let i = 0; i < 20; i++) {
      const email = `new${i}@example.fi`;
      await world.bot.services.registers.putExpert(anExpert({ email, maxPerMonth: 100 }));
      const user = world.person({ email });
      graph.addUser(email, user);
      users.set(email, user);
    }
    const started = Date.now();
    const orderId = await placeOrder(people.orderer, { date: '2026-12-16' });
    const offered = () => [...users.values()].filter((u) => offerCardsFor(u, orderId).length > 0);
    for (let i = 0; i < 10 && offered().length < 20; i++) {
      await world.settle();
      await graph.idle();
    }
    const ms = Date.now() - started;
    assert.equal(offered().length, 20, 'every one of the 20 has the offer');
    for (const [email, user] of users) {
      assert.equal(graph.installsFor(email), 1, email);
      assert.match(user.messages()[0]!.text ?? '', /Hei! Olen Kokemusvälitys/, 'welcome first');
    }
    assert.equal(graph.calls.length, 40, 'a look-up and an install for each');
    assert.ok(graph.mostCallsWithin(1000) <= 10, 'at the default pace of 10 calls a second');
    assert.equal(
      people.coordinator.messages().filter((m) => (m.text ?? '').includes(orderId)).length,
      0,
      'nobody had to be told about anyone',
    );
    // The closing note's figures: REACH_FIGURES=1 npx mocha test/e2e/reach.test.ts -g "20 experts"
    if (process.env.REACH_FIGURES) {
      const offers = world.connector.calls
        .filter((c) => c.kind === 'send' && JSON.stringify(c.activity).includes(orderId))
        .map((c) => c.at - started);
      console.log(
        `REACH_FIGURES reached=${offered().length}/20 graphCalls=${graph.calls.length} ` +
          `graphMs=${graph.calls[0]!.at - started}..${graph.calls.at(-1)!.at - started} ` +
          `offersMs=${Math.min(...offers)}..${Math.max(...offers)} totalMs=${ms}`,
      );
    }
  });
});
