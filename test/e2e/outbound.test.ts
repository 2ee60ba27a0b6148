import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Person } from '../../src/app/ports';
import { type TestUser, World } from '../support/world';

/**
 * Runs `send` with timers faked, so that every wait on the way (our Retry-After pause and backoff,
 * the Bot Framework client's own retries) passes at once; answers how long it waited in fake time.
 */
async function inFakeTime<T>(send: () => Promise<T>): Promise<{ value: T; waitedMs: number }> {
  const realTimeout = setTimeout;
  const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const started = clock.now;
    let settled = false;
    const sent = send().finally(() => (settled = true));
    while (!settled) {
      await new Promise((r) => realTimeout(r, 1)); // real I/O (the connector stand-in) goes on
      if (!settled && clock.countTimers() > 0) await clock.nextAsync();
    }
    return { value: await sent, waitedMs: clock.now - started };
  } finally {
    clock.restore();
  }
}

describe('outbound sending', () => {
  let world: World;
  let user: TestUser;
  let person: Person;
  let email: string;
  let n = 0;
  before(async () => {
    world = await World.start();
  });
  beforeEach(async () => {
    email = `reach${++n}@example.fi`;
    user = world.person({ email });
    await user.install();
    person = (await world.bot.services.people.findByEmail(email))!;
  });
  after(() => world.stop());

  it('when the connector throttles with 429 twice, then the message is still delivered once', async () => {
    world.connector.fail('send', 429, {
      times: 2,
      conversationId: person.address.conversationId,
      headers: { 'retry-after': '0' },
    });
    const result = await world.bot.outbound.send(person, {
      type: 'message',
      text: 'after the storm',
    });
    assert.equal(result.ok, true);
    const delivered = world.connector
      .messagesIn(person.address.conversationId)
      .filter((a) => a.text === 'after the storm');
    assert.equal(delivered.length, 1);
    const tries = world.connector.attempts.filter(
      (c) => c.kind === 'send' && c.activity?.text === 'after the storm',
    );
    assert.deepEqual(
      tries.map((c) => c.status),
      [429, 429, 200],
    );
  });

  it('when Retry-After asks for a pause, then the retry waits at least that long', async () => {
    world.connector.fail('send', 429, {
      times: 1,
      conversationId: person.address.conversationId,
      headers: { 'retry-after': '1' },
    });
    const { value: result, waitedMs } = await inFakeTime(() =>
      world.bot.outbound.send(person, { type: 'message', text: 'patient' }),
    );
    assert.equal(result.ok, true);
    assert.ok(waitedMs >= 1000, `waited ${waitedMs} ms for a Retry-After of 1 s`);
    assert.deepEqual(
      world.connector.attempts.filter((c) => c.activity?.text === 'patient').map((c) => c.status),
      [429, 200],
    );
  });

  it('when the gateway fails with 502 and 504, then the message is retried and delivered', async () => {
    world.connector.fail('send', 502, { times: 1, conversationId: person.address.conversationId });
    world.connector.fail('send', 504, { times: 1, conversationId: person.address.conversationId });
    const { value: result } = await inFakeTime(() =>
      world.bot.outbound.send(person, { type: 'message', text: 'through the gateway' }),
    );
    assert.equal(result.ok, true);
    assert.deepEqual(
      world.connector.attempts
        .filter((c) => c.activity?.text === 'through the gateway')
        .map((c) => c.status),
      [502, 504, 200],
    );
    assert.equal(
      world.connector
        .messagesIn(person.address.conversationId)
        .filter((a) => a.text === 'through the gateway').length,
      1,
    );
  });

  it('when a card update is throttled, then the update still lands', async () => {
    world.connector.fail('update', 429, {
      times: 1,
      conversationId: person.address.conversationId,
      headers: { 'retry-after': '0' },
    });
    const result = await world.bot.outbound.update(person, 'act-1', {
      type: 'message',
      text: 'updated',
    });
    assert.equal(result.ok, true);
    assert.equal(
      world.connector.updatesIn(person.address.conversationId).at(-1)?.activityId,
      'act-1',
    );
  });

  it('when the person has not installed the app (403), then they are recorded unreachable and nothing is retried', async () => {
    world.connector.fail('send', 403, { times: 1, conversationId: person.address.conversationId });
    const result = await world.bot.outbound.send(person, { type: 'message', text: 'hello?' });
    assert.deepEqual(result, { ok: false, reason: 'unreachable', status: 403 });
    assert.equal(world.connector.attempts.filter((c) => c.activity?.text === 'hello?').length, 1);
    const stored = await world.bot.services.people.findByEmail(email);
    assert.equal(stored?.unreachableSince, world.clock.now().toISOString());
  });

  it('when an unreachable person writes again, then they are reachable again', async () => {
    world.connector.fail('send', 403, { times: 1, conversationId: person.address.conversationId });
    await world.bot.outbound.send(person, { type: 'message', text: 'x' });
    assert.ok((await world.bot.services.people.findByEmail(email))?.unreachableSince);
    await user.say('apua');
    assert.equal((await world.bot.services.people.findByEmail(email))?.unreachableSince, undefined);
  });

  it('when a throttled reply fails for good, then the failure is reported, not thrown', async () => {
    world.connector.fail('send', 429, {
      times: 50,
      conversationId: person.address.conversationId,
      headers: { 'retry-after': '0' },
    });
    const result = await world.bot.outbound.send(person, { type: 'message', text: 'never' });
    assert.equal(result.ok, false);
    assert.equal(result.ok === false && result.reason, 'failed');
  });
});
