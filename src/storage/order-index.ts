import { odata, type TableClient } from '@azure/data-tables';
import type { OrderIndexRow } from '../app/ports';
import { storedOrderIndexSchema } from '../app/stored-schemas';
import type { Order } from '../domain/orders/order';
import { parseEntity, rowName } from './parse-stored';

/**
 * One index partition of every order, newest first: the RowKey is the creation time counted
 * backwards, then the order number counted backwards, so that a page of the newest orders is one
 * range read of that partition however many years of orders the table holds. The row carries a
 * short summary (status, date, who is assigned) for filters; the order row stays the truth.
 */
export const ORDER_INDEX_PARTITION = 'order-index';

export function orderIndexKey(order: Pick<Order, 'orderId' | 'createdAt'>): string {
  const ms = Date.parse(order.createdAt);
  const [, year = '0', number = '0'] = /^T-(\d+)-(\d+)$/i.exec(order.orderId) ?? [];
  const backwards = (n: number, width: number) => String(10 ** width - 1 - n).padStart(width, '0');
  return `${backwards(ms, 13)}-${backwards(Number(year), 4)}-${backwards(Number(number), 6)}`;
}

export function orderIndexEntity(order: Order) {
  return {
    partitionKey: ORDER_INDEX_PARTITION,
    rowKey: orderIndexKey(order),
    orderId: order.orderId,
    status: order.status,
    date: order.date,
    taskType: order.taskType,
    municipality: order.municipality ?? '',
    unitId: order.unitId,
    remote: order.remote,
    assigned: order.assigned
      .map((a) => `${a.name} <${a.email}>`)
      .join('; ')
      .slice(0, 2000),
    createdAt: order.createdAt,
  };
}

/** Up to `limit` index rows after `after` (exclusive), newest first: one range read, one page. */
export async function readOrderIndex(
  table: TableClient,
  after: string | undefined,
  limit: number,
): Promise<OrderIndexRow[]> {
  let filter = odata`PartitionKey eq ${ORDER_INDEX_PARTITION}`;
  if (after !== undefined) filter += odata` and RowKey gt ${after}`;
  const rows: OrderIndexRow[] = [];
  const pages = table
    .listEntities<Record<string, unknown>>({ queryOptions: { filter } })
    .byPage({ maxPageSize: Math.min(limit, 1000) });
  for await (const page of pages) {
    for (const e of page) {
      // Azurite was seen returning rows of other partitions for range filters (tables.ts).
      if (
        e.partitionKey !== ORDER_INDEX_PARTITION ||
        (after !== undefined && String(e.rowKey) <= after)
      )
        continue;
      const what = rowName(table, ORDER_INDEX_PARTITION, String(e.rowKey));
      rows.push(parseEntity(storedOrderIndexSchema, e, what));
      if (rows.length >= limit) return rows;
    }
  }
  return rows;
}
