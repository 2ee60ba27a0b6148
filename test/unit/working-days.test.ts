import assert from 'node:assert/strict';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
} from '../../src/domain/shared/working-days';

describe('working days', () => {
  it('when the day is a Saturday or a Sunday, then it is not a working day', () => {
    assert.equal(isWorkingDay('2026-03-07'), false);
    assert.equal(isWorkingDay('2026-03-08'), false);
    assert.equal(isWorkingDay('2026-03-09'), true); // Monday
  });

  it('when the day is a Finnish public holiday on a weekday, then it is not a working day', () => {
    assert.equal(isWorkingDay('2027-12-06'), false, 'itsenäisyyspäivä (Monday)');
    assert.equal(isWorkingDay('2026-04-03'), false, 'pitkäperjantai');
    assert.equal(isWorkingDay('2026-04-06'), false, 'toinen pääsiäispäivä');
    assert.equal(isWorkingDay('2026-05-01'), false, 'vappu');
    assert.equal(isWorkingDay('2026-05-14'), false, 'helatorstai');
    assert.equal(isWorkingDay('2026-12-25'), false, 'joulupäivä');
    assert.equal(isWorkingDay('2027-01-06'), false, 'loppiainen');
  });

  it('when the day is juhannusaatto or jouluaatto, then it is a working day (not public holidays by law; date-holidays marks them "bank")', () => {
    assert.equal(isWorkingDay('2026-06-19'), true, 'juhannusaatto, Friday');
    assert.equal(isWorkingDay('2026-12-24'), true, 'jouluaatto, Thursday');
    assert.equal(isWorkingDay('2026-12-31'), true, 'uudenvuodenaatto, Thursday');
  });

  it('when a date is malformed, then it throws (a bug, not a user error)', () => {
    assert.throws(() => isWorkingDay('6.12.2026'));
    assert.throws(() => isWorkingDay('2026-02-30'));
  });

  it('when a claim arrives on Friday, then Monday is its first working day waited', () => {
    const friday = helsinkiInstant('2026-03-06', '15:00');
    assert.equal(workingDaysBetween(friday, helsinkiInstant('2026-03-06', '23:59')), 0);
    assert.equal(workingDaysBetween(friday, helsinkiInstant('2026-03-08', '12:00')), 0);
    assert.equal(workingDaysBetween(friday, helsinkiInstant('2026-03-09', '00:00')), 1);
    assert.equal(workingDaysBetween(friday, helsinkiInstant('2026-03-11', '08:00')), 3);
  });

  it('when the days are counted, then the Helsinki calendar decides, not UTC', () => {
    const monday = helsinkiInstant('2026-03-09', '10:00');
    assert.equal(
      workingDaysBetween(monday, new Date('2026-03-09T21:59:00Z')),
      0,
      'Mon 23:59 in Helsinki',
    );
    assert.equal(
      workingDaysBetween(monday, new Date('2026-03-09T22:00:00Z')),
      1,
      'Tue 00:00 in Helsinki',
    );
  });

  it('when Easter falls in between, then pitkäperjantai and toinen pääsiäispäivä do not count', () => {
    assert.equal(
      workingDaysBetween(
        helsinkiInstant('2026-04-02', '12:00'),
        helsinkiInstant('2026-04-07', '12:00'),
      ),
      1,
    );
  });

  it("when the period crosses a new year, then both years' holidays are left out", () => {
    // 24., 28.–31.12.2026 and 4.1.2027
    assert.equal(
      workingDaysBetween(
        helsinkiInstant('2026-12-23', '09:00'),
        helsinkiInstant('2027-01-04', '09:00'),
      ),
      6,
    );
  });

  it('when the end is before the start, then no working days have passed', () => {
    assert.equal(
      workingDaysBetween(
        helsinkiInstant('2026-03-11', '09:00'),
        helsinkiInstant('2026-03-09', '09:00'),
      ),
      0,
    );
  });

  it('when working days are added or taken, then weekends and holidays are stepped over', () => {
    assert.equal(addWorkingDays('2026-04-02', 1), '2026-04-07');
    assert.equal(addWorkingDays('2026-04-07', -1), '2026-04-02');
    assert.equal(addWorkingDays('2026-03-06', 3), '2026-03-11');
    assert.equal(addWorkingDays('2026-03-07', 0), '2026-03-07');
    assert.equal(
      addWorkingDays('2026-12-03', 2),
      '2026-12-07',
      'over a weekend; 6.12.2026 is a Sunday',
    );
  });
});
