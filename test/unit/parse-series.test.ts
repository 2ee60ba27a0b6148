import assert from 'node:assert/strict';
import { parseOrderText } from '../../src/domain/orders/parse-order';
import { MAX_SESSIONS, planSeries } from '../../src/domain/orders/parse-series';
import { futureSessions, planFromForm, type Series } from '../../src/domain/orders/series';
import { FIXTURE_NOW, ORDER_FIXTURES, SERIES_FIXTURES } from '../fixtures/orders';

const TODAY = '2026-11-25';

describe('parse series', () => {
  for (const f of SERIES_FIXTURES) {
    it(`when "${f.text}" is read, then it gives ${JSON.stringify(f.expected)}`, () => {
      const parsed = parseOrderText(f.text, FIXTURE_NOW);
      if ('single' in f.expected || 'every' in f.expected) {
        if (f.expected.address) assert.equal(parsed.address, f.expected.address);
        if (f.expected.audience) assert.equal(parsed.audience, f.expected.audience);
      }
      if ('single' in f.expected) {
        assert.equal(parsed.series, undefined);
        assert.equal(parsed.seriesProblem, undefined);
        assert.equal(parsed.date, f.expected.single);
        return;
      }
      if ('problem' in f.expected) {
        assert.equal(parsed.seriesProblem, f.expected.problem);
        assert.equal(parsed.series, undefined);
        return;
      }
      assert.equal(parsed.seriesProblem, undefined);
      assert.deepEqual(parsed.series, { every: f.expected.every, until: f.expected.last });
      assert.equal(parsed.date, f.expected.first);
      // The card's values give the same sessions again when the order is sent.
      const planned = planFromForm(
        parsed.date,
        { seriesEvery: String(parsed.series.every), seriesUntil: parsed.series.until },
        TODAY,
      );
      assert.ok(planned.ok);
      assert.equal(planned.plan.dates.length, f.expected.sessions);
      assert.equal(planned.plan.dates[0], f.expected.first);
      assert.equal(planned.plan.dates.at(-1), f.expected.last);
      assert.deepEqual(planned.plan.skipped, f.expected.skipped ?? []);
    });
  }

  it('when the series fixture is counted, then each language has a series and every kind of refusal', () => {
    for (const lang of ['fi', 'sv', 'en'] as const) {
      const mine = SERIES_FIXTURES.filter((f) => f.lang === lang);
      assert.ok(mine.filter((f) => !('problem' in f.expected)).length >= 4, lang);
      assert.ok(mine.filter((f) => 'problem' in f.expected).length >= 3, lang);
    }
  });

  it('when a one-off order names a weekday, then no series is read', () => {
    for (const text of [
      'Luento tiistaina 3.3. klo 13-15 Jyväskylässä',
      'A lecture on Tuesday 3 March at 1 pm in Tampere',
      'Föreläsning på tisdag 3.3. kl 13 i Vasa',
    ]) {
      const parsed = parseOrderText(text, FIXTURE_NOW);
      assert.equal(parsed.series, undefined, text);
      assert.equal(parsed.seriesProblem, undefined, text);
    }
  });

  it('when a text says "daily" about the place, then no series is read; beside a weekday it is unclear', () => {
    const ward = parseOrderText(
      'Juttupenkki osastolle 5, jossa on päivittäin paljon potilaita, ti 8.12. klo 13-16 Jyväskylä',
      FIXTURE_NOW,
    );
    assert.equal(ward.seriesProblem, undefined);
    assert.equal(ward.date, '2026-12-08');
    for (const text of [
      'Vertaisryhmä tiistaisin ja torstaisin toukokuun loppuun Jyväskylä',
      'Peer group every day, every Tuesday until 26 May, Tampere',
      'Vertaisryhmään kokemusasiantuntija kahdesti viikossa Jyväskylässä',
    ])
      assert.equal(parseOrderText(text, FIXTURE_NOW).seriesProblem, 'series_unclear', text);
  });

  it('when the single-order fixture is read, then none becomes a series (a repeating one without an end is asked for it)', () => {
    const series = ORDER_FIXTURES.filter((f) => parseOrderText(f.text, FIXTURE_NOW).series);
    assert.deepEqual(series, []);
  });

  it('when a series holds more than 26 sessions, then it is refused, and 26 are allowed', () => {
    const weekly = { every: 1 as const, weekday: 2, start: '2026-12-01' };
    const last26 = '2027-05-25';
    const ok = planSeries({ ...weekly, until: last26 }, TODAY);
    assert.ok(ok.ok && ok.plan.dates.length === MAX_SESSIONS);
    assert.deepEqual(planSeries({ ...weekly, until: '2027-06-01' }, TODAY), {
      ok: false,
      problem: 'series_too_long',
    });
  });

  it('when a series is cancelled, then only the sessions after today are its future', () => {
    const series = {
      sessions: [
        { orderId: 'T-2027-0001', date: '2027-03-18' },
        { orderId: 'T-2027-0002', date: '2027-03-25' },
        { orderId: 'T-2027-0003', date: '2027-04-01' },
      ],
    } as Series;
    assert.deepEqual(futureSessions(series, '2027-03-25'), ['T-2027-0003']);
  });
});
