import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runImport, USAGE } from '../../scripts/import';
import { loadDemoRegisterIfEmpty } from '../../src/app/load-demo-register';
import { TableRegisterRepository } from '../../src/storage/table-register-repository';
import { TableStore } from '../../src/storage/tables';
import { storageConnectionString } from '../support/root-hooks';

const EXPERT_HEADER =
  'email,name,kind,areas,regions,languages,remote,onsite,max_per_month,mentor_email,trained_on';
const UNIT_HEADER =
  'unit_id,name,municipality,supervisor_email,director_email,payroll_email,cost_center';
const DEMO_DIR = join(__dirname, '..', '..', 'demo');

const csv = (...lines: string[]): string => `${lines.join('\n')}\n`;

/** A fresh table prefix, its repository, and an `import` that runs the CLI in-process against it. */
async function aStore() {
  const prefix = `t${randomBytes(6).toString('hex')}`;
  const env = { STORAGE_CONNECTION_STRING: storageConnectionString(), TABLE_PREFIX: prefix };
  const store = new TableStore(env.STORAGE_CONNECTION_STRING, prefix);
  await store.ensureTables();
  const repo = new TableRegisterRepository(store.table('Registers'));
  let n = 0;
  const importCsv = async (kind: string, text: string) => {
    const file = join(dir, `${kind}-${n++}.csv`);
    writeFileSync(file, text);
    return run([kind, file], env);
  };
  return { repo, env, importCsv };
}

async function run(args: string[], env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(args, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

let dir: string;

describe('register import', () => {
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'import-test-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('when a good experts file is imported, then every expert is readable from the register and the exit code is 0', async () => {
    const { repo, importCsv } = await aStore();
    const result = await importCsv(
      'experts',
      csv(
        EXPERT_HEADER,
        'aino.virtanen@example.fi,Aino Virtanen,trained,mental_health;substance_use,Jyväskylä,fi;en,yes,yes,8,,2021-05-20',
        'tuomas.salo@example.fi,Tuomas Salo,actor,mental_health,Jyväskylä,fi,yes,yes,4,aino.virtanen@example.fi,',
      ),
    );
    assert.deepEqual(result, { code: 0, out: ['imported 2 rows'], err: [] });
    const aino = await repo.getExpert('Aino.Virtanen@example.fi');
    assert.deepEqual(aino?.areas, ['mental_health', 'substance_use']);
    assert.equal(
      (await repo.getExpert('tuomas.salo@example.fi'))?.mentorEmail,
      'aino.virtanen@example.fi',
    );
    assert.equal((await repo.listExperts()).length, 2);
  });

  it('when some rows are bad, then they are reported by line on stderr, the good rows are imported and the exit code is 1', async () => {
    const { repo, importCsv } = await aStore();
    const result = await importCsv(
      'experts',
      csv(
        EXPERT_HEADER,
        'good@example.fi,Good One,trained,other,Kuopio,fi,yes,yes,8,,',
        'bad@example.fi,Bad Kind,expertti,other,Kuopio,fi,yes,yes,8,,',
        'trainee@example.fi,Trainee,actor,other,Kuopio,fi,yes,yes,8,nobody@example.fi,',
        'good2@example.fi,Good Two,peer,other,Kuopio,fi,no,yes,,,',
      ),
    );
    assert.equal(result.code, 1);
    assert.deepEqual(result.out, ['imported 2 rows']);
    assert.deepEqual(result.err, [
      'line 3: kind "expertti" is not one of trained, actor, partner, peer',
      'line 4: mentor_email "nobody@example.fi" is not in the expert register',
    ]);
    assert.deepEqual((await repo.listExperts()).map((e) => e.email).sort(), [
      'good2@example.fi',
      'good@example.fi',
    ]);
  });

  it('when the file has a missing column, then nothing is imported and the error is on line 1', async () => {
    const { repo, importCsv } = await aStore();
    const result = await importCsv('units', csv('unit_id,name,municipality', 'a,A,Jyväskylä'));
    assert.equal(result.code, 1);
    assert.deepEqual(result.out, ['imported 0 rows']);
    assert.match(
      result.err[0] ?? '',
      /^line 1: missing columns "supervisor_email", "director_email"/,
    );
    assert.equal(await repo.isEmpty(), true);
  });

  it('when experts are imported again, then rows are updated by email and a pause set in the bot is kept', async () => {
    const { repo, importCsv } = await aStore();
    await importCsv(
      'experts',
      csv(
        EXPERT_HEADER,
        'pekka.koskinen@example.fi,Pekka Koskinen,trained,substance_use,Jyväskylä,fi,no,yes,6,,',
      ),
    );
    const before = await repo.getExpert('pekka.koskinen@example.fi');
    assert.ok(before);
    await repo.putExpert({ ...before, pausedUntil: '2027-12-31' });

    const again = await importCsv(
      'experts',
      csv(
        EXPERT_HEADER,
        'PEKKA.KOSKINEN@example.fi,Pekka Koskinen,trained,substance_use;homelessness,Jyväskylä;Äänekoski,fi,yes,yes,3,,',
      ),
    );
    assert.equal(again.code, 0);
    const after = await repo.getExpert('pekka.koskinen@example.fi');
    assert.deepEqual(after?.areas, ['substance_use', 'homelessness']);
    assert.deepEqual(after?.regions, ['Jyväskylä', 'Äänekoski']);
    assert.equal(after?.maxPerMonth, 3);
    assert.equal(after?.pausedUntil, '2027-12-31');
    assert.equal((await repo.listExperts()).length, 1);
  });

  it('when units and then staff are imported, then staff link to units and an unknown unit_id is reported', async () => {
    const { repo, importCsv } = await aStore();
    const units = await importCsv(
      'units',
      csv(
        UNIT_HEADER,
        'ksshp-psyk,Psykiatrian avohoito,Jyväskylä,aino.virtanen@example.fi,aino.virtanen@example.fi,aino.virtanen@example.fi,4110',
        'jkl-paihde,Päihdepalvelut,Jyväskylä,tiina.laaksonen@example.fi,,satu.nieminen@example.fi,4320',
      ),
    );
    assert.deepEqual(units, { code: 0, out: ['imported 2 rows'], err: [] });
    assert.equal((await repo.getUnit('jkl-paihde'))?.directorEmail, undefined);

    const staff = await importCsv(
      'staff',
      csv(
        'email;name;role;unit_id',
        'aino.virtanen@example.fi;Aino Virtanen;koordinaattori;KSSHP-PSYK',
        'mikko.jarvinen@example.fi;Mikko Järvinen;orderer;jkl-paihde',
        'ghost@example.fi;Ghost;orderer;no-such-unit',
      ),
    );
    assert.equal(staff.code, 1);
    assert.deepEqual(staff.err, [
      'line 4: unit_id "no-such-unit" is not in the unit register; import the units first',
    ]);
    assert.deepEqual(await repo.getStaff('aino.virtanen@example.fi'), {
      email: 'aino.virtanen@example.fi',
      name: 'Aino Virtanen',
      role: 'coordinator',
      unitId: 'ksshp-psyk',
    });
    assert.equal(await repo.getStaff('ghost@example.fi'), undefined);
  });

  it('when the arguments are wrong, then usage is printed and the exit code is 2', async () => {
    const { env } = await aStore();
    for (const args of [[], ['experts'], ['orders', 'x.csv'], ['experts', 'a.csv', 'b.csv']]) {
      assert.deepEqual(await run(args, env), { code: 2, out: [], err: [USAGE] }, args.join(' '));
    }
    const missing = await run(['experts', join(dir, 'no-such-file.csv')], env);
    assert.equal(missing.code, 2);
  });

  it('when the configuration is wrong, then its one line is printed and the exit code is 1', async () => {
    const file = join(dir, 'config.csv');
    writeFileSync(file, csv(EXPERT_HEADER));
    const result = await run(['experts', file], { STORAGE_CONNECTION_STRING: 'nonsense' });
    assert.equal(result.code, 1);
    assert.equal(result.err.length, 1);
    assert.match(result.err[0] ?? '', /^Configuration error: STORAGE_CONNECTION_STRING/);
  });

  it('when the store is empty, then the demo register is loaded once: the Playground user a coordinator and expert, her unit approved by a second person (SPEC §2)', async () => {
    const { repo } = await aStore();
    assert.equal(await loadDemoRegisterIfEmpty(repo, DEMO_DIR), true);
    assert.equal(await loadDemoRegisterIfEmpty(repo, DEMO_DIR), false);

    const experts = await repo.listExperts();
    assert.ok(experts.length >= 15);
    assert.equal(experts.filter((e) => e.kind === 'peer').length, 2);
    const trainee = experts.find((e) => e.mentorEmail);
    assert.equal(experts.find((e) => e.email === trainee?.mentorEmail)?.kind, 'trained');

    const aino = 'aino.virtanen@example.fi';
    assert.equal((await repo.getStaff(aino))?.role, 'coordinator');
    const unit = await repo.getUnit('ksshp-psyk');
    const tiina = 'tiina.laaksonen@example.fi';
    assert.deepEqual(
      [unit?.supervisorEmail, unit?.directorEmail, unit?.payrollEmail],
      [tiina, tiina, tiina],
    );
    assert.equal((await repo.getStaff(tiina))?.name, 'Tiina Laaksonen');
    assert.ok(
      (await repo.listUnits()).every(
        (u) => ![u.supervisorEmail, u.directorEmail, u.payrollEmail].includes(aino),
      ),
      'Aino approves no claims, her own among them',
    );
    assert.deepEqual((await repo.getExpert(aino))?.areas, ['mental_health', 'substance_use']);
    assert.ok((await repo.listUnits()).some((u) => u.directorEmail === undefined));
  });

  it('when the store already holds a register row, then the demo register is not loaded', async () => {
    const { repo, importCsv } = await aStore();
    await importCsv('units', csv(UNIT_HEADER, 'own-unit,Own,Tampere,s@example.fi,,p@example.fi,1'));
    assert.equal(await loadDemoRegisterIfEmpty(repo, DEMO_DIR), false);
    assert.deepEqual(
      (await repo.listUnits()).map((u) => u.unitId),
      ['own-unit'],
    );
    assert.deepEqual(await repo.listExperts(), []);
  });
});
