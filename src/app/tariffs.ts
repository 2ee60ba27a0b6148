import { eurosToCents } from '../domain/fees/claim-amount';
import { parseTariff, type Tariff } from '../domain/fees/tariff';
import { helsinkiDate } from '../domain/shared/helsinki';
import { TASK_TYPES } from '../domain/shared/vocabulary';
import { type Actor, isCoordinator, NOT_ALLOWED } from './actor';
import type { Services } from './services';

/** The tariff card's inputs: euros per started hour by task type, the minimum fee, cents per km. */
export type TariffForm = Record<string, string | undefined>;

export type TariffOutcome =
  | { type: 'saved'; tariff: Tariff }
  /** Nothing saved; `current`: the tariff in force, to draw the card again. */
  | { type: 'invalid'; fields: string[]; current: Tariff }
  | { type: 'conflict'; current: Tariff }
  | { type: 'refused'; reason: typeof NOT_ALLOWED };

/** `/tariffs`: the tariff in force, for a coordinator to see and edit. */
export async function currentTariff(
  s: Pick<Services, 'tariffs'>,
  actor: Actor,
): Promise<Tariff | typeof NOT_ALLOWED> {
  if (!isCoordinator(actor)) return NOT_ALLOWED;
  return s.tariffs.current();
}

/**
 * A coordinator saves the tariff card (drawn from `cardVersion`): a new version (YYYY-N, N counting up within the year) that
 * new claims use from now on; claims already sent keep the version they were computed with.
 */
export async function saveTariff(
  s: Pick<Services, 'tariffs' | 'clock'>,
  actor: Actor,
  form: TariffForm,
  cardVersion?: string,
): Promise<TariffOutcome> {
  if (!isCoordinator(actor)) return { type: 'refused', reason: NOT_ALLOWED };
  const current = await s.tariffs.current();
  // A card drawn from an older version would silently undo the newer one.
  if (cardVersion !== current.version) return { type: 'conflict', current };
  const cents = (id: string) => eurosToCents(form[id] ?? '');
  const bad: string[] = [];
  const value = (id: string) => {
    const c = cents(id);
    if (c === undefined) bad.push(id);
    return c ?? 0;
  };
  const hourlyCents = Object.fromEntries(TASK_TYPES.map((t) => [t, value(`hourly_${t}`)]));
  const minimumCents = value('minimum');
  const kmCents = value('km');
  if (bad.length) return { type: 'invalid', fields: bad, current };
  const year = helsinkiDate(s.clock.now()).slice(0, 4);
  const [curYear, curN] = current.version.split('-');
  const version = `${year}-${curYear === year ? Number(curN) + 1 : 1}`;
  const parsed = parseTariff({
    version,
    hourlyCents,
    minimumCents,
    kmCents,
    unpaidKinds: current.unpaidKinds,
    ...(current.paidTrainees !== undefined ? { paidTrainees: current.paidTrainees } : {}),
  });
  if (!parsed.ok) return { type: 'invalid', fields: [], current };
  return (await s.tariffs.add(parsed.value))
    ? { type: 'saved', tariff: parsed.value }
    : { type: 'conflict', current: await s.tariffs.current() };
}
