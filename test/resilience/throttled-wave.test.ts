import assert from 'node:assert/strict';
import { BotProcess, Cluster, sleep, waitUntil } from './support/cluster';

/** A small fixed-seed generator: the same faults on every run. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('a 500-expert wave through a throttling connector (SPEC §11, §14)', () => {
  const EXPERTS = 500;
  let cluster: Cluster;
  let bot: BotProcess;
  let orderer: string;

  before(async function () {
    this.timeout(180_000);
    cluster = await Cluster.start(1, { waveSize: EXPERTS });
    bot = cluster.bots[0]!;
    await cluster.seedExperts(EXPERTS, 'w');
    orderer = await cluster.seedOrderer(bot);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(bot.output.slice(-3000));
  });
  after(async function () {
    this.timeout(60_000);
    await cluster?.stop();
  });

  it('when the connector takes every send, then a 500-expert wave goes out once to each expert, within the 30 a second of Teams', async function () {
    this.timeout(120_000);
    const t0 = Date.now();
    const orderId = await cluster.placeOrder(bot, orderer, '2026-12-14');
    await waitUntil(
      'all 500 offers delivered',
      () => cluster.offersSent(orderId).size >= EXPERTS,
      100_000,
      () => `${cluster.offersSent(orderId).size} delivered`,
    );
    const times = cluster.offerTimes(orderId);
    const rate = EXPERTS / ((Math.max(...times) - t0) / 1000);
    // The pacer grants at most 30 a second, so the wave as a whole cannot go faster; arrivals at
    // the stand-in bunch by the jitter between the grant and the call (the busiest second is
    // reported: up to 39 were seen here, which Teams would answer with a retried 429).
    const inWindow = (ms: number) =>
      Math.max(...times.map((t) => times.filter((u) => u > t - ms && u <= t).length));
    console.log(
      `      ${EXPERTS} offers at ${rate.toFixed(1)} a second; at most ${inWindow(1000)} in one second, ${inWindow(5000)} in 5 s`,
    );
    // How fast is the bench's to say (SPEC §11: 25 a second); here: never faster than Teams allows.
    const span = (Math.max(...times) - Math.min(...times)) / 1000;
    assert.ok((EXPERTS - 30) / span <= 30, `the wave as a whole within 30 a second (${span} s)`);
    assert.equal([...cluster.offersSent(orderId).values()].filter((n) => n > 1).length, 0);
  });

  it('when the connector answers 30 % of sends with 429 (Retry-After: 1) and 5 % with 503, then every offer is delivered exactly once', async function () {
    this.timeout(240_000);
    const roll = random(18);
    cluster.connector.chaos = (kind) => {
      if (kind !== 'send') return undefined;
      const r = roll();
      if (r < 0.3) return { status: 429, headers: { 'retry-after': '1' } };
      if (r < 0.35) return { status: 503 };
      return undefined;
    };
    const t0 = Date.now();
    const attemptsBefore = cluster.connector.attempts.length;
    const orderId = await cluster.placeOrder(bot, orderer, '2026-12-15');
    await waitUntil(
      'all 500 offers delivered',
      () => cluster.offersSent(orderId).size >= EXPERTS,
      200_000,
      () => `${cluster.offersSent(orderId).size} delivered`,
    );
    const times = cluster.offerTimes(orderId);
    const seconds = (Math.max(...times) - t0) / 1000;
    await sleep(3000); // a late repeat would show now
    const sent = cluster.offersSent(orderId);
    const attempts = cluster.connector.attempts
      .slice(attemptsBefore)
      .filter((c) => c.kind === 'send');
    const refused = attempts.filter((c) => c.status >= 400);
    const rate = EXPERTS / seconds;
    console.log(
      `      ${EXPERTS} offers in ${seconds.toFixed(1)} s = ${rate.toFixed(1)} delivered/s; ${attempts.length} attempts, ${refused.filter((c) => c.status === 429).length} × 429, ${refused.filter((c) => c.status === 503).length} × 503`,
    );
    assert.deepEqual(
      [...sent.entries()].filter(([, n]) => n > 1),
      [],
      'no expert gets the offer twice',
    );
    assert.equal(sent.size, EXPERTS, 'every expert gets the offer');
  });
});
