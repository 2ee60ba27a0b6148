import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { createHash, randomUUID } from 'node:crypto';
import { TableClient } from '@azure/data-tables';
import sinon from 'sinon';
import { log } from '../../src/log';
import { textOf } from '../support/cards';
import {
  approvers,
  type Chain,
  EXPERT,
  myFees,
  press,
  takenTask,
  toHelsinki,
} from '../support/fees';
import { storageConnectionString } from '../support/root-hooks';
import { anExpert, cast, offerCardsFor, placeOrder, UNIT, type Cast } from '../support/scenario';
import { type TestUser, World } from '../support/world';

// One code in every form SPEC §9 names; the last has a wrong check character (131052-308T is right).
const CODES = ['010190 123A', '010190–123A', '131052-308U', '010190A123B'];
const CODE_DIGITS = /010190|131052/;
const PLANTED =
  '[click](https://evil.example) <b>x</b> ![i](https://evil.example/i.png) <at>Boss</at>';

/** Markup a markdown or HTML renderer would act on: anything not backslash-escaped. */
function markupIn(text: string): string[] {
  const bare = text.replace(/\\[\s\S]/g, '_');
  return [/\]\(/, /!\[/, /<\/?[a-z!]/i, /&[a-z#]\w*;/i].filter((re) => re.test(bare)).map(String);
}

/** Every text the bot sent anywhere, and every invoke answer, as one string. */
function everythingSent(world: World, answers: unknown[]): string {
  return JSON.stringify(world.connector.calls.map((c) => c.body)) + JSON.stringify(answers);
}

function orderCardData(o: Record<string, string> = {}) {
  return {
    draftId: randomUUID(),
    taskType: 'lecture',
    areas: 'mental_health',
    date: '2026-12-15',
    start: '13:00',
    end: '15:00',
    remote: 'false',
    municipality: 'Jyväskylä',
    address: 'Keskussairaalantie 19',
    expertCount: '1',
    language: 'fi',
    ...o,
  };
}

describe('safe text (SPEC §9)', () => {
  let world: World;
  let people: Cast;
  let chain: Chain;
  let logged: sinon.SinonSpy[];
  const answers: unknown[] = [];
  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: EXPERT, name: 'Eeva [Expert](https://evil.example)' }),
    ]);
    chain = await approvers(world, false);
    logged = (['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const).map((level) =>
      sinon.spy(log, level),
    );
  });
  after(async () => {
    sinon.restore();
    await world.stop();
  });

  describe('identity codes', () => {
    it('when an order message holds a code with a space, an en dash or a wrong check character, then it is refused politely and no draft is stored', async () => {
      for (const code of CODES) {
        const replies = await people.orderer.say(
          `Luento päihteistä 12.1.2027 klo 10-12 Kuopiossa, asiakas ${code}`,
        );
        answers.push(replies);
        assert.equal(replies.length, 1);
        assert.match(replies[0]!, /henkilötunnus/);
        assert.equal(
          await world.bot.services.drafts.get(people.orderer.aadObjectId),
          undefined,
          code,
        );
      }
    });

    for (const field of ['wishes', 'audience', 'address'] as const) {
      it(`when the order card's ${field} hold a code, then the card is refused, no order is created and the code is not shown back`, async () => {
        const before = await world.bot.services.orders.listByOrderer(
          people.orderer.aadObjectId,
          50,
        );
        for (const code of CODES) {
          const answer = await people.orderer.execute(
            'send_order',
            orderCardData({ [field]: `asiakas ${code}` }),
          );
          answers.push(answer.body);
          assert.equal(answer.status, 200);
          assert.match(JSON.stringify(answer.body), /henkilötunnus/);
          assert.doesNotMatch(JSON.stringify(answer.body), CODE_DIGITS);
        }
        assert.equal(
          (await world.bot.services.orders.listByOrderer(people.orderer.aadObjectId, 50)).length,
          before.length,
        );
      });
    }

    it('when a command holds a code, then it is refused and nothing is done', async () => {
      const replies = await people.coordinator.say(
        '/reassign P-2026-0001 sup@example.fi asiakas 010190 123A',
      );
      answers.push(replies);
      assert.match(replies.join('\n'), /henkilötunnus/);
    });

    describe('in a claim', () => {
      let orderId: string;
      let claimId: string;
      const expert = () => people.experts.get(EXPERT)!;
      before(async () => {
        orderId = await takenTask(world, people, {
          date: '2026-12-01',
          start: '09:00',
          end: '10:30',
        });
        await toHelsinki(world, '2026-12-01T10:30');
        await press(people.orderer, orderId, 'task_done');
      });

      it('when the expense note holds a code, then the claim is refused and no claim is stored', async () => {
        for (const code of CODES) {
          const answer = await press(expert(), orderId, 'submit_claim', {
            expenses: '6,40',
            expensesNote: `taksi ${code}`,
          });
          answers.push(answer);
          assert.match(answer.shown, /henkilötunnus/);
        }
        assert.match(await myFees(expert()), /ei ole vielä palkkiohakemuksia/);
        assert.equal(
          await world.bot.services.claims.listByExpert(EXPERT, 10).then((c) => c.length),
          0,
        );
      });

      it('when the return reason holds a code, then the rejection is refused and the claim stays with the approver', async () => {
        const submitted = await press(expert(), orderId, 'submit_claim', { km: '12' });
        claimId = /P-2026-\d{4}/.exec(submitted.shown)![0];
        await world.settle();
        for (const code of CODES) {
          const answer = await press(chain.supervisor, claimId, 'reject_claim', {
            reason: `asiakas ${code}`,
          });
          answers.push(answer);
          assert.match(answer.shown, /henkilötunnus/);
        }
        await world.settle();
        const claim = (await world.bot.services.claims.load(claimId))!.claim.value;
        assert.equal(claim.status, 'awaiting_supervisor');
        assert.ok(claim.history.every((h) => !h.reason));
      });

      it('when a return reason holds a planted link and HTML, then the expert sees them as plain text', async () => {
        const answer = await press(chain.supervisor, claimId, 'reject_claim', { reason: PLANTED });
        assert.match(answer.shown, /Palautettu korjattavaksi/);
        await world.settle();
        const opening = translator('fi')('claim_step_returned', {
          claimId,
          reason: '\u0000',
        }).split('\u0000')[0]!;
        const told = expert()
          .messages()
          .map((m) => m.text ?? '')
          .find((t) => t.startsWith(opening))!;
        assert.ok(told, 'the expert is told');
        assert.match(told, /click/);
        assert.deepEqual(markupIn(told), []);
        const form = textOf(
          expert()
            .cardsAbout(claimId)
            .filter((c) => JSON.stringify(c).includes('submit_claim'))
            .at(-1)!,
        );
        assert.match(form, /evil\\?\.example/);
        assert.deepEqual(markupIn(form), []);
      });

      it('when the codes were refused everywhere, then none was echoed to anybody or written to a log line', () => {
        assert.doesNotMatch(everythingSent(world, answers), CODE_DIGITS);
        const lines = logged.flatMap((spy) => spy.getCalls().map((c) => JSON.stringify(c.args)));
        assert.ok(
          lines.some((l) => l.includes('identity_code_refused')),
          'the refusal is logged by its code',
        );
        for (const line of lines) assert.doesNotMatch(line, CODE_DIGITS);
      });
    });
  });

  describe('escaping', () => {
    it('when the wishes and audience hold a planted link and HTML, then the expert who takes the task sees plain text', async () => {
      const answer = await people.orderer.execute(
        'send_order',
        orderCardData({
          date: '2026-12-20',
          wishes: PLANTED,
          audience: '**30** <i>hoitajaa</i>',
          address: '[Katu 1](https://evil.example)',
        }),
      );
      const orderId = /T-2026-\d{4}/.exec(textOf(answer.body.value))![0];
      await world.settle();
      const expert = people.experts.get(EXPERT)!;
      const accepted = await expert.submitCard(offerCardsFor(expert, orderId)[0]!, 'accept_offer');
      const shown = textOf(accepted.card!);
      assert.match(shown, /click/);
      assert.match(shown, /hoitajaa/);
      assert.deepEqual(markupIn(shown), []);
      await world.settle();
      // The orderer is told who took it: the expert's register name is escaped too.
      const told = people.orderer
        .messages()
        .map((m) => m.text ?? '')
        .filter((t) => t.includes(orderId))
        .join('\n');
      assert.match(told, /Eeva/);
      assert.deepEqual(markupIn(told), []);
    });
  });
});

describe('limits and links (SPEC §9)', () => {
  let world: World;
  let people: Cast;
  before(async () => {
    world = await World.start();
    people = await cast(world, []);
  });
  after(() => world.stop());

  it('when an orderer sends 31 orders in an hour, then the 31st is refused politely and not created, and an hour later they may order again', async function () {
    this.timeout(120_000);
    for (let i = 0; i < 30; i++) {
      await placeOrder(people.orderer, { date: '2026-12-15' });
      world.clock.advance(60_000);
    }
    const refused = await people.orderer.execute('send_order', orderCardData());
    assert.match(JSON.stringify(refused.body), /jo 30 tilausta/);
    assert.equal(
      (await world.bot.services.orders.listByOrderer(people.orderer.aadObjectId, 100)).length,
      30,
    );
    world.clock.advance(31 * 60_000);
    await placeOrder(people.orderer);
    assert.equal(
      (await world.bot.services.orders.listByOrderer(people.orderer.aadObjectId, 100)).length,
      31,
    );
  });

  describe('export links', () => {
    let payroll: TestUser;
    const exportRows = () =>
      TableClient.fromConnectionString(storageConnectionString(), `${world.prefix}Claims`, {
        allowInsecureConnection: true,
      });
    const rows = async () => {
      const found: Array<Record<string, unknown>> = [];
      for await (const r of exportRows().listEntities({
        queryOptions: { filter: "PartitionKey eq 'export'" },
      }))
        found.push(r);
      return found;
    };
    const linkIn = (text: string) =>
      /https?:\/\/\S+\/exports\/([A-Za-z0-9_-]{43})\/palkkiot\.csv/.exec(text)!;
    const download = (url: string) =>
      fetch(url).then(async (r) => ({ status: r.status, body: await r.text() }));
    before(async () => {
      await world.bot.services.registers.putUnit(UNIT);
      await world.bot.services.registers.putStaff({
        email: 'pay@example.fi',
        name: 'Paavo Payroll',
        role: 'orderer',
        unitId: UNIT.unitId,
      });
      payroll = world.person({ email: 'pay@example.fi' });
      await payroll.install();
    });

    it('when a link is made, then only its hash is stored, it downloads, and after it expires it is refused and deleted', async () => {
      const [url, token] = linkIn((await people.coordinator.say('/export fees')).join('\n'));
      const stored = await rows();
      assert.equal(stored.length, 1);
      assert.doesNotMatch(JSON.stringify(stored), new RegExp(token!));
      assert.equal(stored[0]!.rowKey, createHash('sha256').update(token!).digest('hex'));
      assert.equal((await download(url)).status, 200);
      world.clock.advance(24 * 3600_000 + 1000);
      const expired = await download(url);
      assert.equal(expired.status, 404);
      assert.match(expired.body, /vanhentunut/);
      assert.equal((await rows()).length, 0);
    });

    it('when a new link is made, then links that expired unopened are swept away', async () => {
      await people.coordinator.say('/export fees');
      world.clock.advance(25 * 3600_000);
      await people.coordinator.say('/export fees');
      assert.equal((await rows()).length, 1);
    });

    it('when the requester has lost the payroll role, then their link answers like an expired one', async () => {
      const [url] = linkIn((await payroll.say('/export fees')).join('\n'));
      assert.equal((await download(url)).status, 200);
      await world.bot.services.registers.putUnit({ ...UNIT, payrollEmail: 'newpay@example.fi' });
      const refused = await download(url);
      assert.equal(refused.status, 404);
      assert.match(refused.body, /vanhentunut/);
    });

    it('when an outsider presses the export button, then they get the same refusal as any unauthorised action and no link is made', async () => {
      const before = (await rows()).length;
      const sentBefore = people.orderer.messages().length;
      const answer = await people.orderer.execute('export_fees', {});
      assert.match(JSON.stringify(answer.body), /vain koordinaattoreille/);
      assert.doesNotMatch(JSON.stringify(answer.body), /lähetetty/);
      assert.equal(people.orderer.messages().length, sentBefore);
      assert.equal((await rows()).length, before);
    });
  });

  it('when a day has passed since the e-mail was read, then it is read again from Teams and a changed address takes effect', async () => {
    const person = world.person({ email: 'old@example.fi' });
    await person.install();
    const lookups = () => world.connector.calls.filter((c) => c.kind === 'get_member').length;
    world.connector.addMember({
      id: person.id,
      aadObjectId: person.aadObjectId,
      email: 'new@example.fi',
      userPrincipalName: 'new@example.fi',
      name: 'Test Person',
    });
    const before = lookups();
    await person.say('apua');
    assert.equal(lookups(), before, 'not asked again within the day');
    assert.equal(
      (await world.bot.services.people.get(person.aadObjectId))!.value.email,
      'old@example.fi',
    );
    world.clock.advance(24 * 3600_000 + 1000);
    await person.say('apua');
    assert.equal(lookups(), before + 1);
    const stored = (await world.bot.services.people.get(person.aadObjectId))!.value;
    assert.equal(stored.email, 'new@example.fi');
    assert.equal(stored.emailCheckedAt, world.clock.now().toISOString());
    assert.equal(await world.bot.services.people.findByEmail('old@example.fi'), undefined);
  });
});
