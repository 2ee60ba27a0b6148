import { TableClient, TransactionAction } from '@azure/data-tables';
import { randomUUID } from 'node:crypto';
import type { OfferStore, OrderChange, OrderFile, Stored, StoredEffect } from '../app/ports';
import type { Effect, Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { decodeKey, encodeKey } from './keys';
import { isNotFound, partitionRows } from './tables';

const ORDER_ROW = 'order';
const OFFER = 'offer|';
const SENT = 'sent|';
const EFFECT = 'effect|';

interface Row {
  partitionKey: string;
  rowKey: string;
  etag: string;
  data?: string;
  activityId?: string;
}

/** Effect rows, in the order given, to be written in the same transaction as the change. */
export function effectRows(pk: string, effects: readonly Effect[]): TransactionAction[] {
  const stamp = Date.now().toString(36).padStart(10, '0');
  return effects.map((effect, i) => [
    'create',
    { partitionKey: pk, rowKey: `${EFFECT}${stamp}-${String(i).padStart(3, '0')}-${randomUUID().slice(0, 8)}`, data: JSON.stringify(effect) },
  ]);
}

/** An order's partition: the order row, one row per offer, sent-card ids and pending effects. */
export class TableOfferStore implements OfferStore {
  constructor(private readonly table: TableClient) {}

  async load(orderId: string): Promise<OrderFile | undefined> {
    const rows: Row[] = [];
    for await (const row of partitionRows(this.table, encodeKey(orderId))) rows.push(row as unknown as Row);
    const orderRow = rows.find((r) => r.rowKey === ORDER_ROW);
    if (!orderRow) return undefined;
    const offers = new Map<string, Stored<Offer>>();
    const sentCards = new Map<string, string>();
    for (const r of rows) {
      if (r.rowKey.startsWith(OFFER)) offers.set(decodeKey(r.rowKey.slice(OFFER.length)), { value: JSON.parse(r.data!) as Offer, etag: r.etag });
      if (r.rowKey.startsWith(SENT)) sentCards.set(decodeKey(r.rowKey.slice(SENT.length)), r.activityId!);
    }
    return { order: { value: JSON.parse(orderRow.data!) as Order, etag: orderRow.etag }, offers, sentCards };
  }

  async commit(change: OrderChange, existing: OrderFile): Promise<void> {
    const pk = encodeKey(change.order.value.orderId);
    const actions: TransactionAction[] = [
      ['update', { partitionKey: pk, rowKey: ORDER_ROW, data: JSON.stringify(change.order.value) }, 'Replace', { etag: change.order.etag }],
    ];
    for (const offer of change.offers) {
      const row = { partitionKey: pk, rowKey: OFFER + encodeKey(offer.expertEmail), data: JSON.stringify(offer) };
      const before = existing.offers.get(offer.expertEmail);
      actions.push(before ? ['update', row, 'Replace', { etag: before.etag }] : ['create', row]);
    }
    actions.push(...effectRows(pk, change.effects));
    if (actions.length > 100) throw new Error('transaction_too_large');
    await this.table.submitTransaction(actions);
  }

  async listEffects(orderId: string): Promise<StoredEffect[]> {
    const pk = encodeKey(orderId);
    const out: StoredEffect[] = [];
    for await (const r of partitionRows(this.table, pk, { from: EFFECT, to: 'effect}' })) out.push({ key: r.rowKey, effect: JSON.parse(r.data as string) as Effect });
    return out;
  }

  async deleteEffect(orderId: string, key: string): Promise<void> {
    await this.table.deleteEntity(encodeKey(orderId), key).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  async recordSentCard(orderId: string, email: string, activityId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: encodeKey(orderId), rowKey: SENT + encodeKey(email), activityId }, 'Replace');
  }
}
