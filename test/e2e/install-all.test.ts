import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/main';
import { translator } from '../../src/i18n';
import { textOf } from '../support/cards';
import { GraphStub, startWithGraph } from '../support/graph-stub';
import { anExpert, cast, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');
const RATE = 30;

/** Experts in the register (and, unless listed as missing, the directory) who never opened the bot. */
async function strangers(
  world: World,
  graph: GraphStub,
  count: number,
  missing: ReadonlySet<number> = new Set(),
): Promise<string[]> {
  const emails: string[] = [];
  for (let i = 0; i < count; i++) {
    const email = `stranger${String(i).padStart(3, '0')}@example.fi`;
    await world.bot.services.registers.putExpert(anExpert({ email }));
    // Silent: Teams' installation events are not what this measures, and 200 of them are slow.
    if (!missing.has(i)) graph.addUser(email, world.person({ email }), { silent: true });
    emails.push(email);
  }
  return emails;
}

/** Asks /reach and presses Install for all on its card, as Teams would (with the message id). */
async function pressInstallAll(people: Cast) {
  await people.coordinator.say('/reach');
  const message = people.coordinator.cardMessagesAbout('').at(-1);
  assert.ok(
    message && JSON.stringify(message.card).includes('"verb":"install_all"'),
    'the /reach card has Install for all',
  );
  const answer = await people.coordinator.submitCard(
    message.card,
    'install_all',
    {},
    message.activityId,
  );
  return { activityId: message.activityId, answer: textOf(answer.card!) };
}

async function jobOf(bot: RunningBot) {
  return (await bot.services.reach!.installJobs.current())?.value;
}

describe('Install for all on the /reach card (SPEC §12)', () => {
  let world: World;
  let graph: GraphStub;
  let people: Cast;
  before(async () => {
    ({ world, graph } = await startWithGraph({ GRAPH_CALLS_PER_SECOND: String(RATE) }));
    people = await cast(world, []);
  });
  after(async () => {
    await world.stop();
    await graph.stop();
  });

  it('when a coordinator installs for 200 people, then the calls keep the pace, a 429 is waited out, the card is updated in place as it goes, a restart goes on, and the end lists who was not reached and why', async function () {
    this.timeout(120_000);
    // 198 experts and the unit's two approvers: 200 people without a chat, 3 not in the directory.
    const missing = new Set([7, 120, 197]);
    const emails = await strangers(world, graph, 198, missing);
    for (const email of ['sup@example.fi', 'pay@example.fi'])
      graph.addUser(email, world.person({ email }), { silent: true });
    const throttled = emails[100]!;
    graph.fail('install', 429, { email: throttled, headers: { 'retry-after': '1' } });

    const { activityId, answer } = await pressInstallAll(people);
    assert.match(answer, new RegExp(fi('install_all_title')));
    assert.ok(answer.includes(fi('install_all_preparing')), answer);
    await people.coordinator.say('/reach');
    const running = people.coordinator.lastCard()!;
    assert.ok(!JSON.stringify(running).includes('"verb":"install_all"'), 'no second button');
    assert.ok(textOf(running).includes(fi('install_all_preparing')), 'its progress instead');
    const stale = await people.coordinator.execute('install_all', {}, activityId);
    assert.match(
      textOf(stale.body.value),
      /Asennus kaikille on jo käynnissä \(0\/0 käsitelty\)/,
      'a second click says it is running',
    );

    await world.settle(); // the first slice
    const first = await jobOf(world.bot);
    assert.equal(first?.total, 200);
    assert.ok(first.cursor > 0 && first.cursor < 200, `part done: ${first?.cursor}`);
    await world.restart(); // as after a deployment: the next instance goes on from there
    for (let i = 0; i < 20 && (await jobOf(world.bot))?.status !== 'done'; i++)
      await world.settle();

    const job = await jobOf(world.bot);
    assert.equal(job?.status, 'done');
    for (const [i, email] of emails.entries())
      assert.equal(graph.installsFor(email), missing.has(i) ? 0 : 1, email);
    assert.equal(graph.calls.filter((c) => c.kind === 'install' && c.status === 201).length, 197);
    assert.ok(
      graph.mostCallsWithin(1000) <= RATE,
      `at most ${RATE} calls in any second, was ${graph.mostCallsWithin(1000)}`,
    );
    const i429 = graph.calls.findIndex((c) => c.status === 429);
    const next = graph.calls[i429 + 1]!;
    assert.ok(next.at - graph.calls[i429]!.at >= 990, 'nothing was sent before Retry-After');
    const throttledUser = graph.calls.find((c) => c.kind === 'user' && c.path.includes(throttled));
    assert.ok(throttledUser);
    assert.deepEqual(
      graph.calls
        .filter((c) => c.kind === 'install' && c.at >= throttledUser.at)
        .slice(0, 2)
        .map((c) => c.status),
      [429, 201],
      'the throttled install was made again after the wait',
    );

    const updates = world.connector
      .updatesIn(people.coordinator.conversationId)
      .filter((c) => c.activityId === activityId);
    assert.ok(updates.length >= 5, `the card was updated ${updates.length} times`);
    const shown = updates.map((u) => textOf(u.activity!.attachments[0].content));
    assert.ok(
      shown.some((t) => /Käynnissä: \d+\/200 käsitelty/.test(t)),
      'progress while running',
    );
    const final = shown.at(-1)!;
    assert.match(final, /Valmis/);
    assert.ok(
      final.includes(
        fi('install_all_progress', {
          installed: 197,
          total: 200,
          notFound: 3,
          refused: 0,
          failed: 0,
        }),
      ),
      final,
    );
    for (const i of missing)
      assert.ok(final.includes(`${emails[i]}): ${fi('reach_not_found')}`), final);
    assert.equal(
      people.coordinator.cardMessagesAbout(fi('install_all_title')).length,
      1,
      'one card, updated in place: no new card was sent',
    );

    await people.coordinator.say('/reach');
    const reach = textOf(people.coordinator.lastCard()!);
    assert.ok(reach.includes(`${emails[7]}): ${fi('reach_not_found')}`), reach);
    assert.match(reach, /Valmis/);
  });
});

describe('Install for all with two bot instances on one storage (SPEC §12, §14)', () => {
  let world: World;
  let graph: GraphStub;
  let people: Cast;
  before(async () => {
    ({ world, graph } = await startWithGraph({ GRAPH_CALLS_PER_SECOND: String(RATE) }));
    people = await cast(world, []);
  });
  after(async () => {
    await world.stop();
    await graph.stop();
  });

  it('when both instances run the install job, even from two timers of the same slice, then each person is installed exactly once', async function () {
    this.timeout(60_000);
    const emails = await strangers(world, graph, 70);
    const second = await world.another();
    await pressInstallAll(people);
    const { jobId } = (await jobOf(world.bot))!;
    // As after a crash between two slices: the same slice is due twice, once per instance.
    await second.services.jobs.schedule({
      kind: 'install_all',
      dueAt: new Date(world.clock.now().getTime() - 1000).toISOString(),
      orderId: jobId,
      wave: 0,
    });
    for (let i = 0; i < 20 && (await jobOf(world.bot))?.status !== 'done'; i++) {
      await Promise.all([world.bot.work.runDue(), second.work.runDue()]);
      await Promise.all([world.bot.work.idle(), second.work.idle()]);
    }
    assert.equal((await jobOf(second))?.status, 'done');
    for (const email of emails) assert.equal(graph.installsFor(email), 1, email);
    assert.equal(graph.calls.filter((c) => c.kind === 'install').length, 70, 'no 409: no retries');
    assert.equal(
      graph.calls.filter((c) => c.kind === 'user' && c.path.includes('stranger')).length,
      70,
      'each looked up once',
    );
  });
});
