import type { Language } from '../domain/shared/vocabulary';
import { en } from './en';
import { fi, type Catalogue, type MessageKey } from './fi';
import { sv } from './sv';

export type { MessageKey };
export const catalogues: Record<Language, Catalogue> = { fi, sv, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const PLURAL_LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' };

/** A form's text: plain characters or a `{name}` placeholder, no other braces. */
const FORM = String.raw`((?:[^{}]|\{\w+\})*)`;
/** `{count, plural, one {# tunti} other {# tuntia}}`: the form by `Intl.PluralRules`, `#` is the number. */
const PLURAL = new RegExp(String.raw`\{(\w+), plural, one \{${FORM}\} other \{${FORM}\}\}`, 'g');
const PLACEHOLDER = /\{(\w+)\}/g;

/** Every parameter a catalogue text uses, plural counts included, sorted and without repeats. */
export function placeholdersOf(text: string): string[] {
  const names = [...text.matchAll(PLURAL)].map((m) => m[1]!);
  names.push(
    ...[
      ...text
        .replace(PLURAL, (_w, _n, one: string, other: string) => `${one} ${other}`)
        .matchAll(PLACEHOLDER),
    ].map((m) => m[1]!),
  );
  return [...new Set(names)].sort();
}

/** The texts a catalogue text can become: one per plural form (only `one`, then only `other`), placeholders kept. */
export function formsOf(text: string): string[] {
  if (text.match(PLURAL) === null) return [text];
  return [
    text.replace(PLURAL, (_w, _n, one: string) => one),
    text.replace(PLURAL, (_w, _n, _one, other: string) => other),
  ];
}

/**
 * A translator for one language: `{count, plural, one {…} other {…}}` picks the form for the
 * number (`#` stands for it), then `{name}` placeholders are filled from params.
 */
export function translator(lang: Language): Translate {
  const catalogue = catalogues[lang];
  const rules = new Intl.PluralRules(PLURAL_LOCALES[lang]);
  return (key, params) =>
    catalogue[key]
      .replace(PLURAL, (whole, name: string, one: string, other: string) => {
        if (!params || !(name in params)) return whole;
        const n = params[name]!;
        return (rules.select(Number(n)) === 'one' ? one : other).replace(/#/g, String(n));
      })
      .replace(PLACEHOLDER, (whole, name: string) =>
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
