import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Person } from '../../src/app/ports';
import { encodeKey } from '../../src/storage/keys';
import { storageRequests } from '../../src/storage/request-counter';
import { TableOfferStore } from '../../src/storage/table-offer-store';
import { TablePersonRepository } from '../../src/storage/table-person-repository';
import { TableStore } from '../../src/storage/tables';
import { storageConnectionString } from '../support/root-hooks';

const person = (id: string, email: string): Person => ({
  aadObjectId: id,
  email,
  locale: 'fi',
  firstSeenAt: '2026-11-01T08:00:00.000Z',
  address: {
    conversationId: `a:${id}`,
    serviceUrl: 'http://127.0.0.1:1',
    userId: `29:${id}`,
    botId: '28:bot',
    channelId: 'msteams',
    tenantId: 't',
  },
});

/** SPEC §11: a wave at most 4 storage requests per offer; the person and the sent card's record. */
describe("a wave's storage requests", () => {
  let store: TableStore;
  beforeEach(async () => {
    store = new TableStore(storageConnectionString(), `t${randomBytes(5).toString('hex')}`);
    await store.ensureTables();
  });

  it('when a wave looks an expert up by e-mail, then one storage request finds them', async () => {
    await new TablePersonRepository(store.table('People')).save(person('p1', 'a@example.fi'));
    // Another instance, its cache empty.
    const other = new TablePersonRepository(store.table('People'));
    const { value, counts } = await storageRequests.during(() => other.findByEmail('A@example.fi'));
    assert.equal(value?.aadObjectId, 'p1');
    assert.equal(value?.address.conversationId, 'a:p1');
    assert.equal(counts.total, 1, JSON.stringify(counts));
  });

  it('when a person changes their address, then the old address finds nobody and the new one finds the person as last saved', async () => {
    const people = new TablePersonRepository(store.table('People'));
    const first = person('p1', 'old@example.fi');
    await people.save(first);
    const stored = await people.get('p1');
    await people.save({ ...first, email: 'new@example.fi', locale: 'sv' }, stored!.etag, first);
    const other = new TablePersonRepository(store.table('People'));
    assert.equal(await other.findByEmail('old@example.fi'), undefined);
    assert.equal((await other.findByEmail('new@example.fi'))?.locale, 'sv');
  });

  it('when two instances save the same person one after the other, then the e-mail copy is the later one', async () => {
    const a = new TablePersonRepository(store.table('People'));
    const b = new TablePersonRepository(store.table('People'));
    await a.save(person('p1', 'a@example.fi'));
    await a.update('p1', (p) => ({ ...p, unreachableSince: '2026-11-02T08:00:00.000Z' }));
    await b.update('p1', (p) => {
      const { unreachableSince: _reachable, ...rest } = p;
      return rest;
    });
    const fresh = new TablePersonRepository(store.table('People'));
    assert.equal((await fresh.findByEmail('a@example.fi'))?.unreachableSince, undefined);
  });

  it('when an e-mail row has no copy (written before it existed), then the person is found and the copy written for next time', async () => {
    const table = store.table('People');
    await table.createEntity({
      partitionKey: 'person',
      rowKey: encodeKey('p1'),
      data: JSON.stringify(person('p1', 'a@example.fi')),
    });
    await table.createEntity({
      partitionKey: 'email',
      rowKey: encodeKey('a@example.fi'),
      aadObjectId: 'p1',
    });
    assert.equal(
      (await new TablePersonRepository(table).findByEmail('a@example.fi'))?.aadObjectId,
      'p1',
    );
    const { value, counts } = await storageRequests.during(() =>
      new TablePersonRepository(table).findByEmail('a@example.fi'),
    );
    assert.equal(value?.aadObjectId, 'p1');
    assert.equal(counts.total, 1, JSON.stringify(counts));
  });

  it("when a wave's five cards are recorded side by side, then one write stores them all and each is loaded with its order", async () => {
    const offers = new TableOfferStore(store.table('Orders'));
    await store.table('Orders').createEntity({ partitionKey: 'T-2026-0001', rowKey: 'x' });
    const emails = ['a', 'b', 'c', 'd', 'e'].map((n) => `${n}@example.fi`);
    const { counts } = await storageRequests.during(() =>
      Promise.all(emails.map((e, i) => offers.recordSentCard('T-2026-0001', e, `act-${i}`))),
    );
    assert.equal(counts.total, 1, JSON.stringify(counts));
    const rows: Record<string, string> = {};
    for await (const r of store.table('Orders').listEntities<{ activityId?: string }>())
      if (r.activityId) rows[r.rowKey!] = r.activityId;
    assert.deepEqual(
      rows,
      Object.fromEntries(emails.map((e, i) => [`sent|${encodeKey(e)}`, `act-${i}`])),
    );
  });

  it('when the same card is recorded twice at once, then the later id is stored', async () => {
    const offers = new TableOfferStore(store.table('Orders'));
    await Promise.all([
      offers.recordSentCard('T-2026-0001', 'a@example.fi', 'first'),
      offers.recordSentCard('T-2026-0001', 'a@example.fi', 'second'),
      offers.recordSentCard('T-2026-0001', 'b@example.fi', 'other'),
    ]);
    const row = await store
      .table('Orders')
      .getEntity<{ activityId: string }>('T-2026-0001', `sent|${encodeKey('a@example.fi')}`);
    assert.equal(row.activityId, 'second');
  });
});
