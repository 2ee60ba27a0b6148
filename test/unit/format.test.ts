import assert from 'node:assert/strict';
import {
  dateTimeRange,
  euros,
  formatDate,
  formatPeriod,
  helsinkiDateTime,
  listText,
  timeRange,
} from '../../cards/format';
import { parsePeriod } from '../../src/domain/fees/period';

describe('one date and time style per language', () => {
  it('when an order time is shown, then each language writes it its own way, with klo / kl. and no leading zero in fi and sv', () => {
    assert.equal(
      dateTimeRange('2026-12-01', '13:00', '15:00', 'fi'),
      'ti 1.12.2026 klo 13.00–15.00',
    );
    assert.equal(
      dateTimeRange('2026-12-01', '13:00', '15:00', 'sv'),
      'tis 1.12.2026 kl. 13.00–15.00',
    );
    assert.equal(
      dateTimeRange('2026-12-01', '13:00', '15:00', 'en'),
      'Tue 1 Dec 2026, 13:00–15:00',
    );
    assert.equal(timeRange('09:05', '10:30', 'fi'), 'klo 9.05–10.30');
    assert.equal(timeRange('09:05', '10:30', 'en'), '09:05–10:30');
    assert.equal(formatDate('2026-12-31', 'fi'), 'to 31.12.2026');
  });

  it('when an instant is shown, then it is Helsinki time in the same style: "25.11. klo 9.02", "25.11 kl. 9.02", "25 Nov, 09:02"', () => {
    const at = '2026-11-25T07:02:00.000Z'; // 09:02 in Helsinki (UTC+2)
    assert.equal(helsinkiDateTime(at, 'fi'), '25.11. klo 9.02');
    assert.equal(helsinkiDateTime(at, 'sv'), '25.11 kl. 9.02');
    assert.equal(helsinkiDateTime(at, 'en'), '25 Nov, 09:02');
    assert.equal(
      helsinkiDateTime('2026-06-30T21:30:00.000Z', 'fi'),
      '1.7. klo 0.30',
      'summer time, past midnight',
    );
  });

  it('when a payroll month is shown, then it reads 11/2026, and the parser takes that back', () => {
    assert.equal(formatPeriod('2026-11'), '11/2026');
    assert.equal(formatPeriod('2027-01'), '1/2027');
    assert.deepEqual(parsePeriod(formatPeriod('2026-11'), new Date('2026-11-30T10:00:00Z')), [
      '2026-11',
    ]);
    assert.deepEqual(parsePeriod('2026-11', new Date('2026-11-30T10:00:00Z')), ['2026-11']);
  });

  it('when names are listed, then one is alone and the last two are joined with ja / och / and', () => {
    assert.equal(listText(['Anna'], 'fi'), 'Anna');
    assert.equal(listText(['Anna', 'Ben'], 'fi'), 'Anna ja Ben');
    assert.equal(listText(['Anna', 'Ben', 'Cecilia'], 'fi'), 'Anna, Ben ja Cecilia');
    assert.equal(listText(['Anna', 'Ben'], 'sv'), 'Anna och Ben');
    assert.equal(listText(['Anna', 'Ben'], 'en'), 'Anna and Ben');
  });

  it('when euros are shown, then fi and sv put the sign after with a decimal comma, en before', () => {
    assert.equal(euros(9328, 'fi'), '93,28\u00a0€');
    assert.equal(euros(9328, 'en'), '€93.28');
  });
});
