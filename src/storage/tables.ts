import type { PipelineRequest, SendRequest } from '@azure/core-rest-pipeline';
import {
  odata,
  TableClient,
  TableServiceClient,
  type TableServiceClientOptions,
} from '@azure/data-tables';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { storageRequests } from './request-counter';

export const TABLE_NAMES = ['People', 'Registers', 'Counters', 'Orders', 'Jobs', 'Claims'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

/**
 * A storage call that has not answered in 10 s is abandoned and retried: without it one lost
 * response (seen with Azurite under concurrent load) would stall a turn or the outbox forever.
 */
const REQUEST_TIMEOUT = {
  name: 'requestTimeout',
  sendRequest: (request: PipelineRequest, next: SendRequest) => {
    request.timeout = 10_000;
    return next(request);
  },
};

/**
 * Where the tables are: a connection string (Azurite, or an account with shared keys), or an
 * account's Table endpoint reached with a token (in Azure the web app's managed identity, through
 * `DefaultAzureCredential`; shared-key access can then be off).
 */
export type StorageTarget =
  { connectionString: string } | { accountUrl: string; credential?: TokenCredential };

/** The storage target the configuration names: `STORAGE_ACCOUNT_URL` wins (config refuses both). */
export function storageTarget(c: {
  STORAGE_CONNECTION_STRING: string;
  STORAGE_ACCOUNT_URL?: string | undefined;
}): StorageTarget {
  return c.STORAGE_ACCOUNT_URL
    ? { accountUrl: c.STORAGE_ACCOUNT_URL }
    : { connectionString: c.STORAGE_CONNECTION_STRING };
}

/**
 * Counts the entities that table reads return, per table, while `counting` is on (tests and the
 * bench check that a command reads a bounded number of rows, not a whole table).
 */
export class ReadCounter {
  counting = false;
  readonly rows = new Map<TableName, number>();

  policy(name: TableName) {
    return {
      name: 'readCounter',
      sendRequest: async (request: PipelineRequest, next: SendRequest) => {
        const response = await next(request);
        if (
          this.counting &&
          request.method === 'GET' &&
          response.status === 200 &&
          response.bodyAsText
        ) {
          const body = JSON.parse(response.bodyAsText) as { value?: unknown[] };
          this.rows.set(
            name,
            (this.rows.get(name) ?? 0) + (Array.isArray(body.value) ? body.value.length : 1),
          );
        }
        return response;
      },
    };
  }
}

/** One client per table; `prefix` lets tests and instances share an account without sharing rows. */
export class TableStore {
  private readonly clients = new Map<TableName, TableClient>();
  private readonly target: StorageTarget;
  private credential: TokenCredential | undefined;
  readonly reads = new ReadCounter();

  constructor(
    target: string | StorageTarget,
    private readonly prefix: string,
  ) {
    this.target = typeof target === 'string' ? { connectionString: target } : target;
  }

  table(name: TableName): TableClient {
    let client = this.clients.get(name);
    if (!client) {
      const options: TableServiceClientOptions = {
        retryOptions: { maxRetries: 3, retryDelayInMs: 100, maxRetryDelayInMs: 2000 },
        additionalPolicies: [
          { policy: REQUEST_TIMEOUT, position: 'perRetry' },
          { policy: this.reads.policy(name), position: 'perCall' },
          { policy: storageRequests.policy, position: 'perRetry' },
        ],
      };
      const table = `${this.prefix}${name}`;
      client =
        'accountUrl' in this.target
          ? new TableClient(this.target.accountUrl, table, this.tokenCredential(), options)
          : TableClient.fromConnectionString(this.target.connectionString, table, {
              ...options,
              allowInsecureConnection: insecure(this.target.connectionString),
            });
      this.clients.set(name, client);
    }
    return client;
  }

  /** `DefaultAzureCredential` is made once (it caches tokens); on App Service it finds the managed identity. */
  private tokenCredential(): TokenCredential {
    if ('accountUrl' in this.target && this.target.credential) return this.target.credential;
    return (this.credential ??= new DefaultAzureCredential());
  }

  /** Creates all tables (idempotent); called at start. */
  async ensureTables(): Promise<void> {
    await Promise.all(TABLE_NAMES.map((n) => this.table(n).createTable()));
  }

  /** A cheap round trip for /healthz. */
  async ping(): Promise<void> {
    const options: TableServiceClientOptions = { retryOptions: { maxRetries: 0 } };
    const service =
      'accountUrl' in this.target
        ? new TableServiceClient(this.target.accountUrl, this.tokenCredential(), options)
        : TableServiceClient.fromConnectionString(this.target.connectionString, {
            ...options,
            allowInsecureConnection: insecure(this.target.connectionString),
          });
    const pages = service
      .listTables({ queryOptions: { filter: `TableName eq '${this.prefix}People'` } })
      .byPage({ maxPageSize: 1 });
    await pages.next();
  }
}

function insecure(connectionString: string): boolean {
  return connectionString.includes('http://') || /UseDevelopmentStorage/i.test(connectionString);
}

export function statusOf(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'statusCode' in err
    ? (err as { statusCode?: number }).statusCode
    : undefined;
}

export const isNotFound = (err: unknown): boolean => statusOf(err) === 404;
export const isConflict = (err: unknown): boolean => statusOf(err) === 409;
export const isPreconditionFailed = (err: unknown): boolean => statusOf(err) === 412;

export interface PartitionRow {
  partitionKey: string;
  rowKey: string;
  etag: string;
  [property: string]: unknown;
}

/**
 * The rows of one partition, optionally a RowKey range [from, to). The range is also checked
 * here: Azurite 3.35 was seen returning rows of other partitions for some such filters.
 */
export async function* partitionRows(
  table: TableClient,
  pk: string,
  range: { from?: string; to?: string } = {},
): AsyncGenerator<PartitionRow> {
  let filter = odata`PartitionKey eq ${pk}`;
  if (range.from !== undefined) filter += odata` and RowKey ge ${range.from}`;
  if (range.to !== undefined) filter += odata` and RowKey lt ${range.to}`;
  for await (const row of table.listEntities<Record<string, unknown>>({
    queryOptions: { filter },
  })) {
    const { partitionKey, rowKey } = row;
    if (partitionKey !== pk || rowKey === undefined) continue;
    if (range.from !== undefined && rowKey < range.from) continue;
    if (range.to !== undefined && rowKey >= range.to) continue;
    yield { ...row, partitionKey, rowKey };
  }
}
