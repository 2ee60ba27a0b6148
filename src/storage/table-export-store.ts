import type { TableClient } from '@azure/data-tables';
import { randomBytes } from 'node:crypto';
import type { ExportRequest, ExportStore } from '../app/ports';
import { isNotFound } from './tables';

/** Export links: a 256-bit random token is the row key; the row says who asked for what. */
export class TableExportStore implements ExportStore {
  constructor(private readonly table: TableClient) {}

  async create(request: ExportRequest): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.table.createEntity({ partitionKey: 'export', rowKey: token, data: JSON.stringify(request) });
    return token;
  }

  async get(token: string): Promise<ExportRequest | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
    try {
      const row = await this.table.getEntity<{ data: string }>('export', token);
      return JSON.parse(row.data) as ExportRequest;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
