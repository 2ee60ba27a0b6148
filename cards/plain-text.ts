// Characters that make markup anywhere in a line: emphasis, code, links and images, HTML and
// mentions (<at>), entities, tables, strikethrough, and the escape character itself.
const INLINE = /[\\`*_[\]<>!|~&]/g;
// Markers that make markup only at the start of a line: headings, quotes, lists, rules.
const LINE_START = /^(\s*)([#>+=-]|\d+[.)])/gm;

/**
 * One person's text as plain text for another person's card or message (SPEC §9): every
 * character that Teams would read as markdown or HTML is backslash-escaped, so a planted link,
 * image, mention or tag shows as the characters that were typed. Apply once, to the user's own
 * words (names, wishes, reasons, notes), never to catalogue text or to text already escaped.
 */
export function plain(text: string): string {
  return text
    .replace(INLINE, (c) => `\\${c}`)
    .replace(
      LINE_START,
      (_all, space: string, marker: string) => `${space}${marker.replace(/([#>+=.)-])$/, '\\$1')}`,
    );
}
