import assert from 'node:assert/strict';
import { containsPersonalIdentityCode } from '../../src/domain/shared/personal-identity-code';

describe('personal identity code', () => {
  it('when a text holds a valid code of any century, then it is detected', () => {
    for (const code of ['131052-308T', '010101A123N', '150390-567L', '290200A234V', '311299-0018', '010203B456R', '291099Y876K']) {
      assert.equal(containsPersonalIdentityCode(`Asiakas ${code} tulee mukaan.`), true, code);
    }
  });

  it('when the check character is written in lower case, then the code is still detected', () => {
    assert.equal(containsPersonalIdentityCode('hetu 131052-308t'), true);
    assert.equal(containsPersonalIdentityCode('hetu 010101a123n'), true);
  });

  it('when the check character is wrong, then it is not a code', () => {
    assert.equal(containsPersonalIdentityCode('131052-308U'), false);
    assert.equal(containsPersonalIdentityCode('010101A123M'), false);
  });

  it('when the date does not exist, then it is not a code even with a matching check character', () => {
    assert.equal(containsPersonalIdentityCode('300290-1235'), false); // 30 February
    assert.equal(containsPersonalIdentityCode('290201A234V'), false); // 2001 was not a leap year
  });

  it('when the text holds ordinary numbers, dates, phone and order numbers, then nothing is detected', () => {
    for (const text of [
      'Luento 12.3.2027 klo 13–15, Keskussairaalantie 19',
      'Soita 040-1234567 tai +358 40 123 4567',
      'Tilaus T-2026-0001 ja palkkio P-2026-0042',
      'Y-tunnus 1234567-8, viite 1234561',
      '2 kokemusasiantuntijaa, 90 min, 30 osallistujaa',
      'Order 20261125-0001',
    ]) {
      assert.equal(containsPersonalIdentityCode(text), false, text);
    }
  });

  it('when a code is glued to other letters or digits, then it is not read as one', () => {
    assert.equal(containsPersonalIdentityCode('X131052-308T'), false);
    assert.equal(containsPersonalIdentityCode('9131052-308T'), false);
    assert.equal(containsPersonalIdentityCode('131052-308T9'), false);
  });
});
