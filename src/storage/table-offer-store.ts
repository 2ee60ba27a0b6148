import { TableClient } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { OfferStore, OrderChange, OrderFile, Stored, StoredEffect } from '../app/ports';
import type { Effect, Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { decodeKey, encodeKey } from './keys';
import { isNotFound, isPreconditionFailed, partitionRows } from './tables';

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

function withKeys(effects: readonly Effect[]): StoredEffect[] {
  const stamp = Date.now().toString(36).padStart(10, '0');
  return effects.map((effect, i) => ({ key: `${stamp}-${String(i).padStart(3, '0')}-${randomUUID().slice(0, 8)}`, effect }));
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
  }

  async listEffects(orderId: string): Promise<StoredEffect[]> {
    return (await this.readRow(orderId))?.effects ?? [];
  }

  async deleteEffect(orderId: string, key: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const row = await this.readRow(orderId);
      if (!row || !row.effects.some((e) => e.key === key)) return;
      try {
        await this.table.updateEntity(
          { partitionKey: encodeKey(orderId), rowKey: ORDER_ROW, effects: JSON.stringify(row.effects.filter((e) => e.key !== key)) },
          'Merge',
          { etag: row.etag },
        );
        return;
      } catch (err) {
        if (!isPreconditionFailed(err)) throw err;
      }
    }
    throw new Error('effect_delete_conflict');
  }

  async recordSentCard(orderId: string, email: string, activityId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: encodeKey(orderId), rowKey: SENT + encodeKey(email), activityId }, 'Replace');
  }

  /** The effects stored with the row as of `etag` (the write is conditional on it anyway). */
  private async effectsAt(orderId: string, etag: string): Promise<StoredEffect[]> {
    const row = await this.readRow(orderId);
    if (!row || row.etag !== etag) throw Object.assign(new Error('order_changed'), { statusCode: 412 });
    return row.effects;
  }

  private async readRow(orderId: string): Promise<{ effects: StoredEffect[]; etag: string } | undefined> {
    try {
      const row = await this.table.getEntity<{ effects?: string }>(encodeKey(orderId), ORDER_ROW);
      return { effects: JSON.parse(row.effects ?? '[]') as StoredEffect[], etag: row.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
