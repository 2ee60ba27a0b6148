import { foldText } from '../shared/text';
import { MUNICIPALITIES } from './municipalities';

const BY_FOLDED = new Map<string, string>();
for (const m of MUNICIPALITIES) {
  BY_FOLDED.set(foldText(m.name), m.name);
  if (m.swedishName) BY_FOLDED.set(foldText(m.swedishName), m.name);
}

/** The register name of a municipality written in its basic form, Finnish or Swedish. */
export function canonicalMunicipality(text: string): string | undefined {
  return BY_FOLDED.get(foldText(text));
}

/** True when two municipality names mean the same place (e.g. Vaasa and Vasa). */
export function sameMunicipality(a: string, b: string): boolean {
  return (canonicalMunicipality(a) ?? foldText(a)) === (canonicalMunicipality(b) ?? foldText(b));
}
