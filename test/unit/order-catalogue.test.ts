import assert from 'node:assert/strict';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import {
  CATALOGUE,
  catalogueEntry,
  endAfter,
  estimateOrder,
} from '../../src/domain/orders/catalogue';
import { parseCommand } from '../../src/domain/commands/command-table';

describe('the order catalogue and the estimate', () => {
  it('when the catalogue is read, then Juttupenkki and Päivä elämässä are its products and mentoring is not offered', () => {
    assert.deepEqual(
      CATALOGUE.filter((e) => e.product).map((e) => e.taskType),
      ['juttupenkki', 'day_in_life'],
    );
    assert.equal(catalogueEntry('mentoring'), undefined);
    assert.equal(catalogueEntry('nonsense'), undefined);
  });

  it('when a usual length is added to the suggested start, then the end is HH:mm, and nothing past midnight', () => {
    assert.equal(endAfter('09:00', 90), '10:30');
    assert.equal(endAfter('22:30', 120), undefined);
  });

  it('when a 13–15 lecture for two is estimated, then it is two started hours at 40 € for each expert', () => {
    const e = estimateOrder(DEFAULT_TARIFF, {
      taskType: 'lecture',
      start: '13:00',
      end: '15:00',
      expertCount: '2',
    })!;
    assert.deepEqual(e, {
      totalCents: 16_000,
      perExpertCents: 8_000,
      experts: 2,
      startedHours: 2,
      hourlyCents: 4_000,
      minimumCents: 5_000,
    });
  });

  it('when a short task would cost less than the minimum, then the minimum is the estimate', () => {
    assert.equal(
      estimateOrder(DEFAULT_TARIFF, { taskType: 'peer_group', start: '13:00', end: '13:45' })!
        .totalCents,
      5_000,
    );
    assert.equal(
      estimateOrder(DEFAULT_TARIFF, { taskType: 'peer_group', start: '13:00', end: '15:01' })!
        .totalCents,
      7_500,
    );
  });

  it('when the type or the times are missing or wrong, then there is no estimate', () => {
    assert.equal(estimateOrder(DEFAULT_TARIFF, { start: '13:00', end: '15:00' }), undefined);
    assert.equal(estimateOrder(DEFAULT_TARIFF, { taskType: 'lecture', start: '13:00' }), undefined);
    assert.equal(
      estimateOrder(DEFAULT_TARIFF, { taskType: 'lecture', start: '15:00', end: '13:00' }),
      undefined,
    );
    assert.equal(
      estimateOrder(DEFAULT_TARIFF, { taskType: 'lecture', start: '25:00', end: '26:00' }),
      undefined,
    );
    assert.equal(
      estimateOrder(DEFAULT_TARIFF, {
        taskType: 'lecture',
        start: '13:00',
        end: '15:00',
        expertCount: '0',
      }),
      undefined,
    );
    assert.equal(
      estimateOrder(DEFAULT_TARIFF, { taskType: 'toString', start: '13:00', end: '15:00' }),
      undefined,
    );
  });

  it('when an orderer asks what they can order in any language, then it is the catalogue command', () => {
    for (const text of [
      'mitä voin tilata',
      'Mitä voi tilata?',
      'vad kan jag beställa',
      'What can I order?',
      '/what can I order',
    ]) {
      assert.deepEqual(parseCommand(text), { name: 'catalogue', args: '' }, text);
    }
    assert.notEqual(parseCommand('mitä voin tilata luennolle ensi viikolla')?.name, 'catalogue');
  });
});
