import type { TableClient } from '@azure/data-tables';
import type { z } from 'zod';
import { retryOnConflict } from '../app/conflict';
import { randomUUID } from 'node:crypto';
import type { StoredEffect } from '../app/ports';
import { keyedEffectsSchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { EFFECT_PARTS, gather, spread } from './long-json';
import { isNotFound } from './tables';

/** Effects get keys that sort in the order they were decided (the outbox runs them in that order). */
export function withKeys<E>(effects: readonly E[]): StoredEffect<E>[] {
  const stamp = Date.now().toString(36).padStart(10, '0');
  return effects.map((effect, i) => ({
    key: `${stamp}-${String(i).padStart(3, '0')}-${randomUUID().slice(0, 8)}`,
    effect,
  }));
}

/** The effects stored in an entity's `effects` properties (long-json.ts), read with `schema`, with its ETag. */
export async function readEffects<T>(
  table: TableClient,
  pk: string,
  rk: string,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
): Promise<{ effects: T; etag: string } | undefined> {
  try {
    const row = await table.getEntity<Record<string, unknown>>(pk, rk);
    const effects = parseStored(schema, gather(row, 'effects', '[]'), rowName(table, pk, rk));
    return { effects, etag: row.etag };
  } catch (err) {
    if (isNotFound(err)) return undefined;
    throw err;
  }
}

/** Removes carried-out effects from the entity, conditionally on its ETag, deciding again on 412. */
export function removeEffect(
  table: TableClient,
  pk: string,
  rk: string,
  key: string | readonly string[],
): Promise<void> {
  const keys = new Set(typeof key === 'string' ? [key] : key);
  return retryOnConflict(
    'effect_delete',
    async () => {
      const row = await readEffects(table, pk, rk, keyedEffectsSchema);
      if (!row || !row.effects.some((e) => keys.has(e.key))) return;
      await table.updateEntity(
        {
          partitionKey: pk,
          rowKey: rk,
          ...spread(
            'effects',
            JSON.stringify(row.effects.filter((e) => !keys.has(e.key))),
            EFFECT_PARTS,
          ),
        },
        'Merge',
        { etag: row.etag },
      );
    },
    { attempts: 50 },
  );
}
