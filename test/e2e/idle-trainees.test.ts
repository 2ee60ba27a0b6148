import assert from 'node:assert/strict';
import { formatDate } from '../../cards/format';
import { translator } from '../../src/i18n';
import { assertValidCard, textOf, walk } from '../support/cards';
import { toHelsinki } from '../support/fees';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const fi = translator('fi');
const sv = translator('sv');
const MENTOR = 'marja.mentori@example.fi';
const RECENT = 'nina.near@example.fi'; // went along 10 days ago, through the real join
const LONG_AGO = 'olli.old@example.fi'; // went along 70 days ago
const NEVER = 'uma.unknown@example.fi'; // imported, never went along, never opened the bot
const NEW = 'noora.new@example.fi'; // given a mentor on a card 30 days ago, no task yet
const OLD_NEW = 'veikko.vanha@example.fi'; // given a mentor on a card 90 days ago, no task yet

/** The e-mails of the experts listed on a list card, in order. */
function listed(card: Record<string, any>): string[] {
  const emails: string[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === 'expert_open') emails.push(String(n.data.email));
  });
  return emails;
}

async function cardAfter(user: TestUser, command: string): Promise<Record<string, any>> {
  await user.say(command);
  const card = user.lastCard();
  assert.ok(card, `${command} answers with a card, not "${user.lastText()}"`);
  assertValidCard(card);
  return card;
}

describe('trainees who have not gone along in 60 days are shown to coordinators (SPEC §3)', () => {
  let world: World;
  let people: Cast;

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: MENTOR, name: 'Marja Mentori' }),
      anExpert({ email: RECENT, name: 'Nina Near', mentorEmail: MENTOR }),
      anExpert({ email: LONG_AGO, name: 'Olli Old', mentorEmail: MENTOR }),
    ]);
    const s = world.bot.services;
    for (const [email, name] of [
      [NEVER, 'Uma Unknown'],
      [NEW, 'Noora New'],
      [OLD_NEW, 'Veikko Vanha'],
    ] as const)
      await s.registers.putExpert(anExpert({ email, name, mentorEmail: MENTOR }));
    // Given a mentor on a register card: the audit log keeps the day.
    for (const [email, at] of [
      [NEW, '2026-11-07T10:00:00.000Z'],
      [OLD_NEW, '2026-09-08T10:00:00.000Z'],
    ] as const)
      await s.registers.appendAudit({
        subject: email,
        table: 'expert',
        action: 'changed',
        by: 'coord@example.fi',
        at,
        changes: [{ field: 'mentor_email', from: '', to: MENTOR }],
      });
    // Olli's task along 70 days before 7.12., as the join left it in his record.
    await s.loads.add(LONG_AGO, {
      orderId: 'T-2026-0042',
      date: '2026-09-28',
      start: '09:00',
      end: '11:00',
      remote: false,
      municipality: 'Jyväskylä',
      asTrainee: true,
      taskType: 'lecture',
    });
    // Nina goes along with Marja on a lecture on 27.11.; today is then 7.12.
    const orderId = await placeOrder(people.orderer, {
      date: '2026-11-27',
      start: '09:00',
      end: '11:00',
    });
    await world.settle();
    const mentor = people.experts.get(MENTOR)!;
    const nina = people.experts.get(RECENT)!;
    await mentor.submitCard(offerCardsFor(mentor, orderId)[0]!, 'accept_offer');
    await world.settle();
    await nina.submitCard(offerCardsFor(nina, orderId).at(-1)!, 'accept_offer');
    await world.settle();
    await toHelsinki(world, '2026-12-07T10:00');
  });
  after(() => world.stop());

  it('when a coordinator asks for idle trainees, then those with no task along in 60 days are listed, and not the one who went along 10 days ago nor the one who became a trainee 30 days ago', async () => {
    const card = await cardAfter(people.coordinator, '/asiantuntijat harjoittelijat joutilaat');
    assert.deepEqual(listed(card).sort(), [LONG_AGO, NEVER, OLD_NEW].sort());
    const shown = textOf(card);
    assert.ok(
      shown.includes(fi('reg_row_trainee_last', { date: formatDate('2026-09-28', 'fi') })),
      'Olli: his last task along',
    );
    assert.ok(shown.includes(fi('reg_row_trainee_never')), 'Uma: not yet');
    assert.ok(shown.includes(fi('reg_row_trainee_idle', { days: 60 })));
  });

  it('when a coordinator lists all trainees, then each shows the last task along, and only the idle ones are marked', async () => {
    const card = await cardAfter(people.coordinator, '/experts trainees');
    assert.deepEqual(listed(card).sort(), [LONG_AGO, NEW, RECENT, NEVER, OLD_NEW].sort());
    const shown = textOf(card);
    assert.ok(
      shown.includes(fi('reg_row_trainee_last', { date: formatDate('2026-11-27', 'fi') })),
      'Nina',
    );
    assert.equal(shown.split(fi('reg_row_trainee_idle', { days: 60 })).length - 1, 3);
    assert.ok(!listed(card).includes(MENTOR), 'the mentor is no trainee');
  });

  it('when a Swedish coordinator writes "praktikanter overksamma", then the same trainees are listed', async () => {
    const stina = world.person({ email: 'stina.koord@example.fi', locale: 'sv-FI' });
    await world.bot.services.registers.putStaff({
      email: 'stina.koord@example.fi',
      name: 'Stina Koordinator',
      role: 'coordinator',
    });
    await stina.install();
    const card = await cardAfter(stina, '/experter praktikanter overksamma');
    assert.deepEqual(listed(card).sort(), [LONG_AGO, NEVER, OLD_NEW].sort());
    assert.ok(textOf(card).includes(sv('reg_row_trainee_idle', { days: 60 })));
  });

  it("when a coordinator opens an idle trainee's card, then it shows the last task along and the 60-day note; a recent trainee's card has no note", async () => {
    const olli = textOf(await cardAfter(people.coordinator, `/expert ${LONG_AGO}`));
    assert.match(olli, new RegExp(fi('reg_trainee_last_along')));
    assert.match(olli, /28\.9\.2026/);
    assert.ok(olli.includes(fi('reg_trainee_idle', { days: 60 })), olli);
    const nina = textOf(await cardAfter(people.coordinator, `/expert ${RECENT}`));
    assert.match(nina, /27\.11\.2026/);
    assert.ok(!nina.includes(fi('reg_trainee_idle', { days: 60 })));
    const uma = textOf(await cardAfter(people.coordinator, `/expert ${NEVER}`));
    assert.ok(uma.includes(fi('reg_trainee_last_along_never')));
  });

  it('when a coordinator asks for the figures, then /stats counts the idle trainees; a supervisor sees no such line', async () => {
    await people.coordinator.say('/stats');
    const shown = textOf(people.coordinator.lastCard()!);
    assert.ok(shown.includes(fi('stats_idle_trainees', { count: 3, days: 60 })), shown);
    const supervisor = world.person({ email: 'sup@example.fi' });
    await supervisor.install();
    await supervisor.say('/stats');
    const theirs = textOf(supervisor.lastCard()!);
    assert.match(theirs, new RegExp(fi('stats_orders_heading')), 'the supervisor sees figures');
    assert.ok(!theirs.includes(fi('stats_idle_trainees', { count: 3, days: 60 })));
  });

  it('when someone who is not a coordinator asks for idle trainees, then they are refused and see no names', async () => {
    const answer = await people.orderer.say('/experts trainees idle');
    assert.equal(answer[0], fi('command_not_allowed'));
    assert.ok(!answer.join('\n').includes('Olli'));
    const trainee = await people.experts.get(RECENT)!.say('/experts trainees idle');
    assert.equal(trainee[0], fi('command_not_allowed'));
  });
});
