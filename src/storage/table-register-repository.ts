import { randomUUID } from 'node:crypto';
import { odata, TableClient } from '@azure/data-tables';
import type { z } from 'zod';
import { retryOnConflict, WriteConflict } from '../app/conflict';
import type {
  RegisterAuditEntry,
  RegisterRepository,
  RegisterRowOfTable,
  RegisterTable,
  RowChange,
  VersionedRow,
} from '../app/ports';
import {
  storedExpertSchema,
  storedStaffSchema,
  storedUnitSchema,
  type Expert,
  type StaffMember,
  type Unit,
} from '../domain/registers/types';
import { registerAuditEntrySchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { encodeKey } from './keys';
import { isConflict, isNotFound, isPreconditionFailed, partitionRows } from './tables';

/** Each register's schema, typed by the table so that a read of table K returns its row type. */
const SCHEMAS: { [K in RegisterTable]: z.ZodType<RegisterRowOfTable[K], z.ZodTypeDef, unknown> } = {
  expert: storedExpertSchema,
  unit: storedUnitSchema,
  staff: storedStaffSchema,
};

const AUDIT_EPOCH_END = 9_999_999_999_999;
const auditPartition = (subject: string) => `audit|${encodeKey(subject.toLowerCase())}`;
/** E-mails are keys in lower case; unit ids keep the register's spelling. */
const rowKeyOf = (table: RegisterTable, key: string) =>
  table === 'unit' ? key : key.toLowerCase();

/** The row every register write stamps anew, so that other instances drop what they cached. */
const STAMP = { partitionKey: 'meta', rowKey: 'version' } as const;

/**
 * How often a reader asks whether another instance changed the registers. Every turn needs the
 * sender's rows, and registers change seldom (imports, pauses): a reader serves them from memory
 * and checks the version stamp at most once in this interval, one point read. A change made in
 * this process clears the cache at once; one made by another instance is seen within this time.
 * (A time-to-live alone would read every row again after it; the stamp costs one read instead,
 * and none while the instance is idle.)
 */
const STAMP_CHECK_MS = 5_000;

/** One partition per register: they are small (thousands of rows) and read whole for matching. */
export class TableRegisterRepository implements RegisterRepository {
  private readonly cache = new Map<string, Promise<unknown>>();
  private stamp: { value: string; checkedAt: number } | undefined;
  private checking: Promise<void> | undefined;
  private pendingBump: Promise<void> | undefined;

  constructor(private readonly table: TableClient) {}

  private async cached<T>(key: string, read: () => Promise<T>): Promise<T> {
    await this.fresh();
    const hit = this.cache.get(key);
    if (hit) return hit as Promise<T>;
    const value = read();
    this.cache.set(key, value);
    value.catch(() => this.cache.get(key) === value && this.cache.delete(key));
    return value;
  }

  /** Drops the cache when another instance has stamped a change since we last looked. */
  private fresh(): Promise<void> {
    if (this.stamp && Date.now() - this.stamp.checkedAt < STAMP_CHECK_MS) return Promise.resolve();
    return (this.checking ??= this.readStamp()
      .then((value) => {
        if (value !== this.stamp?.value) this.cache.clear();
        this.stamp = { value, checkedAt: Date.now() };
      })
      .finally(() => (this.checking = undefined)));
  }

  private async readStamp(): Promise<string> {
    try {
      return (await this.table.getEntity<{ version: string }>(STAMP.partitionKey, STAMP.rowKey))
        .version;
    } catch (err) {
      if (isNotFound(err)) return '';
      throw err;
    }
  }

  /**
   * After a write: clear our cache and stamp a new version. Writes that finish together share one
   * stamp; a write never joins a stamp already sent, so the stamp always lands after the rows.
   */
  private changed(): Promise<void> {
    this.cache.clear();
    return (this.pendingBump ??= new Promise<void>((resolve) => setImmediate(resolve)).then(
      async () => {
        this.pendingBump = undefined;
        const version = randomUUID();
        await this.table.upsertEntity({ ...STAMP, version }, 'Replace');
        this.cache.clear();
        this.stamp = { value: version, checkedAt: Date.now() };
      },
    ));
  }

  /** From the whole list when this instance holds it (a wave's offer cards): no read of its own. */
  getExpert = (email: string) => {
    const key = email.toLowerCase();
    return this.cached(`expert:${key}`, async () => {
      const all = this.cache.get('experts') as Promise<Expert[]> | undefined;
      if (all) return (await all).find((e) => e.email.toLowerCase() === key);
      return this.get('expert', key);
    });
  };
  listExperts = () => this.cached('experts', () => this.list('expert'));
  putExpert = (e: Expert) => this.put('expert', e.email.toLowerCase(), e);
  async updateExpert(
    email: string,
    change: (expert: Expert) => Expert,
    by?: RowChange,
  ): Promise<Expert | undefined> {
    const key = encodeKey(email.toLowerCase());
    const result = await retryOnConflict(
      'expert_update',
      async () => {
        let row;
        try {
          row = await this.table.getEntity<{ data: string }>('expert', key);
        } catch (err) {
          if (isNotFound(err)) return undefined;
          throw err;
        }
        const updated = change(
          parseStored(storedExpertSchema, row.data, rowName(this.table, 'expert', key)),
        );
        const changed = by ? { changedBy: by.by, changedAt: by.at } : {};
        await this.table.updateEntity(
          { partitionKey: 'expert', rowKey: key, data: JSON.stringify(updated), ...changed },
          'Replace',
          { etag: row.etag },
        );
        return updated;
      },
      { attempts: 10 },
    );
    if (result) await this.changed();
    return result;
  }

  getUnit = (unitId: string) => this.cached(`unit:${unitId}`, () => this.get('unit', unitId));
  listUnits = () => this.cached('units', () => this.list('unit'));
  putUnit = (u: Unit) => this.put('unit', u.unitId, u);
  getStaff = (email: string) =>
    this.cached(`staff:${email.toLowerCase()}`, () => this.get('staff', email.toLowerCase()));
  listStaff = () => this.cached('staff', () => this.list('staff'));
  putStaff = (s: StaffMember) => this.put('staff', s.email.toLowerCase(), s);

  async isEmpty(): Promise<boolean> {
    for (const kind of ['unit', 'staff', 'expert'] as const) {
      const page = await this.table
        .listEntities({ queryOptions: { filter: odata`PartitionKey eq ${kind}` } })
        .byPage({ maxPageSize: 1 })
        .next();
      if (!page.done && page.value.some((r) => r.partitionKey === kind)) return false;
    }
    return true;
  }

  async readRow<K extends RegisterTable>(
    table: K,
    key: string,
  ): Promise<VersionedRow<RegisterRowOfTable[K]> | undefined> {
    const rk = encodeKey(rowKeyOf(table, key));
    try {
      const row = await this.table.getEntity<{
        data: string;
        changedBy?: string;
        changedAt?: string;
      }>(table, rk);
      return {
        value: parseStored(SCHEMAS[table], row.data, rowName(this.table, table, rk)),
        etag: row.etag,
        changedBy: row.changedBy,
        changedAt: row.changedAt ?? String(row.timestamp ?? ''),
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async writeRow<K extends RegisterTable>(
    table: K,
    key: string,
    value: RegisterRowOfTable[K],
    etag: string | undefined,
    change: RowChange,
  ): Promise<void> {
    const row = {
      partitionKey: table,
      rowKey: encodeKey(rowKeyOf(table, key)),
      data: JSON.stringify(value),
      changedBy: change.by,
      changedAt: change.at,
    };
    this.cache.clear();
    try {
      if (etag === undefined) await this.table.createEntity(row);
      else await this.table.updateEntity(row, 'Replace', { etag });
    } catch (err) {
      if (isConflict(err) || isPreconditionFailed(err))
        throw new WriteConflict(`register_${table}`);
      throw err;
    } finally {
      await this.changed();
    }
  }

  async deleteRow(table: RegisterTable, key: string, etag: string): Promise<void> {
    this.cache.clear();
    try {
      await this.table.deleteEntity(table, encodeKey(rowKeyOf(table, key)), { etag });
    } catch (err) {
      if (isPreconditionFailed(err) || isNotFound(err))
        throw new WriteConflict(`register_${table}`);
      throw err;
    } finally {
      await this.changed();
    }
  }

  async appendAudit(entry: RegisterAuditEntry): Promise<void> {
    // Newest first: the row key counts down from the far future, with a random tail for ties.
    const rowKey = `${String(AUDIT_EPOCH_END - Date.parse(entry.at)).padStart(15, '0')}-${randomUUID()}`;
    await this.table.createEntity({
      partitionKey: auditPartition(entry.subject),
      rowKey,
      data: JSON.stringify(entry),
    });
  }

  async listAudit(subject: string, limit: number): Promise<RegisterAuditEntry[]> {
    const out: RegisterAuditEntry[] = [];
    for await (const row of partitionRows(this.table, auditPartition(subject))) {
      out.push(
        parseStored(
          registerAuditEntrySchema,
          row.data,
          rowName(this.table, row.partitionKey, row.rowKey),
        ),
      );
      if (out.length >= limit) break;
    }
    return out;
  }

  private async get<K extends RegisterTable>(
    kind: K,
    key: string,
  ): Promise<RegisterRowOfTable[K] | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>(kind, encodeKey(key));
      return parseStored(SCHEMAS[kind], row.data, rowName(this.table, kind, encodeKey(key)));
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private async list<K extends RegisterTable>(kind: K): Promise<RegisterRowOfTable[K][]> {
    const out: RegisterRowOfTable[K][] = [];
    for await (const row of partitionRows(this.table, kind))
      out.push(parseStored(SCHEMAS[kind], row.data, rowName(this.table, kind, row.rowKey)));
    return out;
  }

  private async put(kind: RegisterTable, key: string, value: object): Promise<void> {
    // Import is authoritative for these rows; state the bot owns (pauses) lives in the same JSON and is
    // carried over by the import use case before it writes.
    await this.table.upsertEntity(
      { partitionKey: kind, rowKey: encodeKey(key), data: JSON.stringify(value) },
      'Replace',
    );
    await this.changed();
  }
}
