import { odata, TableClient } from '@azure/data-tables';
import { WriteConflict } from '../app/conflict';
import type { OfferStore, OrderChange, OrderFile, Stored, StoredEffect } from '../app/ports';
import type { Effect, Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { decodeKey, encodeKey } from './keys';
import { readEffects, removeEffect, withKeys } from './outbox-rows';
import { orderIndexEntity } from './order-index';
import { partitionRows } from './tables';

export const ORDER_ROW = 'order';
const SENT = 'sent|';
/** Azure's limit for one string property is 64 KiB; stay well below it. */
const MAX_PROPERTY_CHARS = 30_000;

/**
 * The order row holds the order, its offers and its pending effects, so that every change is one
 * conditional write of one entity. (Azurite runs concurrent batch transactions unsafely: their
 * rollbacks share state, so a batch-based design lost rows under concurrent clicks there.)
 */
export interface OrderRow {
  partitionKey: string;
  rowKey: string;
  data: string;
  offers: string;
  effects: string;
}

export function newOrderRow(order: Order, effects: readonly Effect[]): OrderRow {
  return { partitionKey: encodeKey(order.orderId), rowKey: ORDER_ROW, data: JSON.stringify(order), offers: '{}', effects: JSON.stringify(withKeys(effects)) };
}

function checked(value: string, what: string): string {
  if (value.length > MAX_PROPERTY_CHARS) throw new Error(`${what}_too_large`);
  return value;
}

export class TableOfferStore implements OfferStore {
  constructor(private readonly table: TableClient) {}

  async load(orderId: string): Promise<OrderFile | undefined> {
    const pk = encodeKey(orderId);
    const sentCards = new Map<string, string>();
    let row: (OrderRow & { etag: string }) | undefined;
    for await (const r of partitionRows(this.table, pk)) {
      if (r.rowKey === ORDER_ROW) row = r as unknown as OrderRow & { etag: string };
      else if (r.rowKey.startsWith(SENT)) sentCards.set(decodeKey(r.rowKey.slice(SENT.length)), r.activityId as string);
    }
    if (!row) return undefined;
    const offers = new Map<string, Stored<Offer>>();
    for (const [email, offer] of Object.entries(JSON.parse(row.offers ?? '{}') as Record<string, Offer>)) offers.set(email, { value: offer, etag: row.etag });
    return { order: { value: JSON.parse(row.data) as Order, etag: row.etag }, offers, sentCards };
  }

  async commit(change: OrderChange, existing: OrderFile): Promise<void> {
    const offers: Record<string, Offer> = {};
    for (const [email, stored] of existing.offers) offers[email] = stored.value;
    for (const offer of change.offers) offers[offer.expertEmail] = offer;
    const effects = [...(await this.effectsAt(change.order.value.orderId, change.order.etag)), ...withKeys(change.effects)];
    await this.table.updateEntity(
      {
        partitionKey: encodeKey(change.order.value.orderId),
        rowKey: ORDER_ROW,
        data: JSON.stringify(change.order.value),
        offers: checked(JSON.stringify(offers), 'offers'),
        effects: checked(JSON.stringify(effects), 'effects'),
      },
      'Replace',
      { etag: change.order.etag },
    );
    // The index row's summary follows the order; a stale one (a crash here) is only a filter hint.
    const before = existing.order.value;
    const after = change.order.value;
    if (before.status !== after.status || before.assigned.length !== after.assigned.length || before.assigned.some((a, i) => a.email !== after.assigned[i]?.email)) {
      await this.table.upsertEntity(orderIndexEntity(after), 'Replace');
    }
  }

  async listEffects(orderId: string): Promise<StoredEffect[]> {
    return (await this.readRow(orderId))?.effects ?? [];
  }

  async deleteEffect(orderId: string, key: string): Promise<void> {
    await removeEffect(this.table, encodeKey(orderId), ORDER_ROW, key);
  }

  async recordSentCard(orderId: string, email: string, activityId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: encodeKey(orderId), rowKey: SENT + encodeKey(email), activityId }, 'Replace');
  }

  async listOfferedTo(email: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    // Rarely asked (right of access): a filter on the sent-card rows, across the order partitions.
    for await (const row of this.table.listEntities({ queryOptions: { filter: odata`RowKey eq ${SENT + encodeKey(email)}`, select: ['PartitionKey'] } })) {
      if (ids.length >= limit) break;
      ids.push(decodeKey(row.partitionKey!));
    }
    return ids;
  }

  /** The effects stored with the row as of `etag` (the write is conditional on it anyway). */
  private async effectsAt(orderId: string, etag: string): Promise<StoredEffect[]> {
    const row = await this.readRow(orderId);
    if (!row || row.etag !== etag) throw new WriteConflict('order');
    return row.effects;
  }

  private readRow(orderId: string): Promise<{ effects: StoredEffect[]; etag: string } | undefined> {
    return readEffects<Effect>(this.table, encodeKey(orderId), ORDER_ROW);
  }
}
