import type { TableClient } from '@azure/data-tables';
import { isConflict, isNotFound, isPreconditionFailed } from './tables';

const MAX_ATTEMPTS = 50;

/**
 * The next number of a yearly series (order or claim numbers), unique across instances and
 * restarts: one counter row per series and year, advanced with its ETag.
 */
export async function nextNumber(counters: TableClient, series: string, year: number): Promise<number> {
  const key = String(year);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    try {
      const row = await counters.getEntity<{ last: number }>(series, key);
      const next = Number(row.last) + 1;
      await counters.updateEntity({ partitionKey: series, rowKey: key, last: next }, 'Replace', { etag: row.etag });
      return next;
    } catch (err) {
      if (isNotFound(err)) {
        try {
          await counters.createEntity({ partitionKey: series, rowKey: key, last: 1 });
          return 1;
        } catch (createErr) {
          if (!isConflict(createErr)) throw createErr;
        }
      } else if (!isPreconditionFailed(err)) {
        throw err;
      }
      await new Promise((r) => setTimeout(r, Math.random() * 10 * (attempt + 1)));
    }
  }
  throw new Error(`${series}_contention`);
}
