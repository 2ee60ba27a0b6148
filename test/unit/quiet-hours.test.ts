import assert from 'node:assert/strict';
import { isQuietHour, waveSendTime } from '../../src/domain/offers/quiet-hours';

const at = (iso: string) => new Date(iso);
const inDays = (from: string, days: number) => new Date(Date.parse(from) + days * 24 * 3600_000);

describe('quiet hours for offer waves (SPEC §4)', () => {
  it('when it is 20:59 or 08:00 in Helsinki, then a wave goes at once', () => {
    // November: Helsinki is UTC+2.
    for (const now of ['2026-11-25T18:59:00Z', '2026-11-25T06:00:00Z', '2026-11-25T12:00:00Z']) {
      assert.equal(waveSendTime(at(now), inDays(now, 3)).toISOString(), at(now).toISOString(), now);
    }
  });

  it('when it is 22:30 and the task is three days away, then the wave waits until 08:00 the next morning', () => {
    const now = '2026-11-25T20:30:00Z'; // 22:30 Helsinki
    assert.equal(waveSendTime(at(now), inDays(now, 3)).toISOString(), '2026-11-26T06:00:00.000Z');
  });

  it('when it is 21:00 exactly, or 03:00 after midnight, then the wave waits until 08:00 that coming morning', () => {
    assert.equal(
      waveSendTime(at('2026-11-25T19:00:00Z'), at('2026-12-15T11:00:00Z')).toISOString(),
      '2026-11-26T06:00:00.000Z',
    );
    assert.equal(
      waveSendTime(at('2026-11-26T01:00:00Z'), at('2026-12-15T11:00:00Z')).toISOString(),
      '2026-11-26T06:00:00.000Z',
    );
    assert.equal(
      waveSendTime(at('2026-11-26T05:59:59Z'), at('2026-12-15T11:00:00Z')).toISOString(),
      '2026-11-26T06:00:00.000Z',
    );
  });

  it('when the task starts within 24 hours, then a wave goes at once even at night, and at 24 hours it waits', () => {
    const now = '2026-11-25T20:30:00Z';
    assert.equal(
      waveSendTime(at(now), at('2026-11-26T08:00:00Z')).toISOString(),
      at(now).toISOString(),
      'tomorrow at 10:00',
    );
    assert.equal(
      waveSendTime(at(now), inDays(now, 1)).toISOString(),
      '2026-11-26T06:00:00.000Z',
      'exactly 24 hours away is not within',
    );
  });

  it('when the clocks go back in October, then the wave still waits until 08:00 Helsinki time, now UTC+2', () => {
    // 25.10.2026 04:00 EEST → 03:00 EET. 22:30 on the 24th is 19:30Z (UTC+3); 08:00 on the 25th is 06:00Z (UTC+2).
    const now = '2026-10-24T19:30:00Z';
    assert.ok(isQuietHour(at(now)));
    assert.equal(waveSendTime(at(now), inDays(now, 5)).toISOString(), '2026-10-25T06:00:00.000Z');
  });

  it('when the clocks go forward in March, then the wave waits until 08:00 Helsinki time, now UTC+3', () => {
    // 29.3.2026 03:00 EET → 04:00 EEST. 23:00 on the 28th is 21:00Z (UTC+2); 08:00 on the 29th is 05:00Z (UTC+3).
    const now = '2026-03-28T21:00:00Z';
    assert.equal(waveSendTime(at(now), inDays(now, 5)).toISOString(), '2026-03-29T05:00:00.000Z');
    assert.equal(isQuietHour(at('2026-03-29T04:59:00Z')), true, '07:59 summer time');
    assert.equal(isQuietHour(at('2026-03-29T05:00:00Z')), false, '08:00 summer time');
  });
});
