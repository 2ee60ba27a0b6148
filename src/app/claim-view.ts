import type { Claim } from '../domain/fees/claim';
import type { Order } from '../domain/orders/order';
import type { ClaimView } from './ports';
import type { Services } from './services';

/** A person's name as the registers know it; the e-mail when they do not. */
export async function nameOf(s: Services, email: string): Promise<string> {
  const [staff, expert] = await Promise.all([
    s.registers.getStaff(email),
    s.registers.getExpert(email),
  ]);
  return staff?.name ?? expert?.name ?? email;
}

/** Everything a claim card or list shows about a claim, read from the order and the registers. */
export async function claimViewOf(
  s: Services,
  claim: Claim,
  knownOrder?: Order,
): Promise<ClaimView> {
  const order = knownOrder ?? (await s.orders.get(claim.orderId))?.value;
  if (!order) throw new Error(`claim ${claim.claimId} has no order`);
  const people = new Set([
    claim.expertEmail,
    claim.holderEmail,
    ...claim.history.flatMap((h) => [h.by, h.to ?? h.by]),
  ]);
  const [unit, ...named] = await Promise.all([
    s.registers.getUnit(claim.unitId),
    ...[...people].map(async (e) => [e, await nameOf(s, e)] as const),
  ]);
  const names = Object.fromEntries(named);
  return {
    claim,
    order,
    unitName: unit?.name ?? claim.unitId,
    expertName: names[claim.expertEmail] ?? claim.expertEmail,
    holderName: names[claim.holderEmail] ?? claim.holderEmail,
    names,
  };
}
