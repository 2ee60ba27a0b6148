import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { World } from '../support/world';

describe('first contact and help', () => {
  let world: World;
  before(async () => {
    world = await World.start({ BOOTSTRAP_COORDINATORS: 'boss@example.fi' });
    const r = world.bot.services.registers;
    await r.putUnit({
      unitId: 'u1',
      name: 'Psykiatria',
      municipality: 'Jyväskylä',
      supervisorEmail: 'sup@example.fi',
      payrollEmail: 'pay@example.fi',
      costCenter: '1001',
    });
    await r.putExpert({
      email: 'expert@example.fi',
      name: 'Eeva',
      kind: 'trained',
      areas: ['mental_health'],
      regions: ['Jyväskylä'],
      languages: ['fi'],
      remote: true,
      onsite: true,
      maxPerMonth: 8,
    });
    await r.putStaff({ email: 'nurse@example.fi', name: 'Niina', role: 'orderer', unitId: 'u1' });
  });
  after(() => world.stop());

  it('when an orderer installs the app, then they are greeted once in Finnish with what they can do', async () => {
    const nurse = world.person({ email: 'Nurse@Example.fi' });
    const first = await nurse.install();
    assert.equal(first.length, 1);
    assert.match(first[0]!, /Hei! Olen Kokemusvälitys/);
    assert.match(first[0]!, /tilaaja/);
    assert.match(first[0]!, /Tilaajana/);
    assert.deepEqual(await nurse.install(), [], 'a second install event greets nobody');
    const stored = await world.bot.services.people.findByEmail('nurse@example.fi');
    assert.equal(stored?.address.conversationId, nurse.conversationId);
    assert.equal(stored?.address.serviceUrl, world.connector.url);
  });

  it('when an expert writes "apua", then the help lists the expert commands and not the orderer ones', async () => {
    const expert = world.person({ email: 'expert@example.fi' });
    await expert.install();
    const [help] = await expert.say('apua');
    assert.match(help!, /Kokemusasiantuntijana/);
    assert.match(help!, /tauko 31\.12\./);
    assert.doesNotMatch(help!, /Tilaajana/);
  });

  it('when an approver writes "/help" in English Teams, then the help is in English and names approvals', async () => {
    const sup = world.person({ email: 'sup@example.fi', locale: 'en-US' });
    await sup.install();
    const [help] = await sup.say('/help');
    assert.match(help!, /As an approver/);
    assert.match(help!, /approvals/);
    assert.ok(help!.includes(translator('en')('help_orderer')), help);
  });

  it('when a bootstrap coordinator in Swedish Teams writes "hjälp", then the help is in Swedish with the slash commands', async () => {
    const boss = world.person({ email: 'boss@example.fi', locale: 'sv-SE' });
    await boss.install();
    const [help] = await boss.say('hjälp');
    assert.match(help!, /Som koordinator/);
    assert.match(help!, /\/assign/);
  });

  it('when someone writes first without installing, then they get the welcome and their message is answered by it', async () => {
    const newcomer = world.person({ email: 'someone@example.fi' });
    const answers = await newcomer.say('help');
    assert.equal(answers.length, 1);
    assert.match(answers[0]!, /Hei! Olen Kokemusvälitys/);
    assert.ok(
      world.connector.calls.some(
        (c) => c.kind === 'get_member' && c.conversationId === newcomer.conversationId,
      ),
    );
  });

  it('when Teams does not know the email, then the bot says it cannot link them, and asks Teams again next time', async () => {
    const ghost = world.person({});
    const [welcome] = await ghost.install();
    assert.match(welcome!, /En löytänyt sähköpostiosoitettasi/);
    const lookups = () =>
      world.connector.calls.filter(
        (c) => c.kind === 'get_member' && c.conversationId === ghost.conversationId,
      ).length;
    const before = lookups();
    await ghost.say('apua');
    assert.equal(lookups(), before + 1);
  });

  it('when the text is not understood, then a short helpful answer comes in the user language', async () => {
    const nurse = world.person({ email: 'nurse@example.fi', locale: 'en-GB' });
    await nurse.install();
    const [answer] = await nurse.say('blah blah');
    assert.match(answer!, /didn't understand/);
    const expert = world.person({ email: 'expert@example.fi' });
    await expert.install();
    assert.match((await expert.say('mitä kuuluu'))[0]!, /En ymmärtänyt/);
  });

  it('when a coordinator misspells a slash command, then the bot asks whether they meant the closest one, in their language', async () => {
    const boss = world.person({ email: 'boss@example.fi', locale: 'sv-FI' });
    await boss.install();
    const t = translator('sv');
    assert.deepEqual(await boss.say('/reasign P-2026-0001 sup@example.fi'), [
      t('did_you_mean', { command: '/flytta' }),
    ]);
    const nurse = world.person({ email: 'nurse@example.fi' });
    await nurse.install();
    assert.deepEqual(await nurse.say('/tariffz'), [
      translator('fi')('did_you_mean', { command: '/taksat' }),
    ]);
    assert.deepEqual(await nurse.say('/qwertyuiop'), [translator('fi')('unknown_text')]);
  });

  it('when a message has no text, then the bot says it handles text and buttons only', async () => {
    const nurse = world.person({ email: 'nurse@example.fi' });
    await nurse.install();
    await world.post(
      nurse.activity('message', {
        attachments: [{ contentType: 'image/png', contentUrl: 'http://x/y.png' }],
      }),
    );
    assert.equal(nurse.lastText(), translator('fi')('not_text'));
  });
});
