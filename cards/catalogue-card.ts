import type { Tariff } from '../src/domain/fees/tariff';
import { CATALOGUE, type CatalogueEntry } from '../src/domain/orders/catalogue';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import {
  card,
  executeAction,
  heading,
  textBlock,
  type AdaptiveCard,
  type Element,
} from './elements';
import { euros } from './format';

export const CatalogueVerb = { startOrder: 'start_order' } as const;

/** "1,5 h", "3 h" ("1.5 h" in English). */
function hoursText(minutes: number, lang: Language): string {
  const hours = String(Math.round((minutes / 60) * 10) / 10);
  return `${lang === 'en' ? hours : hours.replace('.', ',')} h`;
}

function entry(e: CatalogueEntry, tariff: Tariff, lang: Language, t: Translate): Element {
  const title = t(`task_${e.taskType}` as MessageKey);
  return {
    type: 'Container',
    separator: true,
    items: [
      textBlock(title, { weight: 'Bolder' }),
      textBlock(t(`catalogue_desc_${e.taskType}` as MessageKey), { spacing: 'None' }),
      textBlock(
        t('catalogue_terms', {
          length: hoursText(e.usualMinutes, lang),
          fee: euros(tariff.hourlyCents[e.taskType], lang),
        }),
        { isSubtle: true, spacing: 'None' },
      ),
      {
        type: 'ActionSet',
        actions: [
          executeAction(t('catalogue_order_button', { task: title }), CatalogueVerb.startOrder, {
            taskType: e.taskType,
          }),
        ],
      },
    ],
  };
}

/** "What can I order" (SPEC §3): the products, then the task types, each with a button that starts an order. */
export function catalogueCard(tariff: Tariff, lang: Language, t: Translate): AdaptiveCard {
  const minimum = euros(tariff.minimumCents, lang);
  return card([
    heading(t('catalogue_title')),
    textBlock(t('catalogue_intro', { minimum }), { isSubtle: true }),
    textBlock(t('catalogue_products'), { weight: 'Bolder', size: 'Medium' }),
    ...CATALOGUE.filter((e) => e.product).map((e) => entry(e, tariff, lang, t)),
    textBlock(t('catalogue_task_types'), { weight: 'Bolder', size: 'Medium' }),
    ...CATALOGUE.filter((e) => !e.product).map((e) => entry(e, tariff, lang, t)),
  ]);
}
