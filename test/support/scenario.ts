import { randomUUID } from 'node:crypto';
import type { Order } from '../../src/domain/orders/order';
import type { Expert } from '../../src/domain/registers/types';
import { textOf } from './cards';
import { TestUser, World } from './world';

export const UNIT = {
  unitId: 'psy',
  name: 'Psykiatrian poliklinikka',
  municipality: 'Jyväskylä',
  supervisorEmail: 'sup@example.fi',
  payrollEmail: 'pay@example.fi',
  costCenter: '4100',
};

/** An expert of the register; tests give only what matters to them. */
export function anExpert(e: Partial<Expert> & { email: string }): Expert {
  return {
    name: e.email.split('@')[0]!.replace(/\./g, ' '),
    kind: 'trained',
    areas: ['mental_health'],
    regions: ['Jyväskylä'],
    languages: ['fi'],
    remote: true,
    onsite: true,
    maxPerMonth: 8,
    ...e,
  };
}

export interface Cast {
  orderer: TestUser;
  coordinator: TestUser;
  experts: Map<string, TestUser>;
}

/** Registers a unit, an orderer, a coordinator and the experts, each with their own chat. */
export async function cast(world: World, experts: Expert[]): Promise<Cast> {
  const r = world.bot.services.registers;
  await r.putUnit(UNIT);
  await r.putStaff({
    email: 'orderer@example.fi',
    name: 'Olli Orderer',
    role: 'orderer',
    unitId: UNIT.unitId,
  });
  await r.putStaff({ email: 'coord@example.fi', name: 'Kaisa Coordinator', role: 'coordinator' });
  const orderer = world.person({ email: 'orderer@example.fi' });
  const coordinator = world.person({ email: 'coord@example.fi' });
  await orderer.install();
  await coordinator.install();
  const users = new Map<string, TestUser>();
  for (const e of experts) {
    await r.putExpert(e);
    const u = world.person({ email: e.email });
    await u.install();
    users.set(e.email, u);
  }
  return { orderer, coordinator, experts: users };
}

export interface OrderInput {
  taskType?: string;
  areas?: string;
  date?: string;
  start?: string;
  end?: string;
  remote?: boolean;
  municipality?: string;
  address?: string;
  expertCount?: number;
  language?: string;
  wishedExpert?: string;
  traineeAllowed?: boolean;
}

/** Sends an order as the orderer would from the order card; returns its number. */
export async function placeOrder(orderer: TestUser, o: OrderInput = {}): Promise<string> {
  const answer = await orderer.execute('send_order', {
    draftId: randomUUID(),
    taskType: o.taskType ?? 'lecture',
    areas: o.areas ?? 'mental_health',
    date: o.date ?? '2026-12-15',
    start: o.start ?? '13:00',
    end: o.end ?? '15:00',
    remote: String(o.remote ?? false),
    municipality: o.municipality ?? 'Jyväskylä',
    address: o.address ?? 'Keskussairaalantie 19',
    expertCount: String(o.expertCount ?? 1),
    language: o.language ?? 'fi',
    ...(o.wishedExpert !== undefined ? { wishedExpert: o.wishedExpert } : {}),
    ...(o.traineeAllowed !== undefined ? { traineeAllowed: String(o.traineeAllowed) } : {}),
  });
  const number = /T-\d{4}-\d{4}/.exec(textOf(answer.body?.value ?? {}))?.[0];
  if (!number) throw new Error(`no order number in ${JSON.stringify(answer.body)}`);
  return number;
}

/** The offer cards (any state) an expert has received for an order, newest last. */
export function offerCardsFor(user: TestUser, orderId: string): Record<string, any>[] {
  return user.cardsAbout(orderId);
}

/** An order as a stored row would hold it; created straight in storage, as years of them would be. */
export function storedOrder(n: number, o: Partial<Order> = {}): Order {
  return {
    orderId: `T-2026-${String(n).padStart(4, '0')}`,
    taskType: 'lecture',
    areas: ['mental_health'],
    date: '2026-12-20',
    start: '13:00',
    end: '15:00',
    remote: false,
    municipality: 'Jyväskylä',
    expertCount: 1,
    language: 'fi',
    status: 'open',
    ordererId: 'orderer-aad',
    ordererEmail: 'orderer@example.fi',
    unitId: UNIT.unitId,
    createdAt: new Date(Date.parse('2026-11-01T08:00:00Z') + n * 60_000).toISOString(),
    assigned: [],
    wave: 1,
    ...o,
  };
}
