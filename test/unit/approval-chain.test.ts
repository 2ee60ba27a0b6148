import assert from 'node:assert/strict';
import { APPROVER_ROLES, approvesFor, chainOf } from '../../src/domain/fees/chain';
import {
  APPROVAL_STEPS,
  CLAIM_STATUSES,
  STEPS,
  STEP_ACCEPTS,
  STEP_STATUS,
  stepOf,
} from '../../src/domain/fees/claim';
import { ROLES, rolesOf } from '../../src/domain/registers/roles';
import type { Unit } from '../../src/domain/registers/types';

const unit: Unit = {
  unitId: 'U1',
  name: 'Unit',
  municipality: 'Espoo',
  supervisorEmail: 'sup@example.fi',
  directorEmail: 'dir@example.fi',
  payrollEmail: 'pay@example.fi',
  costCenter: 'CC',
};

describe('approval chain tables', () => {
  it('when every approval step is looked up, then its status and button are the ones its STEPS row gives', () => {
    for (const step of APPROVAL_STEPS) {
      const status = STEP_STATUS[step];
      assert.ok(status, `step ${step} has a row in STEPS`);
      assert.equal(STEPS[status]?.step, step);
      assert.equal(STEP_ACCEPTS[step], STEPS[status]?.accepts);
      assert.equal(stepOf(status), step);
    }
  });

  it('when the statuses are listed, then every status with a STEPS row is the status of its step', () => {
    const withStep = CLAIM_STATUSES.filter((s) => STEPS[s]);
    assert.deepEqual(withStep.sort(), Object.values(STEP_STATUS).sort());
    assert.equal(Object.keys(STEP_STATUS).length, APPROVAL_STEPS.length);
  });

  it('when the approver roles are listed, then they are the steps after the orderer, in chain order, and roles too', () => {
    assert.deepEqual(APPROVER_ROLES, ['supervisor', 'director', 'payroll']);
    for (const role of APPROVER_ROLES) assert.ok(ROLES.includes(role));
  });

  it("when a claim's chain is taken from a unit, then every approver is the unit's and a missing director is left out", () => {
    assert.deepEqual(chainOf(unit), {
      supervisor: 'sup@example.fi',
      director: 'dir@example.fi',
      payroll: 'pay@example.fi',
    });
    const { directorEmail: _left, ...noDirector } = unit;
    assert.deepEqual(chainOf(noDirector), {
      supervisor: 'sup@example.fi',
      payroll: 'pay@example.fi',
    });
  });

  it('when a person approves for a unit, then rolesOf gives their stage and approvesFor matches any case', () => {
    assert.ok(approvesFor(unit, 'DIR@example.fi'));
    assert.ok(!approvesFor(unit, 'someone@example.fi'));
    const roles = rolesOf('pay@example.fi', {
      approverOf: [unit],
      bootstrapCoordinator: false,
    });
    assert.deepEqual(roles, ['payroll', 'orderer']);
  });
});
