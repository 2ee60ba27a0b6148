import assert from 'node:assert/strict';
import { assertValidCard, inputsOf, textOf, walk } from '../support/cards';
import { approvers, press, takenTask, toHelsinki } from '../support/fees';
import { anExpert, cast, offerCardsFor, placeOrder, UNIT, type Cast } from '../support/scenario';
import { type InvokeAnswer, TestUser, World } from '../support/world';
import { translator } from '../../src/i18n';

const fi = translator('fi');
const sv = translator('sv');

/** The card an answer carries, checked as Teams would check it. */
function shown(answer: InvokeAnswer): Record<string, any> {
  assert.ok(answer.card, `a card, not ${answer.text ?? answer.status}`);
  assertValidCard(answer.card);
  return answer.card;
}

/** The names of the experts listed on a list card, in order. */
function listed(card: Record<string, any>): string[] {
  const names: string[] = [];
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === 'expert_open') names.push(String(n.data.email));
  });
  return names;
}

/** The texts shown right below the input `id` (its error messages). */
function errorsBelow(card: Record<string, any>, id: string): string[] {
  const body = card.body as Record<string, any>[];
  const at = body.findIndex((e) => e.id === id);
  assert.ok(at >= 0, `no input ${id}`);
  const out: string[] = [];
  for (const e of body.slice(at + 1)) {
    if (e.type !== 'TextBlock' || e.color !== 'Attention') break;
    out.push(e.text);
  }
  return out;
}

async function lastCardAfter(user: TestUser, command: string): Promise<Record<string, any>> {
  await user.say(command);
  const card = user.lastCard();
  assert.ok(card, `${command} answers with a card, not "${user.lastText()}"`);
  assertValidCard(card);
  return card;
}

describe('the coordinator’s register console', () => {
  let world: World;
  let people: Cast;
  const reg = () => world.bot.services.registers;
  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: 'eeva@example.fi', name: 'Eeva Esimerkki' }),
      anExpert({ email: 'rauha@example.fi', name: 'Rauha Removable', areas: ['disability'] }),
      anExpert({ email: 'ville@example.fi', name: 'Ville Vammainen', areas: ['disability'] }),
    ]);
    for (let i = 1; i <= 35; i++) {
      await reg().putExpert(
        anExpert({
          email: `k${String(i).padStart(2, '0')}@example.fi`,
          name: `Kuopion Asiantuntija ${String(i).padStart(2, '0')}`,
          regions: ['Kuopio'],
        }),
      );
    }
    await reg().putExpert(
      anExpert({
        email: 'ulla@example.fi',
        name: 'Ulla Umeå',
        areas: ['substance_use'],
        regions: ['Vaasa'],
        languages: ['sv', 'fi'],
      }),
    );
    await reg().putExpert(
      anExpert({
        email: 'mats@example.fi',
        name: 'Mats Mental',
        areas: ['mental_health'],
        regions: ['Vaasa'],
        languages: ['sv'],
      }),
    );
    await reg().putExpert(
      anExpert({
        email: 'paula@example.fi',
        name: 'Paula Päihde',
        areas: ['substance_use'],
        regions: ['Jyväskylä'],
      }),
    );
  });
  after(() => world.stop());

  it('when a coordinator pages through 35 experts, then 10 come a page with Next and Previous, and a page beyond the end shows the last', async () => {
    const first = await lastCardAfter(people.coordinator, '/experts Kuopio');
    assert.match(textOf(first), /35 kokemusasiantuntijaa/);
    assert.deepEqual(
      listed(first),
      Array.from({ length: 10 }, (_, i) => `k${String(i + 1).padStart(2, '0')}@example.fi`),
    );
    assert.match(textOf(first), /Sivu 1\/4/);
    assert.ok(!textOf(first).includes(`[${fi('reg_previous')}]`), 'no Previous on the first page');

    let card = first;
    for (const page of [2, 3, 4]) {
      card = shown(await people.coordinator.submitCard(card, 'register_page'));
      assert.match(textOf(card), new RegExp(`Sivu ${page}/4`));
    }
    assert.deepEqual(
      listed(card),
      ['k31', 'k32', 'k33', 'k34', 'k35'].map((k) => `${k}@example.fi`),
    );
    assert.ok(!textOf(card).includes(`[${fi('reg_next')}]`), 'no Next on the last page');

    const back = shown(await people.coordinator.submitCard(card, 'register_page'));
    assert.match(textOf(back), /Sivu 3\/4/);
    assert.equal(listed(back)[0], 'k21@example.fi');

    const beyond = shown(await people.coordinator.submitCard(first, 'register_page', { page: 99 }));
    assert.match(textOf(beyond), /Sivu 4\/4/);
    assert.equal(listed(beyond).length, 5);
  });

  it('when a Swedish coordinator writes "/experts rusmedel Vasa", then only the substance-use experts of Vaasa are listed, in Swedish', async () => {
    await reg().putStaff({
      email: 'sven@example.fi',
      name: 'Sven Samordnare',
      role: 'coordinator',
    });
    const sven = world.person({ email: 'sven@example.fi', locale: 'sv-FI' });
    await sven.install();
    const card = await lastCardAfter(sven, '/experts rusmedel Vasa');
    assert.deepEqual(listed(card), ['ulla@example.fi']);
    assert.match(textOf(card), /Registret: 1 erfarenhetsexpert/);
    assert.ok(textOf(card).includes(sv('area_substance_use')), textOf(card));
    assert.ok(textOf(card).includes(`[${sv('reg_open')}: Ulla Umeå]`));
    const opened = shown(await sven.submitCard(card, 'expert_open'));
    assert.match(textOf(opened), /Erfarenhetsexpert: Ulla Umeå/);
    assert.equal(inputsOf(opened).areas?.value, 'substance_use');
  });

  it('when the coordinator filters by "tavoittamaton", then only experts the bot cannot reach in Teams are listed', async () => {
    const never = await lastCardAfter(people.coordinator, '/experts tavoittamaton Kuopio');
    assert.match(textOf(never), /35 kokemusasiantuntijaa/);
    assert.match(textOf(never), new RegExp(fi('reg_row_unreachable')));
    const reachable = await lastCardAfter(people.coordinator, '/experts tavoittamaton Eeva');
    assert.deepEqual(listed(reachable), []);
    assert.ok(textOf(reachable).includes(fi('reg_none')));
  });

  it('when /expert add is saved with a bad field, then the error is next to the field and nothing is saved; corrected, it is added and audited', async () => {
    const empty = await lastCardAfter(people.coordinator, '/expert add');
    const fields = {
      email: 'uusi@example.fi',
      name: 'Uuno Uusi',
      areas: 'mental_health,as_relative',
      regions: 'Jyväskylä; Tampere',
      max_per_month: 'paljon',
    };
    const refused = shown(await people.coordinator.submitCard(empty, 'expert_save', fields));
    assert.deepEqual(errorsBelow(refused, 'max_per_month'), [
      fi('reg_err_not_number', { value: 'paljon' }),
    ]);
    assert.deepEqual(errorsBelow(refused, 'name'), []);
    assert.ok(textOf(refused).includes(fi('reg_invalid')));
    assert.equal(inputsOf(refused).name?.value, 'Uuno Uusi', 'what was typed stays on the card');
    assert.equal(await reg().getExpert('uusi@example.fi'), undefined);

    const added = shown(
      await people.coordinator.submitCard(refused, 'expert_save', { max_per_month: '5' }),
    );
    assert.ok(textOf(added).includes(fi('reg_added')), textOf(added));
    assert.match(textOf(added), /Kokemusasiantuntija: Uuno Uusi/);
    const stored = await reg().getExpert('uusi@example.fi');
    assert.deepEqual(
      { areas: stored?.areas, regions: stored?.regions, max: stored?.maxPerMonth },
      { areas: ['mental_health', 'as_relative'], regions: ['Jyväskylä', 'Tampere'], max: 5 },
    );

    const [audit] = await people.coordinator.say('/audit uusi@example.fi');
    assert.match(audit!, /Kaisa Coordinator: lisäsi/);
    assert.match(audit!, /max_per_month: \(tyhjä\) → 5/);
  });

  it('when two coordinators save the same expert card at once, then one wins and the other is told who changed it and when', async () => {
    await reg().putStaff({
      email: 'coord2@example.fi',
      name: 'Kalle Coordinator',
      role: 'coordinator',
    });
    const kalle = world.person({ email: 'coord2@example.fi' });
    await kalle.install();
    const a = await lastCardAfter(people.coordinator, '/expert eeva@example.fi');
    const b = await lastCardAfter(kalle, '/asiantuntija EEVA@example.fi');
    const [first, second] = await Promise.all([
      people.coordinator.submitCard(a, 'expert_save', { name: 'Eeva Muutettu' }),
      kalle.submitCard(b, 'expert_save', { max_per_month: '3' }),
    ]);
    const answers = [textOf(shown(first)), textOf(shown(second))];
    const won = answers.filter((t) => t.includes('Tallennettu'));
    const lost = answers.filter((t) => / muutti näitä tietoja .*klo/.test(t));
    assert.equal(won.length, 1, answers.join('\n---\n'));
    assert.equal(lost.length, 1, answers.join('\n---\n'));
    const stored = (await reg().getExpert('eeva@example.fi'))!;
    if (won[0] === answers[0]) {
      assert.match(lost[0]!, /^Kaisa Coordinator muutti/m);
      assert.deepEqual([stored.name, stored.maxPerMonth], ['Eeva Muutettu', 8]);
    } else {
      assert.match(lost[0]!, /^Kalle Coordinator muutti/m);
      assert.deepEqual([stored.name, stored.maxPerMonth], ['Eeva Esimerkki', 3]);
    }
  });

  it('when an orderer forges a coordinator’s Save, then nothing changes', async () => {
    const card = await lastCardAfter(people.coordinator, '/expert ville@example.fi');
    let save: Record<string, any> | undefined;
    walk(card, (n) => {
      if (n.type === 'Action.Execute' && n.verb === 'expert_save') save = n.data;
    });
    assert.ok(
      save?.email === 'ville@example.fi' && typeof save.etag === 'string',
      'the Save button carries the e-mail and the version',
    );
    const forged = await people.orderer.submitCard(card, 'expert_save', {
      name: 'Forged Name',
      max_per_month: '1',
    });
    assert.equal(forged.text, fi('command_not_allowed'));
    const stored = (await reg().getExpert('ville@example.fi'))!;
    assert.deepEqual([stored.name, stored.maxPerMonth], ['Ville Vammainen', 8]);
    assert.equal((await people.orderer.say('/experts'))[0], fi('command_not_allowed'));
    assert.match(
      (await people.coordinator.say('/audit ville@example.fi'))[0]!,
      /lokissa ei ole muutoksia/,
    );
  });

  it('when the expert pauses after the card was opened, then Save is refused naming the expert, and Pause until on the fresh card works', async () => {
    const ville = people.experts.get('ville@example.fi')!;
    const card = await lastCardAfter(people.coordinator, '/expert ville@example.fi');
    assert.ok(
      textOf(card).includes(`${fi('reg_reach')}: ${fi('reg_reach_reachable')}`),
      textOf(card),
    );
    await ville.say('tauko 20.12.');
    const late = shown(
      await people.coordinator.submitCard(card, 'expert_save', { max_per_month: '2' }),
    );
    assert.match(textOf(late), /^Ville Vammainen muutti näitä tietoja 25\.11\. klo 12\.00/m);
    assert.equal((await reg().getExpert('ville@example.fi'))?.maxPerMonth, 8);
    assert.match(textOf(late), /tauolla su 20\.12\.2026 asti/);

    const paused = shown(
      await people.coordinator.submitCard(late, 'expert_pause', { paused_until: '2026-11-30' }),
    );
    assert.ok(
      textOf(paused).includes(fi('reg_pause_set', { date: 'ma 30.11.2026' })),
      textOf(paused),
    );
    assert.equal((await reg().getExpert('ville@example.fi'))?.pausedUntil, '2026-11-30');
    const past = shown(
      await people.coordinator.submitCard(paused, 'expert_pause', { paused_until: '2026-11-01' }),
    );
    assert.ok(textOf(past).includes(fi('reg_pause_invalid')));
    const cleared = shown(
      await people.coordinator.submitCard(paused, 'expert_pause', { paused_until: '' }),
    );
    assert.ok(textOf(cleared).includes(fi('reg_pause_cleared')), textOf(cleared));
    assert.equal((await reg().getExpert('ville@example.fi'))?.pausedUntil, undefined);
    assert.match(
      (await people.coordinator.say('/audit ville@example.fi'))[0]!,
      /Kaisa Coordinator: asetti tauon\n {2}- paused_until: 2026-11-30 → \(tyhjä\)/,
    );
  });

  it('when a card from an older version is pressed, then it is refused politely and nothing changes', async () => {
    const answer = await people.coordinator.execute('expert_save', {
      email: 'ville@example.fi',
      etag: 'x',
      name: 'Old Card',
    });
    assert.equal(answer.body?.value, fi('card_stale'));
    assert.equal((await reg().getExpert('ville@example.fi'))?.name, 'Ville Vammainen');
  });

  it('when an unknown e-mail or unit id is asked, then "not found" comes with the closest matches', async () => {
    const [text] = await people.coordinator.say('/expert eva@example.fi');
    assert.ok(text!.startsWith(fi('reg_not_found_expert', { key: 'eva@example.fi' })), text);
    assert.match(text!, /Tarkoititko: .*eeva@example\.fi/);
    const [unit] = await people.coordinator.say('/unit ps');
    assert.match(unit!, /Yksikköä ps ei ole rekisterissä\. Tarkoititko: psy\?/);
  });

  it('when a coordinator removes an expert (asked again), then the expert is no longer offered tasks', async () => {
    const card = await lastCardAfter(people.coordinator, '/expert rauha@example.fi');
    const ask = shown(await people.coordinator.submitCard(card, 'expert_remove'));
    assert.ok(textOf(ask).includes(fi('reg_remove_question_expert', { name: 'Rauha Removable' })));
    assert.equal(
      (await reg().getExpert('rauha@example.fi'))?.removed,
      undefined,
      'asking removes nothing',
    );
    const done = shown(await people.coordinator.submitCard(ask, 'expert_remove_confirm'));
    assert.ok(textOf(done).includes(fi('reg_removed', { name: 'Rauha Removable' })), textOf(done));
    assert.equal((await reg().getExpert('rauha@example.fi'))?.removed, true);
    const list = await lastCardAfter(people.coordinator, '/experts vammaisuus');
    assert.deepEqual(listed(list), ['ville@example.fi']);

    const orderId = await placeOrder(people.orderer, { areas: 'disability', date: '2026-12-16' });
    await world.settle();
    assert.equal(
      offerCardsFor(people.experts.get('rauha@example.fi')!, orderId).length,
      0,
      'the removed expert gets no offer',
    );
    assert.equal(
      offerCardsFor(people.experts.get('ville@example.fi')!, orderId).length,
      1,
      'the other one does',
    );
  });

  it('when a coordinator adds a staff member and changes the role, then the register and the audit log show it', async () => {
    const add = await lastCardAfter(people.coordinator, '/staff add');
    const added = shown(
      await people.coordinator.submitCard(add, 'staff_save', {
        email: 'tiina@example.fi',
        name: 'Tiina Tilaaja',
        role: 'orderer',
        unit_id: 'PSY',
      }),
    );
    assert.ok(textOf(added).includes(fi('reg_added')), textOf(added));
    assert.deepEqual(await reg().getStaff('tiina@example.fi'), {
      email: 'tiina@example.fi',
      name: 'Tiina Tilaaja',
      role: 'orderer',
      unitId: UNIT.unitId,
    });

    const list = await lastCardAfter(people.coordinator, '/henkilöstö tiina');
    assert.match(textOf(list), /Tiina Tilaaja\*\* · tiina@example\.fi · tilaaja · psy/);
    const opened = shown(await people.coordinator.submitCard(list, 'staff_open'));
    const changed = shown(
      await people.coordinator.submitCard(opened, 'staff_save', { role: 'coordinator' }),
    );
    assert.ok(
      textOf(changed).includes(fi('reg_saved', { fields: fi('reg_label_role') })),
      textOf(changed),
    );
    assert.equal((await reg().getStaff('tiina@example.fi'))?.role, 'coordinator');

    const tiina = world.person({ email: 'tiina@example.fi' });
    await tiina.install();
    await lastCardAfter(tiina, '/experts Kuopio');
    const [audit] = await people.coordinator.say('/audit tiina@example.fi');
    assert.match(audit!, /muutti\n {2}- role: orderer → coordinator/);

    const card = shown(
      await people.coordinator.submitCard(
        shown(await people.coordinator.submitCard(list, 'staff_open')),
        'staff_remove',
      ),
    );
    assert.ok(textOf(card).includes(fi('reg_remove_question_staff', { name: 'Tiina Tilaaja' })));
    assert.equal(
      (await people.coordinator.submitCard(card, 'staff_remove_confirm')).text,
      fi('reg_removed', { name: 'Tiina Tilaaja' }),
    );
    assert.equal(await reg().getStaff('tiina@example.fi'), undefined);
    assert.equal((await tiina.say('/experts'))[0], fi('command_not_allowed'));
  });
});

describe('the register console and open work', () => {
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start();
    people = await cast(world, [anExpert({ email: 'expert@example.fi', name: 'Eeva Expert' })]);
    await approvers(world, false);
  });
  after(() => world.stop());

  it('when a unit with an open claim or an expert with an open task is removed, then it is refused with what is open', async () => {
    const orderId = await takenTask(world, people, {
      date: '2026-11-30',
      start: '13:00',
      end: '15:00',
    });
    const expertCard = await lastCardAfter(people.coordinator, '/expert expert@example.fi');
    assert.match(textOf(expertCard), new RegExp(`${orderId} · ma 30\\.11\\.2026`));
    const ask = shown(await people.coordinator.submitCard(expertCard, 'expert_remove'));
    const refused = shown(await people.coordinator.submitCard(ask, 'expert_remove_confirm'));
    assert.ok(
      textOf(refused).includes(
        fi('reg_remove_open', {
          items: fi('reg_open_assignment', { orderId, date: 'ma 30.11.2026' }),
        }),
      ),
      textOf(refused),
    );
    assert.equal(
      (await world.bot.services.registers.getExpert('expert@example.fi'))?.removed,
      undefined,
    );

    await toHelsinki(world, '2026-11-30T15:00');
    const claim = await press(people.experts.get('expert@example.fi')!, orderId, 'submit_claim');
    const claimId = /P-\d{4}-\d{4}/.exec(claim.shown)?.[0];
    assert.ok(claimId, claim.shown);

    const unit = await lastCardAfter(people.coordinator, '/unit psy');
    assert.equal(inputsOf(unit).supervisor_email?.value, 'sup@example.fi');
    const askUnit = shown(await people.coordinator.submitCard(unit, 'unit_remove'));
    const unitRefused = shown(await people.coordinator.submitCard(askUnit, 'unit_remove_confirm'));
    assert.ok(
      textOf(unitRefused).includes(
        fi('reg_remove_open', { items: fi('reg_open_claim', { claimId }) }),
      ),
      textOf(unitRefused),
    );
    assert.ok(await world.bot.services.registers.getUnit('psy'), 'the unit is still there');
  });

  it('when a unit’s supervisor is changed on its card, then it is saved and a bad e-mail is answered next to the field', async () => {
    const unit = await lastCardAfter(people.coordinator, '/yksikkö PSY');
    const bad = shown(
      await people.coordinator.submitCard(unit, 'unit_save', { supervisor_email: 'ei-osoite' }),
    );
    assert.deepEqual(errorsBelow(bad, 'supervisor_email'), [
      fi('reg_err_not_email', { value: 'ei-osoite' }),
    ]);
    assert.equal(
      (await world.bot.services.registers.getUnit('psy'))?.supervisorEmail,
      'sup@example.fi',
    );
    const good = shown(
      await people.coordinator.submitCard(bad, 'unit_save', {
        supervisor_email: 'Uusi.Esihenkilo@example.fi',
      }),
    );
    assert.ok(
      textOf(good).includes(fi('reg_saved', { fields: fi('reg_label_supervisor_email') })),
      textOf(good),
    );
    assert.equal(
      (await world.bot.services.registers.getUnit('psy'))?.supervisorEmail,
      'uusi.esihenkilo@example.fi',
    );
    assert.match(
      (await people.coordinator.say('/audit psy'))[0]!,
      /supervisor_email: sup@example\.fi → uusi\.esihenkilo@example\.fi/,
    );
  });
});
