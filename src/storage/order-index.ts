import { odata, type TableClient } from '@azure/data-tables';
import type { OrderIndexRow } from '../app/ports';
import type { Order } from '../domain/orders/order';

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

function toIndexRow(e: Record<string, unknown>): OrderIndexRow {
  return {
    key: String(e.rowKey),
    orderId: String(e.orderId),
    status: String(e.status) as OrderIndexRow['status'],
    date: String(e.date),
    taskType: String(e.taskType),
    municipality: typeof e.municipality === 'string' ? e.municipality : '',
    unitId: String(e.unitId),
    remote: e.remote === true,
    assigned: typeof e.assigned === 'string' ? e.assigned : '',
    createdAt: String(e.createdAt),
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
      rows.push(toIndexRow(e));
      if (rows.length >= limit) return rows;
    }
  }
  return rows;
}
