import { DateTime } from 'luxon';
import { addWorkingDays } from '../../src/domain/shared/working-days';
import { currentVersion } from '../../src/domain/fees/claim';
import { approvers, press, type Chain } from './fees';
import { anExpert, cast, offerCardsFor, placeOrder, UNIT, type Cast } from './scenario';
import type { TestUser, World } from './world';

/**
 * A seeded history for `/stats`: 48 orders from March to October 2026 in two units, made through
 * the real use cases with the test clock (orders, offers, Accept, Cancel, Task done, claims
 * approved and paid, feedback). The plan is kept beside it, so that a test can work out every
 * figure on its own.
 */
export const SCHOOL = {
  unitId: 'kou',
  name: 'Koulupalvelut',
  municipality: 'Jyväskylä',
  supervisorEmail: 'sup2@example.fi',
  payrollEmail: 'pay@example.fi',
  costCenter: '5200',
};
export const EXPERTS = ['e0', 'e1', 'e2', 'e3', 'e4'].map((n) => `${n}@example.fi`);
/** Active, but takes only remote work in Oulu: never offered these on-site tasks. */
export const IDLE_EXPERT = 'idle@example.fi';
/** Paused for the whole history: not an active expert. */
export const PAUSED_EXPERT = 'paused@example.fi';
const TASK_TYPES = ['lecture', 'pair_work', 'development_group', 'evaluation'] as const;
const AREAS = ['mental_health', 'substance_use', 'mental_health,substance_use'] as const;
const WHO = [0, 0, 1, 0, 2, 1, 3, 0, 1, 4];

export interface PlannedOrder {
  i: number;
  unitId: string;
  created: string; // YYYY-MM-DD, a working day; the order is sent at 09:00 Helsinki
  date: string; // the task's day, 13:00–15:00, four weeks on (offers stay open a week)
  taskType: (typeof TASK_TYPES)[number];
  areas: string[];
  fate: 'filled' | 'unfilled' | 'cancelled';
  expert?: string;
  /** Working days from the order to the Accept (at 10:00). */
  lag?: number;
  claim?: { approveAfter: number; payAfter?: number };
  feedback?: { orderer: number; expert: number; comment?: string };
  orderId?: string;
  claimId?: string;
}

export function plan(): PlannedOrder[] {
  const orders: PlannedOrder[] = [];
  for (let month = 3; month <= 10; month++)
    for (let k = 0; k < 6; k++) {
      const i = orders.length;
      const created = addWorkingDays(`2026-${String(month).padStart(2, '0')}-01`, 1 + 3 * k);
      const fate = i % 8 === 5 ? 'cancelled' : i % 8 === 7 ? 'unfilled' : 'filled';
      const o: PlannedOrder = {
        i,
        unitId: i % 3 === 1 ? SCHOOL.unitId : UNIT.unitId,
        created,
        date: addWorkingDays(created, 20),
        taskType: TASK_TYPES[i % 4]!,
        areas: AREAS[i % 3]!.split(','),
        fate,
      };
      if (fate === 'filled') {
        o.expert = EXPERTS[WHO[i % 10]!]!;
        o.lag = i % 4;
        if (i % 3 !== 2) {
          o.claim = { approveAfter: (i % 3) + 1, ...(i % 7 === 3 ? {} : { payAfter: i % 5 }) };
          o.feedback = {
            orderer: 3 + (i % 3),
            expert: 5 - (i % 2),
            ...(i % 4 === 0 ? { comment: `Hyvä tehtävä ${i}` } : {}),
          };
        }
      }
      orders.push(o);
    }
  return orders;
}

export interface History {
  people: Cast;
  school: TestUser;
  chain: Chain & { supervisor2: TestUser };
  orders: PlannedOrder[];
}

const at = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: 'Europe/Helsinki' }).toUTC().toISO()!;

/** Builds the registers and plays the plan, in time order, through the bot. */
export async function seedHistory(world: World): Promise<History> {
  world.clock.set(at('2026-03-01', '12:00'));
  const people = await cast(world, [
    ...EXPERTS.map((email) =>
      anExpert({ email, areas: ['mental_health', 'substance_use'], maxPerMonth: 40 }),
    ),
    anExpert({ email: IDLE_EXPERT, regions: ['Oulu'], remote: false }),
    anExpert({ email: PAUSED_EXPERT, pausedUntil: '2027-12-31' }),
  ]);
  const chain = await approvers(world, true);
  const r = world.bot.services.registers;
  await r.putUnit(SCHOOL);
  await r.putStaff({ email: 'orderer2@example.fi', name: 'Outi', role: 'orderer', unitId: 'kou' });
  await r.putStaff({ email: 'sup2@example.fi', name: 'Sami', role: 'orderer', unitId: 'kou' });
  const school = world.person({ email: 'orderer2@example.fi' });
  const supervisor2 = world.person({ email: 'sup2@example.fi' });
  await school.install();
  await supervisor2.install();
  const orders = plan();
  const ordererOf = (o: PlannedOrder) => (o.unitId === UNIT.unitId ? people.orderer : school);

  const events: { when: string; i: number; run: () => Promise<void> }[] = [];
  for (const o of orders) {
    const add = (date: string, time: string, run: () => Promise<void>) =>
      events.push({ when: at(date, time), i: o.i, run });
    add(o.created, '09:00', async () => {
      o.orderId = await placeOrder(ordererOf(o), {
        date: o.date,
        taskType: o.taskType,
        areas: o.areas.join(','),
      });
    });
    if (o.fate === 'cancelled')
      add(addWorkingDays(o.created, 1), '11:00', async () => {
        await ordererOf(o).say(`peru ${o.orderId!}`);
      });
    if (o.fate !== 'filled') continue;
    add(addWorkingDays(o.created, o.lag!), '10:00', async () => {
      const expert = people.experts.get(o.expert!)!;
      await expert.submitCard(offerCardsFor(expert, o.orderId!).at(-1)!, 'accept_offer');
    });
    if (!o.claim) continue;
    const claim = o.claim;
    add(o.date, '16:00', async () => {
      await press(ordererOf(o), o.orderId!, 'task_done');
      const sent = await press(people.experts.get(o.expert!)!, o.orderId!, 'submit_claim');
      o.claimId = /P-\d{4}-\d{4}/.exec(sent.shown)![0];
    });
    if (o.feedback) {
      const f = o.feedback;
      add(o.date, '18:00', async () => {
        await press(ordererOf(o), o.orderId!, 'send_feedback', {
          rating: String(f.orderer),
          comment: f.comment ?? '',
        });
        await press(people.experts.get(o.expert!)!, o.orderId!, 'send_feedback', {
          rating: String(f.expert),
        });
      });
    }
    const approved = addWorkingDays(o.date, claim.approveAfter);
    add(approved, '10:00', async () => {
      const supervisor = o.unitId === UNIT.unitId ? chain.supervisor : supervisor2;
      await press(supervisor, o.claimId!, 'approve_claim');
      if (o.unitId === UNIT.unitId) {
        await world.settle();
        await press(chain.director, o.claimId!, 'approve_claim');
      }
    });
    if (claim.payAfter !== undefined)
      add(addWorkingDays(approved, claim.payAfter), '12:00', async () => {
        await press(chain.payroll, o.claimId!, 'mark_claim_paid');
      });
  }
  events.sort((a, b) => a.when.localeCompare(b.when) || a.i - b.i);
  for (const e of events) {
    if (e.when > world.clock.now().toISOString()) world.clock.set(e.when);
    await settleAll(world);
    await e.run();
  }
  const end = at('2026-11-25', '12:00');
  if (end > world.clock.now().toISOString()) world.clock.set(end);
  await settleAll(world);
  return { people, school, chain: { ...chain, supervisor2 }, orders };
}

/** Runs what is due until nothing is (a jump of days leaves more timers than one run takes). */
async function settleAll(world: World): Promise<void> {
  for (let n = 0; n < 4; n++) await world.settle();
}

/** The amount of a stored claim, in cents. */
export async function claimTotal(world: World, claimId: string): Promise<number> {
  const file = await world.bot.services.claims.load(claimId);
  return currentVersion(file!.claim.value).amount.totalCents;
}
