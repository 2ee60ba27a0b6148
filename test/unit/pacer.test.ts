import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Pacer, type SharedRate } from '../../src/teams/pacer';

describe('pacer', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => {
    clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  });
  afterEach(() => clock.restore());

  it('when 7 sends per second are allowed, then the 8th into one conversation waits for the window', async () => {
    const pacer = new Pacer(
      { perConversation: [{ count: 7, windowMs: 1000 }], overall: { count: 30, windowMs: 1000 } },
      () => Date.now(),
    );
    for (let i = 0; i < 7; i++) await pacer.acquire('c1');
    let eighth = false;
    const pending = pacer.acquire('c1').then(() => (eighth = true));
    await clock.tickAsync(999);
    assert.equal(eighth, false, 'the 8th waits');
    await pacer.acquire('c2'); // another conversation is not held up
    await clock.tickAsync(1);
    await pending;
    assert.equal(eighth, true);
    assert.equal(Date.now(), 1000, 'it went as soon as the window allowed');
  });

  it('when the app-wide limit is reached, then every conversation waits', async () => {
    const pacer = new Pacer(
      { perConversation: [{ count: 7, windowMs: 1000 }], overall: { count: 3, windowMs: 1000 } },
      () => Date.now(),
    );
    await pacer.acquire('a');
    await pacer.acquire('b');
    await pacer.acquire('c');
    let fourth = false;
    const pending = pacer.acquire('d').then(() => (fourth = true));
    await clock.tickAsync(999);
    assert.equal(fourth, false);
    await clock.tickAsync(1);
    await pending;
    assert.equal(fourth, true);
  });

  /** The stored row in memory: the time from which the next slots are free, as TableSendRate keeps it. */
  function sharedRow(): SharedRate & { reservations: number } {
    let next = 0;
    return {
      reservations: 0,
      reserve(count, intervalMs) {
        this.reservations++;
        const start = Math.max(Date.now(), next);
        next = start + count * intervalMs;
        return Promise.resolve(start);
      },
    };
  }
  const limits = {
    perConversation: [{ count: 7, windowMs: 1000 }],
    overall: { count: 28, windowMs: 1000 },
  };

  it('when two instances send waves side by side through one shared rate, then together they send at most 28 in any second', async () => {
    const row = sharedRow();
    const instances = [
      new Pacer(limits, () => Date.now(), row),
      new Pacer(limits, () => Date.now(), row),
    ];
    const at: number[] = [];
    const waves = instances.map((pacer, n) =>
      Promise.all(
        Array.from({ length: 84 }, (_, i) =>
          pacer.acquire(`c${n}-${i}`, true).then(() => at.push(Date.now())),
        ),
      ),
    );
    await clock.tickAsync(10_000);
    await Promise.all(waves);
    assert.equal(at.length, 168);
    const inSecond = (t: number) => at.filter((u) => u >= t && u < t + 1000).length;
    // The first burst: each instance sends its first 8 at once, before it reserves.
    const first = Math.max(...at.filter((t) => t < 1000).map(inSecond));
    assert.ok(first <= 28 + 16, `the first second: ${first}`);
    const busiest = Math.max(...at.filter((t) => t >= 1000).map(inSecond));
    assert.ok(busiest <= 29, `at most 28 (+1 at the window's edge) in one second: ${busiest}`);
    assert.ok(Math.max(...at) >= 5900, 'the two waves shared the rate: 168 took 6 s');
    assert.ok(row.reservations <= 168 / 4, `slots reserved in blocks (${row.reservations})`);
  });

  it('when an instance sends one message at a time, then it reserves nothing from the shared rate', async () => {
    const row = sharedRow();
    const pacer = new Pacer(limits, () => Date.now(), row);
    for (let i = 0; i < 3; i++) await pacer.acquire(`c${i}`, true);
    await pacer.acquire('c9'); // a reply in a turn
    assert.equal(row.reservations, 0);
  });

  it('when the shared rate cannot be read, then the instance paces itself alone and the messages still go', async () => {
    const pacer = new Pacer(limits, () => Date.now(), {
      reserve: () => Promise.reject(new Error('storage down')),
    });
    const sends = Promise.all(Array.from({ length: 10 }, (_, i) => pacer.acquire(`c${i}`, true)));
    await clock.tickAsync(100);
    await sends;
  });
});
