import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegisterKind } from '../domain/registers/types';
import { importRegister } from './import-register';
import type { RegisterRepository } from './ports';

// Units first: staff rows refer to them.
const DEMO_FILES: ReadonlyArray<[RegisterKind, string]> = [
  ['units', 'units.csv'],
  ['staff', 'staff.csv'],
  ['experts', 'experts.csv'],
];

/** Loads the fictional demo register (SPEC §7) into an empty store; true when it did. */
export async function loadDemoRegisterIfEmpty(
  repo: RegisterRepository,
  demoDir: string,
): Promise<boolean> {
  if (!(await repo.isEmpty())) return false;
  for (const [kind, file] of DEMO_FILES) {
    const result = await importRegister(repo, kind, await readFile(join(demoDir, file), 'utf8'));
    // The demo files ship with the code, so a bad row is a bug in them.
    const first = result.errors[0];
    if (first) throw new Error(`demo register ${file} line ${first.line}: ${first.reason}`);
  }
  return true;
}
