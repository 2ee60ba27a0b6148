import assert from 'node:assert/strict';
import { requestKind, since, tableOf, RequestCounter } from '../../src/storage/request-counter';

const base = 'http://127.0.0.1:10002/devstoreaccount1';

describe('storage request counter', () => {
  it('when requests are classified, then point reads, queries, writes, batches and table calls are told apart', () => {
    assert.equal(
      requestKind('GET', `${base}/xPeople(PartitionKey='person',RowKey='a%40b')`),
      'get',
    );
    assert.equal(
      requestKind('GET', `${base}/xOrders()?$filter=PartitionKey%20eq%20'T-1'`),
      'query',
    );
    assert.equal(requestKind('POST', `${base}/xJobs`), 'create');
    assert.equal(requestKind('PUT', `${base}/xJobs(PartitionKey='dirty',RowKey='T-1')`), 'update');
    assert.equal(
      requestKind('MERGE', `${base}/xJobs(PartitionKey='dirty',RowKey='T-1')`),
      'update',
    );
    assert.equal(
      requestKind('DELETE', `${base}/xJobs(PartitionKey='dirty',RowKey='T-1')`),
      'delete',
    );
    assert.equal(requestKind('POST', `${base}/$batch`), 'batch');
    assert.equal(requestKind('POST', `${base}/Tables`), 'table');
    assert.equal(tableOf(`${base}/xPeople(PartitionKey='person',RowKey='a')`), 'xPeople');
  });

  it('when the policy passes requests on, then each is counted by kind and by table, and a snapshot difference gives one window', async () => {
    const counter = new RequestCounter();
    const next = () => Promise.resolve({} as never);
    const before = counter.snapshot();
    await counter.policy.sendRequest(
      { method: 'GET', url: `${base}/xPeople(PartitionKey='person',RowKey='a')` } as never,
      next,
    );
    await counter.policy.sendRequest(
      { method: 'GET', url: `${base}/xJobs()?$filter=x` } as never,
      next,
    );
    const window = since(before, counter.snapshot());
    assert.equal(window.total, 2);
    assert.equal(window.get, 1);
    assert.equal(window.query, 1);
    assert.deepEqual(counter.byTable(), { 'xPeople get': 1, 'xJobs query': 1 });
  });
});
