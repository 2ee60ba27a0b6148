import assert from 'node:assert/strict';
import type { Actor } from '../../src/app/actor';
import { answerOfferCard } from '../../src/app/answer-offer-card';
import { approveShortlist } from '../../src/app/approve-shortlist';
import { assignExpert } from '../../src/app/assign-expert';
import { auditOf } from '../../src/app/audit';
import {
  actOnClaimCard,
  confirmTaskDoneByCard,
  reassignClaim,
  sendClaimCard,
} from '../../src/app/claim-actions';
import { draftOrder, startDraftFromCatalogue } from '../../src/app/draft-order';
import { myFees, openFees, requestFeeExport } from '../../src/app/fee-reports';
import { myExpertLoad, myExpertRow, pauseExpert } from '../../src/app/pause-expert';
import { setReviewShortlists } from '../../src/app/review-shortlists';
import { showCatalogue } from '../../src/app/show-catalogue';
import type { Services } from '../../src/app/services';
import { submitOrder } from '../../src/app/submit-order';
import { currentTariff, saveTariff } from '../../src/app/tariffs';

/** Services that fail the test when any port is touched: a refusal must read and write nothing. */
const untouchable = new Proxy({} as Services, {
  get(_target, port) {
    throw new Error(`a refused actor reached the ${String(port)} port`);
  },
});

const expertOnly: Actor = {
  email: 'aino.expert@example.fi',
  aadObjectId: 'aad-aino',
  roles: ['expert'],
  expert: { email: 'aino.expert@example.fi', name: 'Aino', kind: 'trained' } as Actor['expert'],
};
const ordererOnly: Actor = {
  email: 'olli.orderer@example.fi',
  aadObjectId: 'aad-olli',
  roles: ['orderer'],
  staffUnitId: 'unit-1',
};
const withoutEmail: Actor = { email: '', aadObjectId: 'aad-x', roles: ['orderer'] };

describe('use cases decide what the actor may do', () => {
  it('when someone who is not a coordinator calls a coordinator use case, then it is refused with command_not_allowed and no port is touched', async () => {
    for (const actor of [expertOnly, ordererOnly]) {
      assert.deepEqual(await openFees(untouchable, actor, 'pending'), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.deepEqual(await openFees(untouchable, actor, undefined), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.equal(await currentTariff(untouchable, actor), 'command_not_allowed');
      assert.deepEqual(await saveTariff(untouchable, actor, { minimum: '1' }, '2026-1'), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.deepEqual(await setReviewShortlists(untouchable, actor, true), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.deepEqual(await approveShortlist(untouchable, actor, 'T-2026-0001'), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.deepEqual(await assignExpert(untouchable, actor, 'T-2026-0001', 'x@example.fi'), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.deepEqual(await auditOf(untouchable, actor, { orderId: 'T-2026-0001' }), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.deepEqual(await reassignClaim(untouchable, actor, 'P-2026-0001', 'x@example.fi'), {
        type: 'refused',
        reason: 'command_not_allowed',
      });
      assert.equal(await requestFeeExport(untouchable, actor, ''), 'command_not_allowed');
    }
  });

  it('when someone who is not an expert calls an expert use case, then it is refused and no port is touched', async () => {
    assert.deepEqual(await myFees(untouchable, ordererOnly), {
      type: 'refused',
      reason: 'only_experts',
    });
    assert.deepEqual(await pauseExpert(untouchable, ordererOnly, '1.1.2030', 'fi'), {
      type: 'refused',
      reason: 'only_experts',
    });
    assert.deepEqual(await myExpertLoad(untouchable, ordererOnly), {
      type: 'refused',
      reason: 'only_experts',
    });
    assert.deepEqual(myExpertRow(ordererOnly), { type: 'refused', reason: 'only_experts' });
    assert.deepEqual(await answerOfferCard(untouchable, ordererOnly, 'T-2026-0001', 'accept'), {
      type: 'refused',
      reason: 'offer_not_found',
    });
    assert.deepEqual(await sendClaimCard(untouchable, ordererOnly, 'T-2026-0001', {}), {
      type: 'refused',
      reason: 'claim_not_assigned',
    });
  });

  it('when an expert who may not order sends an order card or writes an order, then nothing is stored', async () => {
    assert.deepEqual(await submitOrder(untouchable, expertOnly, {}, 'draft-1'), {
      type: 'refused',
      reason: 'only_orderers_can_order',
    });
    assert.deepEqual(await draftOrder(untouchable, expertOnly, 'luento 3.3. klo 13-15 Espoo'), {
      type: 'not_an_order',
    });
  });

  it('when an expert who may not order asks for the catalogue or clicks one of its buttons, then nothing is read or stored', async () => {
    assert.deepEqual(await showCatalogue(untouchable, expertOnly), {
      type: 'refused',
      reason: 'only_orderers_can_order',
    });
    assert.deepEqual(await startDraftFromCatalogue(untouchable, expertOnly, 'lecture', 'fi'), {
      type: 'refused',
      reason: 'only_orderers_can_order',
    });
  });

  it('when Teams gave no e-mail, then no claim card, task done or claim may be acted on', async () => {
    assert.deepEqual(
      await actOnClaimCard(untouchable, withoutEmail, 'P-2026-0001', {
        kind: 'approve',
        step: 'supervisor',
      }),
      { type: 'refused', reason: 'email_missing' },
    );
    assert.deepEqual(await confirmTaskDoneByCard(untouchable, withoutEmail, 'T-2026-0001'), {
      type: 'refused',
      reason: 'email_missing',
    });
    assert.deepEqual(await sendClaimCard(untouchable, withoutEmail, 'T-2026-0001', {}), {
      type: 'refused',
      reason: 'email_missing',
    });
  });
});
