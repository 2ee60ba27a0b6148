import type { TableClient } from '@azure/data-tables';
import { retryOnConflict } from '../app/conflict';
import { isNotFound } from './tables';

/**
 * The next number of a yearly series (order or claim numbers), unique across instances and
 * restarts: one counter row per series and year, advanced with its ETag.
 */
export function nextNumber(counters: TableClient, series: string, year: number): Promise<number> {
  const key = String(year);
  // Every order and claim of a busy morning advances the same row: allow a long queue.
  return retryOnConflict(
    `${series}_number`,
    async () => {
      try {
        const row = await counters.getEntity<{ last: number }>(series, key);
        const next = Number(row.last) + 1;
        await counters.updateEntity({ partitionKey: series, rowKey: key, last: next }, 'Replace', {
          etag: row.etag,
        });
        return next;
      } catch (err) {
        if (!isNotFound(err)) throw err;
        await counters.createEntity({ partitionKey: series, rowKey: key, last: 1 });
        return 1;
      }
    },
    { attempts: 50 },
  );
}
