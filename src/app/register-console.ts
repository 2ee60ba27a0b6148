import { isWriteConflict } from './conflict';
import type { RegisterAuditEntry, RegisterRowOfTable, RegisterTable, VersionedRow } from './ports';
import type { Services } from './services';
import type { Claim } from '../domain/fees/claim';
import type { AssignmentRef } from '../domain/matching/match-experts';
import {
  type FieldIssue,
  mentorIssue,
  registerFields,
  staffUnitIssue,
  validateRegisterRow,
} from '../domain/registers/csv-rows';
import {
  closestMatches,
  expertMatches,
  type Page,
  pageOf,
  readExpertQuery,
  type SearchTitles,
} from '../domain/registers/register-search';
import type { Role } from '../domain/registers/roles';
import { traineeActivity, type TraineeActivity } from '../domain/registers/trainee-activity';
import type { Expert, RegisterKind, StaffMember, Unit } from '../domain/registers/types';
import { helsinkiDate } from '../domain/shared/helsinki';
import { foldText } from '../domain/shared/text';

/**
 * The coordinator's register console (SPEC §3, §7): lists, one row's card, Save, Pause, Remove.
 * Every use case takes the actor from Teams and refuses anyone but a coordinator, so a forged
 * card action changes nothing; every change is written with the ETag the card showed and goes
 * to the audit log.
 */
export interface ConsoleActor {
  email: string;
  roles: readonly Role[];
}

export type Refused = { type: 'refused' };
export type NotFound = { type: 'not_found'; suggestions: string[] };

const REFUSED: Refused = { type: 'refused' };
const mayUse = (a: ConsoleActor) => a.email !== '' && a.roles.includes('coordinator');

const KIND_OF: Record<RegisterTable, RegisterKind> = {
  expert: 'experts',
  unit: 'units',
  staff: 'staff',
};
const KEY_OF: Record<RegisterTable, string> = { expert: 'email', unit: 'unit_id', staff: 'email' };

export interface ExpertListRow {
  expert: Expert;
  paused: boolean;
  unreachable: boolean;
  /** A trainee's last task along, and whether they have gone along on none in 60 days. */
  trainee?: TraineeActivity;
}

/** True when the bot cannot write to the person in Teams: never met, or Teams refused. */
async function unreachable(s: Services, email: string): Promise<boolean> {
  const person = await s.people.findByEmail(email);
  return !person || person.unreachableSince !== undefined;
}

/** Person rows read together when `unreachable` is asked (a large register is read in steps). */
const READS_AT_ONCE = 20;

/** `read` for each item, READS_AT_ONCE at a time. */
async function inSteps<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += READS_AT_ONCE)
    out.push(...(await Promise.all(items.slice(i, i + READS_AT_ONCE).map(read))));
  return out;
}

/**
 * Since when the expert is known as a trainee: the day a register card gave them a mentor (the
 * audit log), else the day the bot first met them in Teams; undefined (long ago) when neither is
 * stored, as for a trainee imported from the spreadsheet who never opened the bot.
 */
async function traineeSince(s: Services, e: Expert): Promise<string | undefined> {
  const audit = await s.registers.listAudit(e.email, 50);
  const mentorSet = audit.find(
    (a) =>
      a.table === 'expert' &&
      a.changes.some((c) => c.field === 'mentor_email' && c.from === '' && c.to !== ''),
  );
  const at = mentorSet?.at ?? (await s.people.findByEmail(e.email))?.firstSeenAt;
  return at ? helsinkiDate(new Date(at)) : undefined;
}

/**
 * A trainee's tasks along, from their load row (the trainee record of the expert card and `my
 * data`): one point read, no order is read. Since when they are a trainee is read only when the
 * record alone would make them idle.
 */
async function activityOf(
  s: Services,
  e: Expert,
  today: string,
  loaded?: readonly AssignmentRef[],
): Promise<TraineeActivity> {
  const record = loaded ?? (await s.loads.get(e.email)).assignments.filter((a) => a.asTrainee);
  const byRecord = traineeActivity(record, today);
  return byRecord.idle ? traineeActivity(record, today, await traineeSince(s, e)) : byRecord;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fi');

/**
 * How many trainees (not removed) have gone along on no task in 60 days, for the coordinators'
 * `/stats`: one load row per trainee, no order.
 */
export async function countIdleTrainees(
  s: Services,
  experts: readonly Expert[],
  today: string,
): Promise<number> {
  const trainees = experts.filter((e) => e.mentorEmail !== undefined && !e.removed);
  return (await inSteps(trainees, (e) => activityOf(s, e, today))).filter((a) => a.idle).length;
}

/** `/experts [words]`: one page of the register, filtered; the register is read once. */
export async function expertList(
  s: Services,
  actor: ConsoleActor,
  words: string,
  page: number,
  titles: SearchTitles,
): Promise<Refused | { type: 'list'; page: Page<ExpertListRow> }> {
  if (!mayUse(actor)) return REFUSED;
  const today = helsinkiDate(s.clock.now());
  const query = readExpertQuery(words, titles);
  const paused = (e: Expert) => e.pausedUntil !== undefined && e.pausedUntil >= today;
  let found = (await s.registers.listExperts())
    .filter((e) => expertMatches(e, query, { paused: paused(e), unreachable: true }))
    .sort(byName);
  // Reachability is on the person rows: read only for the experts the other words left.
  if (query.flags.has('unreachable')) {
    const flags: boolean[] = [];
    for (let i = 0; i < found.length; i += READS_AT_ONCE)
      flags.push(
        ...(await Promise.all(
          found.slice(i, i + READS_AT_ONCE).map((e) => unreachable(s, e.email)),
        )),
      );
    found = found.filter((_e, i) => flags[i]);
  }
  // Trainees left without tasks: only the trainees' own load rows are read (SPEC §3).
  const activity = new Map<string, TraineeActivity>();
  if (query.flags.has('idle')) {
    const read = await inSteps(found, (e) => activityOf(s, e, today));
    found.forEach((e, i) => activity.set(e.email, read[i]!));
    found = found.filter((e) => activity.get(e.email)!.idle);
  }
  const shown = pageOf(found, page);
  const rows = await Promise.all(
    shown.rows.map(async (e) => {
      const trainee =
        e.mentorEmail === undefined
          ? undefined
          : (activity.get(e.email) ?? (await activityOf(s, e, today)));
      return {
        expert: e,
        paused: paused(e),
        unreachable: await unreachable(s, e.email),
        ...(trainee ? { trainee } : {}),
      };
    }),
  );
  return { type: 'list', page: { ...shown, rows } };
}

const contains = (words: string, ...fields: Array<string | undefined>) => {
  const hay = foldText(fields.filter(Boolean).join(' '));
  return words
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => hay.includes(foldText(w)));
};

/** `/units [words]`. */
export async function unitList(
  s: Services,
  actor: ConsoleActor,
  words: string,
  page: number,
): Promise<Refused | { type: 'list'; page: Page<Unit> }> {
  if (!mayUse(actor)) return REFUSED;
  const units = (await s.registers.listUnits())
    .filter((u) => contains(words, u.unitId, u.name, u.municipality, u.costCenter))
    .sort(byName);
  return { type: 'list', page: pageOf(units, page) };
}

/** `/staff [words]`: coordinators and orderers. */
export async function staffList(
  s: Services,
  actor: ConsoleActor,
  words: string,
  page: number,
): Promise<Refused | { type: 'list'; page: Page<StaffMember> }> {
  if (!mayUse(actor)) return REFUSED;
  const staff = (await s.registers.listStaff())
    .filter((m) => contains(words, m.name, m.email, m.role, m.unitId))
    .sort(byName);
  return { type: 'list', page: pageOf(staff, page) };
}

export interface ExpertView {
  row: VersionedRow<Expert>;
  /** Their assignments this calendar year, by date. */
  assignments: AssignmentRef[];
  mentor?: { email: string; name: string };
  trainees: Array<{ email: string; name: string }>;
  /** The tasks they went along on as a trainee, by date (SPEC §3). */
  traineeRecord: AssignmentRef[];
  /** A trainee's last task along, and whether they have gone along on none in 60 days. */
  traineeActivity?: TraineeActivity;
  reach: { state: 'reachable' | 'unreachable' | 'never'; since?: string };
}

/** One expert's card: the row and its version, assignments this year, trainee record, reachability. */
export async function expertView(
  s: Services,
  actor: ConsoleActor,
  email: string,
): Promise<Refused | NotFound | { type: 'expert'; view: ExpertView }> {
  if (!mayUse(actor)) return REFUSED;
  const key = email.trim().toLowerCase();
  const [row, all] = await Promise.all([
    s.registers.readRow('expert', key),
    s.registers.listExperts(),
  ]);
  if (!row)
    return {
      type: 'not_found',
      suggestions: closestMatches(
        key,
        all.map((e) => ({ key: e.email, name: e.name })),
      ),
    };
  return { type: 'expert', view: await viewOf(s, row, all) };
}

async function viewOf(s: Services, row: VersionedRow<Expert>, all?: Expert[]): Promise<ExpertView> {
  const e = row.value;
  const year = helsinkiDate(s.clock.now()).slice(0, 4);
  const [load, person, experts] = await Promise.all([
    s.loads.get(e.email),
    s.people.findByEmail(e.email),
    all ?? s.registers.listExperts(),
  ]);
  const mentor = e.mentorEmail ? experts.find((m) => m.email === e.mentorEmail) : undefined;
  const today = helsinkiDate(s.clock.now());
  const record = load.assignments.filter((a) => a.asTrainee);
  const activity = e.mentorEmail ? await activityOf(s, e, today, record) : undefined;
  return {
    row,
    assignments: load.assignments
      .filter((a) => a.date.startsWith(year) && !a.asTrainee)
      .sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start)),
    ...(e.mentorEmail
      ? { mentor: { email: e.mentorEmail, name: mentor?.name ?? e.mentorEmail } }
      : {}),
    trainees: experts
      .filter((t) => t.mentorEmail === e.email && !t.removed)
      .map((t) => ({ email: t.email, name: t.name })),
    traineeRecord: record.sort((a, b) => (a.date + a.start).localeCompare(b.date + b.start)),
    ...(activity ? { traineeActivity: activity } : {}),
    reach: !person
      ? { state: 'never' }
      : person.unreachableSince
        ? { state: 'unreachable', since: person.unreachableSince }
        : { state: 'reachable' },
  };
}

/** `/unit <id>` (any case) or `/staff` member's card: the row and its version. */
export async function rowView<K extends 'unit' | 'staff'>(
  s: Services,
  actor: ConsoleActor,
  table: K,
  key: string,
): Promise<Refused | NotFound | { type: 'row'; row: VersionedRow<RegisterRowOfTable[K]> }> {
  if (!mayUse(actor)) return REFUSED;
  const wanted = key.trim();
  const direct = await s.registers.readRow(
    table,
    table === 'staff' ? wanted.toLowerCase() : wanted,
  );
  if (direct) return { type: 'row', row: direct };
  const candidates =
    table === 'unit'
      ? (await s.registers.listUnits()).map((u) => ({ key: u.unitId, name: u.name }))
      : (await s.registers.listStaff()).map((m) => ({ key: m.email, name: m.name }));
  const sameKey = candidates.find((c) => c.key.toLowerCase() === wanted.toLowerCase());
  const row = sameKey && (await s.registers.readRow(table, sameKey.key));
  if (row) return { type: 'row', row };
  return { type: 'not_found', suggestions: closestMatches(wanted, candidates) };
}

export type SaveOutcome<T> =
  | Refused
  | { type: 'not_found' }
  | { type: 'invalid'; issues: FieldIssue[] }
  | { type: 'conflict'; current?: VersionedRow<T> }
  | { type: 'unchanged'; row: VersionedRow<T> }
  | { type: 'saved'; row: VersionedRow<T>; entry: RegisterAuditEntry };

/**
 * Save on a register card. `key` is the row the card showed (undefined on an add card, which
 * takes it from its fields); `etag` is the version the card showed: a row changed since then is
 * refused, and the caller shows who changed it. The fields are checked by the import's validator.
 */
export async function saveRegisterRow<K extends RegisterTable>(
  s: Services,
  actor: ConsoleActor,
  table: K,
  key: string | undefined,
  fields: Record<string, string | undefined>,
  etag: string | undefined,
): Promise<SaveOutcome<RegisterRowOfTable[K]>> {
  if (!mayUse(actor)) return REFUSED;
  const kind = KIND_OF[table];
  const keyField = KEY_OF[table];
  const before = key !== undefined ? await s.registers.readRow(table, key) : undefined;
  if (key !== undefined && !before) return { type: 'not_found' };
  if (before && before.etag !== etag) return { type: 'conflict', current: before };

  const checked = validateRegisterRow(
    kind,
    before
      ? { ...fields, [keyField]: registerFields(kind, before.value as never)[keyField] }
      : fields,
  );
  if (!checked.ok) return { type: 'invalid', issues: checked.issues };
  let value = checked.row as RegisterRowOfTable[K];
  const rowKey = table === 'unit' ? (value as Unit).unitId : (value as Expert | StaffMember).email;

  // Rules between rows: the same code as the import's.
  if (table === 'expert') {
    const e = value as Expert;
    const mentor = mentorIssue(e, () => false);
    if (mentor && !(await s.registers.getExpert(e.mentorEmail!)))
      return { type: 'invalid', issues: [mentor] };
  }
  if (table === 'staff') {
    const unit = staffUnitIssue(value as StaffMember, await s.registers.listUnits());
    if (unit.issue) return { type: 'invalid', issues: [unit.issue] };
    if (unit.unitId)
      value = { ...(value as StaffMember), unitId: unit.unitId } as RegisterRowOfTable[K];
  }

  let replacing = before;
  if (!before) {
    const existing = await s.registers.readRow(table, rowKey);
    // A removed expert comes back by being added again; any other existing row is not overwritten.
    if (existing && !(table === 'expert' && (existing.value as Expert).removed)) {
      return {
        type: 'invalid',
        issues: [{ field: keyField, code: 'exists', value: rowKey, message: 'exists already' }],
      };
    }
    replacing = existing;
  }
  if (table === 'expert' && replacing) {
    const old = replacing.value as Expert;
    const { removed: _removed, pausedUntil: _paused, ...rest } = value as Expert;
    // The pause and removal are the bot's state, not register fields: Save keeps them; adding a
    // removed expert again brings them back.
    const kept = before
      ? {
          ...(old.pausedUntil ? { pausedUntil: old.pausedUntil } : {}),
          ...(old.removed ? { removed: true } : {}),
        }
      : {};
    value = { ...rest, ...kept } as RegisterRowOfTable[K];
  }

  const changes = diff(
    kind,
    before
      ? before.value
      : replacing && !(replacing.value as Expert).removed
        ? replacing.value
        : undefined,
    value,
  );
  if (before && changes.length === 0) return { type: 'unchanged', row: before };
  const at = s.clock.now().toISOString();
  try {
    await s.registers.writeRow(table, rowKey, value, replacing?.etag, { by: actor.email, at });
  } catch (err) {
    if (!isWriteConflict(err)) throw err;
    return { type: 'conflict', current: await s.registers.readRow(table, rowKey) };
  }
  const entry: RegisterAuditEntry = {
    subject: rowKey,
    table,
    action: before ? 'changed' : 'added',
    by: actor.email,
    at,
    changes,
  };
  await s.registers.appendAudit(entry);
  const saved = await s.registers.readRow(table, rowKey);
  return { type: 'saved', row: saved!, entry };
}

function diff<K extends RegisterKind>(
  kind: K,
  before: unknown,
  after: unknown,
): RegisterAuditEntry['changes'] {
  const a = before ? registerFields(kind, before as never) : {};
  const b = registerFields(kind, after as never);
  return Object.keys(b)
    .filter((f) => (a[f] ?? '') !== (b[f] ?? ''))
    .map((field) => ({ field, from: a[field] ?? '', to: b[field] ?? '' }));
}

export type PauseOutcome =
  | Refused
  | { type: 'not_found' }
  | { type: 'invalid' }
  | { type: 'conflict'; current?: VersionedRow<Expert> }
  | { type: 'saved'; row: VersionedRow<Expert> };

/** **Pause until** on an expert's card: no offers until the date (inclusive); empty ends a pause. */
export async function pauseFromCard(
  s: Services,
  actor: ConsoleActor,
  email: string,
  until: string,
  etag: string | undefined,
): Promise<PauseOutcome> {
  if (!mayUse(actor)) return REFUSED;
  const before = await s.registers.readRow('expert', email);
  if (!before || before.value.removed) return { type: 'not_found' };
  if (before.etag !== etag) return { type: 'conflict', current: before };
  const date = until.trim();
  if (
    date &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(Date.parse(date)) ||
      date < helsinkiDate(s.clock.now()))
  )
    return { type: 'invalid' };
  const { pausedUntil: old, ...rest } = before.value;
  const value: Expert = date ? { ...rest, pausedUntil: date } : rest;
  const at = s.clock.now().toISOString();
  try {
    await s.registers.writeRow('expert', before.value.email, value, before.etag, {
      by: actor.email,
      at,
    });
  } catch (err) {
    if (!isWriteConflict(err)) throw err;
    return { type: 'conflict', current: await s.registers.readRow('expert', email) };
  }
  await s.registers.appendAudit({
    subject: value.email,
    table: 'expert',
    action: 'paused',
    by: actor.email,
    at,
    changes: [{ field: 'paused_until', from: old ?? '', to: date }],
  });
  return { type: 'saved', row: (await s.registers.readRow('expert', email))! };
}

export type RemoveOutcome<T> =
  | Refused
  | { type: 'not_found' }
  | { type: 'conflict'; current?: VersionedRow<T> }
  | { type: 'open'; assignments: AssignmentRef[]; claims: Claim[] }
  | { type: 'removed' };

/**
 * **Remove** (after the confirmation card). An expert is marked removed (their history stays) and
 * is refused while they hold a task to come or an unpaid claim; a unit is refused while it has
 * unpaid claims; a staff row is deleted.
 */
export async function removeRegisterRow<K extends RegisterTable>(
  s: Services,
  actor: ConsoleActor,
  table: K,
  key: string,
  etag: string | undefined,
): Promise<RemoveOutcome<RegisterRowOfTable[K]>> {
  if (!mayUse(actor)) return REFUSED;
  const before = await s.registers.readRow(table, key);
  if (!before || (table === 'expert' && (before.value as Expert).removed))
    return { type: 'not_found' };
  if (before.etag !== etag) return { type: 'conflict', current: before };
  const today = helsinkiDate(s.clock.now());
  if (table === 'expert') {
    const email = (before.value as Expert).email;
    const [load, claims] = await Promise.all([
      s.loads.get(email),
      s.claims.listByExpert(email, 100),
    ]);
    const open = {
      assignments: load.assignments.filter((a) => a.date >= today),
      claims: claims.filter((c) => c.status !== 'paid'),
    };
    if (open.assignments.length || open.claims.length) return { type: 'open', ...open };
  }
  if (table === 'unit') {
    const unitId = (before.value as Unit).unitId;
    const claims = (await s.claims.listOpen()).filter((c) => c.unitId === unitId);
    if (claims.length) return { type: 'open', assignments: [], claims };
  }
  const at = s.clock.now().toISOString();
  const subject =
    table === 'unit' ? (before.value as Unit).unitId : (before.value as Expert | StaffMember).email;
  try {
    if (table === 'expert')
      await s.registers.writeRow(
        'expert',
        subject,
        { ...(before.value as Expert), removed: true },
        before.etag,
        { by: actor.email, at },
      );
    else await s.registers.deleteRow(table, subject, before.etag);
  } catch (err) {
    if (!isWriteConflict(err)) throw err;
    return { type: 'conflict', current: await s.registers.readRow(table, key) };
  }
  const changes = Object.entries(registerFields(KIND_OF[table], before.value as never)).map(
    ([field, from]) => ({ field, from, to: '' }),
  );
  await s.registers.appendAudit({
    subject,
    table,
    action: 'removed',
    by: actor.email,
    at,
    changes,
  });
  return { type: 'removed' };
}

/** `/audit <email>` or `/audit <unit id>`: the register changes made from the cards, newest first. */
export async function registerAudit(
  s: Services,
  actor: ConsoleActor,
  subject: string,
): Promise<Refused | { type: 'audit'; entries: RegisterAuditEntry[] }> {
  if (!mayUse(actor)) return REFUSED;
  return { type: 'audit', entries: await s.registers.listAudit(subject.trim(), 50) };
}

/** A name to show for an e-mail: the staff or expert register's, else the address. */
export async function nameOf(s: Services, email: string | undefined): Promise<string | undefined> {
  if (!email) return undefined;
  const [staff, expert] = await Promise.all([
    s.registers.getStaff(email),
    s.registers.getExpert(email),
  ]);
  return staff?.name ?? expert?.name ?? email;
}
