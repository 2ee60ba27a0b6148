import { TableClient } from '@azure/data-tables';
import type { RegisterRepository } from '../app/ports';
import type { Expert, StaffMember, Unit } from '../domain/registers/types';
import { encodeKey, } from './keys';
import { isNotFound } from './tables';

type Kind = 'expert' | 'unit' | 'staff';

/** One partition per register: they are small (thousands of rows) and read whole for matching. */
export class TableRegisterRepository implements RegisterRepository {
  constructor(private readonly table: TableClient) {}

  getExpert = (email: string) => this.get<Expert>('expert', email.toLowerCase());
  listExperts = () => this.list<Expert>('expert');
  putExpert = (e: Expert) => this.put('expert', e.email.toLowerCase(), e);
  getUnit = (unitId: string) => this.get<Unit>('unit', unitId);
  listUnits = () => this.list<Unit>('unit');
  putUnit = (u: Unit) => this.put('unit', u.unitId, u);
  getStaff = (email: string) => this.get<StaffMember>('staff', email.toLowerCase());
  listStaff = () => this.list<StaffMember>('staff');
  putStaff = (s: StaffMember) => this.put('staff', s.email.toLowerCase(), s);

  async isEmpty(): Promise<boolean> {
    const page = await this.table.listEntities({ queryOptions: { select: ['RowKey'] } }).byPage({ maxPageSize: 1 }).next();
    return page.done === true || page.value.length === 0;
  }

  private async get<T>(kind: Kind, key: string): Promise<T | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>(kind, encodeKey(key));
      return JSON.parse(row.data) as T;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  private async list<T>(kind: Kind): Promise<T[]> {
    const out: T[] = [];
    const rows = this.table.listEntities<{ data: string }>({
      queryOptions: { filter: `PartitionKey eq '${kind}'`, select: ['data'] },
    });
    for await (const row of rows) out.push(JSON.parse(row.data) as T);
    return out;
  }

  private async put(kind: Kind, key: string, value: object): Promise<void> {
    // Import is authoritative for these rows; state the bot owns (pauses) lives in the same JSON and is
    // carried over by the import use case before it writes.
    await this.table.upsertEntity({ partitionKey: kind, rowKey: encodeKey(key), data: JSON.stringify(value) }, 'Replace');
  }
}
