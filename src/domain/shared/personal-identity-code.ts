import { DateTime } from 'luxon';

const CHECK_CHARS = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const CENTURY: Record<string, number> = {
  '+': 1800,
  '-': 1900, Y: 1900, X: 1900, W: 1900, V: 1900, U: 1900,
  A: 2000, B: 2000, C: 2000, D: 2000, E: 2000, F: 2000,
};
// Not glued to other letters or digits, so order numbers and phone numbers cannot hold one.
const CANDIDATE = /(?<![0-9A-Za-z])(\d{2})(\d{2})(\d{2})([-+A-FU-Y])(\d{3})([0-9A-Za-z])(?![0-9A-Za-z])/gi;

/** True when the text holds a valid Finnish personal identity code (henkilötunnus). */
export function containsPersonalIdentityCode(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    if (isValidCode(match)) return true;
  }
  return false;
}

function isValidCode(m: RegExpMatchArray): boolean {
  const [, dd = '', mm = '', yy = '', sign = '', serial = '', check = ''] = m;
  const century = CENTURY[sign.toUpperCase()];
  if (century === undefined) return false;
  const date = DateTime.fromObject({ year: century + Number(yy), month: Number(mm), day: Number(dd) });
  if (!date.isValid) return false;
  const expected = CHECK_CHARS[Number(`${dd}${mm}${yy}${serial}`) % 31];
  return expected === check.toUpperCase();
}
