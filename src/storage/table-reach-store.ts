import { TableClient } from '@azure/data-tables';
import { waitingId, type ReachStore, type WaitingItem, type WaitingRow } from '../app/reach';
import { waitingItemSchema } from '../app/stored-schemas';
import { encodeKey } from './keys';
import { parseStored, rowName } from './parse-stored';
import { isNotFound, partitionRows } from './tables';

const partition = (email: string) => `waiting|${encodeKey(email.toLowerCase())}`;
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
}
