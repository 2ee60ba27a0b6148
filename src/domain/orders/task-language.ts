import type { Language } from '../shared/vocabulary';
import { canonicalMunicipality } from './canonical-municipality';
import { SWEDISH_SPEAKING_MUNICIPALITIES } from './swedish-municipalities';

const SWEDISH = new Set(SWEDISH_SPEAKING_MUNICIPALITIES.map((entry) => entry.split('|')[0]!));

/** True when the municipality, written in Finnish or Swedish, is Swedish-speaking. */
export function isSwedishSpeakingMunicipality(name: string): boolean {
  const canonical = canonicalMunicipality(name.trim());
  return canonical !== undefined && SWEDISH.has(canonical);
}

export interface TaskLanguageClues {
  /** The language the order names for the task ("in English", "ruotsiksi"), if it does. */
  stated?: Language;
  /** The language the message is written in. */
  messageLanguage: Language;
  /** The ordering unit's municipality, when the orderer's unit is known. */
  unitMunicipality?: string;
}

/**
 * The language a new task is held in: what the order says; else Swedish for a message in Swedish or
 * a unit in a Swedish-speaking municipality; else Finnish. A message in English alone does not make
 * an English task: the message's language is the language the bot answers in.
 */
export function taskLanguage(clues: TaskLanguageClues): Language {
  if (clues.stated) return clues.stated;
  if (clues.messageLanguage === 'sv') return 'sv';
  if (clues.unitMunicipality && isSwedishSpeakingMunicipality(clues.unitMunicipality)) return 'sv';
  return 'fi';
}
