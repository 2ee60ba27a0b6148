import assert from 'node:assert/strict';
import { Pacer } from '../../src/teams/pacer';

describe('pacer', () => {
  it('when 7 sends per second are allowed, then the 8th into one conversation waits for the window', async () => {
    let now = 0;
    const pacer = new Pacer({ perConversation: [{ count: 7, windowMs: 1000 }], overall: { count: 30, windowMs: 1000 } }, () => now);
    for (let i = 0; i < 7; i++) await pacer.acquire('c1');
    let eighth = false;
    const pending = pacer.acquire('c1').then(() => (eighth = true));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(eighth, false, 'the 8th waits');
    await pacer.acquire('c2'); // another conversation is not held up
    now = 1001;
    await pending;
    assert.equal(eighth, true);
  });

  it('when the app-wide limit is reached, then every conversation waits', async () => {
    let now = 0;
    const pacer = new Pacer({ perConversation: [{ count: 7, windowMs: 1000 }], overall: { count: 3, windowMs: 1000 } }, () => now);
    await pacer.acquire('a');
    await pacer.acquire('b');
    await pacer.acquire('c');
    let fourth = false;
    const pending = pacer.acquire('d').then(() => (fourth = true));
    await new Promise((r) => setTimeout(r, 20));
    assert.equal(fourth, false);
    now = 1001;
    await pending;
    assert.equal(fourth, true);
  });
});
