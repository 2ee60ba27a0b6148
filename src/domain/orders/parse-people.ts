import type { Language } from '../shared/vocabulary';
import { NUMBER_WORD_PATTERN, numberValue } from './numbers';
import { WARD_NUMBERS, WARD_WORDS } from './parse-place';

const L0 = '(?<![\\p{L}\\d])';
const L1 = '(?![\\p{L}\\d])';

// The people an order asks for. Singular forms are listed apart: "a speaker" means one.
const EXPERT_NOUN =
  '(?:kokemusasiantunti\\p{L}*|asiantunti\\p{L}*|kokemustoimij\\p{L}*|kokemuskumppan\\p{L}*|kokemuskouluttaj\\p{L}*|' +
  'vertaistukihenkil\\p{L}*|vertaisohjaaj\\p{L}*|vetäj\\p{L}*|ohjaaj\\p{L}*|puhuj\\p{L}*|alustaj\\p{L}*|luennoitsij\\p{L}*|kouluttaj\\p{L}*|' +
  'kehittäjäasiak\\p{L}*|henkilö\\p{L}*|hlö\\p{L}*|mentor\\p{L}*|' +
  'erfarenhetsexpert\\p{L}*|erfarenhetsaktör\\p{L}*|expert\\p{L}*|föreläsar\\p{L}*|talar\\p{L}*|person\\p{L}*|medledare|' +
  'experts?\\s+by\\s+experience|experience\\s+experts?|lived[\\s-]experience\\s+experts?|experts?|speakers?|facilitators?|' +
  'people|persons?|trainers?|presenters?)';
const SINGULAR = new RegExp(
  `${L0}(?:kokemusasiantuntij(?:a|an|aa|alle|aksi|ana|alta)|kokemustoimij(?:a|an|aa|alle)|kokemuskumppan(?:i|in|ia)|` +
    `puhuj(?:a|an|aa)|vetäj(?:ä|än|ää)|alustaj(?:a|an|aa)|luennoitsij(?:a|an|aa)|vertaisohjaaj(?:a|an|aa)|mentori?(?:n|a|ksi)?|` +
    `joku|jonkun|erfarenhetsexpert(?:en)?|en\\s+föreläsare|en\\s+talare|` +
    `en\\s+mentor|någon|an?\\s+(?:\\p{L}+[\\s-]+){0,2}?(?:expert|speaker|mentor|facilitator|presenter|trainer)|` +
    `someone|somebody|experience\\s+expert(?!s))${L1}`,
  'u',
);
const COUNT_WORD = `(a\\s+couple\\s+of|ett\\s+par|\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?|${NUMBER_WORD_PATTERN})`;
// Words that may stand between a number and the noun: "kaksi mielenterveyden kokemusasiantuntijaa".
const FILLER =
  '(?:(?!(?:ja|och|and|or|tai|behöver|needs?|tarvitaan|tarvitsee|klo|kl|at)\\s)[\\p{L}-]+\\s+){0,2}?';
const COUNT_BEFORE = new RegExp(`${L0}${COUNT_WORD}\\s+${FILLER}${EXPERT_NOUN}${L1}`, 'gu');
const GENERIC_PEOPLE = /(?:henkilö|hlö|person|people)\p{L}*$/u;
const COUNT_AFTER = new RegExp(
  `${L0}${EXPERT_NOUN}\\s*(?:\\(\\s*(\\d{1,2})\\s*\\)|:\\s*(\\d{1,2})${L1})`,
  'u',
);

/** How many experts are asked for: an explicit number, 1 for a singular, undefined when not said. */
export function findExpertCount(folded: string): number | undefined {
  for (const m of folded.matchAll(COUNT_BEFORE)) {
    const value = countValue(m[1] ?? '');
    // "en person med demens" is a client and "10-15 hlöä" an audience: plain "people" are experts only as 2–5.
    if (GENERIC_PEOPLE.test(m[0]) && (value === undefined || value < 2 || value > 5)) continue;
    if (value !== undefined && value >= 1 && value <= 20) return value;
  }
  const after = COUNT_AFTER.exec(folded);
  if (after) return Number(after[1] ?? after[2]);
  return SINGULAR.test(folded) ? 1 : undefined;
}

function countValue(token: string): number | undefined {
  if (/^(?:a\s+couple\s+of|ett\s+par)$/u.test(token)) return 2;
  const range = /^(\d{1,2})\s*[-–]\s*(\d{1,2})$/u.exec(token);
  if (range) return Number(range[2]); // "1-2 experts": ask for the upper end
  return numberValue(token);
}

const TASK_LANGUAGE: ReadonlyArray<[Language, RegExp]> = [
  [
    'sv',
    new RegExp(
      `${L0}(?:på\\s+svenska|ruotsiksi|ruotsin\\s+kiel\\p{L}*|ruotsinkiel\\p{L}*|in\\s+swedish|swedish-(?:speaking|language)|svenskspråki\\p{L}*)${L1}`,
      'u',
    ),
  ],
  [
    'fi',
    new RegExp(
      `${L0}(?:suomeksi|suomen\\s+kiel\\p{L}*|suomenkiel\\p{L}*|på\\s+finska|in\\s+finnish|finnish-(?:speaking|language)|finskspråki\\p{L}*)${L1}`,
      'u',
    ),
  ],
  [
    'en',
    new RegExp(
      `${L0}(?:englanniksi|englannin\\s+kiel\\p{L}*|englanninkiel\\p{L}*|på\\s+engelska|in\\s+english|english-(?:speaking|language)|engelskspråki\\p{L}*)${L1}`,
      'u',
    ),
  ],
];

/** The language the task is to be held in, when the order says it. */
export function findTaskLanguage(folded: string): Language | undefined {
  let best: { lang: Language; index: number } | undefined;
  for (const [lang, re] of TASK_LANGUAGE) {
    const m = re.exec(folded);
    if (m && (!best || m.index < best.index)) best = { lang, index: m.index };
  }
  return best?.lang;
}

const AUDIENCE_HEADS =
  'opiskelij|hoitaj|työntekijö|ohjaaj|henkilökunn|henkilöstö|ammattilais|lääkär|opettaj|vanhemm|nuori|nuorille|asiakka|' +
  'potilai|kuntoutuj|esihenkilö|johtaj|poliise|kuulij|tiimi|työyhteisö|kasvattaj|terapeut|psykologe|kuraattore|omaisi|' +
  'perheille|vapaaehtois|harjoittelij|sosiaaliohjaaj|työntekijäi|virkailij|päättäj|oppilai';
// The wards of the audience are part of it: "osastojen 3 ja 4 henkilökunnalle", "staff of wards 3 and 4".
const FI_WARDS_BEFORE = `(?:(?:${WARD_WORDS.fiGenitive})\\s+${WARD_NUMBERS}\\s+)?`;
const FI_WARDS_AFTER = `(?:\\s+(?:${WARD_WORDS.fiLocative})\\s+${WARD_NUMBERS})?`;
const FI_AUDIENCE = new RegExp(
  `${L0}(${FI_WARDS_BEFORE}(?:\\p{L}+ille\\s+)?\\p{L}*(?:${AUDIENCE_HEADS})\\p{L}*(?:ille|lle)${FI_WARDS_AFTER})${L1}`,
  'u',
);
const FI_AUDIENCE_LABEL =
  /(?<![\p{L}])(?:kuulijoina|kohderyhmänä|kohderyhmä:?|yleisönä|yleisö:?)\s+([\p{L}-]+(?:\s+(?:ja\s+)?[\p{L}-]+)?)/u;
const EN_HEADS =
  'students|nurses|staff|employees|workers|professionals|teachers|doctors|physicians|parents|managers|team|personnel|' +
  'volunteers|pupils|residents|colleagues|carers|trainees|officers|police|counsellors|counselors|interpreters|audience|' +
  'practitioners|therapists|psychologists|clients|patients|youth|members';
const EN_AUDIENCE = new RegExp(
  `${L0}(?:for|to)\\s+((?:our|the|a group of|a class of|\\d+)?\\s*(?:[\\p{L}'-]+\\s+){0,3}?(?:${EN_HEADS})` +
    `(?:\\s+(?:of|on|at|in|from)\\s+(?:the\\s+)?(?:${WARD_WORDS.en})\\s+${WARD_NUMBERS})?)${L1}`,
  'u',
);
const SV_HEADS =
  'studerande|studenter|sjuksköterskor|sjukskötare|personal|personalen|socialarbetare|lärare|anställda|föräldrar|elever|' +
  'läkare|skötare|medarbetare|chefer|teamet|närvårdare|vårdare|kuratorer|skolkuratorer|polisen|poliser|ungdomar|unga|deltagare|' +
  'handledare|utbytesstudenter|sjukskötarstuderande|familjer|klienter|patienter|patienterna|klienterna|' +
  'eleverna|studenterna|deltagarna|föräldrarna|medarbetarna|invånarna|boende';
const SV_AUDIENCE = new RegExp(
  `${L0}(?:för|till)\\s+((?:våra|vår|vårt|alla)?\\s*(?:[\\p{L}-]+\\s+){0,2}?(?:${SV_HEADS})` +
    `(?:\\s+(?:på|vid|från|i)\\s+(?:${WARD_WORDS.sv})\\s+${WARD_NUMBERS})?)${L1}`,
  'u',
);

/** A short phrase naming who the task is for, as written. */
export function findAudience(original: string, folded: string): string | undefined {
  for (const re of [FI_AUDIENCE_LABEL, FI_AUDIENCE, SV_AUDIENCE, EN_AUDIENCE]) {
    const m = re.exec(folded);
    const group = m?.[1];
    if (!m || !group) continue;
    const start = m.index + m[0].indexOf(group);
    return original.slice(start, start + group.length).trim();
  }
  return undefined;
}

const WISH = new RegExp(
  `${L0}(?:toivomme|toivoisimme|toivon|toivoisin)\\s*,?\\s+(?:että|ettei)\\s|${L0}(?:toive(?:ena|emme|ita|et)?|toivomukse\\p{L}*|toiveet|lisätiedot|lisätietoja|huom)\\s*:|` +
    `${L0}(?:toiveena|mieluiten|mielellään|olisi\\s+(?:hyvä|kiva|toivottavaa),?\\s+jos)${L1}|` +
    `${L0}(?:vi\\s+önskar\\s+att|önskemål\\s*:|önskemål\\s+är|helst|gärna)${L1}|` +
    `${L0}(?:we\\s+would\\s+like\\s+(?:the|him|her|them)\\s|we'd\\s+like\\s+(?:the|him|her|them)\\s|preferably|ideally|wishes\\s*:|we\\s+hope|it\\s+would\\s+be\\s+(?:nice|great|good)|please\\s+note)`,
  'u',
);

/** The sentence holding a clearly stated wish ("toivomme, että…", "preferably…"). */
export function findWishes(original: string, folded: string): string | undefined {
  const m = WISH.exec(folded);
  if (!m) return undefined;
  const before = folded.slice(0, m.index);
  const sentenceStart = Math.max(
    before.lastIndexOf('. '),
    before.lastIndexOf('! '),
    before.lastIndexOf('? '),
    before.lastIndexOf('\n'),
  );
  const start = sentenceStart < 0 ? 0 : sentenceStart + 1;
  const rest = folded.slice(m.index);
  const stop = /[.!?](?:\s|$)|\n/u.exec(rest);
  const end = stop ? m.index + stop.index + 1 : folded.length;
  const wish = original.slice(start, end).trim();
  return wish.length > 0 ? wish : undefined;
}
