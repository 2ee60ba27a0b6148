import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import type { Order } from '../../src/domain/orders/order';
import {
  ORDER_INDEX_PARTITION,
  orderIndexEntity,
  orderIndexKey,
} from '../../src/storage/order-index';
import { backfillOrderIndex } from '../../src/storage/order-index-backfill';
import { storageTarget, TableStore } from '../../src/storage/tables';
import { storedOrder } from '../support/scenario';
import { World } from '../support/world';

describe('order index backfill (issue 13)', () => {
  let world: World;
  let table: TableClient;

  beforeEach(async () => {
    world = await World.start();
    table = new TableStore(storageTarget(world.config()), world.prefix).table('Orders');
  });
  afterEach(() => world.stop());

  /** Orders as they were stored before the index existed: the order rows, no index rows. */
  async function ordersWithoutIndex(count: number): Promise<Order[]> {
    const orders = Array.from({ length: count }, (_, i) => storedOrder(i + 1));
    for (const o of orders) {
      await world.bot.services.orders.create(o, []);
      await table.deleteEntity(ORDER_INDEX_PARTITION, orderIndexKey(o));
    }
    await table.deleteEntity('migration', 'order-index-backfill'); // as on a store of that time
    return orders;
  }

  it('when orders were stored before the index existed, then the next start lists them all, newest first', async () => {
    const orders = await ordersWithoutIndex(12);
    assert.deepEqual(await world.bot.services.orders.listNewest(undefined, 50), []);
    await world.restart();
    const listed = await world.bot.services.orders.listNewest(undefined, 50);
    assert.deepEqual(
      listed.map((r) => r.orderId),
      orders.map((o) => o.orderId).reverse(),
    );
    assert.equal(listed[0]!.status, 'open');
  });

  it('when the backfill runs again or an index row is newer than it knows, then nothing is written twice or overwritten', async () => {
    const [first, second] = await ordersWithoutIndex(2);
    // One order already has its (newer) index row: the backfill must leave it as it is.
    await table.upsertEntity(orderIndexEntity({ ...first!, status: 'cancelled' }));
    assert.equal(await backfillOrderIndex(table), 1);
    assert.equal(await backfillOrderIndex(table), 0, 'a second run writes nothing');
    const rows = await world.bot.services.orders.listNewest(undefined, 50);
    assert.deepEqual(
      rows.map((r) => [r.orderId, r.status]),
      [
        [second!.orderId, 'open'],
        [first!.orderId, 'cancelled'],
      ],
    );
  });
});
