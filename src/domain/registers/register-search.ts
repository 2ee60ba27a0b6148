import { editDistance } from '../commands/command-table';
import { findAreas } from '../orders/area-words';
import { sameMunicipality } from '../orders/canonical-municipality';
import { fold } from '../orders/text';
import { foldText } from '../shared/text';
import {
  AREAS,
  EXPERT_KINDS,
  LANGUAGES,
  type Area,
  type ExpertKind,
  type Language,
} from '../shared/vocabulary';
import { AREA_ALIASES, KIND_ALIASES, LANGUAGE_ALIASES } from './csv-rows';
import type { Expert } from './types';

/** A register card's list: 10 rows a page (SPEC §3). */
export const PAGE_SIZE = 10;

/** Titles of the vocabularies in every language, from the catalogues (the app layer passes them). */
export interface SearchTitles {
  areas: Record<Area, readonly string[]>;
  kinds: Record<ExpertKind, readonly string[]>;
  languages: Record<Language, readonly string[]>;
}

/** Words that pick experts by a state rather than by a register field, in all three languages. */
const FLAG_WORDS = {
  paused: ['paused', 'pause', 'tauolla', 'tauko', 'pausad', 'pausade', 'paus'],
  unreachable: [
    'unreachable',
    'tavoittamaton',
    'tavoittamattomat',
    'onåbar',
    'onåbara',
    'oanträffbar',
  ],
  removed: ['removed', 'poistettu', 'poistetut', 'borttagen', 'borttagna'],
  /** Trainees only (a row with a mentor), each with their last task along (SPEC §3). */
  trainees: [
    'trainee',
    'trainees',
    'harjoittelija',
    'harjoittelijat',
    'praktikant',
    'praktikanter',
  ],
  /** Trainees who have gone along on no task in 60 days (the app layer reads their record). */
  idle: ['idle', 'joutilaat', 'joutilas', 'toimettomat', 'overksamma', 'overksam'],
} as const;
export type SearchFlag = keyof typeof FLAG_WORDS;

/** What the filter words ask, each word read once. */
export interface ExpertQuery {
  flags: Set<SearchFlag>;
  /** For each remaining word, the tests any one of which lets an expert through. */
  words: Array<(e: Expert) => boolean>;
}

const loose = (s: string) => foldText(s).replace(/[\s_-]+/g, ' ');
/** A word names a title when it is the title, or (4 letters or more) the start of the title. */
const names = (word: string, title: string) => {
  const w = loose(word);
  const t = loose(title);
  return w === t || (w.length >= 4 && t.startsWith(w));
};

function vocabulary<T extends string>(
  ids: readonly T[],
  aliases: Record<string, T>,
  titles: Record<T, readonly string[]>,
  word: string,
): T[] {
  return ids.filter(
    (id) =>
      loose(id) === loose(word) ||
      aliases[word.toLowerCase()] === id ||
      titles[id].some((t) => names(word, t)),
  );
}

/** Reads the filter words of `/experts`: area, municipality, kind, language, a state, a name. */
export function readExpertQuery(text: string, titles: SearchTitles): ExpertQuery {
  const flags = new Set<SearchFlag>();
  const words: ExpertQuery['words'] = [];
  for (const word of text.split(/[\s,;]+/).filter(Boolean)) {
    const flag = (Object.keys(FLAG_WORDS) as SearchFlag[]).find((f) =>
      (FLAG_WORDS[f] as readonly string[]).some((w) => loose(w) === loose(word)),
    );
    if (flag) {
      flags.add(flag);
      continue;
    }
    const areas = new Set<Area>([
      ...vocabulary(AREAS, AREA_ALIASES, titles.areas, word),
      ...findAreas(fold(word)),
    ]);
    const kinds = vocabulary(EXPERT_KINDS, KIND_ALIASES, titles.kinds, word);
    const languages =
      word.length >= 2 ? vocabulary(LANGUAGES, LANGUAGE_ALIASES, titles.languages, word) : [];
    const part = loose(word);
    words.push(
      (e) =>
        e.areas.some((a) => areas.has(a)) ||
        kinds.includes(e.kind) ||
        e.languages.some((l) => languages.includes(l)) ||
        e.regions.some((r) => sameMunicipality(r, word)) ||
        loose(e.name).includes(part) ||
        e.email.includes(word.toLowerCase()),
    );
  }
  return { flags, words };
}

export interface ExpertState {
  paused: boolean;
  unreachable: boolean;
}

/** True when the expert answers every word and every state asked; removed experts only on request. */
export function expertMatches(e: Expert, q: ExpertQuery, state: ExpertState): boolean {
  if (Boolean(e.removed) !== q.flags.has('removed')) return false;
  if (q.flags.has('paused') && !state.paused) return false;
  if (q.flags.has('unreachable') && !state.unreachable) return false;
  if ((q.flags.has('trainees') || q.flags.has('idle')) && e.mentorEmail === undefined) return false;
  return q.words.every((test) => test(e));
}

export interface Page<T> {
  rows: T[];
  /** 0-based; a page beyond the end is the last page. */
  page: number;
  pages: number;
  total: number;
}

/** One page of a list; a page beyond the end (or before the start) shows the nearest real page. */
export function pageOf<T>(items: readonly T[], page: number): Page<T> {
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, Math.floor(Number.isFinite(page) ? page : 0)), pages - 1);
  return {
    rows: items.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE),
    page: p,
    pages,
    total: items.length,
  };
}

/**
 * "Did you mean": the keys closest to an unknown e-mail or unit id, by edit distance on the key
 * (or its part before @) and by prefix of the key or the name; at most three, closest first.
 */
export function closestMatches(
  typed: string,
  candidates: ReadonlyArray<{ key: string; name: string }>,
  max = 3,
): string[] {
  const t = loose(typed);
  const local = (s: string) => loose(s.split('@')[0] ?? s);
  const scored = candidates.map((c) => {
    const distance = Math.min(
      editDistance(t, loose(c.key)),
      editDistance(local(typed), local(c.key)),
    );
    const prefix =
      t.length >= 2 &&
      (loose(c.key).startsWith(local(typed)) ||
        loose(c.name).startsWith(t) ||
        loose(c.name)
          .split(' ')
          .some((w) => w.startsWith(t)));
    return { key: c.key, score: prefix ? Math.min(distance, 1) : distance };
  });
  const limit = Math.max(1, Math.floor(local(typed).length / 3));
  return scored
    .filter((s) => s.score <= limit)
    .sort((a, b) => a.score - b.score || a.key.localeCompare(b.key))
    .slice(0, max)
    .map((s) => s.key);
}
