import type { Tariff } from '../domain/fees/tariff';
import { isOrderer, type Actor } from './actor';
import type { Services } from './services';

export type CatalogueOutcome =
  { type: 'catalogue'; tariff: Tariff } | { type: 'refused'; reason: 'only_orderers_can_order' };

/** The task catalogue with today's fees: for orderers, who start an order from it. */
export async function showCatalogue(
  s: Pick<Services, 'tariffs'>,
  actor: Actor,
): Promise<CatalogueOutcome> {
  if (!isOrderer(actor)) return { type: 'refused', reason: 'only_orderers_can_order' };
  return { type: 'catalogue', tariff: await s.tariffs.current() };
}
