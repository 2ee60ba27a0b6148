import { odata, type TableClient } from '@azure/data-tables';
import { retryOnConflict } from '../app/conflict';
import type { StatsRow, StatsStore } from '../app/ports';
import { addCounts, type CountDelta, type Counts } from '../domain/stats/aggregate';
import { encodeKey } from './keys';
import { isNotFound } from './tables';

const PARTITION = 'stats';
const FEEDBACK = (month: string) => `stats-feedback|${month}`;
/**
 * How many applied change keys a row remembers: a change is applied again only when its outbox
 * effect is repeated after a crash, soon after the first time, so a short memory makes it once.
 */
const REMEMBERED = 200;

const CACHED_ROWS = 64;

interface Row {
  counts?: string;
  applied?: string;
}

/**
 * The running counts of `/stats` (SPEC §6): one row per month and unit, and one per unit for the
 * claims waiting now, in one partition, so that a period of any length is one range read.
 */
export class TableStatsStore implements StatsStore {
  /**
   * The rows this instance wrote last, with their ETags: the next change of the same row is one
   * conditional write without a read (a 412, when another instance wrote meanwhile, reads again).
   */
  private readonly recent = new Map<string, Row & { etag: string }>();

  constructor(private readonly table: TableClient) {}

  async apply(delta: CountDelta, key: string): Promise<void> {
    for (const [rowKey, change] of Object.entries(delta))
      await retryOnConflict('stats_apply', async (): Promise<void> => {
        const cached = this.recent.get(rowKey);
        this.recent.delete(rowKey); // taken back only after a write that succeeds
        const row = cached ?? (await this.get(rowKey));
        const applied = JSON.parse(row?.applied ?? '[]') as string[];
        if (applied.includes(key)) return;
        const entity = {
          partitionKey: PARTITION,
          rowKey,
          counts: JSON.stringify(addCounts(JSON.parse(row?.counts ?? '{}') as Counts, change)),
          applied: JSON.stringify([...applied, key].slice(-REMEMBERED)),
        };
        // A create that finds the row (409) or an update that finds it changed (412): again.
        const { etag } = row
          ? await this.table.updateEntity(entity, 'Replace', { etag: row.etag })
          : await this.table.createEntity(entity);
        if (etag) this.remember(rowKey, { ...entity, etag });
      });
  }

  private async get(rowKey: string): Promise<(Row & { etag: string }) | undefined> {
    try {
      return await this.table.getEntity<Row>(PARTITION, rowKey);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private remember(rowKey: string, row: Row & { etag: string }): void {
    this.recent.set(rowKey, row);
    // The newest rows (this month's) are the ones changes touch; the oldest go first.
    if (this.recent.size > CACHED_ROWS) this.recent.delete(this.recent.keys().next().value!);
  }

  async read(months: readonly string[]): Promise<StatsRow[]> {
    const first = months[0] ?? '';
    const last = months.at(-1) ?? '';
    // The period's month rows and the waiting claims' rows: one query (one page up to 1,000 rows).
    const filter = odata`PartitionKey eq ${PARTITION} and ((RowKey ge ${first} and RowKey lt ${`${last}|~`}) or (RowKey ge ${'open|'} and RowKey lt ${'open|~'}))`;
    const rows: StatsRow[] = [];
    for await (const r of this.table.listEntities<Row>({
      queryOptions: { filter, select: ['RowKey', 'counts'] },
    }))
      rows.push({ key: r.rowKey!, counts: JSON.parse(r.counts ?? '{}') as Counts });
    return rows;
  }

  async addFeedbackPointer(month: string, orderId: string, rater: string): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: FEEDBACK(month), rowKey: `${encodeKey(orderId)}|${rater}`, orderId },
      'Replace',
    );
  }

  async hasFeedbackPointer(month: string, orderId: string, rater: string): Promise<boolean> {
    try {
      await this.table.getEntity(FEEDBACK(month), `${encodeKey(orderId)}|${rater}`);
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async dropFeedbackPointers(month: string, orderId: string): Promise<void> {
    const prefix = `${encodeKey(orderId)}|`;
    for await (const r of this.table.listEntities({
      queryOptions: {
        filter: odata`PartitionKey eq ${FEEDBACK(month)} and RowKey ge ${prefix} and RowKey lt ${`${prefix}~`}`,
        select: ['RowKey'],
      },
    }))
      await this.table.deleteEntity(FEEDBACK(month), r.rowKey!);
  }

  async listFeedbackPointers(months: readonly string[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const month of months)
      for await (const r of this.table.listEntities<{ orderId?: string }>({
        queryOptions: { filter: odata`PartitionKey eq ${FEEDBACK(month)}`, select: ['orderId'] },
      }))
        if (r.orderId) ids.add(r.orderId);
    return [...ids];
  }
}
