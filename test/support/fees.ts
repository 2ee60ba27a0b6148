import { DateTime } from 'luxon';
import { textOf } from './cards';
import {
  anExpert,
  cast,
  offerCardsFor,
  placeOrder,
  UNIT,
  type Cast,
  type OrderInput,
} from './scenario';
import { TestUser, World } from './world';

/** Helpers of the fee-claim end-to-end tests. */
export const EXPERT = 'expert@example.fi';
export const buttons = (card: Record<string, any>) =>
  (card.actions ?? []).map((a: Record<string, any>) => a.title);

export interface Chain {
  supervisor: TestUser;
  director: TestUser;
  payroll: TestUser;
}

/**
 * The unit's approvers, each in their own chat (in `locale`, Finnish by default); `installed` says
 * who has opened the bot.
 */
export async function approvers(
  world: World,
  withDirector: boolean,
  installed: Array<keyof Chain> = ['supervisor', 'director', 'payroll'],
  locale?: string,
): Promise<Chain> {
  const r = world.bot.services.registers;
  await r.putUnit({ ...UNIT, ...(withDirector ? { directorEmail: 'dir@example.fi' } : {}) });
  await r.putStaff({
    email: 'sup@example.fi',
    name: 'Sanna Supervisor',
    role: 'orderer',
    unitId: UNIT.unitId,
  });
  await r.putStaff({
    email: 'dir@example.fi',
    name: 'Dora Director',
    role: 'orderer',
    unitId: UNIT.unitId,
  });
  await r.putStaff({
    email: 'pay@example.fi',
    name: 'Paavo Payroll',
    role: 'orderer',
    unitId: UNIT.unitId,
  });
  const chain: Chain = {
    supervisor: world.person({ email: 'sup@example.fi', locale }),
    director: world.person({ email: 'dir@example.fi', locale }),
    payroll: world.person({ email: 'pay@example.fi', locale }),
  };
  for (const who of installed) await chain[who].install();
  return chain;
}

/** A fresh world with the orderer, a coordinator, the expert Eeva and the unit's approvers. */
export async function feeWorld(
  withDirector: boolean,
  installed?: Array<keyof Chain>,
): Promise<{ world: World; people: Cast; chain: Chain }> {
  const world = await World.start();
  const people = await cast(world, [anExpert({ email: EXPERT, name: 'Eeva Expert' })]);
  const chain = await approvers(world, withDirector, installed);
  return { world, people, chain };
}

export const CLAIM_NUMBER = /P-\d{4}-\d{4}/;

/**
 * The expert's task taken, ended at `end` and its claim sent from the claim card, as people press
 * them. With `confirmed` the orderer pressed Task done first, so the claim waits for the
 * supervisor; without it the claim waits for the orderer. `edits` are the expert's card inputs.
 */
export async function claimFor(
  world: World,
  people: Cast,
  task: OrderInput & { date: string; start: string; end: string },
  o: { confirmed?: boolean; edits?: Record<string, unknown> } = {},
): Promise<{ orderId: string; claimId: string; submitted: Awaited<ReturnType<typeof press>> }> {
  const orderId = await takenTask(world, people, task);
  await toHelsinki(world, `${task.date}T${task.end}`);
  if (o.confirmed) await press(people.orderer, orderId, 'task_done');
  const submitted = await press(people.experts.get(EXPERT)!, orderId, 'submit_claim', o.edits);
  const claimId = CLAIM_NUMBER.exec(submitted.shown)?.[0];
  if (!claimId) throw new Error(`no claim number in ${submitted.shown}`);
  await world.settle();
  return { orderId, claimId, submitted };
}

/** An order placed and taken by the expert (the task has not ended yet). */
export async function takenTask(
  world: World,
  people: Cast,
  o: OrderInput & { date: string },
  expertEmail = EXPERT,
): Promise<string> {
  const orderId = await placeOrder(people.orderer, o);
  await world.settle();
  const expert = people.experts.get(expertEmail)!;
  await expert.submitCard(offerCardsFor(expert, orderId)[0]!, 'accept_offer');
  await world.settle();
  return orderId;
}

/** Moves the clock to a Helsinki wall-clock time and runs what is due then. */
export async function toHelsinki(world: World, local: string): Promise<void> {
  world.clock.set(DateTime.fromISO(local, { zone: 'Europe/Helsinki' }).toUTC().toISO()!);
  await world.settle();
}

/** The newest card in the chat about `needle` that has the button `verb`, with its message id. */
export function cardWith(
  user: TestUser,
  needle: string,
  verb: string,
): { activityId: string; card: Record<string, any> } {
  const found = user
    .cardMessagesAbout(needle)
    .filter((m) => JSON.stringify(m.card).includes(`"verb":"${verb}"`))
    .at(-1);
  if (!found) throw new Error(`no card about ${needle} with ${verb}`);
  return found;
}

/** Presses a button of that card as Teams would (with the card's message id as replyToId). */
export async function press(
  user: TestUser,
  needle: string,
  verb: string,
  edits: Record<string, unknown> = {},
) {
  const { activityId, card } = cardWith(user, needle, verb);
  const answer = await user.submitCard(card, verb, edits, activityId);
  return { ...answer, shown: answer.card ? textOf(answer.card) : (answer.text ?? '') };
}

export async function myFees(user: TestUser, command = 'palkkiot'): Promise<string> {
  return (await user.say(command)).join('\n');
}
