import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
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
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const fi = translator('fi');
const AT_SUPERVISOR = fi('claim_status_awaiting_supervisor');
const AT_DIRECTOR = fi('claim_status_awaiting_director');

type FullChain = Chain & { stranger: TestUser };
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Someone outside the chain, in their own chat. */
async function aStranger(world: World): Promise<TestUser> {
  const stranger = world.person({ email: 'stranger@example.fi' });
  await stranger.install();
  return stranger;
}

/** The fee world, with someone outside the chain too. */
async function feeWorldWithStranger(withDirector: boolean) {
  const { world, people, chain } = await feeWorld(withDirector);
  return { world, people, chain: { ...chain, stranger: await aStranger(world) } };
}

describe('fee claims', () => {
  describe('the whole chain with a director', () => {
    let world: World;
    let people: Cast;
    let chain: FullChain;
    let orderId: string;
    let claimId: string;
    const fees: string[] = [];
    before(async () => {
      ({ world, people, chain } = await feeWorldWithStranger(true));
      orderId = await takenTask(world, people, {
        date: '2026-11-30',
        start: '13:00',
        end: '15:00',
      });
    });
    after(() => world.stop());

    it('when the task has not ended, then no claim card is sent yet', async () => {
      await toHelsinki(world, '2026-11-30T14:59');
      assert.equal(people.experts.get(EXPERT)!.cardsAbout('submit_claim').length, 0);
    });

    it('when the task ends, then the expert gets a pre-filled claim card with the amount, and the orderer a Task done card', async () => {
      await toHelsinki(world, '2026-11-30T15:00');
      const expert = people.experts.get(EXPERT)!;
      const { card } = cardWith(expert, orderId, 'submit_claim');
      assertValidCard(card);
      const inputs = inputsOf(card);
      assert.equal(inputs.actualStart!.value, '13:00');
      assert.equal(inputs.actualEnd!.value, '15:00');
      assert.equal(inputs.km!.type, 'Input.Number');
      assert.equal(inputs.paymentType!.type, 'Input.ChoiceSet');
      assert.deepEqual(
        inputs.paymentType!.choices.map((c: any) => c.value),
        ['palkkio', 'tyokorvaus'],
      );
      assert.match(textOf(card), /Yhteensä: 80,00/);
      assert.deepEqual(buttons(card), ['Lähetä palkkiohakemus']);
      const done = cardWith(people.orderer, orderId, 'task_done').card;
      assertValidCard(done);
      assert.deepEqual(buttons(done), ['Tehtävä tehty', 'Ei toteutunut']);
      assert.match(textOf(done), /expert/i);
    });

    it('when the expert writes a bad business ID, then the card says so next to the field and nothing is stored', async () => {
      const answer = await press(people.experts.get(EXPERT)!, orderId, 'submit_claim', {
        paymentType: 'tyokorvaus',
        businessId: '1234567-8',
      });
      assert.ok(answer.shown.includes(fi('business_id_invalid')), answer.shown);
      assert.match(answer.shown, /Lähetä palkkiohakemus/);
      assert.match(await myFees(people.experts.get(EXPERT)!), /ei ole vielä palkkiohakemuksia/);
    });

    it('when the expert submits with 12.5 km and 6.40 € of tickets, then the claim gets a number, the amount is rounded half up, and the orderer holds it', async () => {
      const expert = people.experts.get(EXPERT)!;
      const answer = await press(expert, orderId, 'submit_claim', {
        km: '12.5',
        expenses: '6,40',
        expensesNote: 'bussiliput',
      });
      assertValidCard(answer.card!);
      claimId = /P-2026-\d{4}/.exec(answer.shown)![0];
      assert.match(answer.shown, /Kilometrikorvaus: 6,88/); // 12.5 × 0.55 = 6.875
      assert.match(answer.shown, /Yhteensä: 93,28/); // 80 + 6.88 + 6.40
      assert.equal(buttons(answer.card!).length, 0, 'the expert has nothing more to press');
      await world.settle();
      fees.push(await myFees(expert));
      assert.match(
        fees.at(-1)!,
        new RegExp(`${claimId}.*Odottaa tilaajan vahvistusta: Olli Orderer`),
      );
    });

    it('when the same card is sent again, then the same claim is shown and no second claim exists', async () => {
      const again = await press(people.experts.get(EXPERT)!, orderId, 'submit_claim');
      assert.match(again.shown, new RegExp(`${claimId} on jo lähetetty`));
      assert.equal((await myFees(people.experts.get(EXPERT)!)).match(/P-2026-/g)!.length, 1);
    });

    it('when someone outside the chain forges an approval, then they learn nothing and nothing changes', async () => {
      const forged = await chain.stranger.execute('approve_claim', { claimId, step: 'supervisor' });
      assert.match(JSON.stringify(forged.body), /En löytänyt sellaista palkkiohakemusta/);
      const early = await chain.supervisor.execute('approve_claim', {
        claimId,
        step: 'supervisor',
      });
      assert.match(JSON.stringify(early.body), /ei ole sinun käsiteltävänäsi/);
      assert.match(await myFees(people.experts.get(EXPERT)!), /Odottaa tilaajan vahvistusta/);
    });

    it('when the orderer presses Task done, then the supervisor gets the claim card and the expert is told', async () => {
      const answer = await press(people.orderer, orderId, 'task_done');
      assert.match(answer.shown, /Vahvistettu/);
      await world.settle();
      const card = cardWith(chain.supervisor, claimId, 'approve_claim').card;
      assertValidCard(card);
      assert.deepEqual(buttons(card), ['Hyväksy', 'Palauta korjattavaksi']);
      assert.match(textOf(card), /Eeva Expert/);
      assert.match(textOf(card), /Yhteensä: 93,28/);
      const told = people.experts.get(EXPERT)!.lastText();
      assert.ok(
        told.startsWith(
          fi('claim_step_moved', { claimId, stage: `${AT_SUPERVISOR}: Sanna Supervisor, ` }),
        ),
        told,
      );
      fees.push(await myFees(people.experts.get(EXPERT)!));
    });

    it('when the supervisor rejects without a reason, then they are asked for one and nothing changes', async () => {
      const answer = await press(chain.supervisor, claimId, 'reject_claim', { reason: '  ' });
      assert.ok(answer.shown.includes(fi('reason_required')), answer.shown);
      assert.match(await myFees(people.experts.get(EXPERT)!), new RegExp(AT_SUPERVISOR));
    });

    it('when the supervisor approves, then the director gets it, the supervisor card shows it done, and a replayed click changes nothing', async () => {
      const answer = await press(chain.supervisor, claimId, 'approve_claim');
      assert.equal(buttons(answer.card!).length, 0);
      assert.match(answer.shown, new RegExp(`${AT_DIRECTOR}: Dora Director`));
      const replay = await chain.supervisor.execute('approve_claim', {
        claimId,
        step: 'supervisor',
      });
      assert.match(JSON.stringify(replay.body), /Tämä vaihe on jo käsitelty: Sanna Supervisor/);
      await world.settle();
      assert.deepEqual(buttons(cardWith(chain.director, claimId, 'approve_claim').card), [
        'Hyväksy',
        'Palauta korjattavaksi',
      ]);
      fees.push(await myFees(people.experts.get(EXPERT)!));
      assert.match(fees.at(-1)!, new RegExp(`${AT_DIRECTOR}: Dora Director`));
      assert.match(
        await chain.director.say('hyväksyttävät').then((t) => t.join('\n')),
        new RegExp(`${claimId}.*Eeva Expert`),
      );
    });

    it('when the bot restarts between stages, then the director approves and payroll gets a card with Mark paid and the export button', async () => {
      await world.restart();
      await press(chain.director, claimId, 'approve_claim');
      await world.settle();
      const card = cardWith(chain.payroll, claimId, 'mark_claim_paid').card;
      assert.deepEqual(buttons(card), [
        'Maksettu',
        'Palauta korjattavaksi',
        'Lataa maksettavat (CSV)',
      ]);
      fees.push(await myFees(people.experts.get(EXPERT)!));
      assert.match(fees.at(-1)!, /palkanlaskennassa maksettavana: Paavo Payroll/);
      // Every card about the claim has been updated in place: nobody can press a stale button.
      const supervisorCards = chain.supervisor.cardsAbout(claimId);
      assert.ok(supervisorCards.length >= 1);
      for (const c of supervisorCards) assert.deepEqual(buttons(c), []);
    });

    it('when payroll downloads the CSV, then Excel-FI reads it: BOM, semicolons, decimal comma, the Incomes Register date', async () => {
      const answer = await press(chain.payroll, claimId, 'export_fees');
      assert.match(answer.shown, /Latauslinkki/);
      const url = /https?:\/\/\S+\.csv/.exec(chain.payroll.lastText())![0];
      const res = await fetch(url);
      assert.equal(res.status, 200);
      const bytes = Buffer.from(await res.arrayBuffer());
      assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').slice(1).trim().split('\r\n');
      assert.equal(lines.length, 2);
      const row = lines[1]!.split(';');
      assert.equal(row[0], claimId);
      assert.equal(row[4], '4100');
      assert.equal(row[5], 'palkkio');
      assert.deepEqual(row.slice(7, 11), ['80,00', '6,88', '6,40', '93,28']);
      assert.equal(row[11], '', 'not paid yet');
      const stranger = await fetch(url.replace(/exports\/[^/]+/, 'exports/' + 'x'.repeat(43)));
      assert.equal(stranger.status, 404);
      assert.match(
        await stranger.text(),
        /Linkki on vanhentunut[\s\S]*Länken har gått ut[\s\S]*The link has expired/,
      );
    });

    it('when payroll marks it paid, then the expert is told and the CSV has the payment date and the deadline five days later', async () => {
      await toHelsinki(world, '2026-12-02T10:00');
      await press(chain.payroll, claimId, 'mark_claim_paid');
      await world.settle();
      assert.match(
        people.experts.get(EXPERT)!.lastText(),
        new RegExp(`${claimId} on merkitty maksetuksi`),
      );
      fees.push(await myFees(people.experts.get(EXPERT)!));
      assert.match(fees.at(-1)!, new RegExp(`${claimId}.*Maksettu`));
      await chain.payroll.say('/export fees 2026-12');
      const url = /https?:\/\/\S+\.csv/.exec(chain.payroll.lastText())![0];
      const row = (await (await fetch(url)).text()).trim().split('\r\n')[1]!.split(';');
      assert.deepEqual(row.slice(11), ['2.12.2026', '7.12.2026']);
      const again = await chain.payroll.execute('mark_claim_paid', { claimId, step: 'payroll' });
      assert.match(JSON.stringify(again.body), /jo käsitelty: Paavo Payroll/);
    });

    it('when a coordinator asks for the audit log, then every step is there with who and when', async () => {
      const log = (await people.coordinator.say(`/audit ${claimId}`)).join('\n');
      for (const step of [
        'lähetti version 1',
        'Hyväksytty: Olli Orderer',
        'Hyväksytty: Sanna Supervisor',
        'Hyväksytty: Dora Director',
        'Maksettu: Paavo Payroll',
      ])
        assert.ok(log.includes(step), `${step} in ${log}`);
      // The note shows the expert's answers stage by stage.
      assert.equal(fees.length, 5);
      for (const wording of ['Palkkioni?', 'omat palkkiohakemukset', 'My fee claims'])
        assert.match(
          (await people.experts.get(EXPERT)!.say(wording)).join('\n'),
          new RegExp(claimId),
          wording,
        );
      assert.match(
        (await chain.director.say('Hyväksynnät')).join('\n'),
        /Sinulla ei ole käsiteltäviä/,
      );
    });
  });

  describe('without a director, with a rejection, and across holidays', () => {
    let world: World;
    let people: Cast;
    let chain: FullChain;
    before(async () => {
      world = await World.start();
      people = await cast(world, [
        anExpert({ email: EXPERT, name: 'Eeva Expert' }),
        anExpert({ email: 'peer@example.fi', kind: 'peer' }),
      ]);
      chain = { ...(await approvers(world, false)), stranger: await aStranger(world) };
    });
    after(() => world.stop());

    it('when the supervisor rejects with a reason, then the expert corrects it and version 2 goes back to the supervisor, then straight to payroll', async () => {
      const task = { date: '2026-12-01', start: '09:00', end: '10:30', taskType: 'peer_group' };
      const { claimId, submitted } = await claimFor(world, people, task, {
        confirmed: true,
        edits: { km: '40' },
      });
      const expert = people.experts.get(EXPERT)!;
      assert.match(submitted.shown, new RegExp(AT_SUPERVISOR), 'the orderer had already confirmed');
      const rejected = await press(chain.supervisor, claimId, 'reject_claim', {
        reason: 'Matka oli 20 km',
      });
      assert.match(rejected.shown, /Palautettu korjattavaksi/);
      await world.settle();
      assert.ok(
        expert
          .messages()
          .some(
            (m) => m.text === fi('claim_step_returned', { claimId, reason: 'Matka oli 20 km' }),
          ),
      );
      const again = cardWith(expert, claimId, 'submit_claim').card;
      assert.match(textOf(again), /Matka oli 20 km/);
      const resubmitted = await press(expert, claimId, 'submit_claim', { km: '20' });
      assert.match(resubmitted.shown, new RegExp(AT_SUPERVISOR));
      await world.settle();
      await press(chain.supervisor, claimId, 'approve_claim');
      await world.settle();
      assert.match(await myFees(expert), /palkanlaskennassa maksettavana: Paavo Payroll/);
      const log = (await people.coordinator.say(`/audit ${claimId}`)).join('\n');
      assert.match(log, /lähetti version 2/);
      assert.match(log, /Palautettu: Sanna Supervisor.*Matka oli 20 km/);
      await press(chain.payroll, claimId, 'mark_claim_paid');
      await world.settle();
      assert.match(await myFees(expert), /Maksettu/);
    });

    it('when a peer supporter did a peer task with no travel or expenses, then their expenses card says a 0 € claim is not sent, and nothing is sent', async () => {
      const orderId = await placeOrder(people.orderer, {
        date: '2026-12-03',
        taskType: 'peer_group',
        remote: true,
        municipality: '',
        expertCount: 2,
      });
      await world.settle();
      const peer = people.experts.get('peer@example.fi')!;
      await peer.submitCard(offerCardsFor(peer, orderId)[0]!, 'accept_offer');
      await toHelsinki(world, '2026-12-03T16:00');
      const form = cardWith(peer, orderId, 'submit_claim').card;
      assertValidCard(form);
      assert.match(textOf(form), new RegExp(escape(fi('expenses_claim_zero_note'))));
      assert.equal(inputsOf(form).paymentType, undefined, 'no fee, so no payment type');
      const answer = await press(peer, orderId, 'submit_claim');
      assert.match(answer.shown, new RegExp(escape(fi('claim_nothing_to_claim'))));
      assert.doesNotMatch(answer.shown, /P-\d{4}-\d{4}/);
      const order = (await world.bot.services.orders.get(orderId))!.value;
      assert.equal(order.claims?.['peer@example.fi'], undefined, 'no claim was made');
    });

    it('when a claim waits over a weekend and Christmas, then the holder is reminded on the third working day and coordinators told after five', async () => {
      const task = { date: '2026-12-23', start: '09:00', end: '11:00' };
      const { claimId } = await claimFor(world, people, task, { confirmed: true });
      const reminders = () =>
        chain.supervisor
          .messages()
          .filter((m) => (m.text ?? '').includes(`Muistutus: palkkiohakemus ${claimId}`)).length;
      const told = () =>
        people.coordinator
          .messages()
          .filter((m) => (m.text ?? '').includes(fi('claim_stuck', { claimId }).split('\n')[0]!))
          .length;
      // Working days after 23.12.: 24.12. (an eve is a working day), 28.12., 29.12. (25.–27.12. are holidays and a weekend).
      await toHelsinki(world, '2026-12-28T12:00');
      assert.equal(reminders(), 0, 'two working days have passed, not more');
      await toHelsinki(world, '2026-12-29T08:00');
      assert.equal(reminders(), 1);
      await toHelsinki(world, '2026-12-29T16:00');
      assert.equal(reminders(), 1, 'at most once a day');
      await toHelsinki(world, '2026-12-31T08:00');
      assert.equal(told(), 0, '24., 28., 29., 30., 31.: five working days, not more');
      assert.match(
        (await people.coordinator.say('/fees stuck')).join('\n'),
        /Yksikään palkkiohakemus ei ole odottanut/,
      );
      // 1.1. is New Year's Day, 2.–3.1. a weekend: the sixth working day is Monday 4.1.
      await toHelsinki(world, '2027-01-02T09:00');
      assert.equal(told(), 0);
      await toHelsinki(world, '2027-01-04T08:00');
      assert.equal(told(), 1);
      assert.match((await people.coordinator.say('/fees stuck')).join('\n'), new RegExp(claimId));
      await world.another();
      await toHelsinki(world, '2027-01-04T12:00');
      assert.equal(told(), 1, 'told once, also with a second instance');
    });

    it('when a coordinator reassigns a waiting claim, then both people are told and the new holder can approve', async () => {
      const { claimId } = await claimFor(
        world,
        people,
        { date: '2027-01-12', start: '09:00', end: '10:00' },
        { confirmed: true },
      );
      const reply = (await people.coordinator.say(`/reassign ${claimId} dir@example.fi`)).join(
        '\n',
      );
      assert.match(reply, /Dora Director/);
      await world.settle();
      assert.equal(
        chain.supervisor.lastText(),
        fi('claim_reassigned_away', { claimId, name: 'Dora Director' }),
      );
      await assert.rejects(
        press(chain.supervisor, claimId, 'approve_claim'),
        /no card about .* with approve_claim/,
        'the supervisor card has no Approve button any more',
      );
      await press(chain.director, claimId, 'approve_claim');
      await world.settle();
      assert.match(
        await myFees(people.experts.get(EXPERT)!),
        new RegExp(`${claimId}.*${escape(fi('claim_status_awaiting_payroll'))}`),
      );
      assert.match(
        (await chain.supervisor.say(`/reassign ${claimId} x@example.fi`)).join('\n'),
        new RegExp(escape(fi('command_not_allowed'))),
      );
    });
  });

  describe('what must not get lost or act twice', () => {
    let world: World;
    let people: Cast;
    let chain: FullChain;
    before(async () => {
      ({ world, people, chain } = await feeWorldWithStranger(true));
    });
    after(() => world.stop());

    it('when Teams fails every try to deliver the claim card, then it is tried again later and arrives', async () => {
      const expert = people.experts.get(EXPERT)!;
      const orderId = await takenTask(world, people, {
        date: '2026-11-26',
        start: '09:00',
        end: '10:00',
      });
      // 500 is not retried by us; the Bot Framework client tries 4 times in all, then the send fails.
      world.connector.fail('send', 500, { times: 4, conversationId: expert.conversationId });
      await toHelsinki(world, '2026-11-26T10:00');
      assert.equal(expert.cardsAbout('submit_claim').length, 0);
      await toHelsinki(world, '2026-11-26T10:06'); // the timer's 5-minute lease has run out
      assert.equal(
        expert
          .cardMessagesAbout(orderId)
          .filter((m) => JSON.stringify(m.card).includes('submit_claim')).length,
        1,
      );
    });

    it('when the expert writes my fees, then the claim card of a task without a claim comes again', async () => {
      const expert = people.experts.get(EXPERT)!;
      const orderId = await takenTask(world, people, {
        date: '2026-11-27',
        start: '09:00',
        end: '10:00',
      });
      await toHelsinki(world, '2026-11-27T10:00');
      const claimCards = () =>
        expert
          .cardMessagesAbout(orderId)
          .filter((m) => JSON.stringify(m.card).includes('submit_claim')).length;
      const before = claimCards();
      assert.equal(before, 1, 'the card came when the task ended');
      const answer = (await expert.say('my fees')).join('\n');
      assert.ok(
        [fi('my_fees_title'), fi('my_fees_empty')].some((t) => answer.includes(t)),
        answer,
      );
      assert.ok(expert.messages().some((m) => m.text === fi('claims_missing_intro')));
      assert.equal(claimCards(), before + 1);
    });

    it('when a timer falls on a weekend after downtime, then the reminder still comes on the next working day', async () => {
      const task = { date: '2026-11-30', start: '09:00', end: '10:00' };
      const { claimId } = await claimFor(world, people, task, { confirmed: true });
      const reminders = () =>
        chain.supervisor
          .messages()
          .filter((m) => (m.text ?? '').includes(`Muistutus: palkkiohakemus ${claimId}`)).length;
      // Due Thursday 3.12. at 08:00, but the bot was down until Saturday.
      await toHelsinki(world, '2026-12-05T10:00');
      assert.equal(reminders(), 0, 'not on a Saturday');
      await toHelsinki(world, '2026-12-07T08:00');
      assert.equal(reminders(), 1, 'Monday morning');
    });

    it('when a card of the first version is clicked after the claim was corrected, then nothing changes', async () => {
      const { claimId } = await claimFor(
        world,
        people,
        { date: '2026-12-09', start: '09:00', end: '10:00' },
        { confirmed: true },
      );
      await press(chain.supervisor, claimId, 'approve_claim');
      await world.settle();
      await press(chain.director, claimId, 'reject_claim', { reason: 'Väärä päivä' });
      await world.settle();
      // The order is cancelled meanwhile: the returned claim can still be corrected.
      const orderId = (await world.bot.services.claims.load(claimId))!.claim.value.orderId;
      assert.ok(orderId);
      await people.coordinator.say(`/cancel ${orderId}`);
      await people.orderer.say(`peru ${orderId}`);
      const again = await press(people.experts.get(EXPERT)!, claimId, 'submit_claim');
      assert.match(again.shown, new RegExp(fi('claim_status_awaiting_supervisor')));
      await world.settle();
      const replay = await chain.supervisor.execute('approve_claim', {
        claimId,
        step: 'supervisor',
        version: 1,
      });
      assert.ok(
        JSON.stringify(replay.body).includes(
          JSON.stringify(fi('claim_version_changed')).slice(1, -1),
        ),
        JSON.stringify(replay.body),
      );
      assert.match(
        await myFees(people.experts.get(EXPERT)!),
        new RegExp(`${claimId}[^\n]*${fi('claim_status_awaiting_supervisor')}`),
      );
      const audit = (await people.coordinator.say(`/audit ${orderId}`)).join('\n');
      assert.ok(audit.includes(fi('audit_order_title', { orderId })), audit);
      assert.ok(audit.includes(fi('audit_order_cancelled', { who: '' }).trim()), audit);
      assert.ok(audit.includes(fi('audit_order_claims', { claims: claimId })), audit);
    });

    it('when a coordinator saves a tariff card drawn before another saved a newer version, then nothing is saved', async () => {
      await people.coordinator.say('/tariffs');
      const stale = people.coordinator.lastCard()!;
      const first = await people.coordinator.submitCard(stale, 'save_tariff', {
        hourly_lecture: '45',
      });
      assert.match(textOf(first.card!), /versiona 2026-2/);
      const second = await people.coordinator.submitCard(stale, 'save_tariff', {
        hourly_lecture: '20',
      });
      assert.match(textOf(second.card!), /Joku tallensi taksat juuri/);
      assert.equal((await world.bot.services.tariffs.current()).hourlyCents.lecture, 4500);
    });
  });

  describe('when Teams refuses or fails', () => {
    let world: World;
    let people: Cast;
    let chain: FullChain;
    before(async () => {
      ({ world, people, chain } = await feeWorldWithStranger(false));
    });
    after(() => world.stop());

    it('when Teams answers 404 for the approver, then coordinators are told once and the send is not retried for ever', async () => {
      const task = { date: '2026-11-26', start: '09:00', end: '10:00' };
      const { claimId } = await claimFor(world, people, task);
      world.connector.fail('send', 404, {
        times: 50,
        conversationId: chain.supervisor.conversationId,
      });
      await press(people.orderer, claimId, 'approve_claim'); // the orderer's Task done on the claim card
      await world.settle();
      const told = () =>
        people.coordinator.messages().filter((m) =>
          (m.text ?? '').includes(
            fi('claim_holder_unreachable', {
              claimId,
              name: 'Sanna Supervisor',
              email: 'sup@example.fi',
            }).split(':')[0]!,
          ),
        ).length;
      assert.equal(told(), 1);
      await toHelsinki(world, '2026-11-26T10:30');
      assert.equal(told(), 1);
      assert.match(
        await myFees(people.experts.get(EXPERT)!),
        new RegExp(`${claimId}[^\n]*${fi('claim_status_awaiting_supervisor')}`),
      );
    });

    it('when the rejection message and card fail to arrive, then both come later, once', async () => {
      const expert = people.experts.get(EXPERT)!;
      const { claimId } = await claimFor(
        world,
        people,
        { date: '2026-11-27', start: '09:00', end: '10:00' },
        { confirmed: true },
      );
      await people.coordinator.say(`/reassign ${claimId} dir@example.fi`);
      await world.settle();
      world.connector.fail('send', 500, { times: 4, conversationId: expert.conversationId });
      const before = expert.cardsAbout('submit_claim').length;
      await press(chain.director, claimId, 'reject_claim', { reason: 'Tarkista aika' });
      await world.settle();
      const returnedMessages = () =>
        expert
          .messages()
          .filter((m) =>
            (m.text ?? '').includes(
              fi('claim_step_returned', { claimId, reason: 'Tarkista aika' }),
            ),
          ).length;
      assert.equal(expert.cardsAbout('submit_claim').length, before, 'the card did not arrive yet');
      assert.equal(returnedMessages(), 0, 'nor the message');
      await toHelsinki(world, '2026-11-27T10:02'); // the outbox lease (60 s) has run out
      await toHelsinki(world, '2026-11-27T10:04');
      assert.equal(expert.cardsAbout('submit_claim').length, before + 1);
      assert.equal(returnedMessages(), 1);
    });
  });
});
