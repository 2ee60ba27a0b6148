import type { Language } from '../domain/shared/vocabulary';
import type { ConversationAddress, Person } from './ports';
import type { Services } from './services';

/** How long an e-mail read from Teams is trusted: a changed address must not keep old roles. */
const EMAIL_FRESH_MS = 24 * 3600_000;

export interface Contact {
  aadObjectId: string;
  /** Asked from Teams when the person is new, their e-mail is unknown, or it was read over a day ago. */
  lookupEmail: () => Promise<string | undefined>;
  locale: Language;
  address: ConversationAddress;
}

/**
 * Links a Teams user to the registers and keeps their conversation address current, so that
 * proactive messages reach them. `isNew` is true exactly once per person, even under
 * concurrent turns (the row is created with createEntity).
 */
export async function recordContact(
  s: Services,
  c: Contact,
): Promise<{ person: Person; isNew: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const stored = await s.people.get(c.aadObjectId);
    if (!stored) {
      const looked = (await c.lookupEmail())?.toLowerCase();
      const person: Person = {
        aadObjectId: c.aadObjectId,
        email: looked ?? '',
        locale: c.locale,
        address: c.address,
        firstSeenAt: s.clock.now().toISOString(),
        ...(looked ? { emailCheckedAt: s.clock.now().toISOString() } : {}),
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
    const now = s.clock.now();
    const stale =
      !current.email ||
      !current.emailCheckedAt ||
      now.getTime() - Date.parse(current.emailCheckedAt) >= EMAIL_FRESH_MS;
    // A failed lookup keeps the address we had and tries again on the next turn.
    const looked = stale ? (await c.lookupEmail())?.toLowerCase() : undefined;
    const email = looked ?? current.email;
    const emailCheckedAt = looked ? now.toISOString() : current.emailCheckedAt;
    const changed =
      email !== current.email ||
      emailCheckedAt !== current.emailCheckedAt ||
      current.locale !== c.locale ||
      current.unreachableSince !== undefined ||
      JSON.stringify(current.address) !== JSON.stringify(c.address);
    if (!changed) return { person: current, isNew: false };
    const { unreachableSince: _reachableAgain, ...rest } = current;
    const person: Person = {
      ...rest,
      email,
      locale: c.locale,
      address: c.address,
      ...(emailCheckedAt ? { emailCheckedAt } : {}),
    };
    try {
      await s.people.save(person, stored.etag, current);
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
