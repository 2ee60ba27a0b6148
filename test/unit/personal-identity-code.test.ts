import assert from 'node:assert/strict';
import { containsPersonalIdentityCode } from '../../src/domain/shared/personal-identity-code';

describe('personal identity code', () => {
  it('when a text holds a valid code of any century, then it is detected', () => {
    for (const code of [
      '131052-308T',
      '010101A123N',
      '150390-567L',
      '290200A234V',
      '311299-0018',
      '010203B456R',
      '291099Y876K',
    ]) {
      assert.equal(containsPersonalIdentityCode(`Asiakas ${code} tulee mukaan.`), true, code);
    }
  });

  it('when the check character is written in lower case, then the code is still detected', () => {
    assert.equal(containsPersonalIdentityCode('hetu 131052-308t'), true);
    assert.equal(containsPersonalIdentityCode('hetu 010101a123n'), true);
  });

  it('when the check character is wrong, then it is still refused: the shape is what counts', () => {
    assert.equal(containsPersonalIdentityCode('131052-308U'), true);
    assert.equal(containsPersonalIdentityCode('010101A123M'), true);
    assert.equal(containsPersonalIdentityCode('010190-123A'), true);
  });

  it('when the code is written with spaces, an en dash or any 2023 century sign, then it is detected', () => {
    for (const code of [
      '010190 123A',
      '010190 - 123A',
      '010190–123A',
      '010190 – 123A',
      '010190−123A',
      '010190A123B',
      '010190+123A',
    ]) {
      assert.equal(containsPersonalIdentityCode(`asiakas ${code}`), true, code);
    }
    for (const sign of [
      '-',
      '+',
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'X',
      'Y',
      'W',
      'V',
      'U',
      'a',
      'y',
    ]) {
      assert.equal(containsPersonalIdentityCode(`hetu 010190${sign}123A.`), true, sign);
    }
  });

  it('when invisible characters or full-width digits hide a code, then it is still detected', () => {
    assert.equal(containsPersonalIdentityCode('010190-12\u200B3A'), true);
    assert.equal(containsPersonalIdentityCode('０１０１９０-１２３A'), true);
  });

  it('when the date does not exist in any century, then it is not a code', () => {
    assert.equal(containsPersonalIdentityCode('300290-1235'), false); // 30 February
    assert.equal(containsPersonalIdentityCode('290201A234V'), false); // 29 February of a year not divisible by four
    assert.equal(containsPersonalIdentityCode('011390-1235'), false); // month 13
    assert.equal(containsPersonalIdentityCode('000190-1235'), false); // day 0
  });

  it('when the text holds ordinary numbers, dates, phone and order numbers, then nothing is detected', () => {
    for (const text of [
      'Luento 12.3.2027 klo 13–15, Keskussairaalantie 19',
      'Soita 040-1234567 tai +358 40 123 4567',
      'Tilaus T-2026-0001 ja palkkio P-2026-0042',
      'Y-tunnus 1234567-8, viite 1234561',
      '2 kokemusasiantuntijaa, 90 min, 30 osallistujaa',
      'Order 20261125-0001',
      'Klo 13.00–15.30, 12.3.2027–14.3.2027, puh. 050 123 4567, +358 50 1234567',
      'Tilaukset T-2026-0001–T-2026-0031, Y-tunnus 1234567-8 ja 2345678-9',
      'Km 125, kulut 6,40 €, 30 osallistujaa, 1 234 567 €',
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
