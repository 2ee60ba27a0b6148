import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import sinon from 'sinon';
import { TableOrderRepository } from '../../src/storage/table-order-repository';
import { TableStore } from '../../src/storage/tables';
import { storedOrder } from '../support/scenario';
import { storageConnectionString } from '../support/root-hooks';

/** SPEC §11 "flat with history": what a request reads does not grow with years of orders. */
describe('keys that stay flat with history', () => {
  let store: TableStore;
  let orders: TableOrderRepository;
  beforeEach(async () => {
    store = new TableStore(storageConnectionString(), `t${randomBytes(5).toString('hex')}`);
    await store.ensureTables();
    orders = new TableOrderRepository(store.table('Orders'), store.table('Counters'));
  });
  afterEach(() => sinon.restore());

  it("when an orderer's last hour is counted, then only this year's order numbers are read and the count is right across New Year", async () => {
    const at = (orderId: string, createdAt: string) =>
      orders.create(storedOrder(1, { orderId, createdAt }), []);
    await at('T-2025-0007', '2025-06-01T08:00:00.000Z');
    await at('T-2026-0412', '2026-12-31T21:50:00.000Z'); // 23:50 in Helsinki
    await at('T-2027-0001', '2026-12-31T22:10:00.000Z'); // 00:10 on New Year's Day in Helsinki
    await orders.create(
      storedOrder(2, {
        orderId: 'T-2027-0002',
        ordererId: 'someone-else',
        createdAt: '2026-12-31T22:20:00.000Z',
      }),
      [],
    );
    const query = sinon.spy(store.table('Orders'), 'listEntities');

    assert.equal(await orders.countCreatedSince('orderer-aad', '2026-12-31T21:40:00.000Z'), 2);
    assert.equal(await orders.countCreatedSince('orderer-aad', '2026-12-31T22:00:00.000Z'), 1);
    const filter = String(query.firstCall.args[0]?.queryOptions?.filter);
    assert.match(filter, /RowKey ge 'T-2026-'/);
  });
});
