/**
 * A JSON column longer than one Table Storage string property (64 KiB) spread over numbered
 * properties: `offers`, `offers_1`, … `offers_{N-1}`. Every write sets all N, the unused ones
 * empty, so that a Merge never leaves a stale tail behind; a row written before this (one
 * property) reads the same. N × 30,000 characters is the column's limit (an entity holds 1 MiB).
 */
const PART_CHARS = 30_000;

export function spread(name: string, json: string, parts: number): Record<string, string> {
  if (json.length > PART_CHARS * parts) throw new Error(`${name}_too_large`);
  const out: Record<string, string> = {};
  for (let i = 0; i < parts; i++)
    out[i === 0 ? name : `${name}_${i}`] = json.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  return out;
}

export function gather(row: Record<string, unknown>, name: string, empty: string): string {
  let json = typeof row[name] === 'string' ? row[name] : '';
  for (let i = 1; typeof row[`${name}_${i}`] === 'string'; i++)
    json += row[`${name}_${i}`] as string;
  return json || empty;
}

/** Offers of one order: 8 parts, about 900 offers (a 500-expert wave fits). */
export const OFFER_PARTS = 8;
/** Pending effects of one row: 4 parts, about 1,400 effects. */
export const EFFECT_PARTS = 4;
