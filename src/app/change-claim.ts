import { type Claim, type ClaimEffect, nextTimerAt } from '../domain/fees/claim';
import { retryOnConflict } from './conflict';
import { claimCountEffects } from './stats-counting';
import type { ClaimFile } from './ports';
import type { Services } from './services';

export interface ClaimDecided<R> {
  change?: { claim: Claim; effects: ClaimEffect[] };
  result: R;
}

/**
 * The one path by which a claim changes: load, decide, write with its ETag, decide again on a
 * conflict. Its reminder timer is stored before the write (a timer that finds nothing due is a
 * no-op), and its effects are marked for the outbox.
 */
export function changeClaim<R>(
  s: Services,
  claimId: string,
  decide: (file: ClaimFile) => ClaimDecided<R>,
): Promise<R | undefined> {
  return retryOnConflict('claim_change', async () => {
    const file = await s.claims.load(claimId);
    if (!file) return undefined;
    const decided = decide(file);
    const { result } = decided;
    if (!decided.change) return result;
    // The figures of /stats move in the same write as the change they count (SPEC §6).
    const change = {
      ...decided.change,
      effects: [
        ...claimCountEffects(file.claim.value, decided.change.claim),
        ...decided.change.effects,
      ],
    };
    await scheduleClaimTimer(s, change.claim);
    if (change.effects.length) await s.jobs.markDirty(claimId);
    await s.claims.commit(file, change.claim, change.effects);
    if (change.effects.length) await afterEffects(s, claimId);
    return result;
  });
}

/** A new claim's row, written once (a repeat finds it there), with its first effects. */
export async function storeNewClaim(
  s: Services,
  claim: Claim,
  effects: ClaimEffect[],
): Promise<void> {
  await scheduleClaimTimer(s, claim);
  await s.jobs.markDirty(claim.claimId);
  if (await s.claims.create(claim, [...claimCountEffects(undefined, claim), ...effects]))
    await afterEffects(s, claim.claimId);
}

/**
 * After the write: a drain starts at once. The mark was set before the write; a drain elsewhere
 * that cleared it before this write landed is covered by the lease, which marks again when it
 * finds no mark or finds the mark held (`JobStore.leaseDirty`), so one mark per change suffices.
 */
export function afterEffects(s: Services, id: string): Promise<void> {
  s.afterCommit(id);
  return Promise.resolve();
}

async function scheduleClaimTimer(s: Services, claim: Claim): Promise<void> {
  const due = nextTimerAt(claim);
  if (due)
    await s.jobs.schedule({
      kind: 'claim_timer',
      dueAt: due.toISOString(),
      orderId: claim.orderId,
      claimId: claim.claimId,
    });
}
