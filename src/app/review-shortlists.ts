import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import type { Services } from './services';

/** `/review on|off`: whether a coordinator approves each shortlist before its offers go out. */
export async function setReviewShortlists(
  s: Pick<Services, 'settings'>,
  actor: Actor,
  on: boolean | undefined,
): Promise<
  { type: 'set'; on: boolean } | { type: 'refused'; reason: typeof NOT_ALLOWED | 'review_usage' }
> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  if (on === undefined) return { type: 'refused', reason: 'review_usage' };
  await s.settings.set({ ...(await s.settings.get()), reviewShortlists: on });
  return { type: 'set', on };
}
