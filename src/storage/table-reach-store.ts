import { TableClient } from '@azure/data-tables';
import {
  waitingId,
  type InstallFailure,
  type ReachStore,
  type WaitingItem,
  type WaitingRow,
} from '../app/reach';
import { waitingItemSchema } from '../app/stored-schemas';
import { decodeKey, encodeKey } from './keys';
import { parseStored, rowName } from './parse-stored';
import { isNotFound, partitionRows } from './tables';

const partition = (email: string) => `waiting|${encodeKey(email.toLowerCase())}`;
const FAILURES = 'reach_failure';
const rowKey = (item: WaitingItem) => `${item.kind}|${encodeKey(waitingId(item))}`;

/** What waits for a person's installation: a partition per person in the Jobs table. */
export class TableReachStore implements ReachStore {
  constructor(private readonly table: TableClient) {}

  async addWaiting(email: string, item: WaitingItem, since: string): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: partition(email), rowKey: rowKey(item), item: JSON.stringify(item), since },
      'Merge',
    );
  }

  async listWaiting(email: string): Promise<WaitingRow[]> {
    const rows: WaitingRow[] = [];
    for await (const r of partitionRows(this.table, partition(email))) {
      const what = rowName(this.table, r.partitionKey, r.rowKey);
      rows.push({ item: parseStored(waitingItemSchema, r.item, what), since: String(r.since) });
    }
    return rows;
  }

  async removeWaiting(email: string, item: WaitingItem): Promise<void> {
    await this.table.deleteEntity(partition(email), rowKey(item)).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  async recordFailure(email: string, reason: InstallFailure, at: string): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: FAILURES, rowKey: encodeKey(email.toLowerCase()), reason, at },
      'Replace',
    );
  }

  async getFailure(email: string): Promise<InstallFailure | undefined> {
    try {
      const row = await this.table.getEntity(FAILURES, encodeKey(email.toLowerCase()));
      return row.reason as InstallFailure;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async listFailures(): Promise<Map<string, InstallFailure>> {
    const failures = new Map<string, InstallFailure>();
    for await (const r of partitionRows(this.table, FAILURES))
      failures.set(decodeKey(r.rowKey), r.reason as InstallFailure);
    return failures;
  }
}
