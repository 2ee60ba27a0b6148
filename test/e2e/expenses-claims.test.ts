import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { assertValidCard, inputsOf, textOf } from '../support/cards';
import { approvers, cardWith, type Chain, myFees, press, toHelsinki } from '../support/fees';
import { anExpert, cast, offerCardsFor, placeOrder, type Cast } from '../support/scenario';
import { World } from '../support/world';

const fi = translator('fi');
const MENTOR = 'marja.mentori@example.fi';
const TRAINEE = 'tiina.trainee@example.fi';
const PEER = 'pirjo.peer@example.fi';
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('expenses-only claims: unpaid is not uncompensated (SPEC §5)', () => {
  let world: World;
  let people: Cast;
  let chain: Chain;

  before(async () => {
    world = await World.start();
    people = await cast(world, [
      anExpert({ email: MENTOR, name: 'Marja Mentori' }),
      anExpert({ email: TRAINEE, name: 'Tiina Trainee', mentorEmail: MENTOR }),
      anExpert({ email: PEER, name: 'Pirjo Peer', kind: 'peer' }),
    ]);
    chain = await approvers(world, true);
  });
  after(() => world.stop());

  /** Approves a claim at each stage and marks it paid; returns what payroll's CSV shows. */
  async function throughTheChain(claimId: string): Promise<void> {
    await world.settle();
    await press(chain.supervisor, claimId, 'approve_claim');
    await world.settle();
    await press(chain.director, claimId, 'approve_claim');
    await world.settle();
    await press(chain.payroll, claimId, 'mark_claim_paid');
    await world.settle();
  }

  it('when a trainee went along on a lecture, then they claim only their kilometres, through the same chain, and are paid', async () => {
    const orderId = await placeOrder(people.orderer, {
      date: '2026-12-01',
      start: '09:00',
      end: '11:00',
    });
    await world.settle();
    const mentor = people.experts.get(MENTOR)!;
    const trainee = people.experts.get(TRAINEE)!;
    await mentor.submitCard(offerCardsFor(mentor, orderId)[0]!, 'accept_offer');
    await world.settle();
    await trainee.submitCard(offerCardsFor(trainee, orderId).at(-1)!, 'accept_offer');
    await world.settle();

    await toHelsinki(world, '2026-12-01T11:00');
    const form = cardWith(trainee, orderId, 'submit_claim').card;
    assertValidCard(form);
    const shown = textOf(form);
    assert.match(shown, new RegExp(fi('expenses_claim_title')));
    assert.deepEqual(
      Object.keys(inputsOf(form)).sort(),
      ['expenses', 'expensesNote', 'km'],
      'kilometres and expenses only: no times, no payment type',
    );
    await press(people.orderer, orderId, 'task_done');
    const submitted = await press(trainee, orderId, 'submit_claim', { km: '24' });
    const claimId = /P-2026-\d{4}/.exec(submitted.shown)![0];
    assert.match(submitted.shown, new RegExp(fi('claim_status_awaiting_supervisor')));
    assert.match(submitted.shown, new RegExp(escape(fi('amount_fee_unpaid'))));
    assert.match(submitted.shown, /13,20/, '24 km × 0,55 €');

    const claim = (await world.bot.services.claims.load(claimId))!.claim.value;
    const amount = claim.versions.at(-1)!.amount;
    assert.deepEqual([amount.feeCents, amount.kmCents, amount.totalCents], [0, 1320, 1320]);
    assert.equal(claim.expertEmail, TRAINEE);

    // The mentor's own claim is a fee claim as before.
    const mentorForm = cardWith(mentor, orderId, 'submit_claim').card;
    assert.match(textOf(mentorForm), new RegExp(fi('claim_form_title')));

    await throughTheChain(claimId);
    assert.match(await myFees(trainee), /Maksettu/);
    assert.equal((await world.bot.services.claims.load(claimId))!.claim.value.status, 'paid');
  });

  it('when a peer supporter held a peer group, then their travel and expenses claim goes through the chain and is paid', async () => {
    const orderId = await placeOrder(people.orderer, {
      date: '2026-12-02',
      start: '09:00',
      end: '11:00',
      taskType: 'peer_group',
    });
    await world.settle();
    const peer = people.experts.get(PEER)!;
    const offer = offerCardsFor(peer, orderId)[0]!;
    assert.match(textOf(offer), /ei palkkiota/);
    await peer.submitCard(offer, 'accept_offer');
    await world.settle();
    await toHelsinki(world, '2026-12-02T11:00');
    await press(people.orderer, orderId, 'task_done');
    const submitted = await press(peer, orderId, 'submit_claim', {
      km: '10',
      expenses: '4,50',
      expensesNote: 'Pysäköinti',
    });
    const claimId = /P-2026-\d{4}/.exec(submitted.shown)![0];
    const amount = (await world.bot.services.claims.load(claimId))!.claim.value.versions.at(
      -1,
    )!.amount;
    assert.deepEqual([amount.feeCents, amount.kmCents, amount.expensesCents], [0, 550, 450]);
    await world.settle();
    const atSupervisor = textOf(cardWith(chain.supervisor, claimId, 'approve_claim').card);
    assert.match(atSupervisor, /Pirjo Peer/);
    assert.match(atSupervisor, /10,00/);
    await throughTheChain(claimId);
    assert.equal((await world.bot.services.claims.load(claimId))!.claim.value.status, 'paid');
  });
});
