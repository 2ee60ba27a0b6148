import assert from 'node:assert/strict';
import { assertValidCard, textOf } from '../support/cards';
import {
  approvers,
  buttons,
  cardWith,
  claimFor,
  feeWorld,
  type Chain,
  EXPERT,
  myFees,
  press,
  takenTask,
  toHelsinki,
} from '../support/fees';
import { anExpert, offerCardsFor, placeOrder, UNIT, type Cast } from '../support/scenario';
import { type InvokeAnswer, TestUser, World } from '../support/world';
import { translator } from '../../src/i18n';

const fi = translator('fi');
const sv = translator('sv');
const en = translator('en');
/** A catalogue text as a pattern that matches it literally. */
const literally = (text: string) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

const CLAIM = /P-2026-\d{4}/;

async function audit(coordinator: TestUser, claimId: string): Promise<string> {
  return (await coordinator.say(`/audit ${claimId}`)).join('\n');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

/** An ended task (13–15) whose claim the expert sent and the orderer confirmed: the supervisor holds it. */
const claimAtSupervisor = async (world: World, people: Cast, date: string) =>
  (await claimFor(world, people, { date, start: '13:00', end: '15:00' }, { confirmed: true }))
    .claimId;

describe('fee claims: edge cases', () => {
  describe('two clicks at the same instant', () => {
    let world: World;
    let people: Cast;
    let chain: Chain;
    let orderId: string;
    let claimId: string;
    let submitAnswers: InvokeAnswer[] = [];
    before(async () => {
      ({ world, people, chain } = await feeWorld(true));
      orderId = await takenTask(world, people, {
        date: '2026-11-30',
        start: '13:00',
        end: '15:00',
      });
      await toHelsinki(world, '2026-11-30T15:00');
      // Both clicks of one Submit card, at once; the tests below look at what they left.
      const expert = people.experts.get(EXPERT)!;
      const { activityId, card } = cardWith(expert, orderId, 'submit_claim');
      submitAnswers = await Promise.all([
        expert.submitCard(card, 'submit_claim', {}, activityId),
        expert.submitCard(card, 'submit_claim', {}, activityId),
      ]);
      await world.settle();
      claimId = /P-2026-\d{4}/.exec(await myFees(expert))?.[0] ?? 'no claim';
    });
    after(() => world.stop());

    it('when the expert presses Submit claim twice at once, then exactly one claim exists', async () => {
      const fees = await myFees(people.experts.get(EXPERT)!);
      const numbers = fees.match(/P-2026-\d{4}/g) ?? [];
      assert.deepEqual(numbers, [claimId], `one claim in: ${fees}`);
      assert.equal(
        (await people.coordinator.say('/fees')).join('\n').match(/P-2026-\d{4}/g)?.length,
        1,
        'one claim in progress',
      );
      assert.equal(
        (await world.bot.services.claims.load('P-2026-0002'))?.claim.value.orderId,
        undefined,
        'no second claim row',
      );
    });

    it('when the expert presses Submit claim twice at once, then both clicks are answered with that claim', () => {
      assert.equal(submitAnswers.length, 2);
      for (const a of submitAnswers) {
        assert.equal(a.status, 200);
        const shown = a.card ? textOf(a.card) : (a.text ?? '');
        assert.ok(
          shown.includes(claimId),
          `each click is answered with the claim ${claimId}, got: ${shown}`,
        );
      }
    });

    it('when the supervisor presses Approve twice at once, then it is approved once and the director gets exactly one card', async () => {
      await press(people.orderer, orderId, 'task_done');
      await world.settle();
      const { activityId } = cardWith(chain.supervisor, claimId, 'approve_claim');
      const answers = await Promise.all([
        chain.supervisor.execute('approve_claim', { claimId, step: 'supervisor' }, activityId),
        chain.supervisor.execute('approve_claim', { claimId, step: 'supervisor' }, activityId),
      ]);
      for (const a of answers) assert.equal(a.status, 200);
      await world.settle();
      const log = await audit(people.coordinator, claimId);
      assert.equal(
        count(log, 'Hyväksytty: Sanna Supervisor'),
        1,
        `one supervisor approval in: ${log}`,
      );
      assert.equal(chain.director.cardsAbout(claimId).length, 1, 'the director got one card');
      assert.deepEqual(buttons(chain.director.cardsAbout(claimId)[0]!), [
        'Hyväksy',
        'Palauta korjattavaksi',
      ]);
      const told = people.experts
        .get(EXPERT)!
        .messages()
        .filter((m) =>
          (m.text ?? '').includes(
            fi('claim_step_moved', { claimId, stage: fi('claim_status_awaiting_director') }),
          ),
        );
      assert.equal(told.length, 1, 'the expert was told once');
    });

    it('when the director presses Approve twice at once, then payroll gets exactly one card', async () => {
      // A claim of its own, approved once by the supervisor.
      const task = { date: '2026-12-01', start: '09:00', end: '10:00' };
      const { claimId } = await claimFor(world, people, task, { confirmed: true });
      await press(chain.supervisor, claimId, 'approve_claim');
      await world.settle();
      const { activityId } = cardWith(chain.director, claimId, 'approve_claim');
      await Promise.all([
        chain.director.execute('approve_claim', { claimId, step: 'director' }, activityId),
        chain.director.execute('approve_claim', { claimId, step: 'director' }, activityId),
      ]);
      await world.settle();
      const log = await audit(people.coordinator, claimId);
      assert.equal(count(log, 'Hyväksytty: Dora Director'), 1, `one director approval in: ${log}`);
      assert.equal(chain.payroll.cardsAbout(claimId).length, 1, 'payroll got one card');
      assert.equal(buttons(chain.payroll.cardsAbout(claimId)[0]!)[0], 'Maksettu');
    });
  });

  const LANGUAGES = [
    {
      locale: 'sv-FI',
      submit: 'Skicka arvodesansökan',
      taskDone: 'Uppdraget utfört',
      notDone: 'Genomfördes inte',
      approve: ['Godkänn', 'Returnera för korrigering'],
      payroll: ['Betald', 'Returnera för korrigering', 'Ladda ner för utbetalning (CSV)'],
      myFees: 'arvoden',
      myFeesTitle: literally(sv('my_fees_title')),
      atPayroll: literally(sv('claim_status_awaiting_payroll')),
      approvals: 'att godkänna',
      approvalsTitle: literally(sv('approvals_title', { count: 1 })),
      approvalsEmpty: literally(sv('approvals_empty')),
    },
    {
      locale: 'en-US',
      submit: 'Submit claim',
      taskDone: 'Task done',
      notDone: 'Did not take place',
      approve: ['Approve', 'Return for correction'],
      payroll: ['Mark paid', 'Return for correction', 'Download for payroll (CSV)'],
      myFees: 'my fees',
      myFeesTitle: literally(en('my_fees_title')),
      atPayroll: literally(en('claim_status_awaiting_payroll')),
      approvals: 'approvals',
      approvalsTitle: literally(en('approvals_title', { count: 1 })),
      approvalsEmpty: literally(en('approvals_empty')),
    },
  ];

  for (const lang of LANGUAGES) {
    describe(`in ${lang.locale}`, () => {
      let world: World;
      let orderer: TestUser;
      let expert: TestUser;
      let supervisor: TestUser;
      let payroll: TestUser;
      before(async () => {
        world = await World.start();
        const r = world.bot.services.registers;
        ({ supervisor, payroll } = await approvers(world, false, [], lang.locale));
        await r.putStaff({
          email: 'orderer@example.fi',
          name: 'Olli Orderer',
          role: 'orderer',
          unitId: UNIT.unitId,
        });
        await r.putExpert(anExpert({ email: EXPERT, name: 'Eeva Expert' }));
        orderer = world.person({ email: 'orderer@example.fi', locale: lang.locale });
        expert = world.person({ email: EXPERT, locale: lang.locale });
        for (const u of [orderer, expert, supervisor, payroll]) await u.install();
      });
      after(() => world.stop());

      it('then the claim, Task done, approval and payroll cards have the SPEC button titles, and the fee commands answer in that language', async () => {
        const orderId = await placeOrder(orderer, {
          date: '2026-11-30',
          start: '13:00',
          end: '15:00',
        });
        await world.settle();
        await expert.submitCard(offerCardsFor(expert, orderId)[0]!, 'accept_offer');
        await world.settle();
        await toHelsinki(world, '2026-11-30T15:00');

        const claimForm = cardWith(expert, orderId, 'submit_claim').card;
        assertValidCard(claimForm);
        assert.deepEqual(buttons(claimForm), [lang.submit]);
        const done = cardWith(orderer, orderId, 'task_done').card;
        assertValidCard(done);
        assert.deepEqual(buttons(done), [lang.taskDone, lang.notDone]);

        assert.match((await supervisor.say(lang.approvals)).join('\n'), lang.approvalsEmpty);
        await press(orderer, orderId, 'task_done');
        const submitted = await press(expert, orderId, 'submit_claim');
        const claimId = CLAIM.exec(submitted.shown)![0];
        await world.settle();

        const approval = cardWith(supervisor, claimId, 'approve_claim').card;
        assertValidCard(approval);
        assert.deepEqual(buttons(approval), lang.approve);
        const waiting = (await supervisor.say(lang.approvals)).join('\n');
        assert.match(waiting, lang.approvalsTitle);
        assert.match(waiting, new RegExp(claimId));
        assert.deepEqual(
          buttons(supervisor.lastCard()!),
          lang.approve,
          'the approvals command also sends the card, in the same language',
        );

        await press(supervisor, claimId, 'approve_claim');
        await world.settle();
        const payrollCard = cardWith(payroll, claimId, 'mark_claim_paid').card;
        assertValidCard(payrollCard);
        assert.deepEqual(buttons(payrollCard), lang.payroll);

        const fees = await myFees(expert, lang.myFees);
        assert.match(fees, lang.myFeesTitle);
        assert.match(fees, new RegExp(`${claimId}.*`));
        assert.match(fees, lang.atPayroll);
      });
    });
  }

  describe('tariffs', () => {
    let world: World;
    let people: Cast;
    let chain: Chain;
    let before1: string;
    before(async () => {
      ({ world, people, chain } = await feeWorld(false));
    });
    after(() => world.stop());

    it('when someone who is not a coordinator writes /tariffs or forges a save, then they are refused and nothing changes', async () => {
      for (const u of [people.orderer, people.experts.get(EXPERT)!, chain.supervisor]) {
        assert.deepEqual(await u.say('/tariffs'), ['Tämä komento on vain koordinaattoreille.']);
        assert.equal(u.cardsAbout('save_tariff').length, 0);
      }
      const forged = await people.experts
        .get(EXPERT)!
        .execute('save_tariff', { version: '2026-1', hourly_lecture: '999' });
      assert.match(JSON.stringify(forged.body), /vain koordinaattoreille/);
      assert.equal((await world.bot.services.tariffs.current()).version, '2026-1');
    });

    it('when a claim is sent before and another after a coordinator saves lecture at 50 €, then the first keeps 2026-1 and the second uses 50 €/h', async () => {
      const expert = people.experts.get(EXPERT)!;
      const first = await takenTask(world, people, {
        date: '2026-11-30',
        start: '13:00',
        end: '15:00',
      });
      await toHelsinki(world, '2026-11-30T15:00');
      const sent1 = await press(expert, first, 'submit_claim');
      assert.match(sent1.shown, /Yhteensä: 80,00/);
      before1 = CLAIM.exec(sent1.shown)![0];

      await people.coordinator.say('/tariffs');
      const tariffCard = people.coordinator.lastCard()!;
      assertValidCard(tariffCard);
      assert.match(textOf(tariffCard), /Taksat, versio 2026-1/);
      const saved = await people.coordinator.submitCard(tariffCard, 'save_tariff', {
        hourly_lecture: '50',
      });
      assert.ok(saved.card, `a card back, got ${saved.text}`);
      assert.match(textOf(saved.card), /Taksat tallennettu versiona 2026-2/);
      assert.match(textOf(saved.card), /Taksat, versio 2026-2/);
      assert.equal((await world.bot.services.tariffs.current()).version, '2026-2');

      const second = await takenTask(world, people, {
        date: '2026-12-02',
        start: '13:00',
        end: '15:00',
      });
      await toHelsinki(world, '2026-12-02T15:00');
      const sent2 = await press(expert, second, 'submit_claim');
      assert.match(sent2.shown, /Yhteensä: 100,00/);
      const after2 = CLAIM.exec(sent2.shown)![0];
      assert.notEqual(after2, before1);

      // The first claim moves on after the change and still keeps its amount.
      await press(people.orderer, first, 'task_done');
      await world.settle();
      await press(chain.supervisor, before1, 'approve_claim');
      await world.settle();
      assert.match(
        textOf(cardWith(chain.payroll, before1, 'mark_claim_paid').card),
        /Yhteensä: 80,00/,
      );

      const log1 = await audit(people.coordinator, before1);
      assert.match(log1, /lähetti version 1, 80,00.*\(taksa 2026-1\)/);
      assert.doesNotMatch(log1, /taksa 2026-2/);
      const log2 = await audit(people.coordinator, after2);
      assert.match(log2, /lähetti version 1, 100,00.*\(taksa 2026-2\)/);
      const fees = await myFees(expert);
      assert.match(fees, new RegExp(`${before1}.*80,00`));
      assert.match(fees, new RegExp(`${after2}.*100,00`));
    });
  });

  describe('an approver who never opened the bot', () => {
    let world: World;
    let people: Cast;
    let chain: Chain;
    let other: TestUser;
    before(async () => {
      // The supervisor has not installed the app.
      ({ world, people, chain } = await feeWorld(false, ['payroll']));
      other = world.person({ email: 'other@example.fi', name: 'Otto Other' });
      await other.install();
    });
    after(() => world.stop());

    it('when the claim reaches them, then a coordinator is told with the claim number and /reassign, and after /reassign the new holder gets the card', async () => {
      const claimId = await claimAtSupervisor(world, people, '2026-11-30');
      assert.equal(chain.supervisor.messages().length, 0, 'nothing could reach the supervisor');
      const notice = people.coordinator
        .messages()
        .map((m) => m.text ?? '')
        .filter((t) => t.includes(claimId) && t.includes('/reassign'));
      assert.equal(
        notice.length,
        1,
        `one notice to the coordinator, got: ${people.coordinator
          .messages()
          .map((m) => m.text)
          .join(' | ')}`,
      );
      assert.match(notice[0], /sup@example\.fi/);

      const reply = (await people.coordinator.say(`/reassign ${claimId} other@example.fi`)).join(
        '\n',
      );
      assert.match(reply, new RegExp(claimId));
      await world.settle();
      const card = cardWith(other, claimId, 'approve_claim').card;
      assertValidCard(card);
      assert.deepEqual(buttons(card), ['Hyväksy', 'Palauta korjattavaksi']);

      await press(other, claimId, 'approve_claim');
      await world.settle();
      assert.deepEqual(
        buttons(cardWith(chain.payroll, claimId, 'mark_claim_paid').card)[0],
        'Maksettu',
      );
    });
  });

  describe('older Teams clients (Action.Submit)', () => {
    let world: World;
    let people: Cast;
    let chain: Chain;
    before(async () => {
      ({ world, people, chain } = await feeWorld(false));
    });
    after(() => world.stop());

    it('when the supervisor approves with a message activity carrying the card data, then the claim is approved and goes to payroll', async () => {
      const claimId = await claimAtSupervisor(world, people, '2026-11-30');
      const { activityId } = cardWith(chain.supervisor, claimId, 'approve_claim');
      const res = await world.post(
        chain.supervisor.activity('message', {
          replyToId: activityId,
          value: { verb: 'approve_claim', claimId, step: 'supervisor' },
        }),
      );
      assert.ok(res.status < 300, `status ${res.status}`);
      await world.settle();
      assert.deepEqual(buttons(cardWith(chain.payroll, claimId, 'mark_claim_paid').card), [
        'Maksettu',
        'Palauta korjattavaksi',
        'Lataa maksettavat (CSV)',
      ]);
      assert.match(await audit(people.coordinator, claimId), /Hyväksytty: Sanna Supervisor/);
      assert.match(
        await myFees(people.experts.get(EXPERT)!),
        new RegExp(`${claimId}.*palkanlaskennassa maksettavana`),
      );
      for (const c of chain.supervisor.cardsAbout(claimId))
        assert.deepEqual(buttons(c), [], 'no stale Approve button left for the supervisor');
    });
  });

  describe('bad input changes nothing', () => {
    let world: World;
    let people: Cast;
    let orderId: string;
    before(async () => {
      ({ world, people } = await feeWorld(false));
      orderId = await takenTask(world, people, {
        date: '2026-11-30',
        start: '13:00',
        end: '15:00',
      });
      await toHelsinki(world, '2026-11-30T15:00');
    });
    after(() => world.stop());

    it('when the kilometres are "abc", then the card comes back with an error and no claim is stored', async () => {
      const expert = people.experts.get(EXPERT)!;
      const answer = await press(expert, orderId, 'submit_claim', { km: 'abc' });
      assert.ok(answer.card, 'the card comes back');
      assert.ok(answer.shown.includes(fi('claim_form_errors')), answer.shown);
      assert.match(answer.shown, /Kilometrit numerona/);
      assert.deepEqual(buttons(answer.card), ['Lähetä palkkiohakemus']);
      assert.doesNotMatch(answer.shown, CLAIM);
      await world.settle();
      assert.match(await myFees(expert), /ei ole vielä palkkiohakemuksia/);
    });

    it('when the end time is before the start, then the card comes back with an error and no claim is stored', async () => {
      const expert = people.experts.get(EXPERT)!;
      const answer = await press(expert, orderId, 'submit_claim', {
        actualStart: '15:00',
        actualEnd: '13:00',
      });
      assert.ok(answer.card, 'the card comes back');
      assert.match(answer.shown, /Tarkista merkityt kohdat/);
      assert.match(answer.shown, /Päättymisajan pitää olla alkamisajan jälkeen/);
      assert.deepEqual(buttons(answer.card), ['Lähetä palkkiohakemus']);
      await world.settle();
      assert.match(await myFees(expert), /ei ole vielä palkkiohakemuksia/);
      assert.match(
        (await people.coordinator.say('/fees')).join('\n'),
        /Ei käsittelyssä olevia palkkiohakemuksia/,
      );
    });

    it('when a coordinator writes /export fees 13/2026, then they get the usage and no link', async () => {
      const answer = (await people.coordinator.say('/export fees 13/2026')).join('\n');
      assert.ok(answer.includes(fi('export_usage')), answer);
      assert.doesNotMatch(answer, /https?:\/\//);
    });

    it('when a coordinator writes /reassign without arguments, then they get the usage', async () => {
      const answer = (await people.coordinator.say('/reassign')).join('\n');
      assert.ok(answer.includes(fi('reassign_usage')), answer);
    });

    it('when an expert writes /fees, then it is for coordinators only', async () => {
      const answer = (await people.experts.get(EXPERT)!.say('/fees')).join('\n');
      assert.match(answer, /vain koordinaattoreille/);
      assert.doesNotMatch(answer, CLAIM);
      assert.match(await myFees(people.experts.get(EXPERT)!), /ei ole vielä palkkiohakemuksia/);
    });
  });
});
