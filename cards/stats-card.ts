import type { StatsView } from '../src/app/stats';
import type { DaySpread } from '../src/domain/stats/figures';
import type { StatsPeriod } from '../src/domain/stats/period';
import { IDLE_TRAINEE_DAYS } from '../src/domain/registers/trainee-activity';
import type { Language } from '../src/domain/shared/vocabulary';
import type { MessageKey, Translate } from '../src/i18n';
import { card, type Element, facts, heading, textBlock } from './elements';
import { decimal, euros, formatPeriod, listText } from './format';
import { plain } from './plain-text';

/** The period in the card's title: "2026", "11/2026", "Q3/2026", "the last 90 days". */
export function periodLabel(period: StatsPeriod, t: Translate): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'month':
      return formatPeriod(period.months[0]!);
    case 'quarter':
      return `Q${period.quarter}/${period.year}`;
    case 'days':
      return t('stats_period_days', { days: period.days });
  }
}

/**
 * A chart that Teams draws (Microsoft Learn, "Charts in Adaptive Cards"), with a fact table for
 * the clients that do not draw it (Teams mobile, older clients, other hosts).
 */
function chart(type: string, title: string, data: Element[], table: [string, string][]): Element {
  return { type, title, data, fallback: facts(table) };
}

const percent = (share: number, lang: Language) => decimal(Math.round(share * 1000) / 10, lang);

function days(spread: DaySpread, t: Translate): string {
  if (spread.median === undefined || spread.p90 === undefined) return t('stats_none_yet');
  return t(spread.capped ? 'stats_days_capped' : 'stats_days', {
    median: spread.median,
    p90: spread.p90,
    count: spread.count,
  });
}

function rating(r: { count: number; average?: number }, lang: Language, t: Translate): string {
  return r.average === undefined
    ? t('stats_no_ratings')
    : t('stats_rating', { average: decimal(r.average, lang), count: r.count });
}

/** `/stats` (SPEC §6): the figures of a period on one card, under 28 KB. */
export function statsCard(view: StatsView, lang: Language, t: Translate) {
  const f = view.figures;
  const name = (id: string) => plain(view.unitNames[id] ?? id);
  const body: Element[] = [heading(t('stats_title', { period: periodLabel(view.period, t) }))];
  if (view.units)
    body.push(textBlock(t('stats_units', { units: listText(view.units.map(name), lang) })));
  if (view.period.kind === 'days')
    body.push(
      textBlock(
        t('stats_days_months', {
          from: formatPeriod(view.period.months[0]!),
          to: formatPeriod(view.period.months.at(-1)!),
        }),
        { isSubtle: true, size: 'Small' },
      ),
    );

  const months: [string, string][] = f.byMonth.map((m) => [
    formatPeriod(m.month),
    String(m.orders),
  ]);
  body.push(
    chart(
      'Chart.VerticalBar',
      t('stats_orders_by_month'),
      f.byMonth.map((m) => ({ x: formatPeriod(m.month), y: m.orders })),
      months,
    ),
  );
  const types = f.byTaskType.map((e): [string, string] => [
    t(`task_${e.id}` as MessageKey),
    String(e.orders),
  ]);
  if (types.length)
    body.push(
      chart(
        'Chart.Donut',
        t('stats_by_task_type'),
        types.map(([legend, value]) => ({ legend, value: Number(value) })),
        types,
      ),
    );
  const areas = f.byArea.map((e): [string, string] => [
    t(`area_${e.id}` as MessageKey),
    String(e.orders),
  ]);
  if (areas.length)
    body.push(
      chart(
        'Chart.HorizontalBar',
        t('stats_by_area'),
        areas.map(([x, y]) => ({ x, y: Number(y) })),
        areas,
      ),
    );

  body.push(
    heading(t('stats_orders_heading')),
    facts([
      [t('stats_orders'), String(f.orders)],
      [t('stats_filled'), String(f.filled)],
      [t('stats_unfilled'), String(f.unfilled)],
      [t('stats_open'), String(f.open)],
      [t('stats_cancelled'), String(f.cancelled)],
      [
        t('stats_fill_rate'),
        f.fillRate === undefined
          ? t('stats_none_yet')
          : t('stats_percent', { percent: percent(f.fillRate, lang) }),
      ],
      [t('stats_order_to_filled'), days(f.orderToFilled, t)],
    ]),
    heading(t('stats_fees_heading')),
    facts([
      [t('stats_claim_to_paid'), days(f.claimToPaid, t)],
      [t('stats_claims_waiting'), String(f.claimsWaiting)],
      [t('stats_claims_stuck'), String(f.claimsStuck)],
      ...f.spending.map((u): [string, string] => [name(u.unitId), euros(u.cents, lang)]),
      [t('stats_spending_total'), euros(f.spendingCents, lang)],
    ]),
    heading(t('stats_feedback_heading')),
    facts([
      [t('stats_feedback_orderers'), rating(f.feedback.orderer, lang, t)],
      [t('stats_feedback_experts'), rating(f.feedback.expert, lang, t)],
    ]),
    heading(t('stats_fairness_heading')),
    facts([
      [
        t('stats_busiest_share'),
        f.fairness.busiestShare === undefined
          ? t('stats_none_yet')
          : t('stats_percent', { percent: percent(f.fairness.busiestShare, lang) }),
      ],
      [
        t('stats_without_tasks'),
        t('stats_of_active', { count: f.fairness.withNone, active: f.fairness.activeExperts }),
      ],
    ]),
  );
  if (view.idleTrainees)
    body.push(
      textBlock(
        `⚠ ${t('stats_idle_trainees', { count: view.idleTrainees, days: IDLE_TRAINEE_DAYS })}`,
      ),
    );
  return card(body);
}
