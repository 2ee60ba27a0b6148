import type { Language } from '../src/domain/shared/vocabulary';

const LOCALES: Record<Language, string> = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-IE' };

/** Euros from integer cents, as people in that language write them. */
export function euros(cents: number, lang: Language): string {
  return new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** An instant as a Helsinki date and time. */
export function helsinkiDateTime(iso: string, lang: Language): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone: 'Europe/Helsinki', day: 'numeric', month: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}
