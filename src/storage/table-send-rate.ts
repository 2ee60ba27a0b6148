import type { TableClient } from '@azure/data-tables';
import { retryOnConflict, WriteConflict } from '../app/conflict';
import type { SharedRate } from '../teams/pacer';
import { isConflict, isNotFound, isPreconditionFailed } from './tables';

const PARTITION = 'send_rate';
const ROW = 'teams';

/**
 * The app's send rate shared by every instance (SPEC §11: 30 a second for the whole app): one row
 * holds the time from which the next slots are free. An instance reserves a block of slots, spaced
 * evenly, with one conditional write on the etag it last saw; a write that lost to another
 * instance's reads the row again (`retryOnConflict`). Slots of different instances never overlap,
 * so together they keep the rate, at a fraction of a storage request per message.
 */
export class TableSendRate implements SharedRate {
  /** The row as this instance last wrote or read it. */
  private known?: { etag: string; next: number };

  constructor(
    private readonly table: TableClient,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** Reads the row once at start (creating it), so that a reservation is one write from then on. */
  async prime(): Promise<void> {
    this.known = await this.read();
    if (this.known) return;
    try {
      const res = await this.table.createEntity({
        partitionKey: PARTITION,
        rowKey: ROW,
        next: '0',
      });
      this.known = res.etag ? { etag: res.etag, next: 0 } : undefined;
    } catch (err) {
      if (!isConflict(err)) throw err; // another instance created it: read when first reserving
    }
  }

  async reserve(count: number, intervalMs: number): Promise<number> {
    return retryOnConflict('send_rate', async () => {
      const row = this.known ?? (await this.read());
      const start = Math.max(this.now(), row?.next ?? 0);
      const next = Math.ceil(start + count * intervalMs);
      // Milliseconds since 1970 as text: an untyped number that large is not an Int32.
      const entity = { partitionKey: PARTITION, rowKey: ROW, next: String(next) };
      try {
        const res = row
          ? await this.table.updateEntity(entity, 'Replace', { etag: row.etag })
          : await this.table.createEntity(entity);
        this.known = res.etag ? { etag: res.etag, next } : undefined;
        return start;
      } catch (err) {
        this.known = undefined;
        if (isPreconditionFailed(err) || isConflict(err) || isNotFound(err))
          throw new WriteConflict('send_rate');
        throw err;
      }
    });
  }

  private async read(): Promise<{ etag: string; next: number } | undefined> {
    try {
      const row = await this.table.getEntity<{ next?: unknown }>(PARTITION, ROW);
      const next = Number(row.next);
      return { etag: row.etag, next: Number.isFinite(next) ? next : 0 };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
