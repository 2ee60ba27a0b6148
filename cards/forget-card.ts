import type { Held, OpenItems } from '../src/app/forget-person';
import type { Translate } from '../src/i18n';
import { type AdaptiveCard, card, executeAction, facts, heading, textBlock } from './elements';

export const FORGET_VERB = 'forget_person';

/** `/forget <email>`: what will be erased and what kept, and **Erase data** (SPEC §13). */
export function forgetConfirmCard(email: string, held: Held, t: Translate): AdaptiveCard {
  const yesNo = (b: boolean) => t(b ? 'forget_yes' : 'forget_no');
  return card(
    [
      heading(t('forget_title', { email })),
      facts([
        [t('forget_held_register'), String(held.registerRows)],
        [t('forget_held_address'), yesNo(held.teamsAddress)],
        [t('forget_held_ordered'), String(held.ordered)],
        [t('forget_held_offers'), String(held.offers)],
        [t('forget_held_assignments'), String(held.assignments)],
        [
          t('forget_held_claims'),
          t('forget_claims_paid', { count: held.claims, paid: held.paidClaims }),
        ],
        [t('forget_held_feedback'), String(held.feedback)],
      ]),
      textBlock(t('forget_erases')),
      textBlock(t('forget_keeps')),
    ],
    [executeAction(t('forget_erase'), FORGET_VERB, { email }, 'destructive')],
  );
}

/** The card after **Erase data**: it names only the pseudonym, so the chat keeps no more than the log. */
export function forgetDoneCard(pseudonym: string, t: Translate): AdaptiveCard {
  return card([heading(t('forget_done_title')), textBlock(t('forget_done', { pseudonym }))]);
}

/** Why the person cannot be erased yet: the numbers of what is open. */
export function forgetOpenText(email: string, open: OpenItems, t: Translate): string {
  const parts = [
    ...(open.orders.length ? [t('forget_open_orders', { ids: open.orders.join(', ') })] : []),
    ...(open.claims.length ? [t('forget_open_claims', { ids: open.claims.join(', ') })] : []),
    ...(open.units.length ? [t('forget_open_units', { ids: open.units.join(', ') })] : []),
  ];
  return t('forget_open', { email, items: parts.join(', ') });
}
