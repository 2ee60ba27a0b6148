import assert from 'node:assert/strict';
import { workingDaysBetween } from '../../src/domain/shared/working-days';
import { translator } from '../../src/i18n';
import { storageRequests } from '../../src/storage/request-counter';
import { AC, textOf, walk } from '../support/cards';
import { UNIT } from '../support/scenario';
import {
  claimTotal,
  EXPERTS,
  IDLE_EXPERT,
  SCHOOL,
  seedHistory,
  type History,
  type PlannedOrder,
} from '../support/stats-history';
import { World } from '../support/world';

const fi = translator('fi');
const en = translator('en');
type Json = Record<string, any>;

/** Nearest-rank percentile of plain samples, written here apart from the bot's histogram code. */
function rank(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!;
}
const factsOf = (card: Json): Map<string, string> => {
  const out = new Map<string, string>();
  walk(card.body, (n) => {
    if (n.type === 'FactSet' && !JSON.stringify(n).includes('Chart.'))
      for (const f of n.facts) if (!out.has(f.title)) out.set(f.title, f.value);
  });
  return out;
};
const chartOf = (card: Json, type: string): Json => card.body.find((e: Json) => e.type === type);
const euro = (cents: number) =>
  new Intl.NumberFormat('fi-FI', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const pct = (share: number) => `${String(Math.round(share * 1000) / 10).replace('.', ',')} %`;

describe('/stats and the figures exports (SPEC §6)', function () {
  this.timeout(600_000);
  let world: World;
  let h: History;

  before(async () => {
    // Every expert at once, and a week to answer: the planned Accept delays are up to 3 working days.
    world = await World.start(
      {},
      { offerSettings: { waveSize: 12, offerWindowMs: 7 * 24 * 3600_000 } },
    );
    h = await seedHistory(world);
  });
  after(() => world.stop());

  const coordinatorStats = async (args = '') => {
    await h.people.coordinator.say(`/tilastot ${args}`.trim());
    return h.people.coordinator.lastCard()!;
  };

  it('when the history has been played, then it holds 48 orders in 8 months, with claims paid and waiting', () => {
    assert.equal(h.orders.length, 48);
    assert.ok(h.orders.every((o) => o.orderId));
    assert.ok(h.orders.filter((o) => o.claim?.payAfter !== undefined).length >= 15);
  });

  describe('a coordinator asks for this year', () => {
    let card: Json;
    let facts: Map<string, string>;
    const filled = () => h.orders.filter((o) => o.fate === 'filled');
    const paid = () => h.orders.filter((o) => o.claim?.payAfter !== undefined);
    before(async () => {
      card = await coordinatorStats();
      facts = factsOf(card);
      if (process.env.SHOW_STATS) console.log(textOf(card));
    });

    it('when the card is parsed as an Adaptive Card 1.5, then it is valid, its only unknown elements are the charts, each with a fact-table fallback, and it is under 28 KB', () => {
      assert.equal(card.version, '1.5');
      const size = Buffer.byteLength(JSON.stringify(card), 'utf8');
      assert.ok(size < 28 * 1024, `${size} bytes`);
      const ctx = new AC.SerializationContext(AC.Versions.v1_5);
      const parsed = new AC.AdaptiveCard();
      parsed.parse(card, ctx);
      const events: string[] = [];
      for (let i = 0; i < ctx.eventCount; i++) events.push(ctx.getEventAt(i).message);
      for (const e of events) assert.match(e, /Chart\./, `only the charts are unknown: ${e}`);
      assert.deepEqual(
        parsed.validateProperties().validationEvents.map((e: Json) => e.message),
        [],
      );
      const charts = card.body.filter((e: Json) => String(e.type).startsWith('Chart.'));
      assert.deepEqual(
        charts.map((c: Json) => c.type),
        ['Chart.VerticalBar', 'Chart.Donut', 'Chart.HorizontalBar'],
      );
      for (const c of charts) assert.equal(c.fallback.type, 'FactSet');
      // What a client without charts shows: the SDK puts each chart's fallback in its place.
      const shown = Array.from({ length: parsed.getItemCount() }, (_, i) =>
        parsed.getItemAt(i).getJsonTypeName(),
      );
      const at = card.body
        .map((e: Json, i: number) => (String(e.type).startsWith('Chart.') ? i : -1))
        .filter((i: number) => i >= 0);
      assert.deepEqual(
        at.map((i: number) => shown[i]),
        ['FactSet', 'FactSet', 'FactSet'],
      );
    });

    it('when the months are counted, then the bar chart has every month of 2026 and 6 orders in each of March to October', () => {
      const bars = chartOf(card, 'Chart.VerticalBar');
      assert.equal(bars.data.length, 12);
      const expected = Array.from({ length: 12 }, (_, m) => (m >= 2 && m <= 9 ? 6 : 0));
      assert.deepEqual(
        bars.data.map((d: Json) => d.y),
        expected,
      );
      assert.equal(bars.data[10].x, '11/2026');
      assert.deepEqual(
        bars.fallback.facts.map((f: Json) => f.value),
        expected.map(String),
      );
    });

    it('when task types and areas are counted, then they match the plan', () => {
      const byType = new Map<string, number>();
      const byArea = new Map<string, number>();
      for (const o of h.orders) {
        byType.set(
          fi(`task_${o.taskType}` as never),
          (byType.get(fi(`task_${o.taskType}` as never)) ?? 0) + 1,
        );
        for (const a of o.areas)
          byArea.set(fi(`area_${a}` as never), (byArea.get(fi(`area_${a}` as never)) ?? 0) + 1);
      }
      const donut = chartOf(card, 'Chart.Donut');
      assert.deepEqual(new Map(donut.data.map((d: Json) => [d.legend, d.value])), byType);
      const bars = chartOf(card, 'Chart.HorizontalBar');
      assert.deepEqual(new Map(bars.data.map((d: Json) => [d.x, d.y])), byArea);
    });

    it('when orders are counted by how they went, then filled, unfilled, cancelled and the fill rate match the plan', () => {
      const count = (fate: PlannedOrder['fate']) => h.orders.filter((o) => o.fate === fate).length;
      assert.equal(facts.get(fi('stats_orders')), '48');
      assert.equal(facts.get(fi('stats_filled')), String(count('filled')));
      assert.equal(facts.get(fi('stats_unfilled')), String(count('unfilled')));
      assert.equal(facts.get(fi('stats_cancelled')), String(count('cancelled')));
      assert.equal(facts.get(fi('stats_open')), '0');
      assert.equal(
        facts.get(fi('stats_fill_rate')),
        pct(count('filled') / (48 - count('cancelled'))),
      );
    });

    it('when order → filled is measured, then the median and 90th percentile are those of the planned Accept delays', () => {
      const lags = filled().map((o) => o.lag!);
      assert.equal(
        facts.get(fi('stats_order_to_filled')),
        fi('stats_days', { median: rank(lags, 0.5), p90: rank(lags, 0.9), count: lags.length }),
      );
    });

    it('when claim → paid is measured, then the median and 90th percentile are those of the planned approval and payment delays', () => {
      const delays = paid().map((o) => o.claim!.approveAfter + o.claim!.payAfter!);
      assert.equal(
        facts.get(fi('stats_claim_to_paid')),
        fi('stats_days', {
          median: rank(delays, 0.5),
          p90: rank(delays, 0.9),
          count: delays.length,
        }),
      );
    });

    it('when claims waiting now are counted, then those left with the supervisor are there, and those over 5 working days are stuck', () => {
      const waiting = h.orders.filter((o) => o.claim && o.claim.payAfter === undefined);
      // Each was sent at 16:00 on the task's day, the orderer having confirmed: it waits since then.
      const stuck = waiting.filter(
        (o) => workingDaysBetween(new Date(`${o.date}T14:00:00Z`), world.clock.now()) > 5,
      );
      assert.equal(facts.get(fi('stats_claims_waiting')), String(waiting.length));
      assert.equal(facts.get(fi('stats_claims_stuck')), String(stuck.length));
    });

    it('when spending is added up by unit, then each unit shows the sum of its paid claims', async () => {
      const sums = new Map<string, number>();
      for (const o of paid())
        sums.set(o.unitId, (sums.get(o.unitId) ?? 0) + (await claimTotal(world, o.claimId!)));
      assert.equal(facts.get(UNIT.name), euro(sums.get(UNIT.unitId)!));
      assert.equal(facts.get(SCHOOL.name), euro(sums.get(SCHOOL.unitId)!));
      assert.equal(
        facts.get(fi('stats_spending_total')),
        euro(sums.get(UNIT.unitId)! + sums.get(SCHOOL.unitId)!),
      );
    });

    it('when feedback is averaged, then both directions show the planned ratings and their count', () => {
      const rated = h.orders.filter((o) => o.feedback);
      const avg = (xs: number[]) =>
        String(Math.round((xs.reduce((s, x) => s + x, 0) / xs.length) * 10) / 10).replace('.', ',');
      const orderer = rated.map((o) => o.feedback!.orderer);
      const expert = rated.map((o) => o.feedback!.expert);
      assert.equal(
        facts.get(fi('stats_feedback_orderers')),
        fi('stats_rating', { average: avg(orderer), count: orderer.length }),
      );
      assert.equal(
        facts.get(fi('stats_feedback_experts')),
        fi('stats_rating', { average: avg(expert), count: expert.length }),
      );
    });

    it('when fairness is measured, then the busiest 20 % of the 6 active experts hold their planned share and the idle and unchosen experts are counted', () => {
      const active = [...EXPERTS, IDLE_EXPERT];
      const tasks = active.map((e) => filled().filter((o) => o.expert === e).length);
      const sorted = [...tasks].sort((a, b) => b - a);
      const busiest = sorted.slice(0, Math.ceil(active.length * 0.2));
      const share = busiest.reduce((s, n) => s + n, 0) / tasks.reduce((s, n) => s + n, 0);
      assert.equal(facts.get(fi('stats_busiest_share')), pct(share));
      assert.equal(
        facts.get(fi('stats_without_tasks')),
        fi('stats_of_active', { count: tasks.filter((n) => n === 0).length, active: 6 }),
      );
    });

    it('when the card is read, then it names no expert, e-mail or comment', () => {
      const text = JSON.stringify(card);
      assert.doesNotMatch(text, /@example\.fi|Hyvä tehtävä|e0 |Keskussairaalantie/);
    });
  });

  it('when /stats is asked with the whole history stored, then it takes as many storage requests as for a year with no orders, and one query of the running counts', async () => {
    await coordinatorStats();
    storageRequests.reset();
    const { counts } = await storageRequests.during(() => coordinatorStats());
    const counters = Object.entries(storageRequests.byTable())
      .filter(([k]) => k.includes('Counters'))
      .reduce((s, [, n]) => s + n, 0);
    assert.equal(counters, 1, JSON.stringify(storageRequests.byTable()));
    assert.ok(counts.total <= 4, JSON.stringify(counts));
    // A year that holds nothing reads just as much: the figures never walk the orders.
    storageRequests.reset();
    const { counts: empty } = await storageRequests.during(() => coordinatorStats('2024'));
    assert.equal(empty.total, counts.total, JSON.stringify(empty));
  });

  describe('periods and people', () => {
    it('when a month, a quarter or the last 90 days are asked for in three languages, then the card covers those months', async () => {
      const may = await coordinatorStats('toukokuu 2026');
      assert.match(textOf(may), /Tilastot 5\/2026/);
      assert.equal(factsOf(may).get(fi('stats_orders')), '6');
      const q3 = await coordinatorStats('Q3');
      assert.equal(factsOf(q3).get(fi('stats_orders')), '18');
      const sv = world.person({ email: 'coord@example.fi', locale: 'sv-FI' });
      await sv.say('/statistik senaste 90 dagarna');
      assert.match(textOf(sv.lastCard()!), /Statistik de senaste 90 dagarna/);
      assert.equal(factsOf(sv.lastCard()!).get('Beställningar'), '18'); // August to October
    });

    it('when the period cannot be read, then the coordinator gets examples and no card', async () => {
      const answer = await h.people.coordinator.say('/tilastot eilisiltana');
      assert.deepEqual(answer, [fi('stats_usage')]);
    });

    it('when the director of one unit asks, then the card shows that unit only', async () => {
      await h.chain.director.say('/stats');
      const card = h.chain.director.lastCard()!;
      const facts = factsOf(card);
      const mine = h.orders.filter((o) => o.unitId === UNIT.unitId);
      assert.match(textOf(card), new RegExp(UNIT.name));
      assert.equal(facts.get(fi('stats_orders')), String(mine.length));
      assert.equal(facts.get(SCHOOL.name), undefined, 'nothing about the other unit');
      let paid = 0;
      for (const o of mine.filter((x) => x.claim?.payAfter !== undefined))
        paid += await claimTotal(world, o.claimId!);
      assert.equal(facts.get(fi('stats_spending_total')), euro(paid));
    });

    it('when an orderer or an expert asks, then they are refused and see no figures', async () => {
      assert.deepEqual(await h.people.orderer.say('/stats'), [fi('command_not_allowed')]);
      const expert = h.people.experts.get(EXPERTS[0]!)!;
      assert.deepEqual(await expert.say('/stats 2026'), [fi('command_not_allowed')]);
    });
  });

  describe('exports', () => {
    const linkOf = (text: string) => /https?:\/\/\S+\.csv/.exec(text)![0];
    const rowsOf = async (url: string) => {
      const res = await fetch(url);
      assert.equal(res.status, 200);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM');
      return bytes
        .toString('utf8')
        .slice(1)
        .trim()
        .split('\r\n')
        .map((l) => l.split(';'));
    };

    it('when a coordinator exports the orders, then every order of the year is a row, with no names, e-mails or free text', async () => {
      await h.people.coordinator.say('/export orders 2026');
      const url = linkOf(h.people.coordinator.lastText());
      const rows = await rowsOf(url);
      assert.equal(rows.length, 49);
      assert.equal(rows[0]![0], 'Tilaus');
      assert.deepEqual(
        rows.slice(1).map((r) => r[0]),
        h.orders.map((o) => o.orderId),
      );
      const all = rows.flat().join(';');
      assert.doesNotMatch(all, /@|Keskussairaalantie|Olli|Outi/);
    });

    it('when a coordinator exports the feedback, then each rating is a row with its comment; the director gets their unit only and no comments', async () => {
      await h.people.coordinator.say('/vie palaute 2026');
      const rows = await rowsOf(linkOf(h.people.coordinator.lastText()));
      const rated = h.orders.filter((o) => o.feedback);
      assert.equal(rows.length, 1 + rated.length * 2);
      assert.equal(rows[0]!.at(-1), 'Kommentti');
      assert.ok(rows.some((r) => r.at(-1)?.startsWith('Hyvä tehtävä')));
      await h.chain.director.say('/export feedback 2026');
      const own = await rowsOf(linkOf(h.chain.director.lastText()));
      assert.ok(!own[0]!.includes('Kommentti'));
      assert.equal(own.length, 1 + rated.filter((o) => o.unitId === UNIT.unitId).length * 2);
      assert.ok(own.slice(1).every((r) => r[3] === UNIT.name));
      assert.doesNotMatch(own.flat().join(';'), /Hyvä tehtävä|@/);
    });

    it('when someone without the role asks, the requester has lost the role, or the link has expired, then there is no file', async () => {
      assert.deepEqual(await h.people.orderer.say('/export orders'), [fi('command_not_allowed')]);
      assert.deepEqual(await h.people.coordinator.say('/export sales'), [fi('export_usage_kinds')]);
      const english = world.person({ email: 'coord@example.fi', locale: 'en-GB' });
      await english.say('/export orders Q3');
      const url = linkOf(english.lastText());
      assert.equal(english.lastText(), en('export_orders_link', { period: 'Q3/2026', url }));
      // The link is checked again at download: a coordinator who is one no longer gets nothing.
      await world.bot.services.registers.putStaff({
        email: 'coord@example.fi',
        name: 'Kaisa Coordinator',
        role: 'orderer',
      });
      assert.equal((await fetch(url)).status, 404);
      await world.bot.services.registers.putStaff({
        email: 'coord@example.fi',
        name: 'Kaisa Coordinator',
        role: 'coordinator',
      });
      assert.equal((await fetch(url)).status, 200);
      world.clock.advance(25 * 3600_000);
      const late = await fetch(url);
      assert.equal(late.status, 404);
    });
  });
});
