import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { runImport } from '../../scripts/import';
import { BotProcess, Cluster } from './support/cluster';

const EXPERT_HEADER =
  'email,name,kind,areas,regions,languages,remote,onsite,max_per_month,mentor_email,trained_on';
const GOOD_ROW =
  'good@example.fi,Good Expert,trained,mental_health,Jyväskylä,fi,yes,yes,8,,2021-05-20';

/** Any JSON value, with the strings that break naive code: empty, huge, control characters. */
const nasty = fc.oneof(
  fc.string(),
  fc.constantFrom('', ' ', '\u0000', '__proto__', 'x'.repeat(70_000), '💥', '29:'),
  fc.integer(),
  fc.constant(null),
  fc.boolean(),
);
const jsonish = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('bad input never breaks the bot (SPEC §14)', () => {
  let cluster: Cluster;
  let bot: BotProcess;
  let orderer: string;
  let dir: string;

  before(async function () {
    this.timeout(180_000);
    cluster = await Cluster.start(1, { waveSize: 5 });
    bot = cluster.bots[0]!;
    await cluster.seedExperts(5, 'b');
    orderer = await cluster.seedOrderer(bot);
    dir = mkdtempSync(join(tmpdir(), 'bad-csv-'));
  });
  after(async function () {
    this.timeout(60_000);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('when activities with any fields changed to any values are posted, then the answer is never a 5xx and the bot stays up', async function () {
    this.timeout(240_000);
    const fields = [
      'type',
      'text',
      'value',
      'from',
      'conversation',
      'channelData',
      'locale',
      'name',
      'replyToId',
      'serviceUrl',
      'attachments',
      'id',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('message', 'invoke', 'installationUpdate', 'conversationUpdate'),
        fc.dictionary(fc.constantFrom(...fields), jsonish, { maxKeys: 4 }),
        fc.constantFrom('send_order', 'accept_offer', 'decline_offer', 'save_expert', 'x'),
        async (type, changes, verb) => {
          const base = cluster.activity(orderer, type, {
            text: 'apua',
            name: type === 'invoke' ? 'adaptiveCard/action' : undefined,
            value: {
              action: { type: 'Action.Execute', verb, data: { verb, orderId: 'T-2026-0001' } },
            },
          });
          const res = await cluster.post(bot, { ...base, ...changes });
          assert.ok(res.status < 500, `${res.status} for ${JSON.stringify(changes).slice(0, 300)}`);
        },
      ),
      { numRuns: 150, seed: 18 },
    );
    // Not JSON at all, and JSON that is not an object.
    for (const raw of ['{', 'null', '[]', '"x"', '{"type":1}', '\u0000'])
      assert.ok((await cluster.post(bot, undefined, raw)).status < 500, raw);
    assert.ok(bot.running, 'the process is still running');
    assert.equal(await bot.health(), 200);
  });

  it('when an experts file has random bad rows among good ones, then every bad row is named by its line, the good ones are imported and nothing throws', async function () {
    this.timeout(240_000);
    const env = {
      STORAGE_CONNECTION_STRING: cluster.storage.connectionString,
      TABLE_PREFIX: cluster.prefix,
    };
    const cell = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', '"', '""', ',', 'yes', 'no', '-1', '99999', 'fi;xx', '2030-02-30', 'a@b'),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 0, maxLength: 13 }), { minLength: 1, maxLength: 6 }),
        async (rows) => {
          const lines = rows.map((r) =>
            r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','),
          );
          const file = join(dir, `experts-${n++}.csv`);
          writeFileSync(file, [EXPERT_HEADER, GOOD_ROW, ...lines].join('\n') + '\n');
          const out: string[] = [];
          const err: string[] = [];
          const code = await runImport(['experts', file], env, {
            out: (l) => out.push(l),
            err: (l) => err.push(l),
          });
          assert.ok(code === 0 || code === 1, `exit code ${code}`);
          if (code === 1) {
            assert.ok(err.length > 0, 'a bad file says what is wrong');
            for (const line of err) assert.match(line, /\S/);
          }
          assert.ok(
            (await cluster.registers.getExpert('good@example.fi')) !== undefined,
            'the good row is imported',
          );
        },
      ),
      { numRuns: 60, seed: 18 },
    );
  });
});
