import type { Order } from '../src/domain/orders/order';
import type { Language } from '../src/domain/shared/vocabulary';
import type { Translate } from '../src/i18n';
import { whenText } from './order-summary';

/** `omat` / `my orders`: one line per order with its status, newest first. */
export function myOrdersMessage(orders: readonly Order[], lang: Language, t: Translate): string {
  if (orders.length === 0) return t('my_orders_empty');
  const lines = orders.map((o) =>
    t('my_orders_line', {
      orderId: o.orderId,
      task: t(`task_${o.taskType}`),
      when: whenText(o, lang),
      status: t(`status_${o.status}`),
    }),
  );
  return [`**${t('my_orders_title')}**`, ...lines.map((l) => `- ${l}`)].join('\n\n');
}
