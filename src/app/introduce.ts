import type { Person } from './ports';
import type { Services } from './services';

/**
 * Takes the person's one introduction (the privacy notice, SPEC §12): true for exactly one caller,
 * the one that stored `introducedAt`, even with two instances at once; false when it was taken.
 */
export async function takeIntroduction(
  s: Pick<Services, 'people' | 'clock'>,
  person: Person,
): Promise<boolean> {
  if (person.introducedAt) return false;
  let mine = false;
  await s.people.update(person.aadObjectId, (p) => {
    mine = !p.introducedAt;
    return mine ? { ...p, introducedAt: s.clock.now().toISOString() } : undefined;
  });
  return mine;
}
