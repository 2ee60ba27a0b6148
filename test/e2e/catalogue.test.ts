import assert from 'node:assert/strict';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import { assertValidCard, inputsOf, textOf, walk } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

/** The titles of every button on a card, Action.Execute inside ActionSets included. */
function buttonsOf(card: Record<string, any>): Array<{ title: string; data: Record<string, any> }> {
  const found: Array<{ title: string; data: Record<string, any> }> = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute') found.push({ title: n.title, data: n.data });
  });
  return found;
}

const estimateOf = (card: Record<string, any>): string | undefined => {
  let value: string | undefined;
  walk(card, (n) => {
    if (n.type === 'FactSet')
      for (const f of n.facts) if (/Arvioitu hinta|Uppskattat pris/.test(f.title)) value = f.value;
  });
  return value;
};

describe('what can I order: the catalogue and the estimate', () => {
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start({}, { offerSettings: { waveSize: 1 } });
    people = await cast(world, [
      anExpert({ email: 'quiet.partial@example.fi', areas: ['mental_health'] }),
      anExpert({ email: 'busy.full@example.fi', areas: ['mental_health', 'substance_use'] }),
    ]);
    await world.bot.services.registers.putStaff({
      email: 'stina@example.fi',
      name: 'Stina',
      role: 'orderer',
      unitId: 'psy',
    });
  });
  after(() => world.stop());

  it('when a Finnish orderer writes "mitä voin tilata", then the card lists the products and task types with length, fee and a button each', async () => {
    await people.orderer.say('mitä voin tilata?');
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    const shown = textOf(card);
    assert.match(shown, /Mitä voit tilata/);
    assert.match(shown, /Juttupenkki/);
    assert.match(shown, /Päivä elämässä/);
    assert.match(shown, /Luento tai puheenvuoro/);
    assert.match(shown, /juttelee potilaiden ja omaisten kanssa/);
    assert.match(
      shown,
      /Tavallisesti 3 h · 25,00\s€ alkavalta tunnilta/,
      'Juttupenkki: its length and the tariff fee',
    );
    assert.match(
      shown,
      /Tavallisesti 1,5 h · 40,00\s€ alkavalta tunnilta/,
      'a lecture: its length and the tariff fee',
    );
    assert.doesNotMatch(shown, /Mentorointi/, 'mentoring is not ordered');
    const buttons = buttonsOf(card);
    assert.equal(buttons.length, 10);
    assert.deepEqual(buttons[0], {
      title: 'Tilaa: Juttupenkki',
      data: { verb: 'start_order', taskType: 'juttupenkki' },
    });
  });

  it('when a Swedish orderer writes "vad kan jag beställa", then the catalogue is in Swedish', async () => {
    const stina = world.person({ email: 'stina@example.fi', locale: 'sv-FI' });
    await stina.install();
    await stina.say('Vad kan jag beställa');
    const card = stina.lastCard()!;
    assertValidCard(card);
    const shown = textOf(card);
    assert.match(shown, /Vad du kan beställa/);
    assert.match(shown, /Juttupenkki \(pratbänk\)/);
    assert.match(shown, /En dag i livet/);
    assert.match(shown, /Vanligen 3 h · 25,00\s€ per påbörjad timme/);
    assert.ok(buttonsOf(card).some((b) => b.title === 'Beställ: En dag i livet'));
  });

  it('when the help is asked for, then its first line for orderers points to the catalogue', async () => {
    const [help] = await people.orderer.say('apua');
    const ordererPart = help!.split('\n\n')[1]!;
    assert.match(ordererPart, /^Kirjoita \*\*mitä voin tilata\*\*/);
  });

  it('when the Juttupenkki button is pressed, then a new order card comes pre-filled with the type, the usual length and the estimate', async () => {
    const before = people.orderer.messages().length;
    const answer = await people.orderer.execute('start_order', { taskType: 'juttupenkki' });
    assert.equal(answer.status, 200);
    assert.match(textOf(answer.body.value), /Mitä voit tilata/, 'the catalogue stays as it was');
    assert.equal(people.orderer.messages().length, before + 1);
    const card = people.orderer.lastCard()!;
    assertValidCard(card);
    const inputs = inputsOf(card);
    assert.equal(inputs.taskType!.value, 'juttupenkki');
    assert.equal(inputs.start!.value, '09:00');
    assert.equal(inputs.end!.value, '12:00');
    assert.equal(inputs.date!.value, undefined);
    assert.match(textOf(card), /Kellonaika on ehdotus/);
    assert.match(textOf(card), /päivä/i, 'the note names the missing date');
    assert.match(
      estimateOf(card)!,
      /^75,00\s€ \(1 × 3 h × 25,00\s€, vähintään 50,00\s€ kokemusasiantuntijaa kohti\)\. Matkakulut erikseen\.$/,
    );

    const sent = await people.orderer.submitCard(card, 'send_order', {
      areas: 'mental_health',
      date: '2026-12-16',
      municipality: 'Jyväskylä',
    });
    const orderId = /T-2026-\d{4}/.exec(textOf(sent.card!))?.[0];
    assert.ok(orderId, 'the pre-filled order is sent');
    const stored = (await world.bot.services.orders.get(orderId))!.value;
    assert.equal(stored.taskType, 'juttupenkki');
    assert.equal(stored.start, '09:00');
    assert.equal(stored.end, '12:00');
  });

  it('when the card’s time is corrected and sent again, then the estimate follows the new time', async () => {
    await people.orderer.execute('start_order', { taskType: 'lecture' });
    const card = people.orderer.lastCard()!;
    assert.match(
      estimateOf(card)!,
      /^80,00\s€ \(1 × 2 h × 40,00\s€/,
      '09:00–10:30 is two started hours',
    );
    // The date is still missing, so the card comes back, with the estimate of the corrected time.
    const corrected = await people.orderer.submitCard(card, 'send_order', {
      start: '09:00',
      end: '13:00',
      expertCount: '2',
    });
    assertValidCard(corrected.card!);
    assert.match(textOf(corrected.card!), /Tilausta ei lähetetty/);
    assert.match(estimateOf(corrected.card!)!, /^320,00\s€ \(2 × 4 h × 40,00\s€/);
    const shorter = await people.orderer.submitCard(corrected.card!, 'send_order', {
      start: '09:00',
      end: '09:30',
      expertCount: '1',
    });
    assert.match(
      estimateOf(shorter.card!)!,
      /^50,00\s€ \(1 × 1 h × 40,00\s€, vähintään 50,00\s€/,
      'the minimum fee applies',
    );
    assert.equal(DEFAULT_TARIFF.minimumCents, 5000);
  });

  it('when an expert covers every ordered area and a less busy one covers only one, then the closer fit is offered first', async () => {
    for (const date of ['2026-10-01', '2026-10-15', '2026-11-02']) {
      await world.bot.services.loads.add('busy.full@example.fi', {
        orderId: `T-2026-97${date.slice(8)}`,
        date,
        start: '09:00',
        end: '10:00',
        remote: true,
      });
    }
    const orderId = await placeOrder(people.orderer, {
      areas: 'mental_health,substance_use',
      date: '2026-12-17',
    });
    await world.settle();
    assert.equal(
      offerCardsFor(people.experts.get('busy.full@example.fi')!, orderId).length,
      1,
      'the closer fit gets the first wave',
    );
    assert.equal(
      offerCardsFor(people.experts.get('quiet.partial@example.fi')!, orderId).length,
      0,
      'the less busy one waits for the next wave',
    );
  });
});
