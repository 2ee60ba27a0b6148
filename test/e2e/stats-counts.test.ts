import assert from 'node:assert/strict';
import type { RunningBot } from '../../src/main';
import { World } from '../support/world';

/** SPEC §6: the running counts behind /stats move once per change, on any instance. */
describe('running counts for /stats', () => {
  let world: World;
  let other: RunningBot;
  before(async () => {
    world = await World.start();
    other = await world.another();
  });
  after(() => world.stop());

  const orders = async () =>
    (await world.bot.services.stats.read(['2026-11'])).find((r) => r.key === '2026-11|u1')?.counts
      .total?.orders;

  it('when the same change is applied again (an outbox effect repeated after a crash), then it counts once', async () => {
    const delta = { '2026-11|u1': { total: { orders: 1 } } };
    await world.bot.services.stats.apply(delta, 'change-a');
    await world.bot.services.stats.apply(delta, 'change-a');
    await other.services.stats.apply(delta, 'change-a');
    assert.equal(await orders(), 1);
  });

  it('when two instances apply different changes to the same row, each at once, then both count', async () => {
    const delta = { '2026-11|u1': { total: { orders: 1 } } };
    // Each instance remembers the row as it last wrote it: the other's write makes that stale (412).
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? other : world.bot).services.stats.apply(delta, `change-${i}`),
      ),
    );
    await world.bot.services.stats.apply(delta, 'change-last');
    assert.equal(await orders(), 1 + 6 + 1);
  });

  it('when a change takes a counter back to zero, then the counter is gone from the row', async () => {
    await world.bot.services.stats.apply({ '2026-11|u1': { status: { open: 1 } } }, 'open');
    await other.services.stats.apply(
      { '2026-11|u1': { status: { open: -1, filled: 1 } } },
      'filled',
    );
    const row = (await world.bot.services.stats.read(['2026-11'])).find(
      (r) => r.key === '2026-11|u1',
    );
    assert.deepEqual(row?.counts.status, { filled: 1 });
  });
});
