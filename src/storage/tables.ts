import { TableClient, TableServiceClient } from '@azure/data-tables';

export const TABLE_NAMES = ['People', 'Registers', 'Outbox', 'Counters', 'Orders', 'Jobs'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/** One client per table; `prefix` lets tests and instances share an account without sharing rows. */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();

  constructor(
    private readonly connectionString: string,
    private readonly prefix: string,
  ) {}

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      client = TableClient.fromConnectionString(this.connectionString, `${this.prefix}${name}`, {
        allowInsecureConnection: this.connectionString.includes('http://') || /UseDevelopmentStorage/i.test(this.connectionString),
        retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 2000 },
      });
      this.clients.set(name, client);
    }
    return client;
  }

  /** Creates all tables (idempotent); called at start. */
  async ensureTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((n) => this.table(n).createTable()));
  }

  /** A cheap round trip for /healthz. */
  async ping(): Promise<void> {
    const service = TableServiceClient.fromConnectionString(this.connectionString, {
      allowInsecureConnection: this.connectionString.includes('http://'),
      retryOptions: { maxRetries: 0 },
    });
    const pages = service.listTables({ queryOptions: { filter: `TableName eq '${this.prefix}People'` } }).byPage({ maxPageSize: 1 });
    await pages.next();
  }
}

export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'statusCode' in err ? (err as { statusCode?: number }).statusCode : undefined;
}

export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;
export const isConflict = (err: unknown): boolean => statusOf(err) === 409;
export const isPreconditionFailed = (err: unknown): boolean => statusOf(err) === 412;
