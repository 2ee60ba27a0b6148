import { odata, type TableClient } from '@azure/data-tables';
import type { Order } from '../domain/orders/order';
import { ORDER_INDEX_PARTITION, orderIndexEntity } from './order-index';
import { ORDER_ROW } from './table-offer-store';
import { isConflict, isNotFound } from './tables';

/** The mark that the backfill ran to its end on this store: later starts read one row and stop. */
const DONE = { partitionKey: 'migration', rowKey: 'order-index-backfill' };

/**
 * Writes the order-index row of every order stored before the index existed (issue 13). Safe to
 * run again and on two instances at once: an index row that exists is never replaced (it may be
 * newer than the order as read here). Reads the whole Orders table once, then marks itself done.
 * Returns how many index rows it wrote.
 */
export async function backfillOrderIndex(table: TableClient): Promise<number> {
  try {
    await table.getEntity(DONE.partitionKey, DONE.rowKey);
    return 0;
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
  const indexed = new Set<string>();
  for await (const row of table.listEntities<{ orderId?: string }>({
    queryOptions: {
      filter: odata`PartitionKey eq ${ORDER_INDEX_PARTITION}`,
      select: ['PartitionKey', 'RowKey', 'orderId'],
    },
  }))
    if (row.partitionKey === ORDER_INDEX_PARTITION) indexed.add(String(row.orderId));
  let written = 0;
  for await (const row of table.listEntities<{ data?: string }>({
    queryOptions: {
      filter: odata`RowKey eq ${ORDER_ROW}`,
      select: ['PartitionKey', 'RowKey', 'data'],
    },
  })) {
    if (row.rowKey !== ORDER_ROW || !row.data) continue;
    const order = JSON.parse(row.data) as Order;
    if (indexed.has(order.orderId)) continue;
    try {
      await table.createEntity(orderIndexEntity(order));
      written++;
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }
  await table.upsertEntity({ ...DONE, at: new Date().toISOString(), written }, 'Replace');
  return written;
}
