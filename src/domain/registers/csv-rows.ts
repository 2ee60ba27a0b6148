import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { AREAS, EXPERT_KINDS, LANGUAGES } from '../shared/vocabulary';
import type { Area, ExpertKind, Language } from '../shared/vocabulary';
import { STAFF_ROLES } from './types';
import type { Expert, RegisterKind, StaffMember, StaffRole, Unit } from './types';

export interface RowError {
  line: number;
  reason: string;
}

export interface RegisterRowOf {
  experts: Expert;
  units: Unit;
  staff: StaffMember;
}

export interface RegisterCsv<T> {
  rows: T[];
  /** The physical line (header = 1) on which each of `rows` starts, index for index. */
  lines: number[];
  errors: RowError[];
  /** True when the file as a whole is unusable (columns, CSV syntax): `rows` is then empty. */
  fileError: boolean;
}

/** SPEC §7: the columns of each register, in their documented order. */
export const REGISTER_COLUMNS = {
  experts: [
    'email',
    'name',
    'kind',
    'areas',
    'regions',
    'languages',
    'remote',
    'onsite',
    'max_per_month',
    'mentor_email',
    'trained_on',
  ],
  units: [
    'unit_id',
    'name',
    'municipality',
    'supervisor_email',
    'director_email',
    'payroll_email',
    'cost_center',
  ],
  staff: ['email', 'name', 'role', 'unit_id'],
} as const satisfies Record<RegisterKind, readonly string[]>;

/** The column that identifies a row; a second row with the same key is an error. */
const KEY_COLUMN: Record<RegisterKind, string> = {
  experts: 'email',
  units: 'unit_id',
  staff: 'email',
};

export const DEFAULT_MAX_PER_MONTH = 8;

const fold = (s: string): string => s.trim().toLowerCase();

// Finnish (and a few Swedish) words seen in the existing spreadsheets; the ids are the contract.
export const KIND_ALIASES: Record<string, ExpertKind> = {
  koulutettu: 'trained',
  'koulutettu kokemusasiantuntija': 'trained',
  kokemusasiantuntija: 'trained',
  kokemustoimija: 'actor',
  kokemuskumppani: 'partner',
  vertaistukihenkilö: 'peer',
  vertainen: 'peer',
  vertaistuki: 'peer',
};

export const AREA_ALIASES: Record<string, Area> = {
  mielenterveys: 'mental_health',
  päihteet: 'substance_use',
  päihde: 'substance_use',
  päihdetyö: 'substance_use',
  lastensuojelu: 'child_protection',
  perhepalvelut: 'family_services',
  pitkäaikaissairaus: 'chronic_illness',
  pitkäaikaissairaudet: 'chronic_illness',
  vammaisuus: 'disability',
  vammaispalvelut: 'disability',
  neuropsykiatria: 'neuropsychiatric',
  neuropsykiatrinen: 'neuropsychiatric',
  omainen: 'as_relative',
  läheinen: 'as_relative',
  omaisena: 'as_relative',
  asunnottomuus: 'homelessness',
  muu: 'other',
};

export const LANGUAGE_ALIASES: Record<string, Language> = {
  suomi: 'fi',
  finnish: 'fi',
  finska: 'fi',
  ruotsi: 'sv',
  swedish: 'sv',
  svenska: 'sv',
  englanti: 'en',
  english: 'en',
  engelska: 'en',
};

export const ROLE_ALIASES: Record<string, StaffRole> = {
  koordinaattori: 'coordinator',
  tilaaja: 'orderer',
};

const TRUE_WORDS = ['yes', 'kyllä', 'kylla', 'ja', 'true', '1'];
const FALSE_WORDS = ['no', 'ei', 'nej', 'false', '0'];

function lookup<T extends string>(
  ids: readonly T[],
  aliases: Record<string, T>,
  raw: string,
): T | undefined {
  const key = fold(raw);
  const asId = key.replace(/[\s-]+/g, '_');
  return (ids as readonly string[]).includes(asId) ? (asId as T) : aliases[key];
}

/**
 * Why a field is refused, as a code (the card shows it from the catalogue as `reg_err_<code>`)
 * with the offending value; the import reports the English message beside it.
 */
export const FIELD_ISSUE_CODES = [
  'empty',
  'too_long',
  'not_email',
  'not_yes_no',
  'empty_yes_no',
  'not_in_list',
  'list_empty',
  'not_number',
  'not_date',
  'bad_unit_id',
  'not_kind',
  'not_role',
  'both_no',
  'regions_needed',
  'mentor_self',
  'mentor_unknown',
  'unit_unknown',
  'exists',
] as const;
export type FieldIssueCode = (typeof FIELD_ISSUE_CODES)[number];

export interface FieldIssue {
  /** The CSV column (= the card's input id). */
  field: string;
  code: FieldIssueCode;
  /** The value as written, for the message. */
  value: string;
  /** The import's English reason, without the column name. */
  message: string;
}

function issue(
  ctx: z.RefinementCtx,
  message: string,
  code: FieldIssueCode,
  value = '',
): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message, params: { code, value } });
  return z.NEVER;
}

const text = (max = 200) =>
  z.string().transform((raw, ctx) => {
    const v = raw.replace(/\s+/g, ' ').trim(); // a line break inside quotes is not part of a name
    if (!v) return issue(ctx, 'is empty', 'empty');
    if (v.length > max)
      return issue(ctx, `is longer than ${max} characters`, 'too_long', String(max));
    return v;
  });

const emailShape = z.string().email();

const email = z.string().transform((raw, ctx) => {
  const v = fold(raw);
  if (!v) return issue(ctx, 'is empty', 'empty');
  if (!emailShape.safeParse(v).success)
    return issue(ctx, `"${raw.trim()}" is not an e-mail address`, 'not_email', raw.trim());
  return v;
});

const optionalEmail = z.string().transform((raw, ctx) => {
  const v = fold(raw);
  if (!v) return undefined;
  if (!emailShape.safeParse(v).success)
    return issue(ctx, `"${raw.trim()}" is not an e-mail address`, 'not_email', raw.trim());
  return v;
});

const yesNo = z.string().transform((raw, ctx) => {
  const v = fold(raw);
  if (TRUE_WORDS.includes(v)) return true;
  if (FALSE_WORDS.includes(v)) return false;
  return v
    ? issue(ctx, `"${raw.trim()}" is not yes or no`, 'not_yes_no', raw.trim())
    : issue(ctx, 'is empty; write yes or no', 'empty_yes_no');
});

/** Lists are `;` or `,` separated (whichever the file's delimiter is not) or `|`. */
function splitList(raw: string): string[] {
  return raw
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function listOf<T extends string>(
  ids: readonly T[],
  aliases: Record<string, T>,
  what: string,
  required: boolean,
) {
  return z.string().transform((raw, ctx) => {
    const out: T[] = [];
    for (const item of splitList(raw)) {
      const id = lookup(ids, aliases, item);
      if (!id)
        return issue(ctx, `"${item}" is not ${what}; use ${ids.join(', ')}`, 'not_in_list', item);
      if (!out.includes(id)) out.push(id);
    }
    if (required && out.length === 0)
      return issue(ctx, `is empty; list at least one of ${ids.join(', ')}`, 'list_empty');
    return out;
  });
}

const regions = z.string().transform((raw) => {
  const out: string[] = [];
  for (const r of splitList(raw)) {
    if (!out.some((o) => fold(o) === fold(r))) out.push(r);
  }
  return out;
});

const maxPerMonth = z.string().transform((raw, ctx) => {
  const v = raw.trim();
  if (!v) return DEFAULT_MAX_PER_MONTH;
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 100) {
    return issue(ctx, `"${v}" is not a whole number from 1 to 100`, 'not_number', v);
  }
  return Number(v);
});

/** `YYYY-MM-DD` or the Finnish `D.M.YYYY`; returns the ISO date. */
function parseDate(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const fi = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : fi ? [fi[3], fi[2], fi[1]] : [];
  if (!y || !m || !d) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const iso8601 = date.toISOString().slice(0, 10);
  // Date.UTC rolls 31.2. over into March: a date is real only if it reads back the same.
  return iso8601 === `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}` ? iso8601 : undefined;
}

const optionalDate = z.string().transform((raw, ctx) => {
  const v = raw.trim();
  if (!v) return undefined;
  return (
    parseDate(v) ?? issue(ctx, `"${v}" is not a date; write YYYY-MM-DD or D.M.YYYY`, 'not_date', v)
  );
});

const UNIT_ID = /^[A-Za-z0-9._-]{1,64}$/;
const UNIT_ID_RULE = 'may only hold letters, digits, "-", "_" and "." (at most 64)';

const unitId = z.string().transform((raw, ctx) => {
  const v = raw.trim();
  if (!v) return issue(ctx, 'is empty', 'empty');
  return UNIT_ID.test(v) ? v : issue(ctx, `"${v}" ${UNIT_ID_RULE}`, 'bad_unit_id', v);
});

const optionalUnitId = z.string().transform((raw, ctx) => {
  const v = raw.trim();
  if (!v) return undefined;
  return UNIT_ID.test(v) ? v : issue(ctx, `"${v}" ${UNIT_ID_RULE}`, 'bad_unit_id', v);
});

export const expertRowSchema = z
  .object({
    email,
    name: text(),
    kind: z.string().transform((raw, ctx) => {
      const v = lookup(EXPERT_KINDS, KIND_ALIASES, raw);
      return (
        v ??
        issue(
          ctx,
          `"${raw.trim()}" is not one of ${EXPERT_KINDS.join(', ')}`,
          'not_kind',
          raw.trim(),
        )
      );
    }),
    areas: listOf(AREAS, AREA_ALIASES, 'an experience area', true),
    regions,
    languages: listOf(LANGUAGES, LANGUAGE_ALIASES, 'a language', true),
    remote: yesNo,
    onsite: yesNo,
    max_per_month: maxPerMonth,
    mentor_email: optionalEmail,
    trained_on: optionalDate,
  })
  .superRefine((r, ctx) => {
    if (!r.remote && !r.onsite) {
      const message = 'and onsite are both no: the expert could take no task';
      ctx.addIssue({
        code: 'custom',
        path: ['remote'],
        message,
        params: { code: 'both_no', value: '' },
      });
    }
    if (r.onsite && r.regions.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['regions'],
        message: 'is empty but onsite is yes',
        params: { code: 'regions_needed', value: '' },
      });
    }
    if (r.mentor_email && r.mentor_email === r.email) {
      ctx.addIssue({
        code: 'custom',
        path: ['mentor_email'],
        message: 'is the expert themself',
        params: { code: 'mentor_self', value: r.mentor_email },
      });
    }
  })
  .transform((r): Expert => ({
    email: r.email,
    name: r.name,
    kind: r.kind,
    areas: r.areas,
    regions: r.regions,
    languages: r.languages,
    remote: r.remote,
    onsite: r.onsite,
    maxPerMonth: r.max_per_month,
    ...(r.mentor_email ? { mentorEmail: r.mentor_email } : {}),
    ...(r.trained_on ? { trainedOn: r.trained_on } : {}),
  }));

export const unitRowSchema = z
  .object({
    unit_id: unitId,
    name: text(),
    municipality: text(),
    supervisor_email: email,
    director_email: optionalEmail,
    payroll_email: email,
    cost_center: text(64),
  })
  .transform((r): Unit => ({
    unitId: r.unit_id,
    name: r.name,
    municipality: r.municipality,
    supervisorEmail: r.supervisor_email,
    ...(r.director_email ? { directorEmail: r.director_email } : {}),
    payrollEmail: r.payroll_email,
    costCenter: r.cost_center,
  }));

export const staffRowSchema = z
  .object({
    email,
    name: text(),
    role: z.string().transform((raw, ctx) => {
      const v = lookup(STAFF_ROLES, ROLE_ALIASES, raw);
      return (
        v ??
        issue(
          ctx,
          `"${raw.trim()}" is not one of ${STAFF_ROLES.join(', ')}`,
          'not_role',
          raw.trim(),
        )
      );
    }),
    unit_id: optionalUnitId,
  })
  .transform((r): StaffMember => ({
    email: r.email,
    name: r.name,
    role: r.role,
    ...(r.unit_id ? { unitId: r.unit_id } : {}),
  }));

const SCHEMAS = { experts: expertRowSchema, units: unitRowSchema, staff: staffRowSchema } as const;

export type RowCheck<T> = { ok: true; row: T } | { ok: false; issues: FieldIssue[] };

/**
 * THE check of one register row, given as the CSV's columns (text as written): the import runs it
 * on every line, the coordinator's register cards on every Save. Missing columns read as empty.
 */
export function validateRegisterRow<K extends RegisterKind>(
  kind: K,
  fields: Readonly<Record<string, string | undefined>>,
): RowCheck<RegisterRowOf[K]> {
  const complete = Object.fromEntries(REGISTER_COLUMNS[kind].map((c) => [c, fields[c] ?? '']));
  const schema = SCHEMAS[kind] as unknown as z.ZodType<
    RegisterRowOf[K],
    z.ZodTypeDef,
    Record<string, string>
  >;
  const parsed = schema.safeParse(complete);
  if (parsed.success) return { ok: true, row: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const params = (i as { params?: { code?: FieldIssueCode; value?: string } }).params;
      return {
        field: i.path.join('.'),
        code: params?.code ?? 'empty',
        value: params?.value ?? '',
        message: i.message,
      };
    }),
  };
}

/** The import's one-line reason for a refused row: "column message; column message". */
export function issuesText(issues: readonly FieldIssue[]): string {
  return issues.map((i) => `${i.field} ${i.message}`.trim()).join('; ');
}

/** A trainee's mentor must be an expert of the register (or of the same file). */
export function mentorIssue(
  row: Expert,
  isExpert: (email: string) => boolean,
): FieldIssue | undefined {
  if (!row.mentorEmail || isExpert(row.mentorEmail)) return undefined;
  return {
    field: 'mentor_email',
    code: 'mentor_unknown',
    value: row.mentorEmail,
    message: `"${row.mentorEmail}" is not in the expert register`,
  };
}

/** A staff member's unit must be in the unit register; the register's spelling of the id wins. */
export function staffUnitIssue(
  row: StaffMember,
  units: readonly Unit[],
): { unitId?: string; issue?: FieldIssue } {
  if (row.unitId === undefined) return {};
  const wanted = row.unitId.toLowerCase();
  const unit = units.find((u) => u.unitId.toLowerCase() === wanted);
  if (unit) return { unitId: unit.unitId };
  return {
    issue: {
      field: 'unit_id',
      code: 'unit_unknown',
      value: row.unitId,
      message: `"${row.unitId}" is not in the unit register; import the units first`,
    },
  };
}

/** The register row as the CSV's columns (text), to fill a card or write a file. */
export function registerFields<K extends RegisterKind>(
  kind: K,
  row: RegisterRowOf[K],
): Record<string, string> {
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  switch (kind) {
    case 'experts': {
      const e = row as Expert;
      return {
        email: e.email,
        name: e.name,
        kind: e.kind,
        areas: e.areas.join(','),
        regions: e.regions.join('; '),
        languages: e.languages.join(','),
        remote: yes(e.remote),
        onsite: yes(e.onsite),
        max_per_month: String(e.maxPerMonth),
        mentor_email: e.mentorEmail ?? '',
        trained_on: e.trainedOn ?? '',
      };
    }
    case 'units': {
      const u = row as Unit;
      return {
        unit_id: u.unitId,
        name: u.name,
        municipality: u.municipality,
        supervisor_email: u.supervisorEmail,
        director_email: u.directorEmail ?? '',
        payroll_email: u.payrollEmail,
        cost_center: u.costCenter,
      };
    }
    case 'staff': {
      const s = row as StaffMember;
      return { email: s.email, name: s.name, role: s.role, unit_id: s.unitId ?? '' };
    }
  }
}

/** Comma or semicolon, whichever the header line (outside quotes) has more of. */
function detectDelimiter(headerLine: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The line on which a quote that is never closed was opened. */
function unclosedQuoteLine(csv: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (const c of csv) {
    if (c === '\n') line++;
    else if (c === '"') openedOn = openedOn === undefined ? line : undefined;
  }
  return openedOn;
}

interface ParsedRecord {
  record: string[];
  info: { lines: number };
}

const fileError = <T>(line: number, reason: string): RegisterCsv<T> => ({
  rows: [],
  lines: [],
  errors: [{ line, reason }],
  fileError: true,
});

/**
 * Reads one register CSV (SPEC §7) into register rows. Bad rows are reported with their line and
 * left out; a file whose columns or CSV syntax are wrong yields one file-level error and no rows.
 */
export function parseRegisterCsv<K extends RegisterKind>(
  csvText: string,
  kind: K,
): RegisterCsv<RegisterRowOf[K]> {
  // One line ending, so csv-parse's line count matches what an editor shows.
  const normalized = csvText.replace(/\r\n?/g, '\n');
  const firstLine = normalized
    .replace(/^\uFEFF/, '')
    .split('\n')
    .find((l) => l.trim() !== '');
  if (firstLine === undefined) {
    return fileError(1, `the file is empty; the header row is ${REGISTER_COLUMNS[kind].join(',')}`);
  }
  const delimiter = detectDelimiter(firstLine);

  let records: ParsedRecord[];
  try {
    records = parse(normalized, {
      bom: true,
      delimiter,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (err) {
    const e = err as { code?: string; lines?: number; message?: string };
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      const line = unclosedQuoteLine(normalized) ?? e.lines ?? 1;
      return fileError(line, 'a quote (") opened on this line is never closed');
    }
    return fileError(e.lines ?? 1, `the file is not valid CSV: ${e.message ?? String(err)}`);
  }

  const startLine = (r: ParsedRecord): number =>
    r.info.lines - r.record.reduce((n, field) => n + (field.match(/\n/g)?.length ?? 0), 0);

  const [header, ...body] = records;
  if (!header) return fileError(1, 'the file has no header row');
  const headerLine = startLine(header);
  const expected: readonly string[] = REGISTER_COLUMNS[kind];
  const names = header.record.map((h) => fold(h.replace(/^\uFEFF/, '')).replace(/[\s-]+/g, '_'));

  const seenColumns = new Set<string>();
  for (const name of names) {
    if (!name) continue; // an empty header cell: a spreadsheet's trailing delimiter
    if (!expected.includes(name)) {
      return fileError(
        headerLine,
        `unknown column "${name}"; the columns are ${expected.join(', ')}`,
      );
    }
    if (seenColumns.has(name)) return fileError(headerLine, `column "${name}" appears twice`);
    seenColumns.add(name);
  }
  const missing = expected.filter((c) => !seenColumns.has(c));
  if (missing.length > 0) {
    const list = missing.map((m) => `"${m}"`).join(', ');
    const columns = `column${missing.length > 1 ? 's' : ''}`;
    return fileError(
      headerLine,
      `missing ${columns} ${list}; the columns are ${expected.join(', ')}`,
    );
  }

  const keyColumn = KEY_COLUMN[kind];
  const firstLineOfKey = new Map<string, number>();
  const out: RegisterCsv<RegisterRowOf[K]> = { rows: [], lines: [], errors: [], fileError: false };

  for (const rec of body) {
    const line = startLine(rec);
    if (rec.record.every((f) => f.trim() === '')) continue; // e.g. ";;;;" left by a spreadsheet
    const extra = rec.record.slice(names.length).some((f) => f.trim() !== '');
    if (rec.record.length < names.length || extra) {
      const reason = `the row has ${rec.record.length} fields but the header has ${names.length}`;
      out.errors.push({ line, reason });
      continue;
    }
    const fields: Record<string, string> = {};
    names.forEach((name, i) => {
      if (name) fields[name] = rec.record[i] ?? '';
    });

    // The key counts from its first row even if that row is bad: the later one is still a duplicate.
    const key = fold(fields[keyColumn] ?? '');
    const first = key ? firstLineOfKey.get(key) : undefined;
    if (first !== undefined) {
      out.errors.push({ line, reason: `duplicate ${keyColumn} "${key}", first on line ${first}` });
      continue;
    }
    if (key) firstLineOfKey.set(key, line);

    const checked = validateRegisterRow(kind, fields);
    if (!checked.ok) {
      out.errors.push({ line, reason: issuesText(checked.issues) });
      continue;
    }
    out.rows.push(checked.row);
    out.lines.push(line);
  }
  return out;
}
