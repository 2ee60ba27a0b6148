import { odata, TableClient, type TransactionAction } from '@azure/data-tables';
import { WriteConflict } from '../app/conflict';
import { z } from 'zod';
import type { OfferStore, OrderChange, OrderFile, Stored, StoredEffect } from '../app/ports';
import { storedEffectsSchema } from '../app/stored-schemas';
import type { Effect, Offer } from '../domain/offers/offer';
import { effectSchema, storedOfferSchema } from '../domain/offers/offer-schema';
import type { Order } from '../domain/orders/order';
import { storedOrderSchema } from '../domain/orders/order-schema';
import { decodeKey, encodeKey } from './keys';
import { EFFECT_PARTS, gather, OFFER_PARTS, spread } from './long-json';
import { readEffects, removeEffect, withKeys } from './outbox-rows';
import { orderIndexEntity } from './order-index';
import { parseStored, rowName } from './parse-stored';
import {
  isConflict,
  isNotFound,
  isPreconditionFailed,
  partitionRows,
  type PartitionRow,
} from './tables';

export const ORDER_ROW = 'order';
const SENT = 'sent|';
/** Operations in one entity-group transaction at most (Table Storage's limit). */
const SENT_BATCH = 100;
/**
 * How long the first sent-card record of a batch waits for the cards sent beside it: the cards of
 * a wave come back from Teams a few milliseconds apart. Short, as a card delivered but not yet
 * recorded would be sent again (not updated) by a drain that took over after a crash.
 */
const SENT_LINGER_MS = 20;

interface SentRecord {
  rowKey: string;
  activityId: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const orderEffectsSchema = storedEffectsSchema(effectSchema);
const offersSchema = z.record(storedOfferSchema);

/**
 * The order row holds the order, its offers and its pending effects, so that every change is one
 * conditional write of one entity. This class is the only writer of the row (the order repository
 * creates and reads orders through it). (Azurite runs concurrent batch transactions unsafely: their
 * rollbacks share state, so a batch-based design lost rows under concurrent clicks there.)
 */
export interface OrderRow {
  partitionKey: string;
  rowKey: string;
  data: string;
  /** JSON, spread over `offers`, `offers_1`, … (long-json.ts); `effects` likewise. */
  [column: string]: string;
}

function newOrderRow(order: Order, effects: readonly Effect[]): OrderRow {
  return {
    partitionKey: encodeKey(order.orderId),
    rowKey: ORDER_ROW,
    data: JSON.stringify(order),
    ...spread('offers', '{}', OFFER_PARTS),
    ...spread('effects', JSON.stringify(withKeys(effects)), EFFECT_PARTS),
  };
}

export class TableOfferStore implements OfferStore {
  /** The effects of each order row as last loaded, by ETag: a commit after a load need not read the row again. */
  private readonly loaded = new Map<string, { etag: string; effects: StoredEffect[] }>();
  /** Sent-card records waiting for their write, by order partition (`recordSentCard`). */
  private readonly sentQueues = new Map<string, SentRecord[]>();

  constructor(private readonly table: TableClient) {}

  /** Writes a new order with the effects that start its work; creating it again changes nothing. */
  async create(order: Order, effects: readonly Effect[]): Promise<void> {
    try {
      await this.table.createEntity(newOrderRow(order, effects));
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
  }

  /** The order alone (its row's `data`), without its offers or sent cards. */
  async getOrder(orderId: string): Promise<Stored<Order> | undefined> {
    const pk = encodeKey(orderId.toUpperCase());
    try {
      const row = await this.table.getEntity<{ data: string }>(pk, ORDER_ROW);
      const what = rowName(this.table, pk, ORDER_ROW);
      return { value: parseStored(storedOrderSchema, row.data, what), etag: row.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async load(orderId: string): Promise<OrderFile | undefined> {
    const pk = encodeKey(orderId);
    const sentCards = new Map<string, string>();
    let row: PartitionRow | undefined;
    for await (const r of partitionRows(this.table, pk)) {
      if (r.rowKey === ORDER_ROW) row = r;
      // A row without an activity id is a claim of a card still being sent (claimSharedCard).
      else if (r.rowKey.startsWith(SENT) && r.activityId)
        sentCards.set(decodeKey(r.rowKey.slice(SENT.length)), r.activityId as string);
    }
    if (!row) return undefined;
    const what = rowName(this.table, pk, ORDER_ROW);
    const effects = parseStored(orderEffectsSchema, gather(row, 'effects', '[]'), what);
    this.remember(pk, row.etag, effects);
    const offers = new Map<string, Stored<Offer>>();
    for (const [email, offer] of Object.entries(
      parseStored(offersSchema, gather(row, 'offers', '{}'), what),
    ))
      offers.set(email, { value: offer, etag: row.etag });
    return {
      order: { value: parseStored(storedOrderSchema, row.data, what), etag: row.etag },
      offers,
      sentCards,
      effects,
    };
  }

  async commit(change: OrderChange, existing: OrderFile): Promise<void> {
    const offers: Record<string, Offer> = {};
    for (const [email, stored] of existing.offers) offers[email] = stored.value;
    for (const offer of change.offers) offers[offer.expertEmail] = offer;
    const effects = [
      ...(await this.effectsAt(change.order.value.orderId, change.order.etag)),
      ...withKeys(change.effects),
    ];
    const written = await this.table.updateEntity(
      {
        partitionKey: encodeKey(change.order.value.orderId),
        rowKey: ORDER_ROW,
        data: JSON.stringify(change.order.value),
        ...spread('offers', JSON.stringify(offers), OFFER_PARTS),
        ...spread('effects', JSON.stringify(effects), EFFECT_PARTS),
      },
      'Replace',
      { etag: change.order.etag },
    );
    // The index row's status follows the order where the coordinators' filters need it (unfilled,
    // cancelled, open again). An Accept (open → filled, one more assigned) leaves it alone: the list
    // reads each shown order itself, and SPEC §11 allows an Accept 15 storage requests in all.
    const before = existing.order.value;
    const after = change.order.value;
    // A change of the order's details (a new version) may move it in the filters (date, place, type).
    const changed = (before.version ?? 1) !== (after.version ?? 1);
    if (changed || (before.status !== after.status && after.status !== 'filled')) {
      await this.table.upsertEntity(orderIndexEntity(after), 'Replace');
    }
    if (written.etag) this.remember(encodeKey(change.order.value.orderId), written.etag, effects);
  }

  async listEffects(orderId: string): Promise<StoredEffect[]> {
    return (await this.readRow(orderId))?.effects ?? [];
  }

  /**
   * One conditional write when this instance knows the row's current ETag (it loaded or wrote it
   * last, as the drain does); a read and a write otherwise, or when someone wrote meanwhile.
   */
  async deleteEffects(orderId: string, keys: readonly string[]): Promise<void> {
    const pk = encodeKey(orderId);
    const known = this.loaded.get(pk);
    if (known) {
      const effects = known.effects.filter((e) => !keys.includes(e.key));
      try {
        const res = await this.table.updateEntity(
          {
            partitionKey: pk,
            rowKey: ORDER_ROW,
            ...spread('effects', JSON.stringify(effects), EFFECT_PARTS),
          },
          'Merge',
          { etag: known.etag },
        );
        if (res.etag) this.remember(pk, res.etag, effects);
        return;
      } catch (err) {
        if (!isPreconditionFailed(err)) throw err;
      }
    }
    this.loaded.delete(pk);
    await removeEffect(this.table, pk, ORDER_ROW, keys);
  }

  private remember(pk: string, etag: string, effects: StoredEffect[]): void {
    if (this.loaded.size >= 1000 && !this.loaded.has(pk)) this.loaded.clear();
    this.loaded.set(pk, { etag, effects });
  }

  /**
   * Records are written in batches per order partition: the first waits `SENT_LINGER_MS` for the
   * others of its wave, and those that arrive while a write is under way go together in the next
   * (one entity-group transaction of at most 100). A wave's cards, sent side by side, thus cost a
   * write or two, not one each. Each caller's promise says whether its own record was stored.
   */
  recordSentCard(orderId: string, email: string, activityId: string): Promise<void> {
    const pk = encodeKey(orderId);
    return new Promise<void>((resolve, reject) => {
      let queue = this.sentQueues.get(pk);
      if (!queue) {
        queue = [];
        this.sentQueues.set(pk, queue);
        setTimeout(() => void this.writeSent(pk, queue!), SENT_LINGER_MS);
      }
      queue.push({ rowKey: SENT + encodeKey(email), activityId, resolve, reject });
    });
  }

  /** Writes the partition's waiting records, a batch at a time, until none is left. */
  private async writeSent(pk: string, queue: SentRecord[]): Promise<void> {
    while (queue.length) {
      const batch = queue.splice(0, SENT_BATCH);
      // One entity at most once in a transaction: the later record of the same card wins.
      const rows = [...new Map(batch.map((r) => [r.rowKey, r])).values()].map((r) => ({
        partitionKey: pk,
        rowKey: r.rowKey,
        activityId: r.activityId,
      }));
      try {
        if (rows.length === 1) await this.table.upsertEntity(rows[0]!, 'Replace');
        else
          await this.table.submitTransaction(
            rows.map((row) => ['upsert', row, 'Replace'] as TransactionAction),
          );
        for (const r of batch) r.resolve();
      } catch (err) {
        for (const r of batch) r.reject(err);
      }
    }
    this.sentQueues.delete(pk);
  }

  async claimSharedCard(
    orderId: string,
    email: string,
    at: Date,
    holdMs: number,
  ): Promise<
    { type: 'mine'; etag: string } | { type: 'sent'; activityId: string } | { type: 'busy' }
  > {
    const pk = encodeKey(orderId);
    const rowKey = SENT + encodeKey(email);
    const claim = {
      partitionKey: pk,
      rowKey,
      activityId: '',
      heldUntil: new Date(at.getTime() + holdMs).toISOString(),
    };
    try {
      const created = await this.table.createEntity(claim);
      return { type: 'mine', etag: created.etag ?? '' };
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    let row: { activityId?: unknown; heldUntil?: unknown; etag: string };
    try {
      row = await this.table.getEntity(pk, rowKey);
    } catch (err) {
      // Given back meanwhile: the next try claims it.
      if (isNotFound(err)) return { type: 'busy' };
      throw err;
    }
    if (typeof row.activityId === 'string' && row.activityId)
      return { type: 'sent', activityId: row.activityId };
    if (typeof row.heldUntil === 'string' && row.heldUntil > at.toISOString())
      return { type: 'busy' };
    // The holder stopped before sending (or before storing the id): taken over with its ETag.
    try {
      const taken = await this.table.updateEntity(claim, 'Replace', { etag: row.etag });
      return { type: 'mine', etag: taken.etag ?? '' };
    } catch (err) {
      if (isPreconditionFailed(err)) return { type: 'busy' };
      throw err;
    }
  }

  async releaseSharedCard(orderId: string, email: string, etag: string): Promise<void> {
    await this.table
      .deleteEntity(encodeKey(orderId), SENT + encodeKey(email), { etag })
      .catch((err: unknown) => {
        if (!isNotFound(err) && !isPreconditionFailed(err)) throw err;
      });
  }

  async listOfferedTo(email: string, limit: number): Promise<string[]> {
    const ids: string[] = [];
    // Rarely asked (right of access): a filter on the sent-card rows, across the order partitions.
    for await (const row of this.table.listEntities({
      queryOptions: {
        filter: odata`RowKey eq ${SENT + encodeKey(email)}`,
        select: ['PartitionKey'],
      },
    })) {
      if (ids.length >= limit) break;
      ids.push(decodeKey(row.partitionKey!));
    }
    return ids;
  }

  /** The effects stored with the row as of `etag` (the write is conditional on it anyway). */
  private async effectsAt(orderId: string, etag: string): Promise<StoredEffect[]> {
    const known = this.loaded.get(encodeKey(orderId));
    if (known?.etag === etag) return known.effects;
    const row = await this.readRow(orderId);
    if (!row || row.etag !== etag) throw new WriteConflict('order');
    return row.effects;
  }

  private readRow(orderId: string): Promise<{ effects: StoredEffect[]; etag: string } | undefined> {
    return readEffects(this.table, encodeKey(orderId), ORDER_ROW, orderEffectsSchema);
  }
}
