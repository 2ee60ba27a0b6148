import { odata, type TableClient } from '@azure/data-tables';
import type { ClaimFile, OrderFile, PrivacyStore, RetentionState } from '../app/ports';
import type { Claim } from '../domain/fees/claim';
import type { Offer } from '../domain/offers/offer';
import type { Order } from '../domain/orders/order';
import { decodeKey, encodeKey } from './keys';
import { ORDER_INDEX_PARTITION, orderIndexEntity, orderIndexKey } from './order-index';
import { paidMonth } from './table-claim-store';
import { ORDER_ROW } from './table-offer-store';
import { isConflict, isNotFound, partitionRows } from './tables';

const ERASURE = 'erasure';
const RETENTION = { partitionKey: 'retention', rowKey: 'state' } as const;
const duePartition = (month: string) => `retention-due|${month}`;
const MAX_PROPERTY_CHARS = 30_000;

const gone = (err: unknown) => {
  if (!isNotFound(err)) throw err;
};

export interface PrivacyTables {
  people: TableClient;
  registers: TableClient;
  orders: TableClient;
  claims: TableClient;
  jobs: TableClient;
}

/**
 * Erasure and retention (SPEC §13) at the level of rows: each method reads one partition or a key
 * range and deletes or rewrites by key; none reads a whole table. The partition and key layouts are
 * those of the other Table stores, which stay the owners of their rows' meaning.
 */
export class TablePrivacyStore implements PrivacyStore {
  constructor(private readonly t: PrivacyTables) {}

  async beginErasure(
    email: string,
    pseudonym: string,
  ): Promise<{ pseudonym: string; started: boolean }> {
    try {
      await this.t.jobs.createEntity({
        partitionKey: ERASURE,
        rowKey: encodeKey(email),
        pseudonym,
      });
      return { pseudonym, started: true };
    } catch (err) {
      if (!isConflict(err)) throw err;
      return { pseudonym: (await this.erasureOf(email)) ?? pseudonym, started: false };
    }
  }

  async erasureOf(email: string): Promise<string | undefined> {
    try {
      return (await this.t.jobs.getEntity<{ pseudonym: string }>(ERASURE, encodeKey(email)))
        .pseudonym;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async endErasure(email: string): Promise<void> {
    await this.t.jobs.deleteEntity(ERASURE, encodeKey(email)).catch(gone);
  }

  async listErasures(): Promise<string[]> {
    const emails: string[] = [];
    for await (const row of partitionRows(this.t.jobs, ERASURE)) emails.push(decodeKey(row.rowKey));
    return emails;
  }

  async ordersOfOrderer(ordererId: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of partitionRows(this.t.orders, ordererPartition(ordererId)))
      ids.push(row.rowKey);
    return ids;
  }

  async rewriteOrder(file: OrderFile, order: Order, offers: Offer[]): Promise<void> {
    const before = file.order.value;
    const byEmail = Object.fromEntries(offers.map((o) => [o.expertEmail, o]));
    const data = JSON.stringify(order);
    const offersText = JSON.stringify(byEmail);
    if (data.length > MAX_PROPERTY_CHARS || offersText.length > MAX_PROPERTY_CHARS)
      throw new Error('order_too_large');
    await this.t.orders.updateEntity(
      { partitionKey: encodeKey(order.orderId), rowKey: ORDER_ROW, data, offers: offersText },
      'Merge',
      { etag: file.order.etag },
    );
    await this.t.orders.upsertEntity(orderIndexEntity(order), 'Replace');
    if (before.ordererId !== order.ordererId) {
      await this.t.orders.upsertEntity(
        {
          partitionKey: ordererPartition(order.ordererId),
          rowKey: order.orderId,
          createdAt: order.createdAt,
        },
        'Replace',
      );
      await this.t.orders
        .deleteEntity(ordererPartition(before.ordererId), order.orderId)
        .catch(gone);
    }
  }

  async dropOrderRowsOf(orderId: string, email: string): Promise<void> {
    const pk = encodeKey(orderId);
    await this.t.orders.deleteEntity(pk, `sent|${encodeKey(email)}`).catch(gone);
    await this.t.orders.deleteEntity(`feedback-sent|${pk}`, encodeKey(email)).catch(gone);
  }

  async rewriteClaim(file: ClaimFile, claim: Claim, dropCardsOf?: string): Promise<void> {
    const before = file.claim.value;
    const pk = encodeKey(claim.claimId);
    // New index rows first, as the claim store does: a stale one is skipped when read.
    for (const [old, now] of [
      [expertPartition(before.expertEmail), expertPartition(claim.expertEmail)],
      [holderPartition(before.holderEmail), holderPartition(claim.holderEmail)],
    ] as const)
      if (old !== now)
        await this.t.claims.upsertEntity({ partitionKey: now, rowKey: claim.claimId }, 'Replace');
    await this.t.claims.updateEntity(
      { partitionKey: pk, rowKey: 'claim', data: JSON.stringify(claim) },
      'Merge',
      { etag: file.claim.etag },
    );
    if (before.expertEmail !== claim.expertEmail)
      await this.t.claims
        .deleteEntity(expertPartition(before.expertEmail), claim.claimId)
        .catch(gone);
    if (before.holderEmail !== claim.holderEmail)
      await this.t.claims
        .deleteEntity(holderPartition(before.holderEmail), claim.claimId)
        .catch(gone);
    // A holder row of a stage the person held before is stale but still names them.
    if (dropCardsOf && dropCardsOf !== claim.holderEmail)
      await this.t.claims.deleteEntity(holderPartition(dropCardsOf), claim.claimId).catch(gone);
    if (dropCardsOf)
      for (const card of file.cards.filter((c) => c.email.toLowerCase() === dropCardsOf))
        await this.t.claims.deleteEntity(pk, `card|${encodeKey(card.activityId)}`).catch(gone);
  }

  async dropFeedbackComment(orderId: string, raterEmail: string): Promise<void> {
    const pk = `feedback-by|${encodeKey(raterEmail)}`;
    try {
      const row = await this.t.orders.getEntity<Record<string, unknown>>(pk, encodeKey(orderId));
      if (!row.comment) return;
      const { comment: _comment, etag, timestamp: _ts, ...rest } = row;
      await this.t.orders.updateEntity(
        rest as { partitionKey: string; rowKey: string },
        'Replace',
        { etag: String(etag) },
      );
    } catch (err) {
      gone(err);
    }
  }

  async deletePersonRows(email: string, aadObjectId?: string): Promise<void> {
    const key = encodeKey(email);
    await this.t.registers.deleteEntity('load', key).catch(gone);
    await this.deletePartition(this.t.registers, `audit|${encodeKey(email.toLowerCase())}`);
    await this.deletePartition(this.t.orders, `feedback-by|${key}`);
    await this.deletePartition(this.t.orders, `feedback-about|${key}`);
    await this.deletePartition(this.t.jobs, `waiting|${encodeKey(email.toLowerCase())}`);
    // Why Teams could not reach them (the reach store's row in the same table).
    await this.t.jobs.deleteEntity('reach_failure', encodeKey(email.toLowerCase())).catch(gone);
    if (aadObjectId) await this.t.orders.deleteEntity('draft', encodeKey(aadObjectId)).catch(gone);
    // Timers waiting for the person (feedback cards, reminders): the timer partition holds only
    // work still to come, so this filter reads a bounded number of rows.
    for await (const row of this.t.jobs.listEntities<{ email?: string }>({
      queryOptions: { filter: odata`PartitionKey eq 'timer' and email eq ${email}` },
    }))
      if (row.partitionKey === 'timer' && row.email === email)
        await this.t.jobs.deleteEntity('timer', row.rowKey!).catch(gone);
    // Export links live a day; the rows of the person's own links go now.
    for await (const row of partitionRows(this.t.claims, 'export'))
      if (
        (typeof row.data === 'string' ? row.data : '').toLowerCase().includes(`"email":"${email}"`)
      )
        await this.t.claims.deleteEntity('export', row.rowKey).catch(gone);
  }

  async readRetention(): Promise<RetentionState> {
    try {
      const row = await this.t.jobs.getEntity<{ data: string }>(
        RETENTION.partitionKey,
        RETENTION.rowKey,
      );
      return JSON.parse(row.data) as RetentionState;
    } catch (err) {
      if (isNotFound(err)) return {};
      throw err;
    }
  }

  async saveRetention(state: RetentionState): Promise<void> {
    await this.t.jobs.upsertEntity({ ...RETENTION, data: JSON.stringify(state) }, 'Replace');
  }

  async ordersCreatedBetween(since: string | undefined, before: string): Promise<string[]> {
    // The index counts time backwards: older orders have larger keys.
    const ids: string[] = [];
    for await (const r of partitionRows(this.t.orders, ORDER_INDEX_PARTITION, {
      from: createdBeforeKey(before),
      ...(since !== undefined ? { to: createdBeforeKey(since) } : {}),
    }))
      ids.push(String(r.orderId));
    return ids;
  }

  async addDue(month: string, orderId: string): Promise<void> {
    await this.t.jobs.upsertEntity(
      { partitionKey: duePartition(month), rowKey: orderId },
      'Replace',
    );
  }

  async listDue(month: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of partitionRows(this.t.jobs, duePartition(month))) ids.push(row.rowKey);
    return ids;
  }

  async removeDue(month: string, orderId: string): Promise<void> {
    await this.t.jobs.deleteEntity(duePartition(month), orderId).catch(gone);
  }

  async deleteOrder(order: Order): Promise<void> {
    const pk = encodeKey(order.orderId);
    const people = [order.ordererEmail, ...order.assigned.map((a) => a.email)];
    for (const email of people)
      await this.t.orders.deleteEntity(`feedback-by|${encodeKey(email)}`, pk).catch(gone);
    await this.deletePartition(this.t.orders, `feedback-sent|${pk}`);
    await this.t.orders.deleteEntity(ordererPartition(order.ordererId), order.orderId).catch(gone);
    await this.t.orders.deleteEntity(ORDER_INDEX_PARTITION, orderIndexKey(order)).catch(gone);
    // The order row last: until then a retried run finds the order and finishes the rest.
    for await (const row of partitionRows(this.t.orders, pk))
      if (row.rowKey !== ORDER_ROW) await this.t.orders.deleteEntity(pk, row.rowKey).catch(gone);
    await this.t.orders.deleteEntity(pk, ORDER_ROW).catch(gone);
  }

  async deleteClaim(claim: Claim): Promise<void> {
    const month = paidMonth(claim);
    // Everyone who ever held the claim may still have a holder row of it (they are dropped lazily).
    const holders = new Set([
      claim.holderEmail,
      ...Object.values(claim.chain).filter((e): e is string => typeof e === 'string'),
      ...claim.history.flatMap((h) => [h.by, ...(h.to ? [h.to] : [])]),
    ]);
    for (const pk of [
      expertPartition(claim.expertEmail),
      ...[...holders].map(holderPartition),
      'open',
      ...(month ? [`paid|${month}`] : []),
    ])
      await this.t.claims.deleteEntity(pk, claim.claimId).catch(gone);
    const pk = encodeKey(claim.claimId);
    for await (const row of partitionRows(this.t.claims, pk))
      if (row.rowKey !== 'claim') await this.t.claims.deleteEntity(pk, row.rowKey).catch(gone);
    await this.t.claims.deleteEntity(pk, 'claim').catch(gone);
  }

  deleteDraftsBefore(before: string): Promise<number> {
    return this.deleteOlder('draft', 'updatedAt', before);
  }

  deleteSubmissionsBefore(before: string): Promise<number> {
    return this.deleteOlder('submission', 'at', before);
  }

  /**
   * Deletes the rows of an Orders partition whose time column is before `before`: the filter runs
   * in storage, so a run gets back only the rows that have aged out since the last one.
   */
  private async deleteOlder(pk: string, column: string, before: string): Promise<number> {
    let count = 0;
    for await (const row of this.t.orders.listEntities<Record<string, unknown>>({
      queryOptions: {
        filter: `PartitionKey eq '${pk}' and ${column} lt '${before.replace(/'/g, "''")}'`,
        select: ['PartitionKey', 'RowKey', column],
      },
    })) {
      const at = row[column];
      if (row.partitionKey !== pk || typeof at !== 'string' || at >= before) continue;
      await this.t.orders.deleteEntity(pk, row.rowKey!).catch(gone);
      count++;
    }
    return count;
  }

  private async deletePartition(table: TableClient, pk: string): Promise<void> {
    for await (const row of partitionRows(table, pk))
      await table.deleteEntity(pk, row.rowKey).catch(gone);
  }
}

/** The smallest index key of an order created before `iso` (keys start with the time counted backwards). */
const createdBeforeKey = (iso: string) =>
  `${orderIndexKey({ orderId: '', createdAt: iso }).slice(0, 13)}~`;
const ordererPartition = (ordererId: string) => `orderer-${encodeKey(ordererId)}`;
const expertPartition = (email: string) => `expert|${encodeKey(email)}`;
const holderPartition = (email: string) => `holder|${encodeKey(email)}`;
