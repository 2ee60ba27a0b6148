import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { TestUser, World } from '../support/world';

const fi = translator('fi');

const KUOPIO =
  'Tarvitsemme mielenterveyden kokemusasiantuntijan luennoimaan hoitajille to 18.3. klo 9–11 Kuopiossa, Puijonlaaksontie 2';

describe('ordering by chat', () => {
  let world: World;
  let nurse: TestUser;
  before(async () => {
    world = await World.start({ BOOTSTRAP_COORDINATORS: 'coord@example.fi' });
    const r = world.bot.services.registers;
    await r.putUnit({
      unitId: 'psy',
      name: 'Psykiatrian poliklinikka',
      municipality: 'Kuopio',
      supervisorEmail: 'sup@example.fi',
      payrollEmail: 'pay@example.fi',
      costCenter: '4100',
    });
    await r.putUnit({
      unitId: 'perhe',
      name: 'Perhekeskus',
      municipality: 'Jyväskylä',
      supervisorEmail: 'sup2@example.fi',
      payrollEmail: 'pay@example.fi',
      costCenter: '4200',
    });
    await r.putStaff({ email: 'nurse@example.fi', name: 'Niina', role: 'orderer', unitId: 'psy' });
    await r.putExpert({
      email: 'expert@example.fi',
      name: 'Eeva',
      kind: 'trained',
      areas: ['mental_health'],
      regions: ['Kuopio'],
      languages: ['fi'],
      remote: true,
      onsite: true,
      maxPerMonth: 8,
    });
    nurse = world.person({ email: 'nurse@example.fi' });
    await nurse.install();
  });
  after(() => world.stop());

  it('when a nurse writes the Kuopio order, then the card has every field right and sending it gives an order number', async () => {
    await nurse.say(KUOPIO);
    const card = nurse.lastCard()!;
    assertValidCard(card);
    const inputs = inputsOf(card);
    assert.equal(inputs.taskType!.value, 'lecture');
    assert.equal(inputs.areas!.value, 'mental_health');
    assert.equal(inputs.date!.value, '2027-03-18');
    assert.equal(inputs.start!.value, '09:00');
    assert.equal(inputs.end!.value, '11:00');
    assert.equal(inputs.remote!.value, 'false');
    assert.equal(inputs.municipality!.value, 'Kuopio');
    assert.equal(inputs.address!.value, 'Puijonlaaksontie 2');
    assert.equal(inputs.expertCount!.value, 1);
    assert.match(textOf(card), /\[Lähetä tilaus\]/);
    assert.match(textOf(card), /Löysin kaikki tiedot/);

    const answer = await nurse.submitCard(card, 'send_order');
    assert.equal(answer.status, 200);
    assertValidCard(answer.card!);
    const shown = textOf(answer.card!);
    assert.match(shown, /Tilaus T-2026-\d{4} lähetetty/);
    assert.doesNotMatch(shown, /\[Lähetä tilaus\]/, 'no button left on a sent order');
    const orderId = /T-2026-\d{4}/.exec(shown)![0];
    const stored = (await world.bot.services.orders.get(orderId))!.value;
    assert.equal(stored.unitId, 'psy');
    assert.equal(stored.municipality, 'Kuopio');
    assert.equal(stored.status, 'open');

    const again = await nurse.submitCard(card, 'send_order');
    assert.match(
      textOf(again.card!),
      new RegExp(`Tilaus ${orderId} lähetetty`),
      'a second click shows the same order',
    );
    assert.equal(
      (await world.bot.services.orders.listByOrderer(nurse.aadObjectId, 50)).filter(
        (o) => o.createdAt === stored.createdAt,
      ).length,
      1,
    );
  });

  for (const [name, edits, field, message] of [
    [
      'the end is before the start',
      { start: '15:00', end: '13:00' },
      'end',
      /Päättymisajan pitää olla alkamisajan jälkeen/,
    ],
    ['the date has passed', { date: '2026-11-01' }, 'date', /Päivä on jo mennyt/],
    ['no experts are asked for', { expertCount: '0' }, 'expertCount', /1–10/],
    [
      'an on-site task has no municipality',
      { municipality: '', remote: 'false' },
      'municipality',
      /Kerro kunta/,
    ],
  ] as const) {
    it(`when ${name}, then the card says so next to the field and no order is created`, async () => {
      await nurse.say(KUOPIO);
      const before = (await world.bot.services.orders.listByOrderer(nurse.aadObjectId, 50)).length;
      const answer = await nurse.submitCard(nurse.lastCard()!, 'send_order', edits);
      assertValidCard(answer.card!);
      const body = answer.card!.body as Record<string, any>[];
      const text = textOf(answer.card!);
      assert.match(text, /Tilausta ei lähetetty/);
      assert.match(text, message);
      const json = JSON.stringify(body);
      assert.ok(
        json.indexOf(`"id":"${field}"`) < json.search(message),
        'the message comes after its field',
      );
      assert.equal(
        (await world.bot.services.orders.listByOrderer(nurse.aadObjectId, 50)).length,
        before,
      );
    });
  }

  it('when many orders are sent at the same moment, then every order gets its own number', async () => {
    const people = await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        await world.bot.services.registers.putStaff({
          email: `o${i}@example.fi`,
          name: `O${i}`,
          role: 'orderer',
          unitId: 'psy',
        });
        const p = world.person({ email: `o${i}@example.fi` });
        await p.say(KUOPIO);
        return p;
      }),
    );
    const answers = await Promise.all(people.map((p) => p.submitCard(p.lastCard()!, 'send_order')));
    const numbers = answers.map((a) => /T-2026-\d{4}/.exec(textOf(a.card!))?.[0]);
    assert.ok(numbers.every(Boolean));
    assert.equal(new Set(numbers).size, 12);
  });

  it('when the same card is sent twice at once, then one order is created', async () => {
    await world.bot.services.registers.putStaff({
      email: 'twice@example.fi',
      name: 'T',
      role: 'orderer',
      unitId: 'psy',
    });
    const p = world.person({ email: 'twice@example.fi' });
    await p.say(KUOPIO);
    const card = p.lastCard()!;
    const answers = await Promise.all([
      p.submitCard(card, 'send_order'),
      p.submitCard(card, 'send_order'),
      p.submitCard(card, 'send_order'),
    ]);
    const numbers = new Set(answers.map((a) => /T-2026-\d{4}/.exec(textOf(a.card!))?.[0]));
    assert.equal(numbers.size, 1);
    assert.equal((await world.bot.services.orders.listByOrderer(p.aadObjectId, 50)).length, 1);
  });

  it('when a piece is missing, then the card marks it and the orderer can answer it in chat', async () => {
    await world.bot.services.registers.putStaff({
      email: 'chat@example.fi',
      name: 'C',
      role: 'orderer',
      unitId: 'perhe',
    });
    const p = world.person({ email: 'chat@example.fi' });
    await p.say('Tarvitsisimme päihdetyön kokemusasiantuntijan vertaisryhmään');
    let card = p.lastCard()!;
    assert.match(textOf(card), /Puuttuu vielä: päivä, alkaa, päättyy, kunta/);
    assert.equal(inputsOf(card).taskType!.value, 'peer_group');
    await p.say('ensi tiistaina klo 13-15 Jyväskylässä');
    card = p.lastCard()!;
    const inputs = inputsOf(card);
    assert.equal(inputs.taskType!.value, 'peer_group', 'earlier pieces are kept');
    assert.equal(inputs.areas!.value, 'substance_use');
    assert.equal(inputs.date!.value, '2026-12-01');
    assert.equal(inputs.start!.value, '13:00');
    assert.equal(inputs.municipality!.value, 'Jyväskylä');
    const answer = await p.submitCard(card, 'send_order');
    assert.match(textOf(answer.card!), /T-2026-\d{4}/);
  });

  it('when the orderer is not in the staff register, then the card asks the unit once and remembers it', async () => {
    const p = world.person({ email: 'visitor@example.fi', locale: 'en-US' });
    await p.say(
      'We need an expert by experience on child protection for a lecture next Friday 10-12 remote',
    );
    const card = p.lastCard()!;
    assert.ok(inputsOf(card).unitId, 'the unit is asked');
    const refused = await p.submitCard(card, 'send_order');
    assert.match(textOf(refused.card!), /This is missing/);
    const answer = await p.submitCard(refused.card!, 'send_order', { unitId: 'perhe' });
    assert.match(textOf(answer.card!), /Order T-2026-\d{4} sent/);
    await p.say('We need a peer group leader for substance use on 12.1.2027 13-15 remote');
    assert.equal(inputsOf(p.lastCard()!).unitId, undefined, 'the unit is remembered');
  });

  it('when a message holds a personal identity code, then it is refused and nothing is stored', async () => {
    await world.bot.services.drafts.delete(nurse.aadObjectId);
    const [answer] = await nurse.say(
      'Luento päihteistä 12.1.2027 klo 10-12 Kuopiossa, asiakas 131052-308T',
    );
    assert.match(answer!, /henkilötunnus/);
    assert.equal(await world.bot.services.drafts.get(nurse.aadObjectId), undefined);
  });

  it('when a message has ordinary numbers, then it is not mistaken for an identity code', async () => {
    const [answer] = await nurse.say(
      'Luento päihteistä 12.1.2027 klo 10-12 Kuopiossa, puh. 040 1234567, Puijonlaaksontie 2',
    );
    assert.equal(answer, '');
    assert.ok(nurse.lastCard());
  });

  it('when the orderer asks "omat", then their orders are listed with status, and cancel works only for them and coordinators', async () => {
    await world.bot.services.drafts.delete(nurse.aadObjectId);
    await nurse.say(KUOPIO);
    const sentOwn = await nurse.submitCard(nurse.lastCard()!, 'send_order');
    const orderId = /T-2026-\d{4}/.exec(textOf(sentOwn.card!))![0];
    await world.settle(); // the order's messages to the nurse are out before her turns below
    const [list] = await nurse.say('omat');
    assert.ok(list!.includes(fi('my_orders_title')), list);
    const line = list!.split('\n').find((l) => l.includes(orderId));
    assert.ok(
      line && [fi('status_open'), fi('status_unfilled')].some((st) => line.includes(st)),
      list,
    );

    await world.bot.services.registers.putStaff({
      email: 'o1@example.fi',
      name: 'O1',
      role: 'orderer',
      unitId: 'psy',
    });
    const other = world.person({ email: 'o1@example.fi' });
    assert.equal((await other.say(`peru ${orderId}`))[0], fi('order_not_found', { orderId }));
    assert.notEqual((await world.bot.services.orders.get(orderId))!.value.status, 'cancelled');

    assert.equal((await nurse.say(`peru ${orderId}`))[0], fi('cancel_done', { orderId }));
    assert.equal(
      (await nurse.say(`peru ${orderId}`))[0],
      fi('order_already_cancelled', { orderId }),
    );
    const after = (await nurse.say('omat'))[0]!.split('\n').find((l) => l.includes(orderId));
    assert.ok(after?.includes(fi('status_cancelled')), after);

    const coordinator = world.person({ email: 'coord@example.fi', locale: 'en-US' });
    await other.say('Luento päihteistä 12.1.2027 klo 10-12 Kuopiossa');
    const sent = await other.submitCard(other.lastCard()!, 'send_order');
    const othersOrder = /T-2026-\d{4}/.exec(textOf(sent.card!))![0];
    // The new order's own work (offers, the coordinators' "unfilled" card) is done before the turn
    // below, whose answer is read as the first message of that turn.
    await world.settle();
    await coordinator.say('help');
    assert.match((await coordinator.say(`cancel ${othersOrder}`))[0]!, /has been cancelled/);
    assert.equal((await world.bot.services.orders.get(othersOrder))!.value.status, 'cancelled');
  });

  it('when a Swedish orderer writes "annullera T-…", then the order is cancelled, and "avbryt" still works', async () => {
    const sv = translator('sv');
    await world.bot.services.registers.putStaff({
      email: 'svensk@example.fi',
      name: 'Stina',
      role: 'orderer',
      unitId: 'psy',
    });
    const stina = world.person({ email: 'svensk@example.fi', locale: 'sv-FI' });
    const place = async () => {
      await stina.say(
        'Föreläsning om psykisk hälsa för sjukskötare 13.1.2027 kl. 10–12 i Kuopio, Puijonlaaksontie 2',
      );
      const sent = await stina.submitCard(stina.lastCard()!, 'send_order');
      return /T-2026-\d{4}/.exec(textOf(sent.card!))![0];
    };
    const first = await place();
    const second = await place();
    await world.settle();
    assert.equal((await stina.say(`annullera ${first}`))[0], sv('cancel_done', { orderId: first }));
    assert.equal((await stina.say(`avbryt ${second}`))[0], sv('cancel_done', { orderId: second }));
    for (const orderId of [first, second])
      assert.equal((await world.bot.services.orders.get(orderId))!.value.status, 'cancelled');
    assert.match((await stina.say('mina'))[0]!, new RegExp(`${first}.*${sv('status_cancelled')}`));
  });

  it('when "peru" has no order number, then the answer says how to cancel', async () => {
    assert.match((await nurse.say('peru'))[0]!, /peru T-2026-0001/);
  });

  it('when an expert writes something order-like, then they are not given an order card', async () => {
    const expert = world.person({ email: 'expert@example.fi' });
    await expert.install();
    const [answer] = await expert.say(KUOPIO);
    assert.match(answer!, /En ymmärtänyt/);
  });
});
