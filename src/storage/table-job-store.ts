import { TableClient } from '@azure/data-tables';
import type { JobStore, Timer } from '../app/ports';
import { decodeKey, encodeKey } from './keys';
import { randomUUID } from 'node:crypto';
import { isConflict, isNotFound, isPreconditionFailed, partitionRows } from './tables';

/** A timer as stored: the Timer's fields, keyed by due time, with the lease of whoever fires it. */
interface TimerRow extends Omit<Timer, 'key'> {
  partitionKey: string;
  rowKey: string;
  etag: string;
  leaseUntil?: string;
  leaseOwner?: string;
}

/** Timers keyed by due time (range scans), and marks of orders with effects still to carry out. */
export class TableJobStore implements JobStore {
  /** Who holds a lease: this instance (one store per bot process). */
  private readonly owner = randomUUID();

  constructor(private readonly table: TableClient) {}

  async schedule(t: Omit<Timer, 'key'>): Promise<void> {
    // The key names the job, so scheduling the same job twice keeps one row.
    const rowKey = `${t.dueAt}|${t.kind}|${encodeKey(t.orderId)}|${encodeKey(t.claimId ?? t.email ?? String(t.wave ?? ''))}`;
    await this.table.upsertEntity({ partitionKey: 'timer', rowKey, ...t }, 'Merge');
  }

  async claimDueTimers(now: Date, leaseMs: number, limit: number): Promise<Timer[]> {
    const claimed: Timer[] = [];
    for await (const r of partitionRows(this.table, 'timer', { to: `${now.toISOString()}~` })) {
      const row = r as unknown as TimerRow;
      if (claimed.length >= limit) break;
      if (await this.lease(row, now, leaseMs)) {
        claimed.push({
          key: row.rowKey,
          kind: row.kind,
          dueAt: row.dueAt,
          orderId: row.orderId,
          wave: row.wave,
          email: row.email,
          claimId: row.claimId,
        });
      }
    }
    return claimed;
  }

  async completeTimer(key: string): Promise<void> {
    await this.table.deleteEntity('timer', key).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  async markDirty(id: string): Promise<void> {
    // Merge a fresh stamp: the etag changes (a drain in progress will not clear the mark), the lease stays.
    await this.table.upsertEntity(
      { partitionKey: 'dirty', rowKey: encodeKey(id), markedAt: `${Date.now()}-${randomUUID()}` },
      'Merge',
    );
  }

  async listDirty(now: Date, limit: number): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of partitionRows(this.table, 'dirty')) {
      if (ids.length >= limit) break;
      // Leased rows are being drained (or will be retried when the lease ends): skip them, so that
      // a row that keeps failing cannot hold back the others.
      if (typeof row.leaseUntil !== 'string' || row.leaseUntil <= now.toISOString())
        ids.push(decodeKey(row.rowKey));
    }
    return ids;
  }

  async leaseDirty(
    id: string,
    now: Date,
    leaseMs: number,
    renew = false,
  ): Promise<string | undefined> {
    const rowKey = encodeKey(id);
    let row: TimerRow;
    try {
      row = (await this.table.getEntity('dirty', rowKey)) as unknown as TimerRow;
    } catch (err) {
      if (!isNotFound(err) || renew) {
        if (isNotFound(err)) return undefined;
        throw err;
      }
      return this.createLeased(rowKey, now, leaseMs);
    }
    // Renewing takes only our own lease: after ours ran out, another instance may hold the row.
    if (renew && row.leaseOwner !== this.owner) return undefined;
    const etag = await this.lease(renew ? { ...row, leaseUntil: undefined } : row, now, leaseMs);
    // Held elsewhere: a fresh stamp changes the etag, so the holder's clear fails and it drains again.
    if (!etag && !renew) await this.markDirty(id);
    return etag;
  }

  /** The mark is gone (drained and cleared meanwhile): mark it again, leased to us, in one write. */
  private async createLeased(
    rowKey: string,
    now: Date,
    leaseMs: number,
  ): Promise<string | undefined> {
    try {
      const res = await this.table.createEntity({
        partitionKey: 'dirty',
        rowKey,
        markedAt: `${Date.now()}-${randomUUID()}`,
        leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        leaseOwner: this.owner,
      });
      return res.etag;
    } catch (err) {
      if (isConflict(err)) return undefined; // marked meanwhile: whoever marked it kicks a drain
      throw err;
    }
    return undefined;
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
        {
          partitionKey: row.partitionKey,
          rowKey: row.rowKey,
          leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
          leaseOwner: this.owner,
        },
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
