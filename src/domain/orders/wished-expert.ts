import type { Expert } from '../registers/types';
import { ok, refuse, type Result } from '../shared/result';
import type { Language, TaskType } from '../shared/vocabulary';
import { fold, isCapitalised, words } from './text';

/** Why a wished expert written on the order card names nobody (catalogue keys, SPEC §3). */
export type WishedRefusal =
  'wished_expert_unknown' | 'wished_expert_ambiguous' | 'wished_expert_no_previous';

/** The words that ask for "the expert of my previous order of this kind", as the card pre-fills them. */
export const SAME_AS_LAST_TIME: Readonly<Record<Language, string>> = {
  fi: 'sama kuin viimeksi',
  sv: 'samma som förra gången',
  en: 'same as last time',
};

const L0 = '(?<![\\p{L}])';
const L1 = '(?![\\p{L}])';
const SAME = new RegExp(
  `${L0}(?:sama\\s+(?:\\p{L}+\\s+)?kuin\\s+(?:viimeksi|edellisellä\\s+kerralla|viime\\s+kerralla)|` +
    `samma\\s+(?:\\p{L}+\\s+)?som\\s+(?:förra\\s+gången|sist|senast)|` +
    `same\\s+(?:\\p{L}+\\s+)?as\\s+(?:last\\s+time|before))${L1}`,
  'u',
);

/** True when the text asks for the same expert as last time, in Finnish, Swedish or English. */
export function isSameAsLastTime(text: string): boolean {
  return SAME.test(fold(text));
}

/** The forms a Finnish name takes after "toivomme …" (partitive, genitive, allative), and itself. */
function nameForms(token: string): Set<string> {
  const forms = new Set([token]);
  const last = token.slice(-1);
  const vowel = /[aeiouyäö]/.test(last);
  const back = /[aou]/.test(token) ? 'a' : 'ä';
  if (token.endsWith('nen')) {
    const stem = `${token.slice(0, -3)}s`; // Meikäläinen → Meikäläis-
    for (const end of [`t${back}`, 'en', 'elle', `el${back === 'a' ? 'ta' : 'tä'}`])
      forms.add(stem + end);
  } else if (vowel) {
    for (const end of [last, 'n', 'lle', `lt${back}`]) forms.add(token + end);
  } else {
    for (const end of [`i${back}`, 'in', 'ille', 'ia']) forms.add(token + end);
  }
  forms.add(`${token}s`); // Swedish and English genitive: "Annas", "Maija's" is split at '
  return forms;
}

function tokensOf(text: string): string[] {
  const folded = fold(text.normalize('NFC'));
  return words(text.normalize('NFC'), folded)
    .map((w) => w.folded.replace(/'.*$/, ''))
    .filter((w) => w.length >= 2);
}

/** Experts who may fill an ordered place: active, and no trainee (a trainee comes with their mentor). */
function mayBeWished(e: Expert): boolean {
  return !e.removed && e.mentorEmail === undefined;
}

/**
 * The expert an orderer's words name (SPEC §3): an e-mail, or a name (or part of one, in a Finnish
 * case form) that fits exactly one active expert. Ambiguous and unknown names are refused, so that
 * the card can ask again; which experts exist is never shown.
 */
export function resolveWishedExpert(
  text: string,
  experts: readonly Expert[],
): Result<string, 'wished_expert_unknown' | 'wished_expert_ambiguous'> {
  const written = text.trim();
  const candidates = experts.filter(mayBeWished);
  if (written.includes('@')) {
    const email = written.toLowerCase();
    return candidates.some((e) => e.email === email) ? ok(email) : refuse('wished_expert_unknown');
  }
  const asked = tokensOf(written);
  if (asked.length === 0) return refuse('wished_expert_unknown');
  const hits = candidates.filter((e) => {
    const forms = tokensOf(e.name).map(nameForms);
    return asked.every((a) => forms.some((f) => f.has(a)));
  });
  if (hits.length === 1) return ok(hits[0]!.email);
  if (hits.length === 0) return refuse('wished_expert_unknown');
  // "Maija Meikäläinen" beside "Maija Meikäläinen-Virtanen": the one whose whole name was written wins.
  const whole = hits.filter((e) => tokensOf(e.name).join(' ') === asked.join(' '));
  return whole.length === 1 ? ok(whole[0]!.email) : refuse('wished_expert_ambiguous');
}

/** What the previous order needs to tell who came last time. */
export interface PastOrder {
  taskType: TaskType;
  date: string;
  start: string;
  status: string;
  assigned: ReadonlyArray<{ email: string }>;
}

/**
 * "Same as last time": the first expert assigned to the orderer's latest earlier order of this
 * task type that someone took (cancelled ones do not count); undefined when there is none.
 */
export function previousExpert(
  orders: readonly PastOrder[],
  taskType: TaskType,
): string | undefined {
  return [...orders]
    .filter((o) => o.taskType === taskType && o.status !== 'cancelled' && o.assigned.length > 0)
    .sort((a, b) => `${b.date}${b.start}`.localeCompare(`${a.date}${a.start}`))[0]?.assigned[0]
    ?.email;
}

/** The whole answer for the card's `wishedExpert` field: the expert's e-mail, or why not. */
export function wishedExpertOf(
  text: string,
  taskType: TaskType,
  experts: readonly Expert[],
  pastOrders: readonly PastOrder[],
): Result<string, WishedRefusal> {
  if (!isSameAsLastTime(text)) return resolveWishedExpert(text, experts);
  const email = previousExpert(pastOrders, taskType);
  if (!email) return refuse('wished_expert_no_previous');
  return experts.some((e) => e.email === email && mayBeWished(e))
    ? ok(email)
    : refuse('wished_expert_unknown');
}

const WISH_TRIGGER = new RegExp(
  `${L0}(?:toivomme|toivoisimme|toivon|toivoisin|toiveena\\s+olisi|toivottavasti|mieluiten|` +
    `gärna|helst|vi\\s+önskar|preferably|ideally|if\\s+possible|we\\s+would\\s+like|we'd\\s+like)\\s+`,
  'gu',
);
const NOT_NAMES = new Set([
  // words that start a sentence's next thought, not a person: "gärna Ni", "preferably The…"
  'the',
  'a',
  'an',
  'ni',
  'vi',
  'ett',
  'en',
  'että',
  'ettei',
  'on',
  'in',
  'english',
  'finnish',
  'swedish',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);

/**
 * A wished expert named in the order text (conservatively: a wish word right before one or two
 * capitalised words that are no place, e.g. "toivomme Maijaa", "gärna Anna Svensson",
 * "preferably Maija Meikäläinen"), or "same as last time"; the words as written.
 * `isPlace` tells a municipality ("toivomme Jyväskylään…") from a name.
 */
export function findWishedExpert(
  original: string,
  lang: Language,
  isPlace: (word: string) => boolean,
): string | undefined {
  const text = original.normalize('NFC');
  const folded = fold(text);
  if (SAME.test(folded)) return SAME_AS_LAST_TIME[lang];
  for (const m of folded.matchAll(WISH_TRIGGER)) {
    const after = (m.index ?? 0) + m[0].length;
    const ws = words(text.slice(after), folded.slice(after)).slice(0, 3);
    const name: string[] = [];
    for (const [i, w] of ws.entries()) {
      // The next word must follow at once (only spaces between), be capitalised and no place.
      const gap =
        i === 0
          ? text.slice(after, after + w.start)
          : text.slice(after + ws[i - 1]!.end, after + w.start);
      if (!/^\s*$/.test(gap) || !isCapitalised(w.text) || NOT_NAMES.has(w.folded.split('-')[0]!))
        break;
      if (isPlace(w.text)) break;
      name.push(w.text);
      if (name.length === 2) break;
    }
    if (name.length > 0) return name.join(' ');
  }
  return undefined;
}
