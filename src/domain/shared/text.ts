/** Lower-case without accents, for comparing names "without regard to case or accents" (SPEC §7). */
export function foldText(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}
