// Century signs: '+' 1800s; '-' and Y, X, W, V, U 1900s; A–F 2000s (the 2023 reform).
// Dashes: '-' and the look-alikes a keyboard or a word processor puts there (en dash, minus…).
const SIGN = '[-+A-FU-Y\\u2010-\\u2015\\u2212\\uFE63\\uFF0D]';
// The shape, not the check: a code with a wrong check character is still someone's code mistyped.
// The sign may be written with spaces around it, or be a space. Not glued to other letters or
// digits, so order numbers, phone numbers and business ids cannot hold one.
const CANDIDATE = new RegExp(
  `(?<![0-9A-Za-z])(\\d{2})(\\d{2})(\\d{2})(?:[ \\t]*${SIGN}[ \\t]*|[ \\t]+)(\\d{3})[0-9A-Za-z](?![0-9A-Za-z])`,
  'gi',
);
// Invisible characters someone could put inside a code to slip it past a check.
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * True when the text holds something with the shape of a Finnish personal identity code
 * (henkilötunnus): a date DDMMYY, a century sign (or a dash or space in its place), three digits
 * and a check character, whatever that character is.
 */
export function containsPersonalIdentityCode(text: string): boolean {
  const plain = text.normalize('NFKC').replace(INVISIBLE, '');
  for (const m of plain.matchAll(CANDIDATE)) {
    const [, dd = '', mm = '', yy = ''] = m;
    const day = Number(dd);
    const month = Number(mm);
    if (month < 1 || month > 12 || day < 1) continue;
    // 29 February only in a year divisible by four (any century sign allows 2000 or 1900 alike).
    const maxDay = month === 2 && Number(yy) % 4 !== 0 ? 28 : DAYS_IN_MONTH[month - 1]!;
    if (day <= maxDay) return true;
  }
  return false;
}
