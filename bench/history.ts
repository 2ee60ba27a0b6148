/*
 * BENCH_HISTORY=1: years of history in the bench's store before the bot starts (SPEC §11 "flat
 * with history"). Written through the storage classes the bot itself writes with, so every row
 * is what the write paths write: orders by TableOrderRepository.create (order row, order index,
 * orderer index), claims by TableClaimStore.create (claim row and its index rows), experts by
 * TableRegisterRepository.putExpert (as the import does). Orders are past and done (their offers
 * and effects long gone), claims paid: nothing in them is due, as in a store two years old.
 */
import { createClaim } from '../src/domain/fees/claim';
import type { Order } from '../src/domain/orders/order';
import { TableClaimStore } from '../src/storage/table-claim-store';
import { TableOrderRepository } from '../src/storage/table-order-repository';
import { TableRegisterRepository } from '../src/storage/table-register-repository';
import type { TableStore } from '../src/storage/tables';

export const HISTORY = { orders: 10_000, claims: 1_000, experts: 10_000 };

async function inBatches(count: number, write: (i: number) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < count; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, j) => write(i + j)));
}

export async function writeHistory(store: TableStore, unitId: string): Promise<void> {
  const orders = new TableOrderRepository(store.table('Orders'), store.table('Counters'));
  const claims = new TableClaimStore(store.table('Claims'), store.table('Counters'));
  const registers = new TableRegisterRepository(store.table('Registers'));
  const start = Date.parse('2024-09-02T08:00:00Z');
  const orderOf = (i: number): Order => {
    const created = new Date(start + i * 2 * 3600_000);
    const assignedEmail = `h${i % HISTORY.experts}@example.fi`;
    return {
      // Five digits: never the same number as an order the bench sends (T-2026-0001…).
      orderId: `T-${created.getUTCFullYear()}-${String(i + 1).padStart(5, '0')}`,
      taskType: 'lecture',
      areas: ['mental_health'],
      date: new Date(created.getTime() + 14 * 86_400_000).toISOString().slice(0, 10),
      start: '09:00',
      end: '11:00',
      remote: i % 3 === 0,
      municipality: 'Kuopio',
      expertCount: 1,
      language: 'fi',
      status: 'filled',
      ordererId: `history-orderer-${i % 200}`,
      ordererEmail: `ho${i % 200}@example.fi`,
      unitId,
      createdAt: created.toISOString(),
      assigned: [{ email: assignedEmail, name: `H${i}`, at: created.toISOString() }],
      wave: 1,
    };
  };
  await inBatches(HISTORY.experts, (i) =>
    registers.putExpert({
      email: `h${i}@example.fi`,
      name: `History Expert ${i}`,
      kind: 'trained',
      areas: ['homelessness'],
      regions: ['Oulu'],
      languages: ['fi'],
      remote: false,
      onsite: true,
      maxPerMonth: 8,
    }),
  );
  await inBatches(HISTORY.orders, (i) => orders.create(orderOf(i), []));
  await inBatches(HISTORY.claims, (i) => {
    const order = orderOf(i * 10);
    const claim = createClaim({
      claimId: `P-${order.orderId.slice(2)}`,
      orderId: order.orderId,
      expertEmail: `h${(i * 10) % HISTORY.experts}@example.fi`,
      unitId,
      chain: { orderer: order.ordererEmail, supervisor: 's@example.fi', payroll: 'p@example.fi' },
      version: {
        submittedAt: order.createdAt,
        actualStart: '09:00',
        actualEnd: '11:00',
        km: 0,
        otherExpensesCents: 0,
        paymentType: 'palkkio',
        amount: {
          feeCents: 8000,
          kmCents: 0,
          expensesCents: 0,
          totalCents: 8000,
          startedHours: 2,
          lines: [],
        },
        tariffVersion: '2026-1',
      },
      at: new Date(order.createdAt),
    });
    return claims.create({ ...claim, status: 'paid', holderEmail: 'p@example.fi' }, []);
  });
}
