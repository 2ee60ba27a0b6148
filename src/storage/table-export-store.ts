import { odata, type TableClient } from '@azure/data-tables';
import { createHash, randomBytes } from 'node:crypto';
import type { ExportRequest, ExportStore } from '../app/ports';
import { exportRequestSchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { isNotFound } from './tables';

const PARTITION = 'export';
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Export links: a 256-bit random token lives only in the link; the row key is its SHA-256, so
 * the stored rows cannot be turned back into working links. The row says who asked for what.
 */
export class TableExportStore implements ExportStore {
  constructor(private readonly table: TableClient) {}

  async create(request: ExportRequest): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.table.createEntity({
      partitionKey: PARTITION,
      rowKey: hashOf(token),
      expiresAt: request.expiresAt,
      data: JSON.stringify(request),
    });
    return token;
  }

  async get(token: string): Promise<ExportRequest | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    try {
      const row = await this.table.getEntity<{ data: string }>(PARTITION, hashOf(token));
      return parseStored(
        exportRequestSchema,
        row.data,
        rowName(this.table, PARTITION, hashOf(token)),
      );
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async delete(token: string): Promise<void> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return;
    await this.table.deleteEntity(PARTITION, hashOf(token)).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  async deleteExpired(now: string): Promise<void> {
    const filter = odata`PartitionKey eq ${PARTITION} and expiresAt lt ${now}`;
    for await (const row of this.table.listEntities<{ expiresAt?: string }>({
      queryOptions: { filter, select: ['RowKey', 'expiresAt'] },
    })) {
      if (!row.rowKey || !row.expiresAt || row.expiresAt >= now) continue;
      await this.table.deleteEntity(PARTITION, row.rowKey).catch((err: unknown) => {
        if (!isNotFound(err)) throw err;
      });
    }
  }
}
