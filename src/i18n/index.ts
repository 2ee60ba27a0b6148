import type { Language } from '../domain/shared/vocabulary';
import { en } from './en';
import { fi, type Catalogue, type MessageKey } from './fi';
import { sv } from './sv';

export type { MessageKey };
export const catalogues: Record<Language, Catalogue> = { fi, sv, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** A translator for one language; `{name}` placeholders are filled from params. */
export function translator(lang: Language): Translate {
  const catalogue = catalogues[lang];
  return (key, params) =>
    catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      params && name in params ? String(params[name]) : whole,
    );
}

/** SPEC §8: English for en-*, Swedish for sv-*, Finnish otherwise. */
export function languageOfLocale(locale: string | undefined): Language {
  const l = (locale ?? '').toLowerCase();
  if (l.startsWith('en')) return 'en';
  if (l.startsWith('sv')) return 'sv';
  return 'fi';
}
