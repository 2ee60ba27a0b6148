import assert from 'node:assert/strict';
import { computeClaimAmount } from '../../src/domain/fees/claim-amount';
import {
  type Claim,
  type ClaimCommand,
  createClaim,
  decideClaim,
} from '../../src/domain/fees/claim';
import { handledStage, involved } from '../../src/domain/fees/claim-queries';
import { DEFAULT_TARIFF } from '../../src/domain/fees/tariff';

const EXPERT = 'aino.expert@example.fi';
const ORDERER = 'olli.orderer@example.fi';
const SUPERVISOR = 'sanna.supervisor@example.fi';
const PAYROLL = 'pekka.payroll@example.fi';
const COORDINATOR = 'kaisa.coordinator@example.fi';
const STAND_IN = 'sami.standin@example.fi';

function version() {
  const amount = computeClaimAmount({
    taskType: 'lecture',
    expertKind: 'trained',
    actualStart: '13:00',
    actualEnd: '15:00',
    km: 0,
    otherExpensesCents: 0,
    tariff: DEFAULT_TARIFF,
  });
  assert.ok(amount.ok);
  return {
    actualStart: '13:00',
    actualEnd: '15:00',
    km: 0,
    otherExpensesCents: 0,
    paymentType: 'palkkio' as const,
    amount: amount.value,
    tariffVersion: DEFAULT_TARIFF.version,
  };
}

function aClaim(): Claim {
  const at = new Date('2026-03-02T08:00:00.000Z');
  return createClaim({
    claimId: 'P-2026-0001',
    orderId: 'T-2026-0001',
    expertEmail: EXPERT,
    unitId: 'unit-1',
    chain: { orderer: ORDERER, supervisor: SUPERVISOR, payroll: PAYROLL },
    version: { ...version(), submittedAt: at.toISOString() },
    at,
  });
}

type Act = ClaimCommand extends infer C ? (C extends ClaimCommand ? Omit<C, 'at'> : never) : never;

function act(claim: Claim, cmd: Act, at: string): Claim {
  const result = decideClaim(claim, { ...cmd, at: new Date(at) });
  assert.ok(result.ok, result.ok ? '' : result.error);
  return result.value.claim;
}

describe('claim queries', () => {
  it('when the claim is asked about its expert, its chain and a stand-in it was moved to, then they are involved and an outsider is not', () => {
    const claim = act(
      aClaim(),
      { type: 'reassign', actor: COORDINATOR, to: STAND_IN },
      '2026-03-02T09:00:00.000Z',
    );
    for (const email of [
      EXPERT,
      ORDERER,
      SUPERVISOR,
      PAYROLL,
      STAND_IN,
      COORDINATOR,
      EXPERT.toUpperCase(),
    ])
      assert.ok(involved(claim, email), email);
    assert.equal(involved(aClaim(), STAND_IN), false);
    assert.equal(involved(claim, 'someone.else@example.fi'), false);
  });

  it('when a stage is approved, then handledStage names who and when; while it waits, nobody', () => {
    const waiting = act(
      aClaim(),
      { type: 'confirm_task', actor: ORDERER },
      '2026-03-03T07:00:00.000Z',
    );
    assert.equal(handledStage(waiting, 'supervisor'), undefined);
    assert.deepEqual(
      [handledStage(waiting, 'orderer')?.by, handledStage(waiting, 'orderer')?.at],
      [ORDERER, '2026-03-03T07:00:00.000Z'],
    );
    const approved = act(
      waiting,
      { type: 'approve', actor: SUPERVISOR },
      '2026-03-03T08:00:00.000Z',
    );
    assert.equal(handledStage(approved, 'supervisor')?.by, SUPERVISOR);
  });

  it('when a returned claim is corrected, then an approval of the earlier version no longer counts as handled', () => {
    const confirmed = act(
      aClaim(),
      { type: 'confirm_task', actor: ORDERER },
      '2026-03-03T07:00:00.000Z',
    );
    const returned = act(
      confirmed,
      { type: 'reject', actor: SUPERVISOR, reason: 'Tarkista tunnit' },
      '2026-03-03T08:00:00.000Z',
    );
    const corrected = act(
      returned,
      { type: 'resubmit', actor: EXPERT, version: version() },
      '2026-03-03T09:00:00.000Z',
    );
    assert.equal(corrected.status, 'awaiting_supervisor');
    assert.equal(handledStage(corrected, 'supervisor'), undefined);
  });
});
