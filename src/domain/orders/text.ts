const FOLD: Record<string, string> = {
  á: 'a',
  à: 'a',
  â: 'a',
  ã: 'a',
  é: 'e',
  è: 'e',
  ê: 'e',
  ë: 'e',
  í: 'i',
  ì: 'i',
  î: 'i',
  ï: 'i',
  ó: 'o',
  ò: 'o',
  ô: 'o',
  õ: 'o',
  ú: 'u',
  ù: 'u',
  û: 'u',
  ü: 'y',
  š: 's',
  ž: 'z',
  ø: 'ö',
  æ: 'ä',
  '–': '-',
  '—': '-',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '\u00a0': ' ',
  '’': "'",
  '´': "'",
};

/**
 * Lower-cases and folds accents (keeping å, ä and ö) one character for one, so that an index in
 * the folded text is the same index in the original.
 */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const folded = FOLD[lower] ?? lower;
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}

export interface Span {
  start: number;
  end: number;
}

/** Blanks out spans so that later readers do not take a date's digits for a count. */
export function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const s of spans) for (let i = s.start; i < s.end && i < chars.length; i++) chars[i] = ' ';
  return chars.join('');
}

export interface Word {
  text: string; // as written
  folded: string;
  start: number;
  end: number;
}

const WORD =
  /[A-Za-zÀ-ÿĀ-žåäöÅÄÖ][A-Za-zÀ-ÿĀ-žåäöÅÄÖ:'-]*[A-Za-zÀ-ÿĀ-žåäöÅÄÖ]|[A-Za-zÀ-ÿĀ-žåäöÅÄÖ]/g;

/** The words of a text, with their places. */
export function words(original: string, folded: string): Word[] {
  const out: Word[] = [];
  for (const m of folded.matchAll(WORD)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    out.push({ text: original.slice(start, end), folded: m[0], start, end });
  }
  return out;
}

export function isCapitalised(word: string): boolean {
  const first = word.charAt(0);
  return first !== first.toLowerCase() && first === first.toUpperCase();
}
