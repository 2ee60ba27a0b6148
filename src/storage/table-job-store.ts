import { TableClient } from '@azure/data-tables';
import type { JobStore, Timer, TimerKind } from '../app/ports';
import { decodeKey, encodeKey } from './keys';
import { isNotFound, isPreconditionFailed, partitionRows, type PartitionRow } from './tables';

interface TimerRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  kind: TimerKind;
  dueAt: string;
  orderId: string;
  wave?: number;
  email?: string;
  leaseUntil?: string;
}

/** Timers keyed by due time (range scans), and marks of orders with effects still to carry out. */
export class TableJobStore implements JobStore {
  constructor(private readonly table: TableClient) {}

  async schedule(t: Omit<Timer, 'key'>): Promise<void> {
    // The key names the job, so scheduling the same job twice keeps one row.
    const rowKey = `${t.dueAt}|${t.kind}|${encodeKey(t.orderId)}|${encodeKey(t.email ?? String(t.wave ?? ''))}`;
    await this.table.upsertEntity({ partitionKey: 'timer', rowKey, ...t }, 'Merge');
  }

  async claimDueTimers(now: Date, leaseMs: number, limit: number): Promise<Timer[]> {
    const claimed: Timer[] = [];
    for await (const r of partitionRows(this.table, 'timer', { to: `${now.toISOString()}~` })) {
      const row = r as unknown as TimerRow;
      if (claimed.length >= limit) break;
      if (await this.lease(row, now, leaseMs)) {
        claimed.push({ key: row.rowKey!, kind: row.kind, dueAt: row.dueAt, orderId: row.orderId, wave: row.wave, email: row.email });
      }
    }
    return claimed;
  }

  async completeTimer(key: string): Promise<void> {
    await this.table.deleteEntity('timer', key).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  async markDirty(orderId: string): Promise<void> {
    await this.table.upsertEntity({ partitionKey: 'dirty', rowKey: encodeKey(orderId), leaseUntil: '' }, 'Replace');
  }

  async claimDirtyOrders(now: Date, leaseMs: number, limit: number, onlyOrderId?: string): Promise<Array<{ orderId: string; etag: string }>> {
    const rows: PartitionRow[] = [];
    if (onlyOrderId !== undefined) {
      try {
        rows.push((await this.table.getEntity('dirty', encodeKey(onlyOrderId))) as unknown as PartitionRow);
      } catch (err) {
        if (!isNotFound(err)) throw err;
      }
    } else {
      for await (const row of partitionRows(this.table, 'dirty')) {
        rows.push(row);
        if (rows.length >= limit * 4) break;
      }
    }
    const claimed: Array<{ orderId: string; etag: string }> = [];
    for (const row of rows) {
      if (claimed.length >= limit) break;
      const etag = await this.lease(row as unknown as TimerRow, now, leaseMs);
      if (etag) claimed.push({ orderId: decodeKey(row.rowKey), etag });
    }
    return claimed;
  }

  async clearDirty(orderId: string, etag: string): Promise<boolean> {
    try {
      await this.table.deleteEntity('dirty', encodeKey(orderId), { etag });
      return true;
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return false;
      throw err;
    }
  }

  /** Takes a row for `leaseMs` unless someone else holds it; returns the new etag on success. */
  private async lease(row: TimerRow, now: Date, leaseMs: number): Promise<string | undefined> {
    if (row.leaseUntil && row.leaseUntil > now.toISOString()) return undefined;
    try {
      const res = await this.table.updateEntity(
        { partitionKey: row.partitionKey, rowKey: row.rowKey, leaseUntil: new Date(now.getTime() + leaseMs).toISOString() },
        'Merge',
        { etag: row.etag },
      );
      return res.etag;
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err)) return undefined;
      throw err;
    }
  }
}
