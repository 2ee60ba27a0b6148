import assert from 'node:assert/strict';
import { TableClient } from '@azure/data-tables';
import sinon from 'sinon';
import { myData } from '../../src/app/my-data';
import { removeRegisterRow } from '../../src/app/register-console';
import { translator } from '../../src/i18n';
import { log, logStream } from '../../src/log';
import { encodeKey } from '../../src/storage/keys';
import { TABLE_NAMES } from '../../src/storage/tables';
import { assertValidCard, textOf } from '../support/cards';
import { approvers, type Chain, EXPERT, press, takenTask, toHelsinki } from '../support/fees';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { storageConnectionString } from '../support/root-hooks';
import { World } from '../support/world';

const fi = translator('fi');
const OTTO = 'otto@example.fi';
const VERB = 'forget_person';
/** What the erased expert is and wrote: none of it may be stored after the erasure. */
const ERASED = [
  EXPERT,
  encodeKey(EXPERT),
  'Eeva Expert',
  'Eeva',
  'Bussiliput Eevalle',
  'Eevan oma kommentti',
  'Eeva kertoi hienosti',
];

/** Every row of every table of this world, as text (the test reads storage as it is). */
async function allRows(world: World): Promise<string[]> {
  const rows: string[] = [];
  for (const name of TABLE_NAMES) {
    const table = TableClient.fromConnectionString(
      storageConnectionString(),
      `${world.prefix}${name}`,
      { allowInsecureConnection: true },
    );
    for await (const e of table.listEntities()) {
      const { etag: _etag, timestamp: _timestamp, ...rest } = e;
      rows.push(`${name} ${JSON.stringify(rest)}`);
    }
  }
  return rows.sort();
}

const holding = (rows: string[], needles: string[]) =>
  rows.filter((r) => needles.some((n) => r.toLowerCase().includes(n.toLowerCase())));

async function csvRows(payroll: Chain['payroll'], month: string): Promise<string[][]> {
  await payroll.say(`/export fees ${month}`);
  const url = /https?:\/\/\S+\.csv/.exec(payroll.lastText())![0];
  const text = await (await fetch(url)).text();
  return text
    .slice(1)
    .trim()
    .split('\r\n')
    .slice(1)
    .map((l) => l.split(';'));
}

describe('forget and retention (SPEC §13)', function () {
  this.timeout(120_000);
  let world: World;
  let people: Cast;
  let chain: Chain;
  let t1: string; // Eeva's task, paid
  let t2: string; // Otto's task, no claim
  let claimId: string;
  let pseudonym: string;
  let paidRow: string[];
  const lines: string[] = [];
  const level = log.level;
  const coordinator = () => people.coordinator;
  const expert = () => people.experts.get(EXPERT)!;

  before(async () => {
    log.level = 'debug';
    sinon.replace(logStream, 'out', { write: (line: string) => lines.push(line) });
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: EXPERT, name: 'Eeva Expert', areas: ['mental_health'] }),
      anExpert({ email: OTTO, name: 'Otto Other', areas: ['mental_health'] }),
    ]);
    chain = await approvers(world, false);
    t1 = await takenTask(world, people, { date: '2026-11-30', start: '13:00', end: '15:00' });
  });
  after(async () => {
    sinon.restore();
    log.level = level;
    await world.stop();
  });

  describe('/forget', () => {
    it('when the person has a task to come, then /unohda is refused and names the task', async () => {
      const answer = (await coordinator().say(`/unohda ${EXPERT}`)).join('\n');
      assert.match(answer, new RegExp(fi('forget_open_orders', { ids: t1 })));
      assert.ok(await world.bot.services.registers.getExpert(EXPERT));
      assert.equal(coordinator().lastCard()?.body?.[0]?.text?.includes(EXPERT), undefined);
    });

    it('when the e-mail is unknown, then the answer is "not found" and without an e-mail the usage', async () => {
      assert.deepEqual(await coordinator().say('/forget nobody@example.fi'), [
        fi('forget_not_found', { email: 'nobody@example.fi' }),
      ]);
      assert.deepEqual(await coordinator().say('/unohda'), [fi('forget_usage')]);
    });

    it('when the claim is not paid yet, then /unohda is refused and names the claim', async () => {
      await toHelsinki(world, '2026-11-30T15:00');
      await press(people.orderer, t1, 'task_done');
      const submitted = await press(expert(), t1, 'submit_claim', {
        km: '10',
        expenses: '5',
        expensesNote: 'Bussiliput Eevalle',
      });
      claimId = /P-\d{4}-\d{4}/.exec(submitted.shown)![0];
      await toHelsinki(world, '2026-11-30T17:05');
      await press(expert(), t1, 'send_feedback', { rating: '4', comment: 'Eevan oma kommentti' });
      await press(people.orderer, t1, 'send_feedback', {
        rating: '5',
        comment: 'Eeva kertoi hienosti',
      });
      const answer = (await coordinator().say(`/unohda ${EXPERT}`)).join('\n');
      assert.match(answer, new RegExp(fi('forget_open_claims', { ids: claimId })));
      await press(chain.supervisor, claimId, 'approve_claim');
      await toHelsinki(world, '2026-12-02T10:00');
      await press(chain.payroll, claimId, 'mark_claim_paid');
      await world.settle();
      paidRow = (await csvRows(chain.payroll, '2026-12'))[0]!;
      assert.equal(paidRow[2], 'Eeva Expert');
    });

    it('when nothing is open, then the coordinator gets a card saying what is erased and kept, with Erase data', async () => {
      await coordinator().say(`/unohda ${EXPERT}`);
      const card = coordinator().lastCard()!;
      assertValidCard(card);
      const shown = textOf(card);
      assert.ok(shown.includes(fi('forget_title', { email: EXPERT })));
      assert.ok(shown.includes(fi('forget_claims_paid', { count: 1, paid: 1 })));
      assert.ok(shown.includes(fi('forget_keeps')));
      assert.deepEqual(
        card.actions.map((a: { title: string; type: string }) => [a.type, a.title]),
        [['Action.Execute', 'Poista tiedot']],
      );
    });

    it('when someone who is not a coordinator forges the Erase click, then nothing changes', async () => {
      const before = await allRows(world);
      const forged = await people.experts.get(OTTO)!.execute(VERB, { email: EXPERT });
      assert.match(JSON.stringify(forged.body), new RegExp(fi('command_not_allowed')));
      assert.ok(await world.bot.services.registers.getExpert(EXPERT));
      assert.equal(
        holding(await allRows(world), [EXPERT]).length,
        holding(before, [EXPERT]).length,
      );
    });

    it('when the coordinator presses Erase data, then no stored row holds her name, e-mail, Teams address or texts', async () => {
      const answer = await press(coordinator(), EXPERT, VERB);
      assert.match(answer.shown, new RegExp(fi('forget_done_title')));
      pseudonym = /poistettu-[0-9a-f]{10}/.exec(answer.shown)![0];
      assert.ok(!answer.shown.includes(EXPERT), 'the replaced card keeps no e-mail');
      const rows = await allRows(world);
      assert.deepEqual(
        holding(rows, [...ERASED, expert().aadObjectId, expert().conversationId]),
        [],
      );
      assert.ok(rows.some((r) => r.includes(pseudonym)));
    });

    it('when her data is read after the erasure, then "my data" holds nothing', async () => {
      const held = await myData(world.bot.services, EXPERT);
      assert.deepEqual(held, {
        assignments: [],
        offers: [],
        claims: [],
        moreClaims: 0,
        feedback: [],
      });
    });

    it('when /audit is read, then the erasure is there with the pseudonym and who erased, and nothing erased', async () => {
      const audit = (await coordinator().say(`/audit ${pseudonym}`)).join('\n');
      assert.ok(audit.includes(fi('reg_audit_action_erased')));
      assert.ok(audit.includes('Kaisa Coordinator'));
      const old = (await coordinator().say(`/audit ${EXPERT}`)).join('\n');
      assert.equal(old, fi('reg_audit_none', { subject: EXPERT }));
      const claimAudit = (await coordinator().say(`/audit ${claimId}`)).join('\n');
      assert.ok(claimAudit.includes(pseudonym));
      assert.deepEqual(
        ERASED.filter((e) => (audit + claimAudit).includes(e)),
        [],
      );
    });

    it('when payroll downloads the CSV, then the paid claim keeps its amounts and dates under the pseudonym', async () => {
      const row = (await csvRows(chain.payroll, '2026-12'))[0]!;
      assert.equal(row[0], claimId);
      assert.equal(row[2], pseudonym);
      assert.deepEqual(row.slice(3), paidRow.slice(3));
    });

    it('when Erase is pressed again, then the answer is "not found" and nothing changes', async () => {
      const before = await allRows(world);
      const again = await coordinator().execute(VERB, { email: EXPERT });
      assert.match(
        JSON.stringify(again.body),
        new RegExp(fi('forget_not_found', { email: EXPERT }).replace(/[.]/g, '\\.')),
      );
      assert.deepEqual(
        (await allRows(world)).filter((r) => !r.startsWith('Jobs')),
        before.filter((r) => !r.startsWith('Jobs')),
      );
    });

    it('when an approver is still named by a unit, then /forget is refused and names the unit', async () => {
      const answer = (await coordinator().say('/forget sup@example.fi')).join('\n');
      assert.match(answer, new RegExp(fi('forget_open_units', { ids: 'psy' })));
    });

    it('when an approver who left is erased, then the paid claim they approved names only a pseudonym and still sums', async () => {
      const s = world.bot.services;
      const unit = (await s.registers.getUnit('psy'))!;
      await s.registers.putUnit({ ...unit, supervisorEmail: 'uusi.esihenkilo@example.fi' });
      await coordinator().say('/glöm sup@example.fi');
      const answer = await press(coordinator(), 'sup@example.fi', VERB);
      const approver = /poistettu-[0-9a-f]{10}/.exec(answer.shown)![0];
      const claim = (await s.claims.load(claimId))!.claim.value;
      assert.equal(claim.chain.supervisor, approver);
      assert.ok(claim.history.some((h) => h.by === approver && h.action === 'approved'));
      assert.deepEqual(
        holding(await allRows(world), ['sup@example.fi', encodeKey('sup@example.fi'), 'Sanna']),
        [],
      );
      const row = (await csvRows(chain.payroll, '2026-12'))[0]!;
      assert.deepEqual(row.slice(3), paidRow.slice(3));
    });

    it('when a new order goes out, then the erased expert is not offered it', async () => {
      const t3 = await placeOrder(people.orderer, { date: '2026-12-20' });
      await world.settle();
      assert.equal(offerCardsFor(people.experts.get(OTTO)!, t3).length, 1);
      assert.equal(offerCardsFor(expert(), t3).length, 0);
      const file = await world.bot.services.offers.load(t3);
      assert.deepEqual([...file!.offers.keys()], [OTTO]);
    });
  });

  describe('retention', () => {
    before(async () => {
      t2 = await takenTask(
        world,
        people,
        { date: '2026-12-05', start: '09:00', end: '10:00' },
        OTTO,
      );
      await toHelsinki(world, '2026-12-06T10:00');
      await press(people.orderer, t2, 'send_feedback', { rating: '3', comment: 'Tilaisuus sujui' });
      const s = world.bot.services;
      const row = await s.registers.readRow('expert', OTTO);
      const removed = await removeRegisterRow(
        s,
        { email: 'coord@example.fi', roles: ['coordinator'] },
        'expert',
        OTTO,
        row!.etag,
      );
      assert.equal(removed.type, 'removed');
      await people.orderer.say('Tarvitsisimme kokemusasiantuntijan luennolle 20.1.2027 klo 13–15');
      assert.ok(await s.drafts.get(people.orderer.aadObjectId));
    });

    it('when 100 days have passed, then the draft is gone and the removed expert is erased by the daily run', async () => {
      await toHelsinki(world, '2027-03-16T04:00');
      const s = world.bot.services;
      assert.equal(await s.drafts.get(people.orderer.aadObjectId), undefined);
      assert.equal(await s.registers.readRow('expert', OTTO), undefined);
      assert.deepEqual(holding(await allRows(world), [OTTO, encodeKey(OTTO), 'Otto Other']), []);
      assert.ok(await s.orders.get(t2), 'his task stays until its two years are up');
      const rating = await s.feedback.get(t2, 'orderer@example.fi');
      assert.deepEqual(
        [rating?.rating, rating?.comment],
        [3, undefined],
        'the comment on his task went with him',
      );
    });

    it('when two instances run the due work together, then the daily run happens once', async () => {
      const second = await world.another();
      world.clock.set('2027-03-17T01:30:00Z');
      const before = lines.filter((l) => l.includes('"retention_run"')).length;
      await Promise.all([world.bot.work.runDue(), second.work.runDue()]);
      await Promise.all([world.bot.work.idle(), second.work.idle()]);
      assert.equal(lines.filter((l) => l.includes('"retention_run"')).length, before + 1);
    });

    it('when 2 years have passed since the tasks, then an order without a kept claim is gone and the paid one stays', async () => {
      await toHelsinki(world, '2028-12-10T04:00');
      const s = world.bot.services;
      assert.equal(await s.orders.get(t2), undefined, 'no claim keeps it');
      assert.equal(await s.feedback.get(t2, 'orderer@example.fi'), undefined);
      assert.equal(
        (await s.orders.listNewest(undefined, 100)).some((r) => r.orderId === t2),
        false,
      );
      assert.ok(await s.orders.get(t1), 'its paid claim keeps it');
      assert.ok((await s.claims.load(claimId))?.claim.value.status === 'paid');
      assert.equal((await csvRows(chain.payroll, '2026-12'))[0]![2], pseudonym);
    });

    it('when 6 years have passed since the payment, then the claim and its order are gone', async () => {
      await toHelsinki(world, '2032-12-20T04:00');
      const s = world.bot.services;
      assert.ok(await s.claims.load(claimId), 'six years from the payment are not yet up');
      await toHelsinki(world, '2033-01-02T04:00');
      assert.equal(await s.claims.load(claimId), undefined);
      assert.equal(await s.orders.get(t1), undefined);
      assert.deepEqual(await csvRows(chain.payroll, '2026-12'), []);
      assert.deepEqual(holding(await allRows(world), [claimId, t1, t2]), []);
    });

    it('when the log of the whole run is read, then it holds none of the erased data', () => {
      assert.ok(lines.some((l) => l.includes('"person_erased"')));
      assert.deepEqual(holding(lines, [...ERASED, OTTO, 'Otto Other', 'Otto']), []);
    });
  });
});
