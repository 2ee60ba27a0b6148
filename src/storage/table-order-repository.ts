import { odata, TableClient } from '@azure/data-tables';
import type {
  DraftRepository,
  OrderDraft,
  OrderIndexRow,
  OrderRepository,
  Stored,
} from '../app/ports';
import type { Order } from '../domain/orders/order';
import type { Series } from '../domain/orders/series';
import type { Effect } from '../domain/offers/offer';
import { orderDraftSchema } from '../app/stored-schemas';
import { encodeKey } from './keys';
import { parseStored, rowName } from './parse-stored';
import { TableOfferStore } from './table-offer-store';
import { nextNumber } from './counter';
import { orderIndexEntity, readOrderIndex } from './order-index';
import { isConflict, isNotFound, partitionRows } from './tables';

/**
 * Orders as their orderers and the order form see them: the orderer index, numbers, submissions
 * and drafts. The order row itself is written and read by the offer store, its one owner.
 */
export class TableOrderRepository implements OrderRepository {
  private readonly rows: TableOfferStore;

  constructor(
    private readonly orders: TableClient,
    private readonly counters: TableClient,
  ) {
    this.rows = new TableOfferStore(orders);
  }

  async create(order: Order, effects: readonly Effect[]): Promise<void> {
    // Index first: an index row without its order is skipped when listed; an order without its
    // index row would be invisible to its orderer.
    await this.orders.upsertEntity(
      {
        partitionKey: ordererPartition(order.ordererId),
        rowKey: order.orderId,
        createdAt: order.createdAt,
      },
      'Replace',
    );
    await this.orders.upsertEntity(orderIndexEntity(order), 'Replace');
    await this.rows.create(order, effects);
  }

  get(orderId: string): Promise<Stored<Order> | undefined> {
    return this.rows.getOrder(orderId);
  }

  async listByOrderer(ordererId: string, limit: number): Promise<Order[]> {
    const ids: string[] = [];
    for await (const row of partitionRows(this.orders, ordererPartition(ordererId)))
      ids.push(row.rowKey);
    // Order numbers sort by year and number; the newest come last in key order.
    const newest = ids.sort().reverse().slice(0, limit);
    const found = await Promise.all(newest.map((id) => this.get(id)));
    return found.filter((s): s is Stored<Order> => s !== undefined).map((s) => s.value);
  }

  async countCreatedSince(ordererId: string, since: string): Promise<number> {
    // The orderer's index rows carry createdAt: one query of one partition, no order rows read.
    // createdAt is no key, so Table Storage reads every row of the key range to filter on it: the
    // range starts at the order numbers of `since`'s year (a number carries its creation year in
    // Helsinki, never earlier than the UTC year), not at the orderer's first order years ago.
    const from = `T-${since.slice(0, 4)}-`;
    const filter = odata`PartitionKey eq ${ordererPartition(ordererId)} and RowKey ge ${from} and createdAt ge ${since}`;
    const partition = ordererPartition(ordererId);
    let count = 0;
    for await (const row of this.orders.listEntities<{ createdAt?: string }>({
      queryOptions: { filter, select: ['PartitionKey', 'RowKey', 'createdAt'] },
    })) {
      // Checked here too: Azurite was seen returning rows of other partitions for range filters.
      if (row.partitionKey !== partition || (row.rowKey ?? '') < from) continue;
      if (row.createdAt && row.createdAt >= since) count++;
    }
    return count;
  }

  listNewest(after: string | undefined, limit: number): Promise<OrderIndexRow[]> {
    return readOrderIndex(this.orders, after, limit);
  }

  allocateNumber(year: number): Promise<number> {
    return nextNumber(this.counters, 'order-number', year);
  }

  async claimSubmission(submissionId: string, orderId: string, at?: string): Promise<string> {
    try {
      await this.orders.createEntity({
        partitionKey: 'submission',
        rowKey: encodeKey(submissionId),
        orderId,
        ...(at ? { at } : {}),
      });
      return orderId;
    } catch (err) {
      if (!isConflict(err)) throw err;
      const row = await this.orders.getEntity<{ orderId: string }>(
        'submission',
        encodeKey(submissionId),
      );
      return row.orderId;
    }
  }

  allocateSeriesNumber(year: number): Promise<number> {
    return nextNumber(this.counters, 'series-number', year);
  }

  async createSeries(series: Series): Promise<void> {
    try {
      await this.orders.createEntity({
        partitionKey: 'series',
        rowKey: encodeKey(series.seriesId),
        data: JSON.stringify(series),
      });
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }

  async getSeries(seriesId: string): Promise<Series | undefined> {
    try {
      const row = await this.orders.getEntity<{ data: string }>(
        'series',
        encodeKey(seriesId.toUpperCase()),
      );
      return JSON.parse(row.data) as Series;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async getDraft(personId: string): Promise<OrderDraft | undefined> {
    try {
      const rk = encodeKey(personId);
      const row = await this.orders.getEntity<{ data: string }>('draft', rk);
      return parseStored(orderDraftSchema, row.data, rowName(this.orders, 'draft', rk));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async saveDraft(personId: string, draft: OrderDraft): Promise<void> {
    await this.orders.upsertEntity(
      {
        partitionKey: 'draft',
        rowKey: encodeKey(personId),
        data: JSON.stringify(draft),
        // A column of its own, so that retention finds old drafts with a filter (SPEC §13).
        updatedAt: draft.updatedAt,
      },
      'Replace',
    );
  }

  async deleteDraft(personId: string): Promise<void> {
    await this.orders.deleteEntity('draft', encodeKey(personId)).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }
}

/** The same rows seen as the DraftRepository port. */
export function draftsOf(repo: TableOrderRepository): DraftRepository {
  return {
    get: (p) => repo.getDraft(p),
    save: (p, d) => repo.saveDraft(p, d),
    delete: (p) => repo.deleteDraft(p),
  };
}

function ordererPartition(ordererId: string): string {
  return `orderer-${encodeKey(ordererId)}`;
}
