import assert from 'node:assert/strict';
import {
  feedbackAverage,
  feedbackTime,
  raterRole,
  readFeedback,
} from '../../src/domain/feedback/feedback';

const task = {
  status: 'filled',
  ordererEmail: 'orderer@example.fi',
  assigned: [{ email: 'anna@example.fi' }, { email: 'ben@example.fi' }],
};

describe('feedback (SPEC §6)', () => {
  describe('when the card goes out', () => {
    it('given a day task ending at 15:00, when timed, then the card comes at 17:00 Helsinki', () => {
      assert.equal(
        feedbackTime({ date: '2026-11-30', end: '15:00' }).toISOString(),
        '2026-11-30T15:00:00.000Z',
      );
    });
    it('given a task ending at 18:59, when timed, then the card comes at 20:59 the same evening', () => {
      assert.equal(
        feedbackTime({ date: '2026-11-30', end: '18:59' }).toISOString(),
        '2026-11-30T18:59:00.000Z',
      );
    });
    it('given an evening task ending at 19:00, when 2 h later is night, then the card comes at 08:00 the next morning', () => {
      assert.equal(
        feedbackTime({ date: '2026-11-30', end: '19:00' }).toISOString(),
        '2026-12-01T06:00:00.000Z',
      );
    });
    it('given a task ending at 23:30, when timed, then the card comes at 08:00 the next morning', () => {
      assert.equal(
        feedbackTime({ date: '2026-11-30', end: '23:30' }).toISOString(),
        '2026-12-01T06:00:00.000Z',
      );
    });
    it('given a night task ending at 03:00, when timed, then the card comes at 08:00 that morning', () => {
      assert.equal(
        feedbackTime({ date: '2026-12-01', end: '03:00' }).toISOString(),
        '2026-12-01T06:00:00.000Z',
      );
    });
    it('given summer time, when timed, then Helsinki wall-clock time is kept', () => {
      assert.equal(
        feedbackTime({ date: '2026-06-15', end: '12:00' }).toISOString(),
        '2026-06-15T11:00:00.000Z',
      );
    });
  });

  describe('who may rate', () => {
    it('given the orderer, when asked, then they rate as the orderer', () => {
      assert.equal(raterRole(task, 'Orderer@Example.fi'), 'orderer');
    });
    it('given an assigned expert, when asked, then they rate as an expert', () => {
      assert.equal(raterRole(task, 'ben@example.fi'), 'expert');
    });
    it('given someone else, when asked, then they may not rate', () => {
      assert.equal(raterRole(task, 'stranger@example.fi'), undefined);
    });
    it('given a cancelled order, when asked, then nobody may rate', () => {
      assert.equal(raterRole({ ...task, status: 'cancelled' }, 'orderer@example.fi'), undefined);
    });
  });

  describe('reading the card', () => {
    it('given ratings 1 and 5 and a comment with spaces, when read, then they are kept, trimmed', () => {
      assert.deepEqual(readFeedback({ rating: '1' }), { ok: true, value: { rating: 1 } });
      assert.deepEqual(readFeedback({ rating: '5', comment: '  hyvä  ' }), {
        ok: true,
        value: { rating: 5, comment: 'hyvä' },
      });
    });
    it('given a rating outside 1–5 or not a whole number, when read, then it is refused', () => {
      for (const rating of ['0', '6', '3.5', '', 'viisi', '-1', undefined, 7]) {
        assert.deepEqual(
          readFeedback({ rating }),
          { ok: false, error: 'feedback_rating_invalid' },
          String(rating),
        );
      }
    });
    it('given a comment over 1000 characters, when read, then it is refused', () => {
      assert.deepEqual(readFeedback({ rating: '4', comment: 'x'.repeat(1001) }), {
        ok: false,
        error: 'feedback_comment_too_long',
      });
    });
  });

  describe('the average for matching', () => {
    it('given two ratings, when averaged, then there is no average yet (neutral in matching)', () => {
      assert.deepEqual(feedbackAverage([5, 5]), { count: 2 });
    });
    it('given three ratings, when averaged, then the mean to two decimals counts', () => {
      assert.deepEqual(feedbackAverage([5, 4, 4]), { average: 4.33, count: 3 });
    });
  });
});
