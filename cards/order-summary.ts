import type { OrderDetails } from '../src/domain/orders/order';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
import { facts, type Element } from './elements';
import { dateTimeRange } from './format';
import { plain } from './plain-text';

export function whenText(o: Pick<OrderDetails, 'date' | 'start' | 'end'>, lang: Language): string {
  return dateTimeRange(o.date, o.start, o.end, lang);
}

export function whereText(
  o: Pick<OrderDetails, 'remote' | 'municipality' | 'address'>,
  t: Translate,
): string {
  if (o.remote) return t('summary_remote');
  return [o.municipality, o.address]
    .filter((p): p is string => Boolean(p))
    .map(plain)
    .join(', ');
}

/** The order's essentials as facts, for every card that shows an order. */
export function orderSummary(o: OrderDetails, lang: Language, t: Translate): Element {
  return facts([
    [t('label_taskType'), t(`task_${o.taskType}`)],
    [t('label_areas'), o.areas.map((a) => t(`area_${a}`)).join(', ')],
    [t('summary_when'), whenText(o, lang)],
    [t('summary_where'), whereText(o, t)],
    [t('summary_count'), String(o.expertCount)],
    [t('label_language'), t(`lang_${o.language}`)],
  ]);
}
