import { gather } from './long-json';
import type { TableClient } from '@azure/data-tables';
import { DateTime } from 'luxon';
import type { ClaimFile, ClaimStore, SentCard, StoredEffect } from '../app/ports';
import { storedEffectsSchema } from '../app/stored-schemas';
import { type Claim, type ClaimEffect, stepOf } from '../domain/fees/claim';
import { claimEffectSchema, storedClaimSchema } from '../domain/fees/claim-schema';
import { ZONE } from '../domain/shared/helsinki';
import { nextNumber } from './counter';
import { decodeKey, encodeKey } from './keys';
import { removeEffect, withKeys } from './outbox-rows';
import { parseStored, rowName } from './parse-stored';
import { isConflict, isNotFound, partitionRows, type PartitionRow } from './tables';

const CLAIM_ROW = 'claim';
const CARD = 'card|';
const OPEN = 'open';
const MAX_PROPERTY_CHARS = 30_000;
const STALE_INDEX_MS = 3600_000;
const claimEffectsSchema = storedEffectsSchema(claimEffectSchema);

const expertPartition = (email: string) => `expert|${encodeKey(email)}`;
const holderPartition = (email: string) => `holder|${encodeKey(email)}`;
const paidPartition = (month: string) => `paid|${month}`;

/** The Helsinki month (YYYY-MM) in which a claim was marked paid. */
export function paidMonth(claim: Claim): string | undefined {
  const paid = claim.history.filter((h) => h.action === 'paid').at(-1);
  return paid ? DateTime.fromISO(paid.at, { zone: ZONE }).toFormat('yyyy-MM') : undefined;
}

function serialise(claim: Claim, effects: StoredEffect<ClaimEffect>[]) {
  const data = JSON.stringify(claim);
  const stored = JSON.stringify(effects);
  if (data.length > MAX_PROPERTY_CHARS || stored.length > MAX_PROPERTY_CHARS)
    throw new Error('claim_too_large');
  return { partitionKey: encodeKey(claim.claimId), rowKey: CLAIM_ROW, data, effects: stored };
}

/** Claims in the Claims table: one row per claim, its sent cards beside it, and index partitions. */
export class TableClaimStore implements ClaimStore {
  constructor(
    private readonly table: TableClient,
    private readonly counters: TableClient,
  ) {}

  allocateNumber(year: number): Promise<number> {
    return nextNumber(this.counters, 'claim-number', year);
  }

  async create(claim: Claim, effects: readonly ClaimEffect[]): Promise<boolean> {
    await this.index(claim);
    try {
      await this.table.createEntity(serialise(claim, withKeys(effects)));
      return true;
    } catch (err) {
      if (isConflict(err)) return false;
      throw err;
    }
  }

  async load(claimId: string): Promise<ClaimFile | undefined> {
    const pk = encodeKey(claimId.toUpperCase());
    let row: PartitionRow | undefined;
    const cards: SentCard[] = [];
    for await (const r of partitionRows(this.table, pk)) {
      if (r.rowKey === CLAIM_ROW) row = r;
      else if (r.rowKey.startsWith(CARD))
        cards.push({ email: r.email as string, activityId: r.activityId as string });
    }
    if (!row) return undefined;
    const what = rowName(this.table, pk, CLAIM_ROW);
    return {
      claim: { value: parseStored(storedClaimSchema, row.data, what), etag: row.etag },
      effects: parseStored(claimEffectsSchema, gather(row, 'effects', '[]'), what),
      cards,
    };
  }

  async commit(file: ClaimFile, claim: Claim, effects: readonly ClaimEffect[]): Promise<void> {
    await this.index(claim);
    await this.table.updateEntity(
      serialise(claim, [...file.effects, ...withKeys(effects)]),
      'Replace',
      { etag: file.claim.etag },
    );
    if (claim.status === 'paid' || claim.status === 'cancelled')
      await this.deleteIndex(OPEN, claim.claimId);
  }

  deleteEffect(claimId: string, key: string): Promise<void> {
    return removeEffect(this.table, encodeKey(claimId), CLAIM_ROW, key);
  }

  async recordCard(claimId: string, card: SentCard): Promise<void> {
    await this.table.upsertEntity(
      { partitionKey: encodeKey(claimId), rowKey: CARD + encodeKey(card.activityId), ...card },
      'Replace',
    );
  }

  async listByExpert(email: string, limit: number): Promise<Claim[]> {
    const ids = (await this.ids(expertPartition(email))).sort().reverse().slice(0, limit);
    return (await this.claims(ids)).filter((c) => c.expertEmail === email);
  }

  async listByHolder(email: string): Promise<Claim[]> {
    const pk = holderPartition(email);
    const rows: Array<{ id: string; writtenAt: number }> = [];
    for await (const row of partitionRows(this.table, pk))
      rows.push({
        id: decodeKey(row.rowKey),
        writtenAt: Date.parse(typeof row.timestamp === 'string' ? row.timestamp : ''),
      });
    const claims = await this.claims(rows.map((r) => r.id));
    const waiting = claims.filter((c) => c.holderEmail === email && stepOf(c.status) !== undefined);
    // Index rows of claims that have moved on are dropped once they are an hour old (storage time): a
    // newer one may belong to a claim whose row is about to say that this person holds it.
    const old = new Set(
      rows.filter((r) => !(r.writtenAt > Date.now() - STALE_INDEX_MS)).map((r) => r.id),
    );
    for (const c of claims)
      if (!waiting.includes(c) && old.has(c.claimId)) await this.deleteIndex(pk, c.claimId);
    return waiting;
  }

  async listOpen(): Promise<Claim[]> {
    return (await this.claims(await this.ids(OPEN))).filter(
      (c) => c.status !== 'paid' && c.status !== 'cancelled',
    );
  }

  async listPaid(months: readonly string[]): Promise<Claim[]> {
    const found: Claim[] = [];
    for (const month of months)
      found.push(
        ...(await this.claims(await this.ids(paidPartition(month)))).filter(
          (c) => paidMonth(c) === month,
        ),
      );
    return found;
  }

  /** Index rows first: a claim is never written without them (a stale one is skipped on reading). */
  private async index(claim: Claim): Promise<void> {
    const rows = [expertPartition(claim.expertEmail), holderPartition(claim.holderEmail)];
    const month = paidMonth(claim);
    rows.push(claim.status === 'paid' && month ? paidPartition(month) : OPEN);
    await Promise.all(
      rows.map((pk) =>
        this.table.upsertEntity({ partitionKey: pk, rowKey: claim.claimId }, 'Replace'),
      ),
    );
  }

  private async deleteIndex(pk: string, claimId: string): Promise<void> {
    await this.table.deleteEntity(pk, claimId).catch((err: unknown) => {
      if (!isNotFound(err)) throw err;
    });
  }

  private async ids(pk: string): Promise<string[]> {
    const ids: string[] = [];
    for await (const row of partitionRows(this.table, pk)) ids.push(decodeKey(row.rowKey));
    return ids;
  }

  private async claims(ids: readonly string[]): Promise<Claim[]> {
    const files = await Promise.all(ids.map((id) => this.getClaim(id)));
    return files.filter((c): c is Claim => c !== undefined);
  }

  private async getClaim(claimId: string): Promise<Claim | undefined> {
    try {
      const pk = encodeKey(claimId);
      const row = await this.table.getEntity<{ data: string }>(pk, CLAIM_ROW);
      return parseStored(storedClaimSchema, row.data, rowName(this.table, pk, CLAIM_ROW));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
