import { TableClient } from '@azure/data-tables';
import { z } from 'zod';
import type { JobStore, Renewed, Timer } from '../app/ports';
import { storedTimerSchema } from '../app/stored-schemas';
import { log } from '../log';
import { decodeKey, encodeKey } from './keys';
import { randomUUID } from 'node:crypto';
import { parseEntity, rowName } from './parse-stored';
import { isConflict, isNotFound, isPreconditionFailed, partitionRows } from './tables';
import { retryOnConflict, WriteConflict } from '../app/conflict';

/** A timer's or a dirty mark's row as far as leasing it needs: its keys and whoever holds it. */
const leasedRowSchema = z
  .object({
    partitionKey: z.string(),
    rowKey: z.string(),
    etag: z.string(),
    leaseUntil: z.string().optional(),
    leaseOwner: z.string().optional(),
  })
  .passthrough();
type LeasedRow = z.infer<typeof leasedRowSchema>;

/** A timer this code cannot read is looked at again (and reported) this often, not at every lease. */
const UNREADABLE_LEASE_MS = 5 * 60_000;

/** Timers keyed by due time (range scans), and marks of orders with effects still to carry out. */
/** The key names the job, so scheduling the same job twice keeps one row. */
function timerRow(t: Omit<Timer, 'key'>) {
  const rowKey = `${t.dueAt}|${t.kind}|${encodeKey(t.orderId)}|${encodeKey(t.claimId ?? t.email ?? String(t.wave ?? ''))}`;
  return Object.fromEntries(
    Object.entries({ partitionKey: 'timer', rowKey, ...t }).filter(([, v]) => v !== undefined),
  ) as { partitionKey: string; rowKey: string };
}

export class TableJobStore implements JobStore {
  /** Who holds a lease: this instance (one store per bot process). */
  private readonly owner = randomUUID();
  /** The etag of each timer row this instance leased and has not completed, to renew it. */
  private readonly heldTimers = new Map<string, string>();

  constructor(private readonly table: TableClient) {}

  async schedule(t: Omit<Timer, 'key'>): Promise<void> {
    await this.table.upsertEntity(timerRow(t), 'Merge');
  }

  async scheduleAll(timers: readonly Omit<Timer, 'key'>[]): Promise<void> {
    const rows = new Map(timers.map((t) => [timerRow(t).rowKey, timerRow(t)]));
    if (rows.size <= 1) return rows.size ? this.schedule(timers[0]!) : undefined;
    // One partition, each row once: one atomic batch.
    await this.table.submitTransaction(
      [...rows.values()].map((row) => ['upsert', row, 'Merge'] as const),
    );
  }

  async claimDueTimers(now: Date, leaseMs: number, limit: number): Promise<Timer[]> {
    const claimed: Timer[] = [];
    for await (const r of partitionRows(this.table, 'timer', { to: `${now.toISOString()}~` })) {
      if (claimed.length >= limit) break;
      const what = rowName(this.table, 'timer', r.rowKey);
      const row = parseEntity(leasedRowSchema, r, what);
      const timer = storedTimerSchema.safeParse(r);
      if (!timer.success) {
        // A timer this code cannot read (a newer version's kind, a hand edit) is leased like any
        // other: it does not hold back the timers after it, is reported once a lease, and is left
        // for an instance that knows it.
        if (await this.lease(row, now, Math.max(leaseMs, UNREADABLE_LEASE_MS)))
          log.error({ event: 'timer_unreadable' }, 'a stored timer does not parse');
        continue;
      }
      const etag = await this.lease(row, now, leaseMs);
      if (etag) {
        if (this.heldTimers.size >= 10_000) this.heldTimers.clear();
        this.heldTimers.set(row.rowKey, etag);
        const t = timer.data;
        claimed.push({
          key: row.rowKey,
          kind: t.kind,
          dueAt: t.dueAt,
          orderId: t.orderId,
          wave: t.wave,
          email: t.email,
          claimId: t.claimId,
        });
      }
    }
    return claimed;
  }

  async renewTimer(key: string, now: Date, leaseMs: number): Promise<boolean> {
    const etag = this.heldTimers.get(key);
    const renewed = etag && (await this.renewOwn('timer', key, etag, now, leaseMs));
    if (renewed) this.heldTimers.set(key, renewed.etag);
    else this.heldTimers.delete(key);
    return Boolean(renewed);
  }

  async completeTimer(key: string): Promise<void> {
    this.heldTimers.delete(key);
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
      // Rows leased by another instance are being drained there (or are retried when the lease
      // ends); our own leases are free again once our drain stopped (the runner keeps one per id).
      if (
        typeof row.leaseUntil !== 'string' ||
        row.leaseUntil <= now.toISOString() ||
        row.leaseOwner === this.owner
      )
        ids.push(decodeKey(row.rowKey));
    }
    return ids;
  }

  async leaseDirty(id: string, now: Date, leaseMs: number): Promise<string | undefined> {
    const rowKey = encodeKey(id);
    const row = await this.read('dirty', rowKey);
    if (!row) return this.createLeased(rowKey, now, leaseMs);
    // Our own lease left by a drain that failed (storage went away meanwhile) is ours to take again.
    const etag = await this.lease(row, now, leaseMs, row.leaseOwner === this.owner);
    // Held elsewhere: a fresh stamp changes the etag, so the holder's clear fails and it drains again.
    if (!etag) await this.markDirty(id);
    return etag;
  }

  /**
   * Extends our lease on a mark. `markedAgain`: the mark was stamped again since `etag`, and the
   * renewed etag hides that stamp from `clearDirty`, so the caller must go round once more.
   */
  async renewDirty(
    id: string,
    etag: string,
    now: Date,
    leaseMs: number,
  ): Promise<Renewed | undefined> {
    return this.renewOwn('dirty', encodeKey(id), etag, now, leaseMs);
  }

  /**
   * Extends a lease of ours: one conditional write on the etag we hold. When the row changed (a mark
   * stamped again, a timer scheduled again), it is read and, still ours, leased on its new etag;
   * a write landing between that read and ours only makes `retryOnConflict` read again (giving up
   * would leave the row leased to nobody working on it). Undefined: gone, or another instance's.
   */
  private async renewOwn(
    partitionKey: string,
    rowKey: string,
    etag: string,
    now: Date,
    leaseMs: number,
  ): Promise<Renewed | undefined> {
    const held = await this.lease({ partitionKey, rowKey, etag }, now, leaseMs, true);
    if (held) return { etag: held, markedAgain: false };
    return retryOnConflict(`${partitionKey}_lease`, async () => {
      const row = await this.read(partitionKey, rowKey);
      if (!row || row.leaseOwner !== this.owner) return undefined;
      const next = await this.lease(row, now, leaseMs, true);
      if (!next) throw new WriteConflict(`${partitionKey}_lease`);
      return { etag: next, markedAgain: true };
    });
  }

  private async read(partitionKey: string, rowKey: string): Promise<LeasedRow | undefined> {
    try {
      const entity = await this.table.getEntity(partitionKey, rowKey);
      return parseEntity(leasedRowSchema, entity, rowName(this.table, partitionKey, rowKey));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
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
  private async lease(
    row: LeasedRow,
    now: Date,
    leaseMs: number,
    ours = false,
  ): Promise<string | undefined> {
    if (!ours && row.leaseUntil && row.leaseUntil > now.toISOString()) return undefined;
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
