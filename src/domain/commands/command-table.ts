import type { Language } from '../shared/vocabulary';

/**
 * How a command is written:
 * - `exact`: the whole message is one of the words (a leading `/` and a closing `.!?` allowed);
 * - `prefix`: a word, then arguments (`tauko 31.12.`, `peru T-2026-0001`), with or without `/`;
 * - `slash`: `/word` then arguments: coordinators' commands, which must not fire on plain prose.
 */
export type CommandForm = 'exact' | 'prefix' | 'slash';

export interface CommandSpec {
  form: CommandForm;
  /** Words per language; the first of each language is the one shown (help, menu, "did you mean"). */
  words: Readonly<Record<Language, readonly string[]>>;
  /**
   * A prefix command typed without `/` whose arguments are a sentence that does not look like
   * this is prose, not the command: "Change of plans: we need…" is an order, "change T-2026-0001"
   * the command (and "change it" gets the command's usage).
   */
  argument?: RegExp;
}

/** Arguments of more than three words: a sentence rather than a command's arguments. */
const isProse = (args: string) => args.split(' ').length > 3;

/** An order or series number among the first few words of the arguments. */
const ORDER_OR_SERIES_ARGUMENT = /^(\S+\s+){0,2}[TS]-\d{4}-\d{4}\b/i;

/**
 * Every typed command, in the order they are tried: the first that matches wins, so a longer
 * phrase (`tauko pois`) stands before the word it starts with (`tauko`). A new command is one
 * row here and one handler in the Teams layer's command map.
 */
export const COMMANDS = {
  help: {
    form: 'exact',
    words: { fi: ['apua', 'apu', 'ohje', 'ohjeet'], sv: ['hjälp'], en: ['help'] },
  },
  catalogue: {
    form: 'exact',
    words: {
      fi: ['mitä voin tilata', 'mitä voi tilata', 'mitä voimme tilata', 'mitä voisin tilata'],
      sv: ['vad kan jag beställa', 'vad kan man beställa', 'vad kan vi beställa'],
      en: ['what can I order', 'what can we order', 'what can be ordered'],
    },
  },
  my_orders: {
    form: 'exact',
    words: {
      fi: ['omat tilaukset', 'omat', 'tilaukseni'],
      sv: ['mina beställningar', 'mina'],
      en: ['my orders'],
    },
  },
  cancel_order: {
    form: 'prefix',
    words: { fi: ['peru', 'peruuta', 'peruutus'], sv: ['annullera', 'avbryt'], en: ['cancel'] },
    argument: ORDER_OR_SERIES_ARGUMENT,
  },
  change_order: {
    form: 'prefix',
    words: { fi: ['muuta'], sv: ['ändra'], en: ['change'] },
    argument: ORDER_OR_SERIES_ARGUMENT,
  },
  my_fees: {
    form: 'exact',
    words: {
      fi: [
        'palkkiot',
        'palkkioni',
        'omat palkkiot',
        'palkkiohakemukset',
        'palkkiohakemukseni',
        'omat palkkiohakemukset',
      ],
      sv: ['mina arvoden', 'arvoden', 'arvodesansökningar', 'mina arvodesansökningar'],
      en: ['my fees', 'fees', 'my claims', 'my fee claims'],
    },
  },
  approvals: {
    form: 'exact',
    words: {
      fi: ['hyväksyttävät', 'hyväksyttävää', 'hyväksynnät', 'odottavat hyväksynnät'],
      sv: ['att godkänna', 'godkännanden'],
      en: ['approvals', 'my approvals', 'pending approvals', 'to approve'],
    },
  },
  end_pause: {
    form: 'exact',
    words: {
      fi: ['tauko pois', 'tauko loppuu', 'tauko ohi', 'lopeta tauko', 'paussi pois'],
      sv: ['paus slut', 'avsluta paus', 'paus av'],
      en: ['end pause', 'pause off', 'pause end'],
    },
  },
  pause: {
    form: 'prefix',
    words: { fi: ['tauko', 'paussi'], sv: ['paus'], en: ['pause'] },
  },
  profile: {
    form: 'exact',
    words: { fi: ['profiili'], sv: ['profil'], en: ['profile'] },
  },
  my_data: {
    form: 'exact',
    words: { fi: ['omat tiedot', 'tietoni'], sv: ['mina uppgifter'], en: ['my data'] },
  },
  my_tasks: {
    form: 'exact',
    words: { fi: ['omat tehtävät', 'tehtäväni'], sv: ['mina uppdrag'], en: ['my tasks'] },
  },
  fees: {
    form: 'slash',
    words: { fi: ['palkkiot'], sv: ['arvoden'], en: ['fees'] },
  },
  reassign: {
    form: 'slash',
    words: { fi: ['siirrä'], sv: ['flytta'], en: ['reassign'] },
  },
  tariffs: {
    form: 'slash',
    words: { fi: ['taksat'], sv: ['tariffer'], en: ['tariffs', 'tariff'] },
  },
  export: {
    form: 'slash',
    words: { fi: ['vie'], sv: ['exportera'], en: ['export'] },
  },
  audit: {
    form: 'slash',
    words: { fi: ['loki'], sv: ['logg'], en: ['audit'] },
  },
  review: {
    form: 'slash',
    words: { fi: ['tarkistus'], sv: ['granskning'], en: ['review'] },
  },
  assign: {
    form: 'slash',
    words: { fi: ['nimeä'], sv: ['tilldela'], en: ['assign'] },
  },
  orders: {
    form: 'slash',
    words: { fi: ['tilaukset'], sv: ['beställningar'], en: ['orders'] },
  },
  order: {
    form: 'slash',
    words: { fi: ['tilaus'], sv: ['beställning'], en: ['order'] },
  },
  unassign: {
    form: 'slash',
    words: { fi: ['poista'], sv: ['ta bort'], en: ['unassign'] },
  },
  experts: {
    form: 'slash',
    words: { fi: ['asiantuntijat'], sv: ['experter'], en: ['experts'] },
  },
  expert: {
    form: 'slash',
    words: { fi: ['asiantuntija'], sv: ['expert'], en: ['expert'] },
  },
  units: {
    form: 'slash',
    words: { fi: ['yksiköt'], sv: ['enheter'], en: ['units'] },
  },
  unit: {
    form: 'slash',
    words: { fi: ['yksikkö'], sv: ['enhet'], en: ['unit'] },
  },
  staff: {
    form: 'slash',
    words: { fi: ['henkilöstö'], sv: ['personal'], en: ['staff'] },
  },
  reach: {
    form: 'slash',
    words: { fi: ['tavoitettavuus'], sv: ['nåbarhet'], en: ['reach'] },
  },
  forget: {
    form: 'slash',
    words: { fi: ['unohda'], sv: ['glöm'], en: ['forget'] },
  },
  stats: {
    form: 'slash',
    words: { fi: ['tilastot'], sv: ['statistik'], en: ['stats'] },
  },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMANDS;

export interface ParsedCommand {
  name: CommandName;
  /** What follows the command word, trimmed; '' for exact commands. */
  args: string;
}

/** Words compared loosely: case, accents and å/ä/ö folded, runs of spaces made one. */
export function looseWord(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface Entry {
  name: CommandName;
  form: CommandForm;
  word: string;
  argument?: RegExp;
}

const ENTRIES: readonly Entry[] = (
  Object.entries(COMMANDS) as [CommandName, CommandSpec][]
).flatMap(([name, spec]) =>
  Object.values(spec.words)
    .flat()
    .map((word) => ({ name, form: spec.form, word: looseWord(word), argument: spec.argument })),
);

const SLASH_FIRST = [
  ...ENTRIES.filter((e) => e.form === 'slash'),
  ...ENTRIES.filter((e) => e.form !== 'slash'),
];

const CLOSING = /[\s.!?]*$/;

/**
 * Reads a typed command in any of the three languages, or undefined when the text is no
 * command (then it may be an order). Pure: the same text always reads the same way.
 */
export function parseCommand(text: string): ParsedCommand | undefined {
  const trimmed = text.trim();
  const slash = trimmed.startsWith('/');
  const body = looseWord(slash ? trimmed.slice(1) : trimmed);
  // `/palkkiot` is the coordinators' list, `palkkiot` the expert's own fees: slash forms first.
  for (const entry of slash ? SLASH_FIRST : ENTRIES) {
    if (entry.form === 'slash' && !slash) continue;
    if (entry.form === 'exact') {
      if (body.replace(CLOSING, '') === entry.word) return { name: entry.name, args: '' };
      continue;
    }
    if (body === entry.word || body.startsWith(`${entry.word} `)) {
      // The arguments from the original text, so that names and e-mails keep their case.
      const rest = (slash ? trimmed.slice(1) : trimmed).trim().split(/\s+/);
      const args = rest.slice(entry.word.split(' ').length).join(' ');
      if (!slash && entry.argument && isProse(args) && !entry.argument.test(args)) continue;
      return { name: entry.name, args };
    }
  }
  return undefined;
}

/** The word a person of that language types for a command: the first of the language's words. */
export function commandWord(name: CommandName, lang: Language): string {
  const spec: CommandSpec = COMMANDS[name];
  const word = spec.words[lang][0] ?? spec.words.en[0]!;
  return spec.form === 'slash' ? `/${word}` : word;
}

/**
 * "Did you mean …": the command closest to a misspelt slash command, within two edits of one of
 * its words in any language, shown in the person's language; undefined when nothing is close.
 */
export function suggestCommand(text: string, lang: Language): string | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('/')) return undefined;
  const typed = looseWord(trimmed.slice(1)).split(' ')[0] ?? '';
  if (typed.length < 2) return undefined;
  let best: { name: CommandName; distance: number } | undefined;
  for (const entry of ENTRIES) {
    const distance = editDistance(typed, entry.word);
    if (distance <= 2 && distance < typed.length && (!best || distance < best.distance)) {
      best = { name: entry.name, distance };
    }
  }
  return best && commandWord(best.name, lang);
}

/** Levenshtein distance with transpositions (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** An e-mail address inside a command's arguments (`/assign T-2026-0001 anna@example.fi`). */
export const EMAIL_IN_TEXT = /[^\s<>()]+@[^\s<>()]+\.[^\s<>()]+/;

/** Argument words of commands (`/fees stuck`, `/review on`), in all three languages. */
export const ARGUMENT_WORDS = {
  fees_stuck: ['stuck', 'jumissa', 'juuttuneet', 'fast'],
  fees_pending: ['', 'pending', 'odottavat', 'avoimet', 'väntande'],
  toggle_on: ['on', 'päälle', 'på'],
  toggle_off: ['off', 'pois', 'av'],
  export_fees: ['fees', 'palkkiot', 'arvoden'],
  export_orders: ['orders', 'tilaukset', 'beställningar'],
  export_feedback: ['feedback', 'palaute', 'palautteet', 'respons'],
  orders_all: ['', 'all', 'kaikki', 'alla'],
  orders_open: ['open', 'avoimet', 'auki', 'öppna'],
  orders_unfilled: ['unfilled', 'täyttämättä', 'täyttämättömät', 'ofyllda'],
  orders_week: ['week', 'viikko', 'tämä viikko', 'vecka', 'veckan', 'this week'],
  phone_order_for: ['for', 'puolesta', 'för'],
  register_add: ['add', 'new', 'lisää', 'uusi', 'lägg till', 'ny'],
  fees_cancel: ['cancel', 'peru', 'annullera'],
} as const;

/** Which of the given argument word lists the argument is in, compared loosely. */
export function argumentIs(arg: string, kind: keyof typeof ARGUMENT_WORDS): boolean {
  const typed = looseWord(arg);
  return ARGUMENT_WORDS[kind].some((w) => looseWord(w) === typed);
}
