import { TableClient } from '@azure/data-tables';
import { retryOnConflict } from '../app/conflict';
import type { Person, PersonRepository, Stored } from '../app/ports';
import { encodeKey } from './keys';
import { personSchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { isNotFound } from './tables';

/** People by Entra object id (stable), with an e-mail → id index row for proactive sends. */
/**
 * How long a person found by e-mail is reused (for proactive sends: a wave looks up every expert
 * it offers to). A write in this process replaces the entry at once; a change made by another
 * instance (a new address, unreachable) is seen within this time, and a send to an address gone
 * stale fails and is handled as any failed send. The per-turn read (`get`) is never cached: it
 * carries the ETag that the turn's write is conditional on.
 */
const BY_EMAIL_MS = 30_000;

export class TablePersonRepository implements PersonRepository {
  private readonly byEmail = new Map<string, { at: number; person: Promise<Person | undefined> }>();

  constructor(private readonly table: TableClient) {}

  async get(aadObjectId: string): Promise<Stored<Person> | undefined> {
    try {
      const row = await this.table.getEntity<{ data: string }>('person', encodeKey(aadObjectId));
      return {
        value: parseStored(
          personSchema,
          row.data,
          rowName(this.table, 'person', encodeKey(aadObjectId)),
        ),
        etag: row.etag,
      };
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  findByEmail(email: string): Promise<Person | undefined> {
    const key = email.toLowerCase();
    const hit = this.byEmail.get(key);
    if (hit && Date.now() - hit.at < BY_EMAIL_MS) return hit.person;
    const person = this.readByEmail(key);
    if (this.byEmail.size >= 10_000) this.byEmail.clear();
    this.byEmail.set(key, { at: Date.now(), person });
    person.catch(() => this.byEmail.get(key)?.person === person && this.byEmail.delete(key));
    return person;
  }

  private async readByEmail(email: string): Promise<Person | undefined> {
    try {
      const index = await this.table.getEntity<{ aadObjectId: string }>(
        'email',
        encodeKey(email.toLowerCase()),
      );
      const person = (await this.get(index.aadObjectId))?.value;
      // An index row left behind by an address that has since changed points at nobody.
      return person?.email === email.toLowerCase() ? person : undefined;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }

  async update(aadObjectId: string, change: (person: Person) => Person | undefined): Promise<void> {
    await retryOnConflict(
      'person_update',
      async () => {
        const stored = await this.get(aadObjectId);
        const changed = stored && change(stored.value);
        if (!stored || !changed) return;
        await this.save(changed, stored.etag);
      },
      { attempts: 5 },
    );
  }

  async save(person: Person, etag?: string): Promise<string> {
    this.forget(person);
    const row = {
      partitionKey: 'person',
      rowKey: encodeKey(person.aadObjectId),
      data: JSON.stringify(person),
    };
    const res = etag
      ? await this.table.updateEntity(row, 'Replace', { etag })
      : await this.table.createEntity(row);
    await this.table.upsertEntity(
      { partitionKey: 'email', rowKey: encodeKey(person.email), aadObjectId: person.aadObjectId },
      'Replace',
    );
    this.forget(person);
    return res.etag ?? '';
  }

  async remove(person: Person): Promise<void> {
    this.forget(person);
    const gone = (err: unknown) => {
      if (!isNotFound(err)) throw err;
    };
    await this.table.deleteEntity('person', encodeKey(person.aadObjectId)).catch(gone);
    await this.table.deleteEntity('email', encodeKey(person.email)).catch(gone);
    this.forget(person);
  }

  /** Drops what the e-mail cache holds about this person, under any address. */
  private forget(person: Person): void {
    this.byEmail.delete(person.email.toLowerCase());
    for (const [email, entry] of this.byEmail) {
      void entry.person.then(
        (p) =>
          p?.aadObjectId === person.aadObjectId &&
          this.byEmail.get(email) === entry &&
          this.byEmail.delete(email),
        () => undefined,
      );
    }
  }
}
