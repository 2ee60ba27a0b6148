import { TableClient } from '@azure/data-tables';
import { retryOnConflict } from '../app/conflict';
import type { Person, PersonRepository, Stored } from '../app/ports';
import { encodeKey } from './keys';
import { personSchema } from '../app/stored-schemas';
import { parseStored, rowName } from './parse-stored';
import { isNotFound, isPreconditionFailed } from './tables';

/**
 * People by Entra object id (stable), with an e-mail index row for proactive sends. The index row
 * carries a copy of the person (`data`), so that a wave finds each expert in one point read rather
 * than two (SPEC §11: a wave at most 4 requests per offer). `save` keeps the copy current.
 */
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
    const rowKey = encodeKey(email);
    try {
      const index = await this.table.getEntity<EmailRow>('email', rowKey);
      if (index.data) {
        const copy = parseStored(personSchema, index.data, rowName(this.table, 'email', rowKey));
        return copy.email === email && copy.aadObjectId === index.aadObjectId ? copy : undefined;
      }
      // A row written before the copy existed: the person's own row, and the copy for next time.
      const stored = await this.get(index.aadObjectId);
      // An index row left behind by an address that has since changed points at nobody.
      if (stored?.value.email !== email) return undefined;
      await this.table
        .updateEntity(emailRow(stored.value), 'Replace', { etag: index.etag })
        .catch((err: unknown) => {
          // Written meanwhile by a save, which writes the copy itself.
          if (!isPreconditionFailed(err) && !isNotFound(err)) throw err;
        });
      return stored.value;
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
        await this.save(changed, stored.etag, stored.value);
      },
      { attempts: 5 },
    );
  }

  async save(person: Person, etag?: string, previous?: Person): Promise<string> {
    this.forget(person);
    const before = etag ? (previous ?? (await this.get(person.aadObjectId))?.value) : undefined;
    const row = {
      partitionKey: 'person',
      rowKey: encodeKey(person.aadObjectId),
      data: JSON.stringify(person),
    };
    const res = etag
      ? await this.table.updateEntity(row, 'Replace', { etag })
      : await this.table.createEntity(row);
    if (person.email) await this.table.upsertEntity(emailRow(person), 'Replace');
    // A save that overtook this one may have written its copy first: the last copy is the latest.
    for (let latest = res.etag, i = 0; i < 5; i++) {
      const now = await this.get(person.aadObjectId);
      if (!now || now.etag === latest) break;
      latest = now.etag;
      if (now.value.email) await this.table.upsertEntity(emailRow(now.value), 'Replace');
    }
    // The old address's copy must not find them any more (their row has the new address).
    if (before?.email && before.email !== person.email) await this.dropCopy(before);
    this.forget(person);
    return res.etag ?? '';
  }

  /** The old address's index row, if it still points at this person, without its copy. */
  private async dropCopy(before: Person): Promise<void> {
    try {
      const index = await this.table.getEntity<EmailRow>('email', encodeKey(before.email));
      if (index.aadObjectId !== before.aadObjectId) return;
      await this.table.updateEntity(
        { partitionKey: 'email', rowKey: encodeKey(before.email), aadObjectId: before.aadObjectId },
        'Replace',
        { etag: index.etag },
      );
    } catch (err) {
      // Gone, or taken by someone else's save meanwhile: nothing of theirs to drop.
      if (!isNotFound(err) && !isPreconditionFailed(err)) throw err;
    }
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

interface EmailRow {
  aadObjectId: string;
  /** The person as last saved (JSON); absent on rows written before the copy existed. */
  data?: string;
}

function emailRow(person: Person) {
  return {
    partitionKey: 'email',
    rowKey: encodeKey(person.email),
    aadObjectId: person.aadObjectId,
    data: JSON.stringify(person),
  };
}
