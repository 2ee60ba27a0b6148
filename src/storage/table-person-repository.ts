import { TableClient } from '@azure/data-tables';
import { retryOnConflict } from '../app/conflict';
import type { Person, PersonRepository, Stored } from '../app/ports';
import { encodeKey } from './keys';
import { personSchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { isNotFound } from './tables';

/** People by Entra object id (stable), with an e-mail → id index row for proactive sends. */
export class TablePersonRepository implements PersonRepository {
  constructor(private readonly table: TableClient) {}

  async get(aadObjectId: string): Promise<Stored<Person> | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>('person', encodeKey(aadObjectId));
      return { value: parseStored(personSchema, row.data, rowName(this.table, 'person', encodeKey(aadObjectId))), etag: row.etag };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async findByEmail(email: string): Promise<Person | undefined> {
    try {
      const index = await this.table.getEntity<{ aadObjectId: string }>('email', encodeKey(email.toLowerCase()));
      const person = (await this.get(index.aadObjectId))?.value;
      // An index row left behind by an address that has since changed points at nobody.
      return person?.email === email.toLowerCase() ? person : undefined;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async update(aadObjectId: string, change: (person: Person) => Person | undefined): Promise<void> {
    await retryOnConflict('person_update', async () => {
      const stored = await this.get(aadObjectId);
      const changed = stored && change(stored.value);
      if (!stored || !changed) return;
      await this.save(changed, stored.etag);
    }, { attempts: 5 });
  }

  async save(person: Person, etag?: string): Promise<string> {
    const row = { partitionKey: 'person', rowKey: encodeKey(person.aadObjectId), data: JSON.stringify(person) };
    const res = etag
      ? await this.table.updateEntity(row, 'Replace', { etag })
      : await this.table.createEntity(row);
    await this.table.upsertEntity(
      { partitionKey: 'email', rowKey: encodeKey(person.email), aadObjectId: person.aadObjectId },
      'Replace',
    );
    return res.etag ?? '';
  }
}
