import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Order } from '../../src/domain/orders/order';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf, walk } from '../support/cards';
import { approvers, buttons, EXPERT, myFees, press, toHelsinki } from '../support/fees';
import {
  anExpert,
  cast,
  offerCardsFor,
  placeOrder,
  storedOrder,
  UNIT,
  type Cast,
} from '../support/scenario';
import { TestUser, World } from '../support/world';

const fi = translator('fi');
const sv = translator('sv');
const en = translator('en');

type Card = Record<string, any>;

/** The order numbers listed on an /orders card, top to bottom. */
function listed(card: Card): string[] {
  const ids: string[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === 'open_order') ids.push(n.data.orderId);
  });
  return ids;
}

async function seed(
  world: World,
  count: number,
  shape: (n: number) => Partial<Order> = () => ({}),
): Promise<void> {
  for (let from = 1; from <= count; from += 25) {
    const batch = Array.from({ length: Math.min(25, count - from + 1) }, (_, i) => from + i);
    await Promise.all(
      batch.map((n) => world.bot.services.orders.create(storedOrder(n, shape(n)), [])),
    );
  }
}

/** Presses a button of a card shown in an invoke answer; returns the card (or text) it answered with. */
async function pressOn(
  user: TestUser,
  card: Card,
  verb: string,
  edits: Record<string, unknown> = {},
) {
  const answer = await user.submitCard(card, verb, edits);
  return { ...answer, shown: answer.card ? textOf(answer.card) : (answer.text ?? '') };
}

const range = (from: number, to: number) =>
  Array.from(
    { length: Math.abs(to - from) + 1 },
    (_, i) => `T-2026-${String(from > to ? from - i : from + i).padStart(4, '0')}`,
  );

describe("the coordinator's orders console", () => {
  describe('/orders: paging and filters', () => {
    let world: World;
    let people: Cast;
    before(async () => {
      world = await World.start();
      people = await cast(world, []);
      // Every fifth order waits for a coordinator; orders 1-3 are peer groups in Kuopio.
      await seed(world, 25, (n) => ({
        ...(n % 5 === 0 ? { status: 'unfilled' as const } : {}),
        ...(n <= 3 ? { municipality: 'Kuopio', taskType: 'peer_group' as const } : {}),
        ...(n === 4 ? { date: '2026-11-27' } : {}),
      }));
    });
    after(() => world.stop());

    it('when a coordinator pages through 25 orders, then they come newest first, 10 a page, with Next and Previous', async () => {
      await people.coordinator.say('/orders');
      const first = people.coordinator.lastCard()!;
      assertValidCard(first);
      assert.deepEqual(listed(first), range(25, 16));
      assert.deepEqual(buttons(first), ['Seuraava']);
      assert.match(
        textOf(first),
        new RegExp(
          `T-2026-0024: ${fi('task_lecture')}.*${fi('status_open')}.*${fi('orders_nobody')}`,
        ),
      );

      const second = await pressOn(people.coordinator, first, 'orders_page');
      assertValidCard(second.card!);
      assert.deepEqual(listed(second.card!), range(15, 6));
      assert.deepEqual(buttons(second.card!), ['Edellinen', 'Seuraava']);
      const third = await pressOn(people.coordinator, second.card!, 'orders_page', {});
      assert.deepEqual(listed(third.card!), range(5, 1));
      assert.deepEqual(buttons(third.card!), ['Edellinen'], 'no Next after the last page');
      const back = await people.coordinator.execute('orders_page', third.card!.actions[0].data);
      assert.deepEqual(listed(back.body.value), range(15, 6));
    });

    it('when a coordinator asks for open orders in Finnish and English, then only open ones are listed', async () => {
      for (const command of ['/tilaukset avoimet', '/orders open']) {
        await people.coordinator.say(command);
        const ids = listed(people.coordinator.lastCard()!);
        assert.deepEqual(ids, range(24, 21).concat(range(19, 16).concat(range(14, 13))), command);
      }
      await people.coordinator.say('/orders unfilled');
      assert.deepEqual(listed(people.coordinator.lastCard()!), [
        'T-2026-0025',
        'T-2026-0020',
        'T-2026-0015',
        'T-2026-0010',
        'T-2026-0005',
      ]);
    });

    it('when a coordinator asks for this week, then only the task in this week (Mon 23.11.–Sun 29.11.) is listed', async () => {
      await people.coordinator.say('/orders viikko');
      assert.deepEqual(listed(people.coordinator.lastCard()!), ['T-2026-0004']);
    });

    it('when a Swedish coordinator lists the orders, then the buttons are in Swedish', async () => {
      await world.bot.services.registers.putStaff({
        email: 'samordnare@example.fi',
        name: 'Sara Samordnare',
        role: 'coordinator',
      });
      const swede = world.person({ email: 'samordnare@example.fi', locale: 'sv-FI' });
      await swede.install();
      await swede.say('/beställningar');
      const first = swede.lastCard()!;
      assert.deepEqual(buttons(first), ['Nästa']);
      const second = await pressOn(swede, first, 'orders_page');
      assert.deepEqual(buttons(second.card!), ['Föregående', 'Nästa']);
      const opened = await swede.execute('open_order', { orderId: 'T-2026-0024' });
      assert.match(textOf(opened.body.value), /\[Tilldela\]/);
    });

    it('when a coordinator filters by words in Swedish, then the peer groups in Kuopio are found in any case and language', async () => {
      await people.coordinator.say(`/beställningar kuopio ${sv('task_peer_group').toLowerCase()}`);
      assert.deepEqual(listed(people.coordinator.lastCard()!), range(3, 1));
      await people.coordinator.say(`/orders KUOPIO ${en('task_peer_group')}`);
      assert.deepEqual(listed(people.coordinator.lastCard()!), range(3, 1));
      await people.coordinator.say('/orders Rovaniemi');
      assert.match(textOf(people.coordinator.lastCard()!), new RegExp(fi('orders_empty')));
    });

    it('when a coordinator presses a row, then that order opens on its card', async () => {
      await people.coordinator.say('/orders');
      const top = listed(people.coordinator.lastCard()!)[0];
      const opened = await people.coordinator.execute('open_order', { orderId: top });
      assertValidCard(opened.body.value);
      assert.match(
        textOf(opened.body.value),
        new RegExp(
          fi('console_order_title', { orderId: 'T-2026-0025', status: fi('status_unfilled') }),
        ),
      );
    });

    it('when an orderer types /orders or forges a page turn, then they are refused and see no order', async () => {
      assert.deepEqual(await people.orderer.say('/orders'), [fi('command_not_allowed')]);
      const forged = await people.orderer.execute('orders_page', {
        paging: { filter: 'all', starts: [''] },
      });
      assert.equal(forged.body.value, fi('command_not_allowed'));
      const opened = await people.orderer.execute('open_order', { orderId: 'T-2026-0001' });
      assert.equal(opened.body.value, fi('command_not_allowed'));
    });
  });

  describe('/orders with 300 orders in the store', () => {
    let world: World;
    let people: Cast;
    before(async function () {
      this.timeout(120_000);
      world = await World.start();
      people = await cast(world, []);
      await seed(world, 300, (n) => (n === 7 ? { municipality: 'Kuopio' } : {}));
    });
    after(() => world.stop());

    it('when a coordinator lists and turns a page, then each reads a bounded number of order rows', async () => {
      world.bot.reads.counting = true;
      world.bot.reads.rows.clear();
      await people.coordinator.say('/orders');
      const first = people.coordinator.lastCard()!;
      assert.deepEqual(listed(first), range(300, 291));
      const listRead = world.bot.reads.rows.get('Orders') ?? 0;
      // 11 index rows and the 10 orders shown; never the 300 orders (nor their 600 index rows).
      assert.ok(listRead > 0 && listRead <= 25, `${listRead} order rows read`);
      world.bot.reads.rows.clear();
      const next = await pressOn(people.coordinator, first, 'orders_page');
      assert.deepEqual(listed(next.card!), range(290, 281));
      const pageRead = world.bot.reads.rows.get('Orders') ?? 0;
      assert.ok(pageRead > 0 && pageRead <= 25, `${pageRead} order rows read`);
      world.bot.reads.counting = false;
    });

    it('when a coordinator filters by words, then only the index partition is read and the one order is found', async () => {
      world.bot.reads.counting = true;
      world.bot.reads.rows.clear();
      await people.coordinator.say('/orders kuopio');
      assert.deepEqual(listed(people.coordinator.lastCard()!), ['T-2026-0007']);
      const read = world.bot.reads.rows.get('Orders') ?? 0;
      assert.ok(read <= 301 + 1, `${read} order rows read`);
      world.bot.reads.counting = false;
    });
  });

  describe('/order, /assign and /unassign', () => {
    let world: World;
    let people: Cast;
    let orderId: string;
    const orderOf = async (id: string) => (await world.bot.services.orders.get(id))!.value;
    before(async () => {
      world = await World.start({}, { offerSettings: { waveSize: 1 } });
      people = await cast(world, [
        anExpert({ email: 'anna@example.fi', name: 'Anna Aalto' }),
        anExpert({ email: 'ben@example.fi', name: 'Ben Berg' }),
        anExpert({ email: 'full@example.fi', name: 'Fanny Full', maxPerMonth: 1 }),
        anExpert({ email: 'paused@example.fi', name: 'Paula Paused', pausedUntil: '2026-12-31' }),
      ]);
      await world.bot.services.loads.add('full@example.fi', {
        orderId: 'T-2026-9998',
        date: '2026-12-02',
        start: '09:00',
        end: '10:00',
        remote: true,
      });
      orderId = await placeOrder(people.orderer);
      await world.settle();
      const anna = people.experts.get('anna@example.fi')!;
      await anna.submitCard(offerCardsFor(anna, orderId)[0]!, 'accept_offer');
      await world.settle();
    });
    after(() => world.stop());

    it('when a coordinator opens the order, then the card shows who was offered, who answered and when, with Unassign and Cancel', async () => {
      await people.coordinator.say(`/order ${orderId}`);
      const card = people.coordinator.lastCard()!;
      assertValidCard(card);
      const shown = textOf(card);
      assert.match(
        shown,
        new RegExp(fi('console_order_title', { orderId, status: fi('status_filled') })),
      );
      assert.match(
        shown,
        /Anna Aalto \(anna@example\.fi\): tarjottu 25\.11\. klo 12\.00, otti tehtävän 25\.11\. klo 12\.00/,
      );
      assert.doesNotMatch(shown, /Ben Berg/, 'with waves of one, only Anna was offered');
      assert.match(shown, new RegExp(`\\[${fi('console_unassign')}\\]`));
      assert.match(shown, new RegExp(`\\[${fi('console_cancel')}\\]`));
      assert.doesNotMatch(shown, /\[Nimeä\]/, 'a filled order has no place to assign');
    });

    it('when an orderer forges Unassign, Assign and Confirm, then nothing changes', async () => {
      const unassign = await people.orderer.execute('console_unassign', {
        orderId,
        email: 'anna@example.fi',
      });
      assert.equal(unassign.body.value, fi('command_not_allowed'));
      const confirm = await people.orderer.execute('console_confirm_assign', {
        orderId,
        email: 'ben@example.fi',
      });
      assert.equal(confirm.body.value, fi('command_not_allowed'));
      const assign = await people.orderer.execute('console_assign', {
        orderId,
        assignEmail: 'ben@example.fi',
      });
      assert.equal(assign.body.value, fi('command_not_allowed'));
      const expert = await people.experts
        .get('ben@example.fi')!
        .execute('console_unassign', { orderId, email: 'anna@example.fi' });
      assert.equal(expert.body.value, fi('command_not_allowed'));
      assert.deepEqual(await people.orderer.say(`/unassign ${orderId} anna@example.fi`), [
        fi('command_not_allowed'),
      ]);
      await world.settle();
      const order = await orderOf(orderId);
      assert.deepEqual(
        order.assigned.map((a) => a.email),
        ['anna@example.fi'],
      );
      assert.equal(order.status, 'filled');
      assert.equal(order.audit, undefined);
    });

    it('when a coordinator presses Unassign, then the place is free, the next expert gets an offer, Anna is told kindly and the orderer is told', async () => {
      const answer = await press(people.coordinator, orderId, 'console_unassign');
      assert.ok(
        answer.shown.includes(fi('console_unassigned_done', { name: 'Anna Aalto', orderId })),
        answer.shown,
      );
      await world.settle();
      const order = await orderOf(orderId);
      assert.deepEqual(order.assigned, []);
      assert.equal(order.status, 'open');
      const anna = people.experts.get('anna@example.fi')!;
      assert.match(
        anna.lastText(),
        new RegExp(`Koordinaattori vapautti sinut tehtävästä ${orderId}.*Kiitos`),
      );
      assert.equal(
        people.orderer.lastText(),
        fi('orderer_unassigned', { orderId, name: 'Anna Aalto' }),
      );
      const ben = people.experts.get('ben@example.fi')!;
      assert.equal(offerCardsFor(ben, orderId).length, 1, 'Ben gets the next offer');
      assert.match(JSON.stringify(offerCardsFor(ben, orderId)[0]), /accept_offer/);
      assert.deepEqual((await world.bot.services.loads.get('anna@example.fi')).assignments, []);
      const log = (await people.coordinator.say(`/audit ${orderId}`)).join('\n');
      assert.ok(
        log.includes(
          fi('audit_unassigned', { who: 'Anna Aalto (anna@example.fi)', by: 'coord@example.fi' }),
        ),
        log,
      );
      const again = await people.coordinator.execute('console_unassign', {
        orderId,
        email: 'anna@example.fi',
      });
      assert.ok(
        textOf(again.body.value).includes(fi('console_not_assigned')),
        JSON.stringify(again.body),
      );
    });

    it('when a coordinator assigns past the monthly maximum, then they are told which rule and must confirm; the confirmation assigns', async () => {
      const [shown] = await people.coordinator.say(`/assign ${orderId} full@example.fi`);
      assert.equal(shown, '');
      const card = people.coordinator.lastCard()!;
      assertValidCard(card);
      assert.match(textOf(card), new RegExp(fi('console_rule_monthly_max')));
      assert.deepEqual(buttons(card), [fi('console_confirm')]);
      assert.deepEqual(
        (await orderOf(orderId)).assigned,
        [],
        'nothing is assigned before the confirmation',
      );
      const confirmed = await pressOn(people.coordinator, card, 'console_confirm_assign');
      assert.ok(
        confirmed.shown.includes(
          fi('console_assigned_forced', {
            name: 'Fanny Full',
            orderId,
            rules: fi('console_rule_monthly_max'),
          }),
        ),
        confirmed.shown,
      );
      await world.settle();
      const order = await orderOf(orderId);
      assert.deepEqual(
        order.assigned.map((a) => [a.email, a.byCoordinator]),
        [['full@example.fi', 'coord@example.fi']],
      );
      assert.equal(order.status, 'filled');
      const log = (await people.coordinator.say(`/audit ${orderId}`)).join('\n');
      assert.ok(
        log.includes(
          fi('audit_forced_assignment', {
            who: 'Fanny Full (full@example.fi)',
            by: 'coord@example.fi',
            rules: fi('console_rule_monthly_max'),
          }),
        ),
        log,
      );
    });

    it('when a coordinator assigns a paused expert or themselves, then it is refused with the reason and nothing changes', async () => {
      const second = await placeOrder(people.orderer, { date: '2026-12-16' });
      await world.settle();
      assert.deepEqual(await people.coordinator.say(`/assign ${second} coord@example.fi`), ['']);
      assert.match(textOf(people.coordinator.lastCard()!), new RegExp(fi('cannot_assign_self')));
      await people.coordinator.say(`/nimeä ${second} paused@example.fi`);
      assert.match(
        textOf(people.coordinator.lastCard()!),
        new RegExp(fi('console_refused_paused')),
      );
      assert.deepEqual((await orderOf(second)).assigned, []);
    });

    it('when a coordinator types an e-mail on the card, then Assign assigns an expert who fits without asking', async () => {
      const third = await placeOrder(people.orderer, { date: '2026-12-17' });
      await world.settle();
      await people.coordinator.say(`/order ${third}`);
      const card = people.coordinator.lastCard()!;
      assert.ok(inputsOf(card).assignEmail, 'the card has an e-mail input');
      const pending = (await world.bot.services.offers.load(third))!;
      const offered = [...pending.offers.keys()];
      const other = ['anna@example.fi', 'ben@example.fi'].find((e) => !offered.includes(e))!;
      const answer = await pressOn(people.coordinator, card, 'console_assign', {
        assignEmail: other,
      });
      assert.match(
        answer.shown,
        new RegExp(
          fi('assigned_by_coordinator', {
            name: other === 'anna@example.fi' ? 'Anna Aalto' : 'Ben Berg',
            orderId: third,
          }),
        ),
      );
      assert.deepEqual(
        (await orderOf(third)).assigned.map((a) => a.email),
        [other],
      );
    });

    it('when a coordinator presses Cancel on the order card, then the order is cancelled and the assigned expert is told', async () => {
      const fourth = await placeOrder(people.orderer, { date: '2026-12-18' });
      await world.settle();
      await people.coordinator.say(`/assign ${fourth} ben@example.fi`);
      await world.settle();
      const answer = await press(people.coordinator, fourth, 'console_cancel');
      assert.ok(
        answer.shown.includes(fi('console_order_cancelled_done', { orderId: fourth })),
        answer.shown,
      );
      assert.equal((await orderOf(fourth)).status, 'cancelled');
      await world.settle();
      assert.match(
        people.experts.get('ben@example.fi')!.lastText(),
        new RegExp(`${fourth}.*peruttu`),
      );
    });

    it('when /order gets no number or an unknown one, then the coordinator is told how to use it', async () => {
      assert.deepEqual(await people.coordinator.say('/order'), [fi('order_usage')]);
      assert.deepEqual(await people.coordinator.say('/order T-2026-9999'), [
        fi('order_not_found_plain'),
      ]);
      assert.deepEqual(await people.coordinator.say('/unassign T-2026-0001'), [
        fi('unassign_usage'),
      ]);
    });
  });

  describe('/order for <unit>: an order taken by phone', () => {
    let world: World;
    let people: Cast;
    before(async () => {
      world = await World.start();
      people = await cast(world, [anExpert({ email: EXPERT, name: 'Eeva Expert' })]);
    });
    after(() => world.stop());

    it('when a coordinator takes a phone order for a caller in Teams, then it is filled, confirmed by the caller, and paid through the chain', async () => {
      const chain = await approvers(world, false);
      await people.coordinator.say('/order for psy');
      const card = people.coordinator.lastCard()!;
      assertValidCard(card);
      const inputs = inputsOf(card);
      assert.equal(inputs.ordererName!.type, 'Input.Text');
      assert.equal(inputs.ordererEmail!.type, 'Input.Text');
      assert.match(textOf(card), new RegExp(fi('phone_order_title', { unit: UNIT.name })));

      const fields = {
        taskType: 'lecture',
        areas: 'mental_health',
        date: '2026-11-30',
        start: '13:00',
        end: '15:00',
        municipality: 'Jyväskylä',
        address: 'Keskussairaalantie 19',
      };
      const bad = await pressOn(people.coordinator, card, 'send_phone_order', {
        ...fields,
        ordererName: 'Olli Orderer',
        ordererEmail: 'not an email',
      });
      assert.ok(bad.shown.includes(fi('field_invalid')), bad.shown);
      const sent = await pressOn(people.coordinator, card, 'send_phone_order', {
        ...fields,
        ordererName: 'Olli Orderer',
        ordererEmail: 'ORDERER@example.fi',
      });
      const orderId = /T-2026-\d{4}/.exec(sent.shown)![0];
      assert.ok(sent.shown.includes(fi('phone_order_created', { orderId })), sent.shown);
      const order = (await world.bot.services.orders.get(orderId))!.value;
      assert.equal(order.unitId, 'psy');
      assert.equal(order.ordererEmail, 'orderer@example.fi');
      assert.equal(order.ordererId, people.orderer.aadObjectId);
      assert.deepEqual(order.phoneOrder, {
        name: 'Olli Orderer',
        email: 'orderer@example.fi',
        takenBy: 'coord@example.fi',
      });

      await world.settle();
      const expert = people.experts.get(EXPERT)!;
      await expert.submitCard(offerCardsFor(expert, orderId)[0]!, 'accept_offer');
      await world.settle();
      assert.match(
        people.orderer.lastText(),
        new RegExp(orderId),
        'the caller gets the order messages',
      );

      await toHelsinki(world, '2026-11-30T15:00');
      const claim = await press(expert, orderId, 'submit_claim');
      const claimId = /P-2026-\d{4}/.exec(claim.shown)![0];
      await world.settle();
      await press(people.orderer, orderId, 'task_done');
      await world.settle();
      await press(chain.supervisor, claimId, 'approve_claim');
      await world.settle();
      await press(chain.payroll, claimId, 'mark_claim_paid');
      await world.settle();
      assert.match(await myFees(expert), new RegExp(`${claimId}.*Maksettu`));
      const log = (await people.coordinator.say(`/audit ${orderId}`)).join('\n');
      assert.ok(
        log.includes(
          fi('audit_phone_order', {
            who: 'Olli Orderer (orderer@example.fi)',
            by: 'coord@example.fi',
          }),
        ),
        log,
      );
    });

    it('when the caller is not in Teams, then the coordinator gets the order and its messages', async () => {
      await people.coordinator.say('/tilaus puolesta psy');
      const card = people.coordinator.lastCard()!;
      const sent = await pressOn(people.coordinator, card, 'send_phone_order', {
        taskType: 'lecture',
        areas: 'mental_health',
        date: '2026-12-10',
        start: '09:00',
        end: '11:00',
        municipality: 'Jyväskylä',
        ordererName: 'Pirjo Puhelin',
        ordererEmail: 'pirjo@elsewhere.fi',
      });
      const orderId = /T-2026-\d{4}/.exec(sent.shown)![0];
      assert.ok(
        sent.shown.includes(fi('phone_order_created_coordinator', { orderId })),
        sent.shown,
      );
      const order = (await world.bot.services.orders.get(orderId))!.value;
      assert.equal(order.ordererEmail, 'coord@example.fi');
      assert.equal(order.ordererId, people.coordinator.aadObjectId);
    });

    it('when the unit is unknown, or an orderer forges the phone order, then nothing is created', async () => {
      const [answer] = await people.coordinator.say('/order for psx');
      assert.ok(
        answer!.startsWith(
          fi('console_unit_not_found', { unitId: 'psx', closest: '' }).split(':')[0]!,
        ),
        answer,
      );
      assert.match(answer!, /psy \(Psykiatrian poliklinikka\)/);
      const before = (await world.bot.services.orders.listNewest(undefined, 50)).length;
      const forged = await people.orderer.execute('send_phone_order', {
        draftId: randomUUID(),
        unitId: 'psy',
        taskType: 'lecture',
        areas: 'mental_health',
        date: '2026-12-10',
        start: '09:00',
        end: '11:00',
        municipality: 'Jyväskylä',
        ordererName: 'X',
        ordererEmail: 'x@example.fi',
      });
      assert.equal(forged.body.value, fi('command_not_allowed'));
      assert.equal((await world.bot.services.orders.listNewest(undefined, 50)).length, before);
      assert.deepEqual(await people.orderer.say('/order for psy'), [fi('command_not_allowed')]);
    });
  });
});
