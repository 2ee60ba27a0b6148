import assert from 'node:assert/strict';
import { claimCard, taskDoneCard } from '../../cards/claim-card';
import { claimViewOf } from '../../src/app/claim-view';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf } from '../support/cards';
import {
  buttons,
  claimFor,
  feeWorld,
  type Chain,
  cardWith,
  EXPERT,
  myFees,
  press,
  takenTask,
  toHelsinki,
} from '../support/fees';
import { UNIT, type Cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const fi = translator('fi');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A task of the expert that ended at 10:00 on 30.11.2026, with the expert's claim sent: it waits for the orderer. */
const claimAtOrderer = (world: World, people: Cast) =>
  claimFor(world, people, { date: '2026-11-30', start: '09:00', end: '10:00' });

/** SPEC §3 and §5: a task that did not take place, and a claim that should not be paid. */
describe('did not take place, and cancelling a claim', () => {
  describe('the orderer says that the task did not take place', () => {
    let world: World;
    let people: Cast;
    let stranger: TestUser;
    let orderId: string;
    let claimId: string;
    const doneCard = () => fi('task_done_title', { orderId });
    before(async () => {
      ({ world, people } = await feeWorld(false));
      stranger = world.person({ email: 'stranger@example.fi' });
      await stranger.install();
      ({ orderId, claimId } = await claimAtOrderer(world, people));
    });
    after(() => world.stop());

    it('when the task has ended, then the Task done card and the claim card both offer Did not take place with a reason box', () => {
      const done = cardWith(people.orderer, doneCard(), 'task_not_done').card;
      assertValidCard(done);
      assert.deepEqual(buttons(done), ['Tehtävä tehty', 'Ei toteutunut']);
      assert.ok(
        done.body.some((e: Record<string, any>) => e.type === 'Input.Text' && e.id === 'reason'),
      );
      assert.match(textOf(done), /Jos tehtävä ei toteutunut, kerro syy/);
      const claim = cardWith(people.orderer, claimId, 'approve_claim').card;
      assertValidCard(claim);
      assert.deepEqual(buttons(claim), ['Tehtävä tehty', 'Palauta korjattavaksi', 'Ei toteutunut']);
    });

    it('when the orderer gives no reason, then they are asked for one and nothing changes', async () => {
      const answer = await press(people.orderer, doneCard(), 'task_not_done', { reason: '   ' });
      assert.ok(answer.shown.includes(fi('not_done_reason_required')), answer.shown);
      assert.deepEqual(buttons(answer.card!), ['Tehtävä tehty', 'Ei toteutunut']);
      assert.equal((await world.bot.services.orders.get(orderId))!.value.taskNotDoneAt, undefined);
    });

    it('when someone else forges Did not take place, then the order is not found for them and nothing changes', async () => {
      const before = people.experts.get(EXPERT)!.messages().length;
      const forged = await stranger.execute('task_not_done', { orderId, reason: 'Ei pidetty' });
      assert.match(JSON.stringify(forged.body), new RegExp(escape(fi('order_not_found_plain'))));
      await world.settle();
      assert.equal((await world.bot.services.orders.get(orderId))!.value.taskNotDoneAt, undefined);
      assert.equal(
        people.experts.get(EXPERT)!.messages().length,
        before,
        'the expert is told nothing',
      );
      assert.match(await myFees(people.experts.get(EXPERT)!), /Odottaa tilaajan vahvistusta/);
    });

    it('when the orderer presses Did not take place with a reason, then the card says so, the expert is told kindly and the coordinators hear with the claim number', async () => {
      const reason = 'Ryhmän tapaaminen peruttiin <b>sairastumisen</b> vuoksi';
      const answer = await press(people.orderer, doneCard(), 'task_not_done', { reason });
      assertValidCard(answer.card!);
      assert.deepEqual(buttons(answer.card!), []);
      assert.match(answer.shown, /Kirjattu .* että tehtävä ei toteutunut/);
      await world.settle();
      const told = people.experts
        .get(EXPERT)!
        .messages()
        .map((m) => m.text ?? '')
        .find((t) => t.includes(`Tilaaja kertoi, että tehtävä ${orderId}`));
      assert.ok(told, 'the expert is told');
      assert.ok(
        told.includes('Ryhmän tapaaminen peruttiin \\<b\\>sairastumisen\\</b\\> vuoksi'),
        told,
      );
      assert.match(told, /Ei haittaa/);
      const coordinator = people.coordinator
        .messages()
        .map((m) => m.text ?? '')
        .find((t) => t.includes(`Tehtävä ${orderId}`) && t.includes('ei toteutunut'));
      assert.ok(coordinator, 'the coordinators are told');
      assert.ok(
        coordinator.includes(claimId) &&
          coordinator.includes('orderer@example.fi') &&
          coordinator.includes('\\<b\\>'),
        coordinator,
      );
    });

    it("when the claim waits for a coordinator, then the orderer's claim card has no buttons left and /fees shows it waiting for a coordinator", async () => {
      const card = people.orderer.cardsAbout(claimId).at(-1)!;
      assert.deepEqual(buttons(card), []);
      assert.match(textOf(card), /Tehtävä ei toteutunut, kertoi Olli Orderer/);
      assert.match(
        (await people.coordinator.say('/fees')).join('\n'),
        new RegExp(`${claimId}.*${escape(fi('claim_waits_for_coordinator'))}`),
      );
      assert.match(
        (await people.orderer.say('hyväksyttävät')).join('\n'),
        /Sinulla ei ole käsiteltäviä/,
      );
    });

    it('when the orderer presses Did not take place again, or Task done after it, then the answer says it is recorded already and nothing changes', async () => {
      const again = await people.orderer.execute('task_not_done', {
        orderId,
        reason: 'Toinen syy',
      });
      assert.match(JSON.stringify(again.body), new RegExp(escape(fi('task_already_not_done'))));
      const done = await people.orderer.execute('task_done', { orderId });
      assert.match(JSON.stringify(done.body), new RegExp(escape(fi('task_already_not_done'))));
      const forged = await people.orderer.execute('approve_claim', {
        claimId,
        step: 'orderer',
        version: 1,
      });
      assert.match(JSON.stringify(forged.body), new RegExp(escape(fi('task_reported_not_done'))));
      await world.settle();
      const order = (await world.bot.services.orders.get(orderId))!.value;
      assert.equal(order.taskDoneAt, undefined);
      assert.match(order.taskNotDoneReason!, /^Ryhmän tapaaminen/);
      assert.equal(
        (await world.bot.services.claims.load(claimId))!.claim.value.status,
        'awaiting_orderer',
      );
    });

    it('when a coordinator asks for the audit log, then the order and the claim both show who said it did not take place, when and why', async () => {
      const order = (await people.coordinator.say(`/audit ${orderId}`)).join('\n');
      assert.match(
        order,
        /30\.11\. klo 10\.00 Tehtävä ei toteutunut: orderer@example.fi: Ryhmän tapaaminen/,
      );
      const claim = (await people.coordinator.say(`/audit ${claimId}`)).join('\n');
      assert.match(claim, /Ei toteutunut.*orderer@example\.fi.*Ryhmän tapaaminen/);
    });

    it('when the coordinator then cancels the claim, then the expert is told kindly with the reason and my fees shows it cancelled', async () => {
      const said = (
        await people.coordinator.say(
          `/fees peru ${claimId} Tehtävää ei pidetty, joten palkkiota ei makseta.`,
        )
      ).join('\n');
      assert.equal(said, fi('fees_cancelled', { claimId }));
      await world.settle();
      const expert = people.experts.get(EXPERT)!;
      assert.equal(
        expert.lastText(),
        fi('claim_step_cancelled', {
          claimId,
          reason: 'Tehtävää ei pidetty, joten palkkiota ei makseta.',
        }),
      );
      assert.match(await myFees(expert), new RegExp(`${claimId}.*: Peruttu`));
      assert.equal((await people.coordinator.say('/fees')).join('\n'), fi('fees_pending_empty'));
    });
  });

  describe('the orderer says so before the expert sends the claim', () => {
    let world: World;
    let people: Cast;
    before(async () => {
      ({ world, people } = await feeWorld(false));
    });
    after(() => world.stop());

    it('when the claim comes after Did not take place, then it too waits for a coordinator and the orderer has nothing to press', async () => {
      const orderId = await takenTask(world, people, {
        date: '2026-11-30',
        start: '09:00',
        end: '10:00',
      });
      await toHelsinki(world, '2026-11-30T10:00');
      await press(people.orderer, fi('task_done_title', { orderId }), 'task_not_done', {
        reason: 'Tila oli varattu muuhun',
      });
      await world.settle();
      const submitted = await press(people.experts.get(EXPERT)!, orderId, 'submit_claim');
      const claimId = /P-\d{4}-\d{4}/.exec(submitted.shown)![0];
      await world.settle();
      const claim = (await world.bot.services.claims.load(claimId))!.claim.value;
      assert.equal(claim.history.at(-1)?.action, 'not_done');
      assert.deepEqual(buttons(people.orderer.cardsAbout(claimId).at(-1)!), []);
      const forged = await people.orderer.execute('approve_claim', {
        claimId,
        step: 'orderer',
        version: 1,
      });
      assert.match(JSON.stringify(forged.body), new RegExp(escape(fi('task_reported_not_done'))));
      assert.ok(
        people.coordinator.messages().some((m) => (m.text ?? '').includes(claimId)),
        'the coordinators hear of the claim',
      );
    });
  });

  describe("a coordinator cancels a claim at the director's stage", () => {
    let world: World;
    let people: Cast;
    let chain: Chain;
    let claimId: string;
    before(async () => {
      ({ world, people, chain } = await feeWorld(true));
      const task = { date: '2026-11-30', start: '09:00', end: '10:00' };
      ({ claimId } = await claimFor(world, people, task, { confirmed: true }));
      await press(chain.supervisor, claimId, 'approve_claim');
      await world.settle();
    });
    after(() => world.stop());

    it("when the claim waits for the director, then the director's card has Approve", () => {
      assert.deepEqual(buttons(cardWith(chain.director, claimId, 'approve_claim').card), [
        'Hyväksy',
        'Palauta korjattavaksi',
      ]);
    });

    it('when the coordinator writes /fees cancel without a reason, then they are shown how and nothing changes', async () => {
      assert.equal(
        (await people.coordinator.say(`/fees cancel ${claimId}`)).join('\n'),
        fi('fees_cancel_usage'),
      );
      assert.equal(
        (await people.coordinator.say('/fees cancel')).join('\n'),
        fi('fees_cancel_usage'),
      );
      assert.equal(
        (await world.bot.services.claims.load(claimId))!.claim.value.status,
        'awaiting_director',
      );
    });

    it('when someone who is not a coordinator writes /fees cancel, then it is refused and nothing changes', async () => {
      assert.equal(
        (await chain.director.say(`/fees cancel ${claimId} ei makseta`)).join('\n'),
        fi('command_not_allowed'),
      );
      assert.equal(
        (await world.bot.services.claims.load(claimId))!.claim.value.status,
        'awaiting_director',
      );
    });

    it("when the coordinator cancels it with a reason, then the expert is told kindly, the director's card loses its buttons in place, and /fees no longer lists it", async () => {
      const before = chain.director.cardMessagesAbout(claimId).length;
      const said = (
        await people.coordinator.say(
          `/fees cancel ${claimId} Sama tehtävä laskutettiin jo hakemuksella P-2026-0999.`,
        )
      ).join('\n');
      assert.equal(said, fi('fees_cancelled', { claimId }));
      await world.settle();
      const expert = people.experts.get(EXPERT)!;
      assert.match(
        expert.lastText(),
        new RegExp(`Palkkiohakemuksesi ${claimId} on peruttu.*Sama tehtävä laskutettiin jo`, 's'),
      );
      assert.match(expert.lastText(), /Kiitos työstäsi/);
      const cards = chain.director.cardMessagesAbout(claimId);
      assert.equal(cards.length, before, 'updated in place, not sent again');
      assert.deepEqual(buttons(cards.at(-1)!.card), []);
      assert.match(textOf(cards.at(-1)!.card), /Peruttu/);
      assert.match(
        textOf(cards.at(-1)!.card),
        /Koordinaattori perui hakemuksen: Kaisa Coordinator/,
      );
      assert.equal((await people.coordinator.say('/fees')).join('\n'), fi('fees_pending_empty'));
      assert.match(await myFees(expert), new RegExp(`${claimId}.*: Peruttu`));
      assert.match(
        (await chain.director.say('hyväksyttävät')).join('\n'),
        /Sinulla ei ole käsiteltäviä/,
      );
    });

    it('when the director replays Approve, or the coordinator cancels again, then it is refused and nothing changes', async () => {
      const replay = await chain.director.execute('approve_claim', {
        claimId,
        step: 'director',
        version: 1,
      });
      assert.match(JSON.stringify(replay.body), new RegExp(escape(fi('claim_already_cancelled'))));
      assert.equal(
        (await people.coordinator.say(`/fees cancel ${claimId} taas`)).join('\n'),
        fi('claim_already_cancelled'),
      );
      const claim = (await world.bot.services.claims.load(claimId))!.claim.value;
      assert.equal(claim.status, 'cancelled');
      assert.equal(claim.history.filter((h) => h.action === 'cancelled').length, 1);
    });

    it('when a coordinator asks for the audit log, then it shows who cancelled, when and why', async () => {
      const audit = (await people.coordinator.say(`/audit ${claimId}`)).join('\n');
      assert.match(
        audit,
        /30\.11\. klo 10\.00 Peruttu.*coord@example\.fi.*Sama tehtävä laskutettiin jo/,
      );
    });
  });

  describe('an expert who is also a coordinator', () => {
    let world: World;
    let people: Cast;
    let claimId: string;
    before(async () => {
      ({ world, people } = await feeWorld(false));
      await world.bot.services.registers.putStaff({
        email: EXPERT,
        name: 'Eeva Expert',
        role: 'coordinator',
      });
      ({ claimId } = await claimAtOrderer(world, people));
    });
    after(() => world.stop());

    it('when they cancel their own claim, then they are told they cannot and nothing changes', async () => {
      const expert = people.experts.get(EXPERT)!;
      const said = (await expert.say(`/fees cancel ${claimId} en tarvitse palkkiota`)).join('\n');
      assert.equal(said, fi('own_claim'));
      await world.settle();
      const claim = (await world.bot.services.claims.load(claimId))!.claim.value;
      assert.equal(claim.status, 'awaiting_orderer');
      assert.equal(claim.history.length, 0);
    });
  });

  describe('in Swedish and English', () => {
    let world: World;
    let people: Cast;
    let orderId: string;
    let claimId: string;
    before(async () => {
      ({ world, people } = await feeWorld(false));
      ({ orderId, claimId } = await claimAtOrderer(world, people));
    });
    after(() => world.stop());

    it('when the cards are drawn in Swedish and English, then the buttons say Genomfördes inte and Did not take place', async () => {
      const order = (await world.bot.services.orders.get(orderId))!.value;
      const view = await claimViewOf(
        world.bot.services,
        (await world.bot.services.claims.load(claimId))!.claim.value,
      );
      for (const [lang, done, notDone, back] of [
        ['sv', 'Uppdraget utfört', 'Genomfördes inte', 'Returnera för korrigering'],
        ['en', 'Task done', 'Did not take place', 'Return for correction'],
      ] as const) {
        const t = translator(lang);
        assert.deepEqual(buttons(taskDoneCard(order, UNIT.name, lang, t)), [done, notDone]);
        assert.deepEqual(buttons(claimCard(view, 'orderer@example.fi', lang, t)), [
          done,
          back,
          notDone,
        ]);
      }
    });

    it('when a Swedish coordinator writes /fees annullera, then the claim is cancelled and the answer is in Swedish', async () => {
      const sv = world.person({ email: 'koord@example.fi', locale: 'sv-SE' });
      await world.bot.services.registers.putStaff({
        email: 'koord@example.fi',
        name: 'Kim Koordinator',
        role: 'coordinator',
      });
      await sv.install();
      const said = (await sv.say(`/fees annullera ${claimId} Uppdraget genomfördes inte.`)).join(
        '\n',
      );
      assert.equal(said, translator('sv')('fees_cancelled', { claimId }));
      assert.equal(
        (await world.bot.services.claims.load(claimId))!.claim.value.status,
        'cancelled',
      );
    });
  });
});
