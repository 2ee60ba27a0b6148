import type { z } from 'zod';

/**
 * A stored row that does not read as its type: broken infrastructure (a hand edit, a half-done
 * migration), not an outcome a use case expects, so it is thrown, naming the table and the key.
 */
export class StoredRowCorrupt extends Error {
  constructor(
    readonly what: string,
    detail: string,
  ) {
    super(`Stored row ${what} does not parse: ${detail}`);
    this.name = 'StoredRowCorrupt';
  }
}

/** Where a row lives, for the error: `<table> <partition>/<row>`. */
export function rowName(
  table: { tableName: string },
  partitionKey: string,
  rowKey: string,
): string {
  return `${table.tableName} ${partitionKey}/${rowKey}`;
}

/**
 * Reads a row's JSON column with the schema kept beside its domain type. The schemas pass unknown
 * fields through: a field added to a type before its schema is not lost on a read-modify-write.
 */
export function parseStored<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  json: unknown,
  what: string,
): T {
  let value: unknown;
  try {
    value = typeof json === 'string' ? JSON.parse(json) : undefined;
  } catch (err) {
    throw new StoredRowCorrupt(what, `not JSON (${(err as Error).message})`);
  }
  if (value === undefined) throw new StoredRowCorrupt(what, 'no data column');
  return parseEntity(schema, value, what);
}

/** Reads a row whose columns are the record itself (timers, index rows), with the same errors. */
export function parseEntity<T>(
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  entity: unknown,
  what: string,
): T {
  const parsed = schema.safeParse(entity);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`)
      .join('; ');
    throw new StoredRowCorrupt(what, issues);
  }
  return parsed.data;
}
