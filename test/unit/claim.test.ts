import assert from 'node:assert/strict';
import { computeClaimAmount } from '../../src/domain/fees/claim-amount';
import {
  type Claim,
  type ClaimChain,
  type ClaimCommand,
  type ClaimVersion,
  createClaim,
  decideClaim,
  dueReminders,
  heldForCoordinators,
  nextTimerAt,
} from '../../src/domain/fees/claim';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';
import { helsinkiInstant } from '../../src/domain/shared/helsinki';

const EXPERT = 'aino.expert@example.fi';
const ORDERER = 'olli.orderer@example.fi';
const SUPERVISOR = 'sanna.supervisor@example.fi';
const DIRECTOR = 'diana.director@example.fi';
const PAYROLL = 'pekka.payroll@example.fi';
const COORDINATOR = 'kaisa.coordinator@example.fi';

function aVersion(
  overrides: Partial<ClaimVersion> = {},
): Omit<ClaimVersion, 'version' | 'submittedAt'> {
  const amount = computeClaimAmount({
    taskType: 'lecture',
    expertKind: 'trained',
    actualStart: '13:00',
    actualEnd: '15:00',
    km: 12.5,
    otherExpensesCents: 0,
    tariff: DEFAULT_TARIFF,
  });
  assert.ok(amount.ok);
  return {
    actualStart: '13:00',
    actualEnd: '15:00',
    km: 12.5,
    otherExpensesCents: 0,
    paymentType: 'palkkio',
    amount: amount.value,
    tariffVersion: DEFAULT_TARIFF.version,
    ...overrides,
  };
}

function aClaim(options: { chain?: Partial<ClaimChain>; at?: Date } = {}): Claim {
  const at = options.at ?? helsinkiInstant('2026-03-02', '10:00');
  return createClaim({
    claimId: 'P-2026-0001',
    orderId: 'T-2026-0001',
    expertEmail: EXPERT,
    unitId: 'unit-1',
    chain: {
      orderer: ORDERER,
      supervisor: SUPERVISOR,
      director: DIRECTOR,
      payroll: PAYROLL,
      ...options.chain,
    },
    version: { ...aVersion(), submittedAt: at.toISOString() },
    at,
  });
}

let minute = 0;
/** Each act a minute later than the one before, on Tuesday 3.3.2026. */
function nextMinute(): Date {
  minute++;
  return new Date(helsinkiInstant('2026-03-03', '09:00').getTime() + minute * 60_000);
}

type Act = ClaimCommand extends infer C
  ? C extends ClaimCommand
    ? Omit<C, 'at'> & { at?: Date }
    : never
  : never;

function act(claim: Claim, cmd: Act) {
  const result = decideClaim(claim, { ...cmd, at: cmd.at ?? nextMinute() });
  assert.ok(result.ok, `refused: ${result.ok ? '' : result.error}`);
  return result.value;
}

function refusal(claim: Claim, cmd: Act): string {
  const result = decideClaim(claim, { ...cmd, at: cmd.at ?? nextMinute() });
  assert.ok(!result.ok, `accepted: ${JSON.stringify(cmd)}`);
  return result.error;
}

function throughSteps(claim: Claim, ...steps: Act[]): Claim {
  return steps.reduce((c, cmd) => act(c, cmd).claim, claim);
}

const confirm: Act = { type: 'confirm_task', actor: ORDERER };
const bySupervisor: Act = { type: 'approve', actor: SUPERVISOR };
const byDirector: Act = { type: 'approve', actor: DIRECTOR };

describe('fee claim', () => {
  it('when a claim is sent, then it waits for the orderer and keeps version 1', () => {
    const claim = createClaim({
      claimId: 'P-2026-0001',
      orderId: 'T-2026-0001',
      expertEmail: 'Aino.Expert@Example.fi',
      unitId: 'unit-1',
      chain: { orderer: 'Olli.Orderer@example.fi', supervisor: SUPERVISOR, payroll: PAYROLL },
      version: { ...aVersion(), submittedAt: '2026-03-02T08:00:00.000Z' },
      at: new Date('2026-03-02T08:00:00.000Z'),
    });
    assert.equal(claim.status, 'awaiting_orderer');
    assert.equal(claim.holderEmail, ORDERER);
    assert.equal(claim.expertEmail, EXPERT);
    assert.equal(claim.holderSince, '2026-03-02T08:00:00.000Z');
    assert.deepEqual(
      claim.versions.map((v) => v.version),
      [1],
    );
    assert.equal(claim.chain.director, undefined);
  });

  it('when four people click in turn, then the claim goes orderer → supervisor → director → payroll → paid and the expert hears of each step', () => {
    let claim = aClaim();
    const seen: Array<[string, string]> = [];
    for (const cmd of [
      confirm,
      bySupervisor,
      byDirector,
      { type: 'mark_paid', actor: PAYROLL } as Act,
    ]) {
      const decision = act(claim, cmd);
      claim = decision.claim;
      seen.push([claim.status, claim.holderEmail]);
      assert.ok(
        decision.effects.some((e) => e.type === 'notify_expert' && e.status === claim.status),
      );
      assert.ok(decision.effects.some((e) => e.type === 'update_cards'));
      const toHolder = decision.effects.filter((e) => e.type === 'card_to_holder');
      assert.deepEqual(
        toHolder,
        claim.status === 'paid' ? [] : [{ type: 'card_to_holder', email: claim.holderEmail }],
      );
    }
    // The orderer's confirmation is also recorded on the order, for the task's later claims.
    assert.deepEqual(
      act(aClaim(), confirm).effects.filter((e) => e.type === 'record_task_done'),
      [{ type: 'record_task_done', by: ORDERER }],
    );
    assert.deepEqual(seen, [
      ['awaiting_supervisor', SUPERVISOR],
      ['awaiting_director', DIRECTOR],
      ['awaiting_payroll', PAYROLL],
      ['paid', PAYROLL],
    ]);
    assert.deepEqual(
      claim.history.map((h) => [h.step, h.by, h.action, h.version]),
      [
        ['orderer', ORDERER, 'approved', 1],
        ['supervisor', SUPERVISOR, 'approved', 1],
        ['director', DIRECTOR, 'approved', 1],
        ['payroll', PAYROLL, 'paid', 1],
      ],
    );
  });

  it("when the unit has no director, then the supervisor's approval sends the claim to payroll", () => {
    const claim = throughSteps(aClaim({ chain: { director: undefined } }), confirm, bySupervisor);
    assert.equal(claim.status, 'awaiting_payroll');
    assert.equal(claim.holderEmail, PAYROLL);
    assert.equal(refusal(claim, byDirector), 'not_your_approval');
    assert.equal(act(claim, { type: 'mark_paid', actor: PAYROLL }).claim.status, 'paid');
  });

  it('when an approver rejects without a reason, or with an over-long one, then nothing changes', () => {
    const claim = throughSteps(aClaim(), confirm);
    assert.equal(
      refusal(claim, { type: 'reject', actor: SUPERVISOR, reason: '   ' }),
      'reason_required',
    );
    assert.equal(
      refusal(claim, { type: 'reject', actor: SUPERVISOR, reason: 'x'.repeat(501) }),
      'reason_too_long',
    );
  });

  it('when the supervisor rejects with a reason, then the claim returns to the expert with the reason', () => {
    const claim = throughSteps(aClaim(), confirm);
    const { claim: returned, effects } = act(claim, {
      type: 'reject',
      actor: SUPERVISOR,
      reason: ' Kilometrit eivät täsmää ',
    });
    assert.equal(returned.status, 'returned');
    assert.equal(returned.holderEmail, EXPERT);
    assert.deepEqual(effects, [
      { type: 'update_cards' },
      { type: 'notify_expert', status: 'returned', reason: 'Kilometrit eivät täsmää' },
      { type: 'claim_form_to_expert' },
    ]);
    assert.equal(returned.history.at(-1)?.reason, 'Kilometrit eivät täsmää');
    assert.equal(refusal(returned, bySupervisor), 'claim_returned');
  });

  it('when the expert corrects a returned claim, then version 2 goes to the supervisor, because the orderer already confirmed the task, and the history is kept', () => {
    const returned = throughSteps(aClaim(), confirm, bySupervisor, {
      type: 'reject',
      actor: DIRECTOR,
      reason: 'Kulut puuttuvat',
    });
    const at = helsinkiInstant('2026-03-04', '12:00');
    const { claim, effects } = act(returned, {
      type: 'resubmit',
      actor: EXPERT,
      at,
      version: aVersion({ otherExpensesCents: 1500, expensesNote: 'Juna' }),
    });
    assert.equal(claim.status, 'awaiting_supervisor');
    assert.equal(claim.holderEmail, SUPERVISOR);
    assert.deepEqual(
      claim.versions.map((v) => [v.version, v.otherExpensesCents]),
      [
        [1, 0],
        [2, 1500],
      ],
    );
    assert.equal(claim.versions[1]?.submittedAt, at.toISOString());
    assert.deepEqual(
      claim.history.map((h) => h.action),
      ['approved', 'approved', 'rejected'],
    );
    assert.deepEqual(effects, [
      { type: 'update_cards' },
      { type: 'card_to_holder', email: SUPERVISOR },
    ]);

    const approvedAgain = act(claim, bySupervisor).claim;
    assert.equal(
      approvedAgain.status,
      'awaiting_director',
      'the supervisor approves version 2 anew',
    );
    assert.equal(approvedAgain.history.at(-1)?.version, 2);
  });

  it('when the orderer rejects and the expert corrects, then version 2 goes back to the orderer', () => {
    const returned = throughSteps(aClaim(), {
      type: 'reject',
      actor: ORDERER,
      reason: 'Tehtävä kesti tunnin',
    });
    const claim = act(returned, {
      type: 'resubmit',
      actor: EXPERT,
      version: aVersion({ actualEnd: '14:00' }),
    }).claim;
    assert.equal(claim.status, 'awaiting_orderer');
    assert.equal(claim.holderEmail, ORDERER);
  });

  it('when someone else resubmits, or the claim is not returned, then it is refused', () => {
    const returned = throughSteps(aClaim(), {
      type: 'reject',
      actor: ORDERER,
      reason: 'Väärä päivä',
    });
    assert.equal(
      refusal(returned, { type: 'resubmit', actor: ORDERER, version: aVersion() }),
      'not_the_expert',
    );
    assert.equal(
      refusal(aClaim(), { type: 'resubmit', actor: EXPERT, version: aVersion() }),
      'claim_not_returned',
    );
    assert.equal(
      refusal(returned, {
        type: 'resubmit',
        actor: EXPERT,
        version: aVersion({ paymentType: 'tyokorvaus', businessId: '0737546-3' }),
      }),
      'business_id_invalid',
    );
    const withInvoice = aVersion({ paymentType: 'tyokorvaus', businessId: '0737546-2' });
    assert.equal(
      act(returned, { type: 'resubmit', actor: EXPERT, version: withInvoice }).claim.versions[1]
        ?.businessId,
      '0737546-2',
    );
  });

  it('when someone other than the holder clicks Approve (a forged card), then it is refused and nothing changes', () => {
    const claim = throughSteps(aClaim(), confirm);
    assert.equal(refusal(claim, byDirector), 'not_your_approval');
    assert.equal(
      refusal(claim, { type: 'approve', actor: PAYROLL, step: 'supervisor' }),
      'not_your_approval',
    );
    assert.equal(
      refusal(claim, { type: 'reject', actor: DIRECTOR, reason: 'ei käy' }),
      'not_your_approval',
    );
    assert.equal(refusal(claim, { type: 'approve', actor: ORDERER }), 'not_your_approval');
  });

  it("when the holder's email differs only in case, then the approval is accepted", () => {
    const claim = throughSteps(aClaim(), confirm);
    assert.equal(
      act(claim, { type: 'approve', actor: 'Sanna.Supervisor@EXAMPLE.fi' }).claim.status,
      'awaiting_director',
    );
  });

  it('when the same person clicks the same button twice, then the second click is refused as already approved', () => {
    const afterOrderer = throughSteps(aClaim(), confirm);
    assert.equal(refusal(afterOrderer, confirm), 'claim_already_approved');
    const afterSupervisor = throughSteps(afterOrderer, bySupervisor);
    assert.equal(refusal(afterSupervisor, bySupervisor), 'claim_already_approved');
    assert.equal(
      refusal(afterSupervisor, { type: 'reject', actor: SUPERVISOR, reason: 'hups' }),
      'claim_already_approved',
    );
    const paid = throughSteps(afterSupervisor, byDirector, { type: 'mark_paid', actor: PAYROLL });
    assert.equal(refusal(paid, { type: 'mark_paid', actor: PAYROLL }), 'claim_already_approved');
    assert.equal(refusal(paid, { type: 'approve', actor: COORDINATOR }), 'claim_already_closed');
  });

  it('when one person is both supervisor and director, then one click approves both stages, the history shows both, and the expert is told once', () => {
    const atSupervisor = throughSteps(aClaim({ chain: { director: SUPERVISOR } }), confirm);
    const at = helsinkiInstant('2026-03-04', '10:00');
    const { claim, effects } = act(atSupervisor, {
      type: 'approve',
      actor: SUPERVISOR,
      step: 'supervisor',
      at,
    });
    assert.equal(claim.status, 'awaiting_payroll');
    assert.equal(claim.holderEmail, PAYROLL);
    assert.deepEqual(
      claim.history.slice(1).map((h) => [h.step, h.action, h.by, h.at]),
      [
        ['supervisor', 'approved', SUPERVISOR, at.toISOString()],
        ['director', 'approved', SUPERVISOR, at.toISOString()],
      ],
    );
    assert.deepEqual(effects, [
      { type: 'update_cards' },
      { type: 'notify_expert', status: 'awaiting_payroll' },
      { type: 'card_to_holder', email: PAYROLL },
    ]);
    // A second click on the same card, or on a director card drawn before, changes nothing.
    assert.equal(
      refusal(claim, { type: 'approve', actor: SUPERVISOR, step: 'supervisor' }),
      'claim_already_approved',
    );
    assert.equal(
      refusal(claim, { type: 'approve', actor: SUPERVISOR, step: 'director' }),
      'claim_already_approved',
    );
  });

  it('when the director is also payroll, then Approve does not mark the claim paid', () => {
    const claim = throughSteps(
      aClaim({ chain: { payroll: DIRECTOR } }),
      confirm,
      bySupervisor,
      byDirector,
    );
    assert.equal(claim.status, 'awaiting_payroll');
    assert.equal(act(claim, { type: 'mark_paid', actor: DIRECTOR }).claim.status, 'paid');
  });

  it('when the orderer is also the supervisor, then Task done and Approve are two separate steps', () => {
    const claim = throughSteps(aClaim({ chain: { orderer: SUPERVISOR } }), {
      type: 'confirm_task',
      actor: SUPERVISOR,
    });
    assert.equal(act(claim, bySupervisor).claim.status, 'awaiting_director');
  });

  it('when someone other than payroll marks the claim paid, or payroll does it early, then it is refused', () => {
    const atPayroll = throughSteps(aClaim(), confirm, bySupervisor, byDirector);
    assert.equal(refusal(atPayroll, { type: 'mark_paid', actor: DIRECTOR }), 'not_your_approval');
    assert.equal(refusal(atPayroll, { type: 'approve', actor: PAYROLL }), 'not_your_approval');
    const atSupervisor = throughSteps(aClaim(), confirm);
    assert.equal(refusal(atSupervisor, { type: 'mark_paid', actor: PAYROLL }), 'not_your_approval');
  });

  it('when a coordinator reassigns a stage, then only the holder changes and the new holder can act', () => {
    const waiting = {
      ...throughSteps(aClaim(), confirm, bySupervisor),
      remindedAt: '2026-03-10T06:00:00.000Z',
      escalatedAt: '2026-03-11T06:00:00.000Z',
    };
    const at = helsinkiInstant('2026-03-11', '10:00');
    const { claim, effects } = act(waiting, {
      type: 'reassign',
      actor: COORDINATOR,
      to: 'Deputy@example.fi',
      at,
    });
    assert.equal(claim.status, 'awaiting_director');
    assert.equal(claim.holderEmail, 'deputy@example.fi');
    assert.equal(claim.holderSince, at.toISOString());
    assert.deepEqual(claim.chain, waiting.chain);
    assert.deepEqual(claim.versions, waiting.versions);
    assert.equal(claim.remindedAt, undefined);
    assert.equal(claim.escalatedAt, undefined);
    assert.deepEqual(claim.history.at(-1), {
      step: 'director',
      by: COORDINATOR,
      at: at.toISOString(),
      action: 'reassigned',
      version: 1,
      from: DIRECTOR,
      to: 'deputy@example.fi',
    });
    assert.deepEqual(effects, [
      { type: 'update_cards' },
      { type: 'card_to_holder', email: 'deputy@example.fi' },
      { type: 'notify_reassigned', from: DIRECTOR, to: 'deputy@example.fi' },
    ]);

    assert.equal(refusal(claim, byDirector), 'not_your_approval');
    assert.equal(
      refusal(claim, { type: 'reassign', actor: COORDINATOR, to: 'deputy@example.fi' }),
      'already_the_holder',
    );
    const approved = act(claim, { type: 'approve', actor: 'deputy@example.fi' }).claim;
    assert.equal(approved.status, 'awaiting_payroll');
    assert.equal(approved.holderEmail, PAYROLL);
  });

  it('when a paid or returned claim is reassigned, then it is refused', () => {
    const paid = throughSteps(aClaim(), confirm, bySupervisor, byDirector, {
      type: 'mark_paid',
      actor: PAYROLL,
    });
    assert.equal(
      refusal(paid, { type: 'reassign', actor: COORDINATOR, to: 'x@example.fi' }),
      'claim_already_closed',
    );
    const returned = throughSteps(aClaim(), { type: 'reject', actor: ORDERER, reason: 'ei' });
    assert.equal(
      refusal(returned, { type: 'reassign', actor: COORDINATOR, to: 'x@example.fi' }),
      'claim_returned',
    );
  });
});

describe('fee claim: nobody decides on their own claim (SPEC §2)', () => {
  /** The expert is also the unit's supervisor, director and payroll, as the demo user once was. */
  const everyStage = { supervisor: EXPERT, director: EXPERT, payroll: EXPERT };

  it('when the expert clicks Task done, Approve, Reject or Mark paid on their own claim at any stage, then it is refused and nothing changes', () => {
    const asOrderer = aClaim({ chain: { orderer: EXPERT } });
    assert.equal(asOrderer.holderEmail, EXPERT);
    const stages = [
      asOrderer,
      { ...throughSteps(aClaim(), confirm), holderEmail: EXPERT },
      { ...throughSteps(aClaim(), confirm, bySupervisor), holderEmail: EXPERT },
      { ...throughSteps(aClaim(), confirm, bySupervisor, byDirector), holderEmail: EXPERT },
    ];
    for (const claim of stages) {
      for (const cmd of [
        { type: 'confirm_task', actor: EXPERT },
        { type: 'approve', actor: EXPERT },
        { type: 'approve', actor: 'Aino.Expert@EXAMPLE.fi', step: 'supervisor' },
        { type: 'approve', actor: EXPERT, step: 'director' },
        { type: 'reject', actor: EXPERT, reason: 'väärin' },
        { type: 'mark_paid', actor: EXPERT },
      ] as Act[]) {
        const before = structuredClone(claim);
        assert.equal(refusal(claim, cmd), 'own_claim', `${claim.status} ${JSON.stringify(cmd)}`);
        assert.deepEqual(claim, before);
      }
    }
  });

  it("when a coordinator who is the claim's expert reassigns a stage of it to themselves, then it is refused at every stage", () => {
    const stages = [
      aClaim(),
      throughSteps(aClaim(), confirm),
      throughSteps(aClaim(), confirm, bySupervisor),
      throughSteps(aClaim(), confirm, bySupervisor, byDirector),
    ];
    for (const claim of stages) {
      assert.equal(
        refusal(claim, { type: 'reassign', actor: EXPERT, to: 'AINO.expert@example.fi' }),
        'own_claim_reassign',
        claim.status,
      );
      assert.equal(
        refusal(claim, { type: 'reassign', actor: COORDINATOR, to: EXPERT }),
        'own_claim_reassign',
        claim.status,
      );
    }
  });

  it("when the expert is the unit's supervisor, then the stage does not go to them: coordinators are asked for a stand-in, who can approve", () => {
    const { claim, effects } = act(aClaim({ chain: { supervisor: EXPERT } }), confirm);
    assert.equal(claim.status, 'awaiting_supervisor');
    assert.deepEqual(
      effects.filter((e) => e.type === 'card_to_holder' || e.type === 'stand_in_needed'),
      [{ type: 'stand_in_needed' }],
    );
    assert.equal(refusal(claim, { type: 'approve', actor: EXPERT }), 'own_claim');
    const reassigned = act(claim, {
      type: 'reassign',
      actor: COORDINATOR,
      to: 'deputy@example.fi',
    });
    assert.deepEqual(reassigned.claim.history.at(-1)?.from, EXPERT);
    assert.ok(
      reassigned.effects.some(
        (e) => e.type === 'card_to_holder' && e.email === 'deputy@example.fi',
      ),
    );
    assert.equal(
      act(reassigned.claim, { type: 'approve', actor: 'deputy@example.fi' }).claim.status,
      'awaiting_director',
    );
  });

  it('when the expert holds every stage of the unit and also ordered the task, then each stage asks for a stand-in and none is skipped', () => {
    let claim = createClaim({
      claimId: 'P-2026-0002',
      orderId: 'T-2026-0002',
      expertEmail: EXPERT,
      unitId: 'unit-1',
      chain: { orderer: EXPERT, ...everyStage },
      version: { ...aVersion(), submittedAt: '2026-03-02T08:00:00.000Z' },
      at: new Date('2026-03-02T08:00:00.000Z'),
      confirmed: { by: EXPERT, at: '2026-03-02T07:00:00.000Z' }, // the expert's own Task done on the order
    });
    assert.equal(
      claim.status,
      'awaiting_orderer',
      'their own Task done does not confirm their claim',
    );
    assert.deepEqual(claim.history, []);
    const seen: string[] = [];
    for (const deputy of ['d1@example.fi', 'd2@example.fi', 'd3@example.fi', 'd4@example.fi']) {
      claim = act(claim, { type: 'reassign', actor: COORDINATOR, to: deputy }).claim;
      const step = claim.status;
      const moved = act(claim, {
        type:
          step === 'awaiting_orderer'
            ? 'confirm_task'
            : step === 'awaiting_payroll'
              ? 'mark_paid'
              : 'approve',
        actor: deputy,
      });
      claim = moved.claim;
      seen.push(step);
      if (claim.status !== 'paid')
        assert.ok(
          moved.effects.some((e) => e.type === 'stand_in_needed'),
          step,
        );
    }
    assert.deepEqual(seen, [
      'awaiting_orderer',
      'awaiting_supervisor',
      'awaiting_director',
      'awaiting_payroll',
    ]);
    assert.equal(claim.status, 'paid');
    assert.ok(claim.history.every((h) => h.by !== EXPERT));
  });

  it('when a stage waits for a stand-in, then the expert is not reminded to approve their own claim, but coordinators hear after 5 working days', () => {
    const claim = createClaim({
      claimId: 'P-2026-0003',
      orderId: 'T-2026-0003',
      expertEmail: EXPERT,
      unitId: 'unit-1',
      chain: { orderer: EXPERT, ...everyStage },
      version: { ...aVersion(), submittedAt: '2026-03-02T08:00:00.000Z' },
      at: helsinkiInstant('2026-03-02', '10:00'),
    });
    assert.equal(dueReminders(claim, helsinkiInstant('2026-03-06', '10:00')), undefined);
    assert.equal(dueReminders(claim, helsinkiInstant('2026-03-10', '10:00')), 'escalate');
    // Its timer wakes for the coordinators only, then no more until a stand-in has the stage.
    assert.equal(
      nextTimerAt(claim)?.toISOString(),
      helsinkiInstant('2026-03-10', '08:00').toISOString(),
    );
    assert.equal(
      nextTimerAt({ ...claim, escalatedAt: helsinkiInstant('2026-03-10', '08:00').toISOString() }),
      undefined,
    );
  });
});

describe('fee claim reminders', () => {
  // Reaches the supervisor on Thursday 2.4.2026; Friday 3.4. (pitkäperjantai), the weekend and
  // Monday 6.4. (toinen pääsiäispäivä) do not count: working days waited are Tue 7.4. = 1,
  // Wed 8.4. = 2, Thu 9.4. = 3, Fri 10.4. = 4, Mon 13.4. = 5, Tue 14.4. = 6.
  function waitingSinceMaundyThursday(): Claim {
    return act(aClaim({ at: helsinkiInstant('2026-04-01', '09:00') }), {
      ...confirm,
      at: helsinkiInstant('2026-04-02', '10:00'),
    }).claim;
  }

  it('when a claim has waited 2 working days over Easter, then nobody is reminded yet', () => {
    const claim = waitingSinceMaundyThursday();
    assert.equal(dueReminders(claim, helsinkiInstant('2026-04-06', '12:00')), undefined);
    assert.equal(dueReminders(claim, helsinkiInstant('2026-04-08', '23:59')), undefined);
  });

  it('when it has waited more than 2 working days, then the holder is reminded, at most once in 24 h and not at the weekend', () => {
    const claim = waitingSinceMaundyThursday();
    const thursday = helsinkiInstant('2026-04-09', '08:00');
    assert.equal(dueReminders(claim, thursday), 'remind_holder');
    const reminded = { ...claim, remindedAt: thursday.toISOString() };
    assert.equal(dueReminders(reminded, helsinkiInstant('2026-04-09', '20:00')), undefined);
    assert.equal(dueReminders(reminded, helsinkiInstant('2026-04-10', '08:00')), 'remind_holder');
    const remindedFriday = {
      ...claim,
      remindedAt: helsinkiInstant('2026-04-10', '08:00').toISOString(),
    };
    assert.equal(
      dueReminders(remindedFriday, helsinkiInstant('2026-04-11', '09:00')),
      undefined,
      'Saturday',
    );
    assert.equal(
      dueReminders(remindedFriday, helsinkiInstant('2026-04-13', '08:00')),
      'remind_holder',
    );
  });

  it('when a claim arrives on Friday, then the weekend is skipped and the first reminder is on Wednesday', () => {
    const claim = act(aClaim(), { ...confirm, at: helsinkiInstant('2026-03-06', '14:00') }).claim;
    assert.equal(dueReminders(claim, helsinkiInstant('2026-03-10', '12:00')), undefined);
    assert.equal(dueReminders(claim, helsinkiInstant('2026-03-11', '08:00')), 'remind_holder');
  });

  it('when it has waited more than 5 working days, then the coordinators are told once', () => {
    const claim = {
      ...waitingSinceMaundyThursday(),
      remindedAt: helsinkiInstant('2026-04-13', '08:00').toISOString(),
    };
    assert.equal(
      dueReminders(claim, helsinkiInstant('2026-04-13', '20:00')),
      undefined,
      '5 working days is not more than 5',
    );
    const tuesday = helsinkiInstant('2026-04-14', '08:00');
    assert.equal(dueReminders(claim, tuesday), 'escalate');
    const escalated = { ...claim, escalatedAt: tuesday.toISOString() };
    assert.equal(dueReminders(escalated, tuesday), 'remind_holder', 'the holder is still reminded');
    const both = { ...escalated, remindedAt: tuesday.toISOString() };
    assert.equal(dueReminders(both, helsinkiInstant('2026-04-14', '18:00')), undefined);
    assert.equal(
      dueReminders(both, helsinkiInstant('2026-04-20', '08:00')),
      'remind_holder',
      'never escalated twice',
    );
  });

  it('when the holder changes, then the waiting starts again', () => {
    const claim = waitingSinceMaundyThursday();
    const approved = act(claim, {
      ...bySupervisor,
      at: helsinkiInstant('2026-04-14', '09:00'),
    }).claim;
    assert.equal(dueReminders(approved, helsinkiInstant('2026-04-16', '09:00')), undefined);
  });

  it('when a claim is paid or returned, then no reminder is due', () => {
    const returned = act(waitingSinceMaundyThursday(), {
      type: 'reject',
      actor: SUPERVISOR,
      reason: 'korjaa',
      at: helsinkiInstant('2026-04-02', '11:00'),
    }).claim;
    assert.equal(dueReminders(returned, helsinkiInstant('2026-05-01', '09:00')), undefined);
    assert.equal(nextTimerAt(returned), undefined);
  });

  it('when the next timer is asked for, then it is 08:00 Helsinki on the first day with something to do', () => {
    const claim = waitingSinceMaundyThursday();
    assert.deepEqual(nextTimerAt(claim), helsinkiInstant('2026-04-09', '08:00'));
    const thursday = { ...claim, remindedAt: helsinkiInstant('2026-04-09', '08:00').toISOString() };
    assert.deepEqual(nextTimerAt(thursday), helsinkiInstant('2026-04-10', '08:00'));
    const friday = { ...claim, remindedAt: helsinkiInstant('2026-04-10', '08:00').toISOString() };
    assert.deepEqual(nextTimerAt(friday), helsinkiInstant('2026-04-13', '08:00'));
    const escalated = {
      ...claim,
      remindedAt: helsinkiInstant('2026-04-14', '08:00').toISOString(),
      escalatedAt: helsinkiInstant('2026-04-14', '08:00').toISOString(),
    };
    assert.deepEqual(nextTimerAt(escalated), helsinkiInstant('2026-04-15', '08:00'));
    const monday = { ...claim, remindedAt: helsinkiInstant('2026-04-13', '08:00').toISOString() };
    assert.deepEqual(nextTimerAt(monday), helsinkiInstant('2026-04-14', '08:00'));
  });
});

describe('fee claim: a coordinator cancels it, or the task did not take place (SPEC §3, §5)', () => {
  const cancelBy = (actor: string, reason = 'Tehtävä siirtyi ensi vuoteen'): Act => ({
    type: 'cancel',
    actor,
    reason,
  });
  const returnedBySupervisor: Act = {
    type: 'reject',
    actor: SUPERVISOR,
    reason: 'Kilometrit eivät täsmää',
  };
  const atEachUnpaidStatus: Array<[string, Claim]> = [
    ['awaiting_orderer', aClaim()],
    ['awaiting_supervisor', throughSteps(aClaim(), confirm)],
    ['awaiting_director', throughSteps(aClaim(), confirm, bySupervisor)],
    ['awaiting_payroll', throughSteps(aClaim(), confirm, bySupervisor, byDirector)],
    ['returned', throughSteps(aClaim(), confirm, returnedBySupervisor)],
  ];

  for (const [status, claim] of atEachUnpaidStatus) {
    it(`when a coordinator cancels a claim that is ${status}, then it is cancelled with who, when and why, the expert is told and the cards lose their buttons`, () => {
      assert.equal(claim.status, status);
      const at = helsinkiInstant('2026-03-04', '12:00');
      const { claim: cancelled, effects } = act(claim, {
        ...cancelBy(COORDINATOR, '  Tehtävä siirtyi ensi vuoteen  '),
        at,
      });
      assert.equal(cancelled.status, 'cancelled');
      assert.equal(
        cancelled.holderEmail,
        claim.holderEmail,
        'the holder keeps the card, which is updated in place',
      );
      assert.deepEqual(cancelled.history.at(-1), {
        step: cancelled.history.at(-1)!.step,
        by: COORDINATOR,
        at: at.toISOString(),
        action: 'cancelled',
        version: 1,
        reason: 'Tehtävä siirtyi ensi vuoteen',
      });
      assert.deepEqual(effects, [
        { type: 'update_cards' },
        { type: 'notify_expert', status: 'cancelled', reason: 'Tehtävä siirtyi ensi vuoteen' },
      ]);
      assert.equal(nextTimerAt(cancelled), undefined, 'no reminder waits');
      assert.equal(dueReminders(cancelled, helsinkiInstant('2026-05-04', '09:00')), undefined);
    });
  }

  it('when the claim is paid or already cancelled, then cancelling is refused', () => {
    const paid = throughSteps(aClaim(), confirm, bySupervisor, byDirector, {
      type: 'mark_paid',
      actor: PAYROLL,
    });
    assert.equal(refusal(paid, cancelBy(COORDINATOR)), 'claim_already_closed');
    const cancelled = throughSteps(aClaim(), cancelBy(COORDINATOR));
    assert.equal(refusal(cancelled, cancelBy(COORDINATOR)), 'claim_already_cancelled');
  });

  it('when the reason is missing or over-long, then nothing changes', () => {
    assert.equal(refusal(aClaim(), cancelBy(COORDINATOR, '   ')), 'cancel_reason_required');
    assert.equal(refusal(aClaim(), cancelBy(COORDINATOR, 'x'.repeat(501))), 'reason_too_long');
  });

  it("when the claim's own expert cancels it (an expert who is also a coordinator), then it is refused at every stage", () => {
    for (const [, claim] of atEachUnpaidStatus)
      assert.equal(refusal(claim, cancelBy(EXPERT.toUpperCase())), 'own_claim');
  });

  it('when a claim is cancelled, then nobody can approve, pay, correct or reassign it any more', () => {
    const cancelled = throughSteps(aClaim(), confirm, bySupervisor, cancelBy(COORDINATOR));
    assert.equal(
      refusal(cancelled, { type: 'approve', actor: DIRECTOR, step: 'director', version: 1 }),
      'claim_already_cancelled',
    );
    assert.equal(
      refusal(cancelled, { type: 'reject', actor: DIRECTOR, reason: 'x' }),
      'claim_already_cancelled',
    );
    assert.equal(
      refusal(cancelled, { type: 'mark_paid', actor: PAYROLL }),
      'claim_already_cancelled',
    );
    assert.equal(
      refusal(cancelled, { type: 'resubmit', actor: EXPERT, version: aVersion() }),
      'claim_already_cancelled',
    );
    assert.equal(
      refusal(cancelled, { type: 'reassign', actor: COORDINATOR, to: 'other@example.fi' }),
      'claim_already_cancelled',
    );
  });

  it('when the orderer says the task did not take place, then the claim waits for a coordinator: no buttons act, nobody is reminded, and a second report is refused', () => {
    const { claim: held, effects } = act(aClaim(), {
      type: 'task_not_done',
      actor: ORDERER,
      reason: 'Ryhmä peruttiin',
    });
    assert.equal(held.status, 'awaiting_orderer');
    assert.ok(heldForCoordinators(held));
    assert.deepEqual(effects, [{ type: 'update_cards' }]);
    assert.equal(held.history.at(-1)?.action, 'not_done');
    assert.equal(held.history.at(-1)?.reason, 'Ryhmä peruttiin');
    assert.equal(refusal(held, confirm), 'task_reported_not_done');
    assert.equal(
      refusal(held, { type: 'reject', actor: ORDERER, reason: 'x' }),
      'task_reported_not_done',
    );
    assert.equal(
      refusal(held, { type: 'task_not_done', actor: ORDERER, reason: 'taas' }),
      'task_reported_not_done',
    );
    assert.equal(dueReminders(held, helsinkiInstant('2026-04-20', '09:00')), undefined);
    assert.equal(nextTimerAt(held), undefined);
  });

  it('when a coordinator gives the held stage to someone else, then the new holder can confirm; or the coordinator cancels it', () => {
    const held = throughSteps(aClaim(), {
      type: 'task_not_done',
      actor: ORDERER,
      reason: 'Ryhmä peruttiin',
    });
    const moved = throughSteps(held, { type: 'reassign', actor: COORDINATOR, to: COORDINATOR });
    assert.equal(heldForCoordinators(moved), false);
    assert.equal(
      throughSteps(moved, { type: 'confirm_task', actor: COORDINATOR }).status,
      'awaiting_supervisor',
    );
    assert.equal(throughSteps(held, cancelBy(COORDINATOR)).status, 'cancelled');
  });

  it('when the task of a paid or cancelled claim is reported as not taking place, then the claim does not change', () => {
    const paid = throughSteps(aClaim(), confirm, bySupervisor, byDirector, {
      type: 'mark_paid',
      actor: PAYROLL,
    });
    assert.equal(
      refusal(paid, { type: 'task_not_done', actor: ORDERER, reason: 'x' }),
      'claim_already_closed',
    );
    assert.equal(
      refusal(throughSteps(aClaim(), cancelBy(COORDINATOR)), {
        type: 'task_not_done',
        actor: ORDERER,
        reason: 'x',
      }),
      'claim_already_cancelled',
    );
  });
});
