import pRetry, { AbortError } from 'p-retry';

/** Answers that mean "try again later" from the Bot Connector (SPEC §11; 503 too: the service is briefly down). */
const RETRYABLE = new Set([412, 429, 502, 503, 504]);

export interface RetryOptions {
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  /** A call that has not answered by then counts as a gateway timeout (504) and is retried. */
  callTimeoutMs?: number;
}

export const DEFAULT_RETRY: RetryOptions = {
  retries: 6,
  minTimeoutMs: 250,
  maxTimeoutMs: 30_000,
  callTimeoutMs: 20_000,
};

function withTimeout<T>(call: () => Promise<T>, ms: number | undefined): Promise<T> {
  if (!ms) return call();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('connector_timeout'), { statusCode: 504 })),
      ms,
    );
  });
  return Promise.race([call(), timeout]).finally(() => clearTimeout(timer));
}

export function statusCodeOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof e.statusCode === 'number') return e.statusCode;
  if (typeof e.response?.status === 'number') return e.response.status;
  return undefined;
}

/** Seconds or an HTTP date in `Retry-After`, as milliseconds. */
export function retryAfterMs(err: unknown): number | undefined {
  const headers = (err as { response?: { headers?: { get?(n: string): string | undefined } } })
    ?.response?.headers;
  const raw = headers?.get?.('retry-after');
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/**
 * Runs a connector call, retrying throttling and gateway errors with exponential backoff and full
 * jitter; a `Retry-After` from the service is honoured as the minimum wait.
 */
export async function withConnectorRetries<T>(
  call: () => Promise<T>,
  options: RetryOptions = DEFAULT_RETRY,
): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await withTimeout(call, options.callTimeoutMs);
      } catch (err) {
        const status = statusCodeOf(err);
        if (status === undefined || !RETRYABLE.has(status)) throw new AbortError(err as Error);
        const after = retryAfterMs(err);
        if (after !== undefined)
          await new Promise((r) => setTimeout(r, Math.min(after, options.maxTimeoutMs)));
        throw err;
      }
    },
    {
      retries: options.retries,
      minTimeout: options.minTimeoutMs,
      maxTimeout: options.maxTimeoutMs,
      randomize: true,
    },
  );
}
