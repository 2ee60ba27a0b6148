import assert from 'node:assert/strict';
import { join } from 'node:path';
import { textOf } from '../support/cards';
import {
  buttons,
  claimFor,
  feeWorld,
  cardWith,
  type Chain,
  EXPERT,
  myFees,
  press,
  toHelsinki,
} from '../support/fees';
import { offerCardsFor, placeOrder, UNIT, type Cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const own = /Tämä on oma palkkiohakemuksesi, joten et voi käsitellä sitä itse/;

/** SPEC §2: nobody decides on their own claim or their own assignment. */
describe('segregation of duties', () => {
  describe('an expert who is also a coordinator and the supervisor of the ordering unit', () => {
    let world: World;
    let people: Cast;
    let expert: TestUser;
    let deputy: TestUser;
    let chain: Chain;
    let claimId: string;
    let submitted: Awaited<ReturnType<typeof press>>;
    before(async () => {
      ({ world, people, chain } = await feeWorld(true));
      const r = world.bot.services.registers;
      await r.putUnit({ ...UNIT, supervisorEmail: EXPERT, directorEmail: 'dir@example.fi' });
      await r.putStaff({ email: EXPERT, name: 'Eeva Expert', role: 'coordinator' });
      await r.putStaff({
        email: 'deputy@example.fi',
        name: 'Veera Deputy',
        role: 'orderer',
        unitId: UNIT.unitId,
      });
      deputy = world.person({ email: 'deputy@example.fi' });
      await deputy.install();
      expert = people.experts.get(EXPERT)!;
      const task = { date: '2026-11-30', start: '09:00', end: '10:00', remote: true };
      ({ claimId, submitted } = await claimFor(
        world,
        people,
        { ...task, municipality: '' },
        {
          confirmed: true,
          edits: { km: '500' },
        },
      ));
    });
    after(() => world.stop());

    it('when the claim reaches the stage its expert holds, then the expert gets no buttons and the coordinators are asked for a stand-in with /reassign', async () => {
      assert.match(submitted.shown, /Lähiesihenkilön hyväksyttävänä/);
      assert.deepEqual(buttons(submitted.card!), [], "no Approve on the expert's own claim card");
      assert.equal(
        expert
          .cardMessagesAbout(claimId)
          .filter((m) => JSON.stringify(m.card).includes('"verb":"approve_claim"')).length,
        0,
      );
      assert.match((await expert.say('hyväksyttävät')).join('\n'), /Sinulla ei ole käsiteltäviä/);
      const asked = (m: Record<string, any>) =>
        (m.text ?? '').includes(`/reassign ${claimId}`) && (m.text ?? '').includes('Eeva Expert');
      assert.equal(people.coordinator.messages().filter(asked).length, 1);
      assert.match(
        people.coordinator.messages().filter(asked)[0]!.text,
        /kokemusasiantuntija Eeva Expert itse/,
      );
    });

    it('when the expert sends a forged Approve, Reject or Mark paid for their own claim, then they are told they cannot, and nothing changes', async () => {
      for (const [verb, data] of [
        ['approve_claim', { claimId, step: 'supervisor' }],
        ['approve_claim', { claimId }],
        ['reject_claim', { claimId, step: 'supervisor', reason: 'itse' }],
        ['mark_claim_paid', { claimId, step: 'payroll' }],
      ] as const) {
        const answer = await expert.execute(verb, data);
        assert.match(textOf(answer.body.value), own, verb);
      }
      await world.settle();
      assert.match(
        await myFees(expert),
        new RegExp(`${claimId}[^\n]*Lähiesihenkilön hyväksyttävänä`),
      );
      const audit = (await people.coordinator.say(`/audit ${claimId}`)).join('\n');
      assert.doesNotMatch(
        audit,
        /Expert \(expert@example\.fi\), vaihe|vaihe lähiesihenkilö|Palautettu|Maksettu/,
      );
      assert.equal(chain.director.cardsAbout(claimId).length, 0, 'nothing reached the director');
    });

    it('when another coordinator gives the stage to a deputy, then the deputy approves and the claim goes on to the director', async () => {
      assert.match(
        (await people.coordinator.say(`/reassign ${claimId} deputy@example.fi`)).join('\n'),
        /Veera Deputy/,
      );
      await world.settle();
      await press(deputy, claimId, 'approve_claim');
      await world.settle();
      assert.deepEqual(buttons(cardWith(chain.director, claimId, 'approve_claim').card), [
        'Hyväksy',
        'Palauta korjattavaksi',
      ]);
      assert.match(await myFees(expert), /Yksikönjohtajan hyväksyttävänä: Dora Director/);
    });

    it('when the expert, a coordinator, reassigns a stage of their own claim to themselves, then it is refused and nothing changes', async () => {
      const reply = (await expert.say(`/reassign ${claimId} ${EXPERT.toUpperCase()}`)).join('\n');
      assert.match(reply, /ei voi antaa hakemuksen tehneelle kokemusasiantuntijalle/);
      await world.settle();
      assert.match(await myFees(expert), /Yksikönjohtajan hyväksyttävänä: Dora Director/);
      assert.equal(
        expert
          .cardMessagesAbout(claimId)
          .filter((m) => JSON.stringify(m.card).includes('"verb":"approve_claim"')).length,
        0,
      );
      assert.doesNotMatch(
        (await people.coordinator.say(`/audit ${claimId}`)).join('\n'),
        /→ Eeva Expert/,
      );
      const forged = await expert.execute('approve_claim', { claimId, step: 'director' });
      assert.match(textOf(forged.body.value), own);
    });

    it('when the expert, a coordinator, assigns themselves to an order by command or by the Assign button, then it is refused and the order stays unassigned', async () => {
      const orderId = await placeOrder(people.orderer, {
        date: '2026-12-15',
        remote: true,
        municipality: '',
      });
      await world.settle();
      await expert.say(`/assign ${orderId} ${EXPERT}`);
      assert.match(textOf(expert.lastCard()!), /Et voi nimetä itseäsi tehtävään/);
      const button = await expert.execute('assign_expert', { orderId, email: 'Expert@Example.fi' });
      assert.match(JSON.stringify(button.body), /Et voi nimetä itseäsi tehtävään/);
      await world.settle();
      assert.deepEqual((await world.bot.services.orders.get(orderId))!.value.assigned, []);
      // Another coordinator may assign them.
      await people.coordinator.say(`/assign ${orderId} ${EXPERT}`);
      assert.match(textOf(people.coordinator.lastCard()!), /Eeva Expert/);
      assert.deepEqual(
        (await world.bot.services.orders.get(orderId))!.value.assigned.map((a) => a.email),
        [EXPERT],
      );
    });
  });

  describe('one person as the supervisor and the director of the unit', () => {
    let world: World;
    let people: Cast;
    let chain: Chain;
    before(async () => {
      ({ world, people, chain } = await feeWorld(true));
      await world.bot.services.registers.putUnit({ ...UNIT, directorEmail: 'sup@example.fi' });
    });
    after(() => world.stop());

    it('when the supervisor approves once, then both stages are approved, payroll gets the card, the expert is told once and /audit shows both stages', async () => {
      const expert = people.experts.get(EXPERT)!;
      const task = { date: '2026-11-30', start: '09:00', end: '10:00' };
      const { claimId } = await claimFor(world, people, task, { confirmed: true });
      const told = () =>
        expert.messages().filter((m) => (m.text ?? '').includes(`${claimId} eteni`));
      const before = told().length;
      const answer = await press(chain.supervisor, claimId, 'approve_claim');
      assert.deepEqual(buttons(answer.card!), []);
      assert.match(answer.shown, /palkanlaskennassa maksettavana: Paavo Payroll/);
      await world.settle();
      assert.deepEqual(buttons(cardWith(chain.payroll, claimId, 'mark_claim_paid').card), [
        'Maksettu',
        'Palauta korjattavaksi',
        'Lataa maksettavat (CSV)',
      ]);
      assert.equal(
        chain.supervisor.cardMessagesAbout(claimId).length,
        1,
        'no second card for the director stage',
      );
      assert.deepEqual(
        told()
          .slice(before)
          .map((m) => /palkanlaskennassa/.test(m.text)),
        [true],
        'one message, naming the stage the claim is at now',
      );
      const audit = (await people.coordinator.say(`/audit ${claimId}`)).join('\n');
      assert.match(
        audit,
        /Hyväksytty: Sanna Supervisor \(sup@example\.fi\), vaihe lähiesihenkilö, versio 1/,
      );
      assert.match(
        audit,
        /Hyväksytty: Sanna Supervisor \(sup@example\.fi\), vaihe yksikönjohtaja, versio 1/,
      );
      const again = await chain.supervisor.execute('approve_claim', { claimId, step: 'director' });
      assert.match(JSON.stringify(again.body), /Tämä vaihe on jo käsitelty: Sanna Supervisor/);
      await press(chain.payroll, claimId, 'mark_claim_paid');
      await world.settle();
      assert.match(await myFees(expert), new RegExp(`${claimId}.*Maksettu`));
    });
  });

  describe('the demo register walked as in the README', () => {
    let world: World;
    before(async () => {
      world = await World.start({}, { demoDir: join(__dirname, '..', '..', 'demo') });
    });
    after(() => world.stop());

    it('when Aino orders and takes a task and claims for it, then she gets no stage of it, and Tiina as the stand-in takes the claim to paid, supervisor and director in one click', async () => {
      // The Playground reports en-US.
      const aino = world.person({
        email: 'aino.virtanen@example.fi',
        name: 'Aino Virtanen',
        locale: 'en-US',
      });
      const tiina = world.person({
        email: 'tiina.laaksonen@example.fi',
        name: 'Tiina Laaksonen',
        locale: 'en-US',
      });
      await aino.install();
      const orderId = await placeOrder(aino, {
        date: '2026-11-30',
        start: '09:00',
        end: '10:00',
        municipality: 'Jyväskylä',
      });
      await world.settle();
      await aino.submitCard(offerCardsFor(aino, orderId)[0]!, 'accept_offer');
      await toHelsinki(world, '2026-11-30T10:00');
      const claimId = /P-2026-\d{4}/.exec((await press(aino, orderId, 'submit_claim')).shown)![0];
      await world.settle();
      assert.match(
        aino.lastText(),
        new RegExp(`/reassign ${claimId}`),
        'Aino, a coordinator, is asked for a stand-in',
      );
      assert.match(
        textOf((await aino.execute('approve_claim', { claimId, step: 'orderer' })).body.value),
        /This is your own fee claim, so you cannot handle it yourself/,
      );
      assert.match(
        (await aino.say(`/reassign ${claimId} tiina.laaksonen@example.fi`)).join('\n'),
        /is now with Tiina Laaksonen/,
      );
      await world.settle();
      await tiina.say('approvals');
      await press(tiina, claimId, 'approve_claim'); // Task done, as the orderer's stand-in
      await world.settle();
      assert.match(
        (await press(tiina, claimId, 'approve_claim')).shown,
        /with payroll for payment: Tiina Laaksonen/,
      );
      await world.settle();
      await press(tiina, claimId, 'mark_claim_paid');
      await world.settle();
      assert.match(await myFees(aino, 'my fees'), new RegExp(`${claimId}.*Paid`));
      const audit = (await aino.say(`/audit ${claimId}`)).join('\n');
      for (const stage of ['requester', 'supervisor', 'unit director', 'payroll'])
        assert.match(
          audit,
          new RegExp(`Tiina Laaksonen \\(tiina\\.laaksonen@example\\.fi\\), stage ${stage}`),
          stage,
        );
    });
  });
});
