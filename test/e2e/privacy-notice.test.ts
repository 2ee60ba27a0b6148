import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { cardOf } from '../support/cards';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World, type TestUser } from '../support/world';

const fi = translator('fi');
const sv = translator('sv');
const PRIVACY_URL = 'https://example.fi/tietosuoja';

describe('the first message anyone gets (SPEC §12)', () => {
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start({ PRIVACY_URL });
    people = await cast(world, [anExpert({ email: 'opened@example.fi' })]);
  });
  after(() => world.stop());

  /** A person stored before there was a privacy notice: a chat, and no introduction yet. */
  async function storedWithoutNotice(email: string, locale: 'fi' | 'sv'): Promise<TestUser> {
    await world.bot.services.registers.putExpert(anExpert({ email }));
    const user = world.person({ email, locale: locale === 'sv' ? 'sv-FI' : 'fi-FI' });
    await world.bot.services.people.save({
      aadObjectId: user.aadObjectId,
      email,
      locale,
      firstSeenAt: world.clock.now().toISOString(),
      address: {
        conversationId: user.conversationId,
        serviceUrl: world.connector.url,
        tenantId: 'tenant-1',
        userId: user.id,
        botId: '28:bot-id',
        channelId: 'msteams',
      },
    });
    return user;
  }

  it('when an expert installs the app, then the welcome says what is stored, why, how long, where the notice is and how to pause, once', async () => {
    const expert = world.person({ email: 'new.expert@example.fi' });
    await world.bot.services.registers.putExpert(anExpert({ email: 'new.expert@example.fi' }));
    const [welcome] = await expert.install();
    assert.match(welcome!, /Hei! Olen Kokemusvälitys/);
    for (const key of [
      'privacy_what',
      'privacy_stored',
      'privacy_retention',
      'privacy_pause',
    ] as const)
      assert.ok(welcome!.includes(fi(key)), key);
    assert.ok(welcome!.includes(`Koko tietosuojaseloste: ${PRIVACY_URL}`));
    const stored = await world.bot.services.people.findByEmail('new.expert@example.fi');
    assert.ok(stored?.introducedAt, 'the introduction is recorded on the person');

    const orderId = await placeOrder(people.orderer, { expertCount: 2 });
    await world.settle();
    assert.equal(offerCardsFor(expert, orderId).length, 1);
    assert.equal(
      expert.messages().filter((m) => (m.text ?? '').includes(fi('privacy_stored'))).length,
      1,
      'told once, not again before the offer',
    );
  });

  it('when someone who is not an expert installs the app, then they hear what is stored but nothing about pausing offers', async () => {
    const [welcome] = await world.person({ email: 'orderer2@example.fi' }).install();
    assert.ok(welcome!.includes(fi('privacy_stored')));
    assert.ok(!welcome!.includes(fi('privacy_pause')));
  });

  it('when an expert who was never told gets an offer, then the notice in their language comes first, and the next offer comes alone', async () => {
    const expert = await storedWithoutNotice('untold@example.fi', 'sv');
    const first = await placeOrder(people.orderer, { expertCount: 3, date: '2026-12-16' });
    await world.settle();
    const messages = expert.messages();
    assert.equal(messages.length, 2, 'the notice, then the offer');
    assert.ok(messages[0]!.text.includes(sv('privacy_stored')));
    assert.ok(messages[0]!.text.includes(sv('privacy_pause')));
    assert.ok(messages[0]!.text.includes(`Hela dataskyddsbeskrivningen: ${PRIVACY_URL}`));
    assert.ok(JSON.stringify(cardOf(messages[1])).includes(first), 'then the offer card');
    assert.ok((await world.bot.services.people.findByEmail('untold@example.fi'))?.introducedAt);

    const second = await placeOrder(people.orderer, { expertCount: 3, date: '2026-12-17' });
    await world.settle();
    assert.equal(offerCardsFor(expert, second).length, 1);
    assert.equal(
      expert.messages().filter((m) => (m.text ?? '').includes(sv('privacy_stored'))).length,
      1,
      'the notice is sent once',
    );
  });

  it('when there is no PRIVACY_URL, then the notice says to ask a coordinator for the full notice', async () => {
    const plain = await World.start();
    try {
      const [welcome] = await plain.person({ email: 'x@example.fi', locale: 'en-US' }).install();
      assert.ok(welcome!.includes(translator('en')('privacy_link_missing')));
    } finally {
      await plain.stop();
    }
  });
});
