import type { Language } from '../domain/shared/vocabulary';
import type { ConversationAddress, Person } from './ports';
import type { Services } from './services';

export interface Contact {
  aadObjectId: string;
  /** Asked from Teams only when the person is new (or their e-mail was unknown). */
  lookupEmail: () => Promise<string | undefined>;
  locale: Language;
  address: ConversationAddress;
}

/**
 * Links a Teams user to the registers and keeps their conversation address current, so that
 * proactive messages reach them. `isNew` is true exactly once per person, even under
 * concurrent turns (the row is created with createEntity).
 */
export async function recordContact(s: Services, c: Contact): Promise<{ person: Person; isNew: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await s.people.get(c.aadObjectId);
    if (!stored) {
      const person: Person = {
        aadObjectId: c.aadObjectId,
        email: ((await c.lookupEmail()) ?? '').toLowerCase(),
        locale: c.locale,
        address: c.address,
        firstSeenAt: s.clock.now().toISOString(),
      };
      try {
        await s.people.save(person);
        return { person, isNew: true };
      } catch (err) {
        if (!isWriteConflict(err)) throw err;
        continue; // another turn created them first: read theirs
      }
    }
    const current = stored.value;
    const email = current.email || ((await c.lookupEmail()) ?? '').toLowerCase();
    const changed =
      email !== current.email ||
      current.locale !== c.locale ||
      current.unreachableSince !== undefined ||
      JSON.stringify(current.address) !== JSON.stringify(c.address);
    if (!changed) return { person: current, isNew: false };
    const { unreachableSince: _reachableAgain, ...rest } = current;
    const person: Person = { ...rest, email, locale: c.locale, address: c.address };
    try {
      await s.people.save(person, stored.etag);
      return { person, isNew: false };
    } catch (err) {
      if (!isWriteConflict(err)) throw err;
    }
  }
  throw new Error('record_contact_conflict');
}

function isWriteConflict(err: unknown): boolean {
  const status = (err as { statusCode?: number })?.statusCode;
  return status === 409 || status === 412;
}
