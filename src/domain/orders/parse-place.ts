import { MUNICIPALITY_FORMS, type FormKind } from './municipality-index';
import { isCapitalised, type Span, type Word } from './text';

const STREET_SUFFIXES = [
  // fi
  'tie',
  'katu',
  'kuja',
  'polku',
  'raitti',
  'tori',
  'väylä',
  'kaari',
  'rinne',
  'puistikko',
  'aukio',
  'ranta',
  'bulevardi',
  'linja',
  'esplanadi',
  'kaarre',
  'kierto',
  'reitti',
  'penger',
  'portti',
  'vainio',
  'kulma',
  'piha',
  'tanhua',
  'mäki',
  'harju',
  'niitty',
  'puisto',
  'kenttä',
  'tanner',
  // sv
  'gatan',
  'gata',
  'vägen',
  'väg',
  'gränd',
  'stigen',
  'allén',
  'alle',
  'torget',
  'backen',
  'kajen',
  'esplanaden',
  'stranden',
  'parken',
  'plan',
  // en
  'street',
  'road',
  'avenue',
  'lane',
];
const STREET_WORD = new RegExp(`(?:${STREET_SUFFIXES.join('|')})$`, 'u');
// The house number: "19", "4 A", "12 b 5", "13-15", "2 as. 4".
const HOUSE_NUMBER =
  /^\s+(\d{1,4}(?:\s?[-–]\s?\d{1,4})?(?:\s?[A-Za-z](?![\p{L}\d:]|\.\p{L}))?(?:\s?(?:as\.?|lgh|bst)?\s?\d{1,3}(?![\d:]|[.,]\d))?)(?![\d:/]|[.,]\d)/u;

export interface AddressReading {
  address: string;
  span: Span;
}

/** A street name with a house number, as written: "Keskussairaalantie 19", "Pentti Kaiteran katu 1". */
export function findAddress(original: string, ws: readonly Word[]): AddressReading | undefined {
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w || !STREET_WORD.test(w.folded)) continue;
    const after = original.slice(w.end);
    const number = HOUSE_NUMBER.exec(after);
    if (!number || number[1] === undefined) continue;
    const nominal = MUNICIPALITY_FORMS.get(w.folded);
    if (nominal?.kind === 'nominative') continue;
    let first = i;
    const standalone = STREET_SUFFIXES.includes(w.folded);
    // "Vanha maantie", "Pentti Kaiteran katu": a lower-case street word takes the capitalised words before it.
    if (!isCapitalised(w.text) || standalone) {
      while (first > 0 && i - first < 3) {
        const prev = ws[first - 1];
        const next = ws[first];
        if (!prev || !next || !isCapitalised(prev.text)) break;
        if (original.slice(prev.end, next.start).trim() !== '') break;
        if (MUNICIPALITY_FORMS.get(prev.folded)?.kind === 'locative') break;
        first--;
      }
      if (standalone && first === i) continue;
    }
    const start = ws[first]?.start ?? w.start;
    const end = w.end + number[0].length;
    let address = original.slice(start, end).trim();
    address = address.replace(/[.,]$/u, '');
    return { address, span: { start, end } };
  }
  return undefined;
}

export interface MunicipalityReading {
  municipality: string;
  span: Span;
}

const KIND_SCORE: Record<FormKind, number> = { locative: 3, nominative: 2, genitive: 1 };

/** The municipality the order is placed in: a locative case beats a bare name, which beats a genitive. */
export function findMunicipality(
  ws: readonly Word[],
  skip: readonly Span[],
): MunicipalityReading | undefined {
  let best: { name: string; score: number; span: Span } | undefined;
  const consider = (key: string, shown: string, span: Span, bonus: number): boolean => {
    const form = MUNICIPALITY_FORMS.get(key);
    if (!form) return false;
    if (form.needsCapital && !isCapitalised(shown)) return false;
    const score = KIND_SCORE[form.kind] + bonus;
    if (!best || score > best.score) best = { name: form.name, score, span };
    return true;
  };
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i];
    if (!w || skip.some((s) => w.start < s.end && s.start < w.end)) continue;
    const next = ws[i + 1];
    const prev = ws[i - 1];
    // Swedish "i Vasa", English "in Turku" mark a place as clearly as a Finnish case ending does.
    const bonus = prev && ['i', 'in', 'på'].includes(prev.folded) ? 1 : 0;
    if (
      next &&
      consider(`${w.folded} ${next.folded}`, w.text, { start: w.start, end: next.end }, bonus)
    ) {
      i++;
      continue;
    }
    if (consider(w.folded, w.text, w, bonus)) continue;
    // "Itä-Helsingin", "Keski-Suomen": the last part of a hyphenated word.
    const dash = w.folded.lastIndexOf('-');
    if (dash > 0) {
      consider(w.folded.slice(dash + 1), w.text.slice(dash + 1), w, -0.5);
    }
  }
  return best ? { municipality: best.name, span: best.span } : undefined;
}

const L0 = '(?<![\\p{L}\\d])';
const L1 = '(?![\\p{L}\\d])';
const REMOTE = new RegExp(
  [
    'teams\\p{L}*',
    'zoom\\p{L}*',
    'skype\\p{L}*',
    'webex',
    'google\\s+meet',
    'meet-\\p{L}*',
    'etänä',
    'etäyhtey\\p{L}*',
    'etätilaisuu\\p{L}*',
    'etäluen\\p{L}*',
    'etäkoulutu\\p{L}*',
    'etätapaami\\p{L}*',
    'etähaastattelu\\p{L}*',
    'etä(?=-)',
    'etäältä',
    'verkossa',
    'verkon\\s+välityksellä',
    'verkkotapaami\\p{L}*',
    'verkkoluen\\p{L}*',
    'verkkokoulutu\\p{L}*',
    'virtuaali\\p{L}*',
    'webinaari\\p{L}*',
    'puhelimitse',
    'puhelinhaastattelu\\p{L}*',
    'videoyhtey\\p{L}*',
    'videopuhelu\\p{L}*',
    'på\\s+distans',
    'distans\\p{L}*',
    'digitalt',
    'virtuellt',
    'per\\s+telefon',
    'via\\s+telefon',
    'telefonintervju\\p{L}*',
    'videomöte\\p{L}*',
    'webbinarium\\p{L}*',
    'online',
    'remote(?:ly)?',
    'virtual(?:ly)?',
    'webinars?',
    'by\\s+phone',
    'over\\s+the\\s+phone',
    'by\\s+video',
    'video\\s+call\\p{L}*',
    'phone\\s+interview\\p{L}*',
  ]
    .map((p) => `${L0}${p}${L1}`)
    .join('|'),
  'gu',
);
const ON_SITE = new RegExp(
  [
    'paikan\\s*päällä',
    'paikanpäällä',
    'lähi(?:tapaami|tilaisuu|opetu|koulutu|luen)\\p{L}*',
    'lähinä',
    'kasvokkain',
    'paikan\\s+päälle',
    'på\\s+plats',
    'på\\s+platsen',
    'fysiskt',
    'närträff\\p{L}*',
    'in\\s+person',
    'on[\\s-]site',
    'face[\\s-]to[\\s-]face',
    'in-person',
  ]
    .map((p) => `${L0}${p}${L1}`)
    .join('|'),
  'gu',
);
const NEGATION = /(?:^|\s)(?:ei|eikä|ej|inte|not|no|non)\s+(?:\p{L}+\s+)?$/u;

/** True for a remote word, false for an explicit on-site word, undefined when neither is said. */
export function readRemote(original: string, folded: string): boolean | undefined {
  let remote = false;
  for (const m of folded.matchAll(REMOTE)) {
    const index = m.index ?? 0;
    // English "our teams" is not the Teams app; Finnish "teamsissa" is.
    if (m[0] === 'teams' && !isCapitalised(original.slice(index, index + 5))) continue;
    if (NEGATION.test(folded.slice(Math.max(0, index - 20), index))) continue;
    remote = true;
  }
  if (remote) return true;
  ON_SITE.lastIndex = 0;
  return ON_SITE.test(folded) ? false : undefined;
}

// ---- Wards: "osastoilla 1, 2, 3 ja 4", "avdelningarna 1, 2 och 3", "wards 5A and 5B". ----

/** Not a ward after the number: "8 kertaa", "5 h", "2 experts" are counts and amounts. */
const NOT_A_WARD_AFTER =
  '(?!\\s*(?:kert|krt|times|gång|ggr|sessions?|tapaam|tillfäll|träff|viik|week|veck|tunt|timm|hours?|h(?![\\p{L}])|min|hlö|henk(?!ilökun|ilöstö)|pers(?!onal)|asiantunt|kokemus|expert|€|eur))';
/** One ward number, "5" or "5a", not the start of a date (1.12.), a time (13:00, 13-15) or a count. */
const WARD_ID = `\\d{1,3}[a-z]?(?![\\p{L}\\d:]|[.,]\\d|\\s*-\\s*\\d)${NOT_A_WARD_AFTER}`;
const WARD_SEPARATOR = '(?:\\s*[,&/]\\s*|\\s+(?:ja|sekä|och|samt|and)\\s+)';
/** The numbers after a ward word: "1, 2, 3 ja 4", "5A and 5B", "3-5" (a range only first). */
export const WARD_NUMBERS = `(?:\\d{1,3}[a-z]?\\s*-\\s*)?${WARD_ID}(?:${WARD_SEPARATOR}${WARD_ID})*`;
/** Ward words (folded), by the role their form gives them. */
export const WARD_WORDS = {
  /** Where the task is: "osastolla", "osastoille", "osastot", "os." / "os" (always before numbers). */
  fiPlace: '\\p{L}*osasto(?:lla|lle|lta|ssa|on|hon|a|t|ille|illa|ilta|issa|ihin|ja|ina)?|os\\.?',
  /** Whose people: "osaston 5 potilaille", "osastojen 3 ja 4 henkilökunnalle". */
  fiGenitive: '\\p{L}*osasto(?:n|jen)',
  /** "hoitajille osastoilla 3 ja 4". */
  fiLocative: '\\p{L}*osasto(?:lla|illa|lta|ilta|ssa|issa)',
  sv: '\\p{L}*avdelning(?:en|ar|arna)?|avd\\.?',
  svGenitive: '\\p{L}*avdelning(?:ens|arnas)',
  en: 'wards?',
} as const;

const WARD_PLACE = new RegExp(
  `(?<![\\p{L}\\d])(?:${WARD_WORDS.fiPlace}|${WARD_WORDS.sv}|(?<!of\\s+(?:the\\s+)?)${WARD_WORDS.en})\\s+${WARD_NUMBERS}`,
  'gu',
);
const WARD_OF = new RegExp(
  `(?<![\\p{L}\\d])(?:${WARD_WORDS.fiGenitive}|${WARD_WORDS.svGenitive}|(?<=of\\s+(?:the\\s+)?)${WARD_WORDS.en})\\s+${WARD_NUMBERS}`,
  'gu',
);

export interface WardReading {
  /** As written: "osastoilla 1, 2, 3 ja 4". */
  text: string;
  span: Span;
  /** True where the form says the task is held there; false for "osastojen 3 ja 4 henkilökunnalle". */
  place: boolean;
}

/** The numbered wards a text names, so that their numbers are no count or time and stay on the card. */
export function findWards(original: string, folded: string): WardReading[] {
  const out: WardReading[] = [];
  for (const [re, place] of [
    [WARD_PLACE, true],
    [WARD_OF, false],
  ] as const) {
    for (const m of folded.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      out.push({ text: original.slice(start, end), span: { start, end }, place });
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
