/** Number words (fi, sv, en) in the cases an order uses them, to their value. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    1: 'yksi yhden yhtä yhdelle yhdeksi one en ett',
    2: 'kaksi kahden kahta kahdelle kahdeksi pari parin kaks two två',
    3: 'kolme kolmen kolmea kolmelle kolmeksi three tre',
    4: 'neljä neljän neljää neljälle neljäksi four fyra',
    5: 'viisi viiden viittä viidelle viideksi five fem',
    6: 'kuusi kuuden kuutta kuudelle six sex',
    7: 'seitsemän seitsemää seven sju',
    8: 'kahdeksan kahdeksaa eight åtta',
    9: 'yhdeksän nine nio',
    10: 'kymmenen ten tio',
  }).flatMap(([value, list]) => list.split(' ').map((w) => [w, Number(value)] as const)),
);

/** Alternation of the number words, longest first, for regular expressions. */
export const NUMBER_WORD_PATTERN = [...NUMBER_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .join('|');

/** A digit string or a number word, to its value. */
export function numberValue(token: string): number | undefined {
  if (/^\d+$/.test(token)) return Number(token);
  return NUMBER_WORDS.get(token.toLowerCase());
}
