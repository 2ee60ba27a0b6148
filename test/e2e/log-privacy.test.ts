import assert from 'node:assert/strict';
import sinon from 'sinon';
import { log, logStream } from '../../src/log';
import { translator } from '../../src/i18n';
import { approvers, EXPERT, press, toHelsinki } from '../support/fees';
import { anExpert, cast, offerCardsFor } from '../support/scenario';
import { World } from '../support/world';
import { textOf } from '../support/cards';

const fi = translator('fi');

/** What the test people are and wrote: none of it may reach the log (SPEC §13). */
const NAMES = [
  'Eeva Expert',
  'Olli Orderer',
  'Kaisa Coordinator',
  'Sanna Supervisor',
  'Paavo Payroll',
  'Sami Stranger',
  'Eeva',
  'Olli',
  'Kaisa',
  'Sanna',
  'Paavo',
  'Sami',
];
const EMAILS = [
  EXPERT,
  'orderer@example.fi',
  'coord@example.fi',
  'sup@example.fi',
  'pay@example.fi',
  'stranger@example.fi',
];
const FREE_TEXTS = [
  'Tarvitsemme kokemusasiantuntijan Hervannan nuorisoasemalle',
  'Hervannan',
  'Sairaanhoitajat ja nuorisotyöntekijät',
  'Toivomme kertomusta toipumisesta',
  'Keskussairaalantie 19',
  'Bussiliput Jyväskylään',
  'Matka oli vain kaksikymmentä kilometriä',
  'Kiitos koskettavasta puheenvuorosta',
  'Tilaisuus oli hyvin valmisteltu',
  'Vieras yrittää antaa palautetta',
];
const AREAS = [
  'mental_health',
  'substance_use',
  fi('area_mental_health'),
  fi('area_substance_use'),
];

describe('the log of a whole run (SPEC §13)', () => {
  let world: World;
  const lines: string[] = [];
  const level = log.level;

  before(async function () {
    this.timeout(120_000);
    log.level = 'trace';
    sinon.replace(logStream, 'out', { write: (line: string) => lines.push(line) });
    world = await World.start();
    const people = await cast(world, [
      anExpert({ email: EXPERT, name: 'Eeva Expert', areas: ['mental_health', 'substance_use'] }),
    ]);
    const chain = await approvers(world, false);
    const expert = people.experts.get(EXPERT)!;

    // An order in the orderer's own words, then sent from the card with free texts.
    await people.orderer.say(`${FREE_TEXTS[0]} luennolle 2.12.2026 klo 13–15 Jyväskylässä`);
    const sent = await people.orderer.execute('send_order', {
      draftId: 'log-test-draft',
      taskType: 'lecture',
      areas: 'mental_health',
      date: '2026-12-02',
      start: '13:00',
      end: '15:00',
      remote: 'false',
      municipality: 'Jyväskylä',
      address: FREE_TEXTS[4],
      expertCount: '1',
      language: 'fi',
      audience: FREE_TEXTS[2],
      wishes: FREE_TEXTS[3],
    });
    const orderId = /T-\d{4}-\d{4}/.exec(textOf(sent.body?.value ?? {}))![0];
    await world.settle();
    await expert.submitCard(offerCardsFor(expert, orderId)[0]!, 'accept_offer');
    await world.settle();

    // The task ends: Task done, the claim, a return for correction, approval, payment.
    await toHelsinki(world, '2026-12-02T15:00');
    await press(people.orderer, orderId, 'task_done');
    const submitted = await press(expert, orderId, 'submit_claim', {
      km: '40',
      expenses: '6,40',
      expensesNote: FREE_TEXTS[5],
    });
    const claimId = /P-\d{4}-\d{4}/.exec(submitted.shown)![0];
    await world.settle();
    await press(chain.supervisor, claimId, 'reject_claim', { reason: FREE_TEXTS[6] });
    await world.settle();
    await press(expert, claimId, 'submit_claim', { km: '20' });
    await world.settle();
    await press(chain.supervisor, claimId, 'approve_claim');
    await world.settle();
    await press(chain.payroll, claimId, 'mark_claim_paid');
    await world.settle();

    // Feedback both ways, with comments.
    await toHelsinki(world, '2026-12-02T17:00');
    await press(people.orderer, orderId, 'send_feedback', { rating: '5', comment: FREE_TEXTS[7] });
    await press(expert, orderId, 'send_feedback', { rating: '4', comment: FREE_TEXTS[8] });
    // Someone outside the task tries to answer its card (refused, and logged as a warning).
    const stranger = world.person({ email: 'stranger@example.fi', name: 'Sami Stranger' });
    await stranger.install();
    await stranger.execute('send_feedback', { orderId, rating: '1', comment: FREE_TEXTS[9] });
    await expert.say('omat tiedot');
    await world.settle();
    assert.equal((await world.bot.services.claims.load(claimId))?.claim.value.status, 'paid');
    assert.equal((await world.bot.services.feedback.get(orderId, EXPERT))?.comment, FREE_TEXTS[8]);
  });

  after(async () => {
    sinon.restore();
    log.level = level;
    await world.stop();
  });

  it('when the run is over, then the log has its feedback lines and the refused click', () => {
    const events = new Set(lines.map((l) => (JSON.parse(l) as { event?: string }).event));
    for (const event of ['feedback_card_sent', 'feedback_given', 'feedback_refused'])
      assert.ok(events.has(event), event);
    assert.ok(lines.length >= 5, `only ${lines.length} lines`);
  });

  for (const [what, needles] of [
    ['names', NAMES],
    ['e-mail addresses', EMAILS],
    ['free texts', FREE_TEXTS],
    ['experience areas', AREAS],
  ] as const) {
    it(`when the log is read, then it holds none of the test people's ${what}`, () => {
      const all = lines.join('\n');
      const found = needles.filter((n) => all.includes(n));
      assert.deepEqual(
        found,
        [],
        `in the log: ${found.map((n) => lines.find((l) => l.includes(n))).join('\n')}`,
      );
    });
  }
});
