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

export type RequestCounts = Record<RequestKind, number> & { total: number };

const empty = (): RequestCounts => ({ get: 0, query: 0, create: 0, update: 0, delete: 0, batch: 0, table: 0, total: 0 });

/**
 * Round trips to storage, counted where they leave the process (every try of a retried request
 * counts). Read by the bench and the tests through `storageRequests`; never logged.
 */
export class RequestCounter {
  private counts = empty();

  readonly policy = {
    name: 'requestCounter',
    sendRequest: (request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> => {
      const kind = requestKind(request.method, request.url);
      this.counts[kind]++;
      this.counts.total++;
      return next(request);
    },
  };

  snapshot(): RequestCounts {
    return { ...this.counts };
  }

  reset(): void {
    this.counts = empty();
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
