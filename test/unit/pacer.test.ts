import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Pacer } from '../../src/teams/pacer';

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
});
