import type { PipelineRequest, PipelineResponse, SendRequest } from '@azure/core-rest-pipeline';

/**
 * What a request to Table Storage does, from its method and URL: a point read (`get`), a query
 * (`query`, one per page), an insert (`create`), an update or upsert (`update`, PUT or MERGE with
 * or without If-Match), a delete, a batch (`batch`, one round trip however many operations), or
 * table administration (`table`).
 */
export type RequestKind = 'get' | 'query' | 'create' | 'update' | 'delete' | 'batch' | 'table';

export function requestKind(method: string, url: string): RequestKind {
  const path = new URL(url).pathname;
  if (path.endsWith('/$batch')) return 'batch';
  if (/\/Tables(\(|$)/.test(path)) return 'table';
  const point = /\(PartitionKey=.*RowKey=.*\)$/.test(decodeURIComponent(path));
  switch (method.toUpperCase()) {
    case 'GET':
      return point ? 'get' : 'query';
    case 'POST':
      return 'create';
    case 'DELETE':
      return 'delete';
    default:
      return 'update';
  }
}

/** The table a request goes to, from its URL path (`/account/Name(...)`, `/Name()`, `/Tables`). */
export function tableOf(url: string): string {
  const segments = new URL(url).pathname.split('/').filter(Boolean);
  return (segments.at(-1) ?? '').replace(/\(.*$/, '');
}

export type RequestCounts = Record<RequestKind, number> & { total: number };

const empty = (): RequestCounts => ({
  get: 0,
  query: 0,
  create: 0,
  update: 0,
  delete: 0,
  batch: 0,
  table: 0,
  total: 0,
});

/**
 * Round trips to storage, counted where they leave the process (every try of a retried request
 * counts). Read by the bench and the tests through `storageRequests`; never logged.
 */
export class RequestCounter {
  private counts = empty();
  private tables = new Map<string, number>();

  readonly policy = {
    name: 'requestCounter',
    sendRequest: (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
      const kind = requestKind(request.method, request.url);
      this.counts[kind]++;
      this.counts.total++;
      const where = `${tableOf(request.url)} ${kind}`;
      this.tables.set(where, (this.tables.get(where) ?? 0) + 1);
      return next(request);
    },
  };

  snapshot(): RequestCounts {
    return { ...this.counts };
  }

  /** Requests by table (its name as sent, prefix included) and kind, as `"<table> <kind>": count`. */
  byTable(): Record<string, number> {
    return Object.fromEntries(this.tables);
  }

  reset(): void {
    this.counts = empty();
    this.tables = new Map();
  }

  /** The requests made while `fn` ran (and anything else in the process at the same time). */
  async during<T>(fn: () => Promise<T>): Promise<{ value: T; counts: RequestCounts }> {
    const before = this.snapshot();
    const value = await fn();
    return { value, counts: since(before, this.snapshot()) };
  }
}

/** The difference of two snapshots. */
export function since(before: RequestCounts, after: RequestCounts): RequestCounts {
  const out = empty();
  for (const k of Object.keys(out) as Array<keyof RequestCounts>) out[k] = after[k] - before[k];
  return out;
}

/** The one counter of this process: every TableClient made by `TableStore` reports to it. */
export const storageRequests = new RequestCounter();
