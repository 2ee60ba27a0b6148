import { type Approval, type ApprovalStep, type Claim, currentVersion } from './claim';

/** Who may see a claim: its expert, anyone in its chain, anyone it was reassigned to. */
export function involved(claim: Claim, email: string): boolean {
  const e = email.toLowerCase();
  return (
    claim.expertEmail === e ||
    claim.holderEmail === e ||
    Object.values(claim.chain).some((a) => a === e) ||
    claim.history.some((h) => h.by === e || h.to === e)
  );
}

/** Who approved (or paid) a stage of the claim's current version, and when; undefined while it waits. */
export function handledStage(claim: Claim, step: ApprovalStep): Approval | undefined {
  const current = currentVersion(claim).version;
  return claim.history
    .filter(
      (h) =>
        h.step === step &&
        h.version === current &&
        (h.action === 'approved' || h.action === 'paid'),
    )
    .at(-1);
}
