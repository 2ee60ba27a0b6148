import assert from 'node:assert/strict';
import { LEASE_MS } from '../../src/app/work-runner';
import { BotProcess, Cluster, sleep, waitUntil } from './support/cluster';

/** How often each process polls for work (bot-process.ts: the production default). */
const POLL_MS = 2000;
/**
 * A card can go twice only if Teams took it and the crash came before its activity id was stored:
 * the send's answer plus one storage write. Anything that reached the stand-in longer ago than
 * this before the kill must not repeat.
 */
const UNRECORDED_MS = 500;

/** The most offers the stand-in took in any `ms` from `from` on. */
function busiest(times: number[], from: number, ms = 1000): number {
  const sorted = times.filter((t) => t >= from).sort((x, y) => x - y);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[j]! <= sorted[i]! - ms) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

function assertEachOnce(sent: Map<string, number>, experts: number, what: string): void {
  const twice = [...sent.entries()].filter(([, n]) => n > 1);
  assert.deepEqual(twice, [], `${what}: no expert gets the offer twice`);
  assert.equal(sent.size, experts, `${what}: every expert gets the offer`);
}

describe('two bot processes on one storage (SPEC §14)', () => {
  const EXPERTS = 40;
  let cluster: Cluster;
  let a: BotProcess;
  let b: BotProcess;
  let orderer: string;

  before(async function () {
    this.timeout(180_000);
    cluster = await Cluster.start(2, { waveSize: EXPERTS });
    [a, b] = cluster.bots as [BotProcess, BotProcess];
    await cluster.seedExperts(EXPERTS);
    orderer = await cluster.seedOrderer(a);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed')
      for (const bot of [a, b]) console.log(bot.output.slice(-3000));
  });
  after(async function () {
    this.timeout(60_000);
    await cluster?.stop();
  });

  it('when orders are sent to both processes at once under load, then each offer reaches each expert exactly once', async function () {
    this.timeout(120_000);
    // Load beside the orders: help messages to both processes all the while.
    let chatting = true;
    const chatter = (async () => {
      let i = 0;
      while (chatting) {
        const bot = i++ % 2 ? a : b;
        const res = await cluster.post(bot, cluster.activity(orderer, 'message', { text: 'apua' }));
        assert.ok(res.status < 500, `help answered ${res.status}`);
      }
      return i;
    })();
    const dates = ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18'];
    const orders = await Promise.all(
      dates.map((d, i) => cluster.placeOrder(i % 2 ? a : b, orderer, d)),
    );
    await waitUntil(
      'every offer out',
      () => orders.every((o) => cluster.offersSent(o).size >= EXPERTS),
      60_000,
    );
    await sleep(3000); // two more polls of each process: a late duplicate would show now
    chatting = false;
    const helps = await chatter;
    for (const o of orders) assertEachOnce(cluster.offersSent(o), EXPERTS, o);
    // SPEC §11: Teams takes 30 a second from the whole app; both processes' waves went at once.
    // (The help answers beside them are replies in the users' own turns, paced per process.)
    const times = orders.flatMap((o) => cluster.offerTimes(o));
    const first = Math.min(...times);
    const span = (Math.max(...times) - first) / 1000;
    const rate = (times.length - 30) / span;
    console.log(
      `      ${orders.length} orders × ${EXPERTS} offers from two processes at once in ${span.toFixed(1)} s = ${rate.toFixed(1)} a second after a first burst of 30; at most ${busiest(times, first + 1000)} in one second, ${busiest(times, first + 1000, 3000)} in 3 s (after the first second); ${helps} help messages beside them`,
    );
    // Each process alone would send 28 a second; together they keep the one rate (the slots they
    // are granted are spaced evenly: test/unit/pacer.test.ts). Arrivals at the stand-in bunch by
    // the jitter between a slot and its call (both processes, Azurite and the test share this
    // machine's two cores): the busiest second is reported, the rate checked over the wave.
    assert.ok(rate <= 30, `both processes together within Teams' 30 a second (${rate})`);
  });

  it('when one process is killed (kill -9) in the middle of a wave, then the other goes on with it within 20 s, nothing is lost and only cards not yet recorded at the kill repeat', async function () {
    this.timeout(200_000);
    const WAVE = EXPERTS;
    const orderId = await cluster.placeOrder(a, orderer, '2026-12-21');
    await waitUntil('first offers out', () => cluster.offersSent(orderId).size >= 5, 30_000);
    const killing = Date.now();
    await a.kill9();
    const killedAt = Date.now();
    const before = cluster.offersSent(orderId).size;
    assert.ok(before < WAVE, `killed in the middle of the wave (${before} of ${WAVE} sent)`);

    await waitUntil(
      'the rest of the wave',
      () => cluster.offersSent(orderId).size >= WAVE,
      120_000,
    );
    const resumedAt = cluster.offerTimes(orderId).find((t) => t > killedAt + 500) ?? Date.now();
    const takeover = resumedAt - killedAt;
    console.log(
      `      killed after ${before}/${WAVE} offers; the other process went on ${(takeover / 1000).toFixed(1)} s after the kill (lease ${LEASE_MS / 1000} s, renewed every ${LEASE_MS / 3000} s)`,
    );
    // SPEC §14: taken over within 20 s, and the other instance notices at its next poll.
    assert.ok(takeover <= 20_000 + POLL_MS, `taken over within 20 s (${takeover} ms)`);

    await a.start(); // the restart: it finds nothing left to send
    await sleep(5000);
    const sent = cluster.offersSent(orderId);
    const twice = [...sent.entries()].filter(([, n]) => n > 1).map(([chat]) => chat);
    const firstSend = (chat: string) =>
      Math.min(
        ...cluster.connector.calls
          .filter(
            (c) =>
              c.kind === 'send' &&
              c.conversationId === chat &&
              JSON.stringify(c.activity ?? {}).includes(orderId),
          )
          .map((c) => c.at),
      );
    const ages = twice.map((chat) => killing - firstSend(chat));
    console.log(
      `      offers sent twice: ${twice.length} (their first send ${ages.map((ms) => `${ms} ms`).join(', ') || '–'} before the kill)`,
    );
    assert.equal(sent.size, WAVE, 'nothing lost: every expert has the offer');
    // Teams has no idempotency key: a card it took just before the kill, whose activity id was not
    // yet stored, goes again. Only those: each card's id is stored right after its send.
    for (const age of ages)
      assert.ok(age <= UNRECORDED_MS, `only a card sent just before the kill repeats (${age} ms)`);
  });
});
