import {
  issuesText,
  mentorIssue,
  parseRegisterCsv,
  staffUnitIssue,
  type RowError,
} from '../domain/registers/csv-rows';
import type { Expert, RegisterKind, StaffMember, Unit } from '../domain/registers/types';
import type { RegisterRepository } from './ports';

export interface ImportResult {
  imported: number;
  errors: RowError[];
}

interface Checked<T> {
  rows: T[];
  errors: RowError[];
}

/**
 * Imports one register CSV (SPEC §7): every good row is written (replacing the row with the same
 * key), bad rows come back with their line. A file-level error writes nothing.
 */
export async function importRegister(
  repo: RegisterRepository,
  kind: RegisterKind,
  csvText: string,
): Promise<ImportResult> {
  switch (kind) {
    case 'experts':
      return importExperts(repo, csvText);
    case 'units':
      return write(parseRegisterCsv(csvText, 'units'), (u: Unit) => repo.putUnit(u));
    case 'staff':
      return importStaff(repo, csvText);
  }
}

async function importExperts(repo: RegisterRepository, csvText: string): Promise<ImportResult> {
  const parsed = parseRegisterCsv(csvText, 'experts');
  if (parsed.fileError) return { imported: 0, errors: parsed.errors };
  const existing = new Map((await repo.listExperts()).map((e) => [e.email, e]));
  const inFile = new Set(parsed.rows.map((e) => e.email));

  const checked: Checked<Expert> = { rows: [], errors: [...parsed.errors] };
  parsed.rows.forEach((row, i) => {
    const line = parsed.lines[i] ?? 0;
    const mentor = mentorIssue(row, (email) => inFile.has(email) || existing.has(email));
    if (mentor) {
      checked.errors.push({ line, reason: issuesText([mentor]) });
      return;
    }
    // Pauses and removals are made in the bot, not in the spreadsheet: a re-import keeps them.
    const before = existing.get(row.email);
    checked.rows.push({
      ...row,
      ...(before?.pausedUntil ? { pausedUntil: before.pausedUntil } : {}),
      ...(before?.removed ? { removed: before.removed } : {}),
    });
  });
  return write(checked, (e) => repo.putExpert(e));
}

async function importStaff(repo: RegisterRepository, csvText: string): Promise<ImportResult> {
  const parsed = parseRegisterCsv(csvText, 'staff');
  if (parsed.fileError) return { imported: 0, errors: parsed.errors };
  const units = await repo.listUnits();

  const checked: Checked<StaffMember> = { rows: [], errors: [...parsed.errors] };
  parsed.rows.forEach((row, i) => {
    const unit = staffUnitIssue(row, units);
    if (unit.issue) {
      checked.errors.push({ line: parsed.lines[i] ?? 0, reason: issuesText([unit.issue]) });
      return;
    }
    checked.rows.push(unit.unitId ? { ...row, unitId: unit.unitId } : row); // the unit register's spelling is the key
  });
  return write(checked, (s) => repo.putStaff(s));
}

const WRITES_AT_ONCE = 8;

async function write<T>(
  checked: Checked<T>,
  put: (row: T) => Promise<void>,
): Promise<ImportResult> {
  const errors = [...checked.errors].sort((a, b) => a.line - b.line);
  const rows = checked.rows;
  for (let i = 0; i < rows.length; i += WRITES_AT_ONCE) {
    await Promise.all(rows.slice(i, i + WRITES_AT_ONCE).map(put));
  }
  return { imported: rows.length, errors };
}
