import { readFile } from 'node:fs/promises';
import { importRegister, type ImportResult } from '../src/app/import-register';
import { ConfigError, loadConfig } from '../src/config';
import type { RegisterKind } from '../src/domain/registers/types';
import { TableRegisterRepository } from '../src/storage/table-register-repository';
import { storageTarget, TableStore } from '../src/storage/tables';

export interface ImportOutput {
  out(line: string): void;
  err(line: string): void;
}

const KINDS: readonly RegisterKind[] = ['experts', 'units', 'staff'];

export const USAGE = 'usage: npm run import -- experts|units|staff FILE.csv';

/**
 * `import experts|units|staff FILE.csv` (SPEC §7). Returns the exit code: 0 all rows imported,
 * 1 some rows (or the file, or the storage) failed, 2 wrong usage.
 */
export async function runImport(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  output: ImportOutput,
): Promise<number> {
  const [kind, file, ...rest] = args;
  if (!kind || !file || rest.length > 0 || !(KINDS as readonly string[]).includes(kind)) {
    output.err(USAGE);
    return 2;
  }

  let csvText: string;
  try {
    csvText = await readFile(file, 'utf8');
  } catch (err) {
    output.err(`cannot read ${file}: ${(err as Error).message}`);
    output.err(USAGE);
    return 2;
  }

  let result: ImportResult;
  try {
    const cfg = loadConfig(env);
    const store = new TableStore(storageTarget(cfg), cfg.TABLE_PREFIX);
    await store.ensureTables();
    const repo = new TableRegisterRepository(store.table('Registers'));
    result = await importRegister(repo, kind as RegisterKind, csvText);
  } catch (err) {
    if (err instanceof ConfigError) output.err(err.message);
    else {
      const refused = (err as { code?: string }).code === 'ECONNREFUSED';
      const hint = refused ? ' (is Azurite or the storage account reachable?)' : '';
      output.err(`import failed: ${(err as Error).message}${hint}`);
    }
    return 1;
  }

  output.out(`imported ${result.imported} rows`);
  for (const e of result.errors) output.err(`line ${e.line}: ${e.reason}`);
  return result.errors.length === 0 ? 0 : 1;
}

if (require.main === module) {
  runImport(process.argv.slice(2), process.env, {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`import failed: ${String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
