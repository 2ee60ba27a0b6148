import { MUNICIPALITIES } from './municipalities';
import { fold } from './text';

/** How a place word was written: a locative case says "here" most clearly, a genitive least. */
export type FormKind = 'locative' | 'nominative' | 'genitive';

export interface MunicipalityForm {
  name: string;
  kind: FormKind;
  /** Also an everyday word or a first name: believed only when written with a capital. */
  needsCapital: boolean;
}

// Names that are also common words or first names (kotka = eagle, lahti = bay, hanko = pitchfork).
const AMBIGUOUS = new Set(
  [
    'Aura',
    'Eura',
    'Hamina',
    'Hanko',
    'Ii',
    'Inari',
    'Juva',
    'Kaarina',
    'Kaavi',
    'Kannus',
    'Kemi',
    'Kitee',
    'Kolari',
    'Koski Tl',
    'Kotka',
    'Kuhmo',
    'Lahti',
    'Lapua',
    'Laukaa',
    'Lemi',
    'Lieto',
    'Loviisa',
    'Luoto',
    'Masku',
    'Muhos',
    'Multia',
    'Nokia',
    'Pello',
    'Perho',
    'Pori',
    'Posio',
    'Pyhtää',
    'Raahe',
    'Ranua',
    'Rusko',
    'Salla',
    'Salo',
    'Sievi',
    'Simo',
    'Soini',
    'Sulkava',
    'Sund',
    'Geta',
    'Tervo',
    'Vaala',
    'Vihti',
    'Virrat',
    'Kurikka',
    'Akaa',
    'Lohja',
    'Kerava',
    'Imatra',
    'Rauma',
    'Vasa',
    'Sauvo',
    'Somero',
    'Paimio',
    'Lemland',
    'Jomala',
    'Loppi',
  ].map((n) => n.toLowerCase()),
);

// Old e-stem words and their weak and strong oblique stems: järvi → järvellä, järveen.
const E_STEMS: ReadonlyArray<[string, string, string]> = [
  ['järvi', 'järve', 'järve'],
  ['lahti', 'lahde', 'lahte'],
  ['niemi', 'nieme', 'nieme'],
  ['salmi', 'salme', 'salme'],
  ['joki', 'joe', 'joke'],
  ['koski', 'koske', 'koske'],
  ['lampi', 'lamme', 'lampe'],
  ['mäki', 'mäe', 'mäke'],
  ['vesi', 'vede', 'vete'],
  ['saari', 'saare', 'saare'],
  ['nummi', 'numme', 'numme'],
  ['loppi', 'lope', 'loppe'],
];

// Gradation of the last syllable's consonants: strong → weak (Turku → Turussa, Lieto → Liedossa).
const GRADATION: ReadonlyArray<[string, string]> = [
  ['kk', 'k'],
  ['pp', 'p'],
  ['tt', 't'],
  ['nk', 'ng'],
  ['mp', 'mm'],
  ['nt', 'nn'],
  ['lt', 'll'],
  ['rt', 'rr'],
  ['ht', 'hd'],
  ['rk', 'r'],
  ['lk', 'l'],
  ['hk', 'h'],
  ['t', 'd'],
  ['p', 'v'],
  ['k', ''],
];

// Compounds whose both halves inflect, plurals and contractions.
const EXTRA_FORMS: Record<string, string[]> = {
  Kangasala: ['kangasalla', 'kangasalta', 'kangasalle'],
  Uusikaupunki: [
    'uudessakaupungissa',
    'uudestakaupungista',
    'uuteenkaupunkiin',
    'uudellekaupungille',
  ],
  Uusikaarlepyy: ['uudessakaarlepyyssä', 'uudestakaarlepyystä', 'uuteenkaarlepyyhyn'],
  Isokyrö: ['isossakyrössä', 'isostakyröstä', 'isoonkyröön', 'isollekyrölle'],
  Virrat: ['virroilla', 'virroille', 'virroilta', 'virroissa', 'virroista', 'virtoihin'],
  'Mänttä-Vilppula': ['mänttä', 'mäntässä', 'mäntästä', 'mänttään', 'mäntälle'],
  'Koski Tl': ['koski', 'koskella', 'koskelta', 'koskelle'],
};
const EXTRA_GENITIVES: Record<string, string[]> = {
  Uusikaupunki: ['uudenkaupungin'],
  Uusikaarlepyy: ['uudenkaarlepyyn'],
  Isokyrö: ['isonkyrön'],
  Virrat: ['virtain', 'virtojen'],
  'Mänttä-Vilppula': ['mäntän'],
};

/** Folded word (or two words) → municipality; built once at module load. */
export const MUNICIPALITY_FORMS: ReadonlyMap<string, MunicipalityForm> = buildIndex();

function buildIndex(): Map<string, MunicipalityForm> {
  const index = new Map<string, MunicipalityForm>();
  const put = (form: string, name: string, kind: FormKind): void => {
    const key = fold(form);
    const existing = index.get(key);
    if (existing && (existing.kind === 'nominative' || kind !== 'nominative')) return;
    index.set(key, {
      name,
      kind,
      needsCapital: AMBIGUOUS.has(name.toLowerCase()) || key.length <= 4,
    });
  };
  const putBoth = (form: string, name: string, kind: FormKind): void => {
    put(form, name, kind);
    const dotless = form.replace(/ä/g, 'a').replace(/ö/g, 'o').replace(/å/g, 'a');
    if (dotless !== form) put(dotless, name, kind);
  };
  for (const { name, swedishName } of MUNICIPALITIES) {
    put(name, name, 'nominative');
    if (swedishName) {
      put(swedishName, name, 'nominative');
      if (!swedishName.endsWith('s')) put(`${swedishName}s`, name, 'genitive');
    }
  }
  for (const { name } of MUNICIPALITIES) {
    const lower = name.toLowerCase();
    for (const form of EXTRA_FORMS[name] ?? []) putBoth(form, name, 'locative');
    for (const form of EXTRA_GENITIVES[name] ?? []) putBoth(form, name, 'genitive');
    if (lower.includes(' ')) continue;
    const { locative, genitive } = finnishForms(lower);
    for (const form of locative) putBoth(form, name, 'locative');
    for (const form of genitive) putBoth(form, name, 'genitive');
  }
  return index;
}

/** Inflected forms of a Finnish place name, generously: a form no one writes does no harm. */
export function finnishForms(word: string): { locative: string[]; genitive: string[] } {
  const weak = new Set<string>();
  const strong = new Set<string>();
  const illative = new Set<string>();
  const last = word.charAt(word.length - 1);
  const vowel = /[aeiouyäö]/;

  const eStem = E_STEMS.find(([suffix]) => word.endsWith(suffix));
  if (eStem) {
    const base = word.slice(0, word.length - eStem[0].length);
    weak.add(base + eStem[1]);
    strong.add(base + eStem[2]);
    illative.add(`${base}${eStem[2]}en`);
  } else if (word.endsWith('nen')) {
    const base = word.slice(0, -3);
    for (const s of [`${base}se`, `${base}si`]) {
      weak.add(s);
      strong.add(s);
    }
    illative.add(`${base}seen`).add(`${base}siin`);
  } else if (last === 's') {
    const base = word.slice(0, -1);
    weak.add(`${base}kse`).add(`${word}i`);
    strong.add(`${base}kse`);
    illative.add(`${base}kseen`).add(`${word}iin`);
    if (/[uy]s$/.test(word)) {
      weak.add(`${base}de`);
      strong.add(`${base}te`);
      illative.add(`${base}teen`);
    }
  } else if (!vowel.test(last)) {
    weak.add(`${word}i`);
    strong.add(`${word}i`);
    illative.add(`${word}iin`);
  } else if (/([aeiouyäö])\1$/.test(word)) {
    weak.add(word);
    strong.add(word);
    illative.add(`${word}seen`).add(`${word}h${last}n`);
  } else {
    weak.add(word).add(gradate(word));
    strong.add(word);
    illative.add(`${word}${last}n`);
    if (last === 'e') {
      // Tampere → Tampereella, Kempele → Kempeleessä (e-final words double the e).
      weak.add(`${word}e`);
      strong.add(`${word}e`);
      illative.add(`${word}eseen`);
    }
  }

  // Both vowel harmonies: compounds follow their last part, and phones drop the dots anyway.
  const locative: string[] = [word, ...illative];
  const genitive: string[] = [];
  for (const stem of weak) {
    for (const a of ['a', 'ä'])
      locative.push(`${stem}ss${a}`, `${stem}st${a}`, `${stem}ll${a}`, `${stem}lt${a}`);
    locative.push(`${stem}lle`, `${stem}ksi`);
    genitive.push(`${stem}n`);
    if (stem.endsWith('si')) genitive.push(`${stem.slice(0, -1)}ten`);
  }
  for (const stem of strong) locative.push(`${stem}na`, `${stem}nä`);
  return { locative, genitive };
}

function gradate(word: string): string {
  const body = word.slice(0, -1);
  const final = word.slice(-1);
  const match = /[^aeiouyäö]+$/.exec(body);
  if (!match || match.index === 0) return word;
  const cluster = match[0];
  for (const [strongForm, weakForm] of GRADATION) {
    if (
      cluster.endsWith(strongForm) &&
      (cluster.length === strongForm.length || strongForm.length === 2)
    ) {
      return body.slice(0, body.length - strongForm.length) + weakForm + final;
    }
  }
  return word;
}
