import assert from 'node:assert/strict';
import { translator } from '../../src/i18n';
import { BotProcess, Cluster, sleep, waitUntil } from './support/cluster';

const OUTAGE_MS = 30_000;
/** SEND_CONCURRENCY of src/app/work-runner.ts: offer cards of a wave in flight at once. */
const IN_FLIGHT = 32;

describe('storage down for 30 s in the middle of a wave (SPEC §14)', () => {
  const WAVE = 120;
  let cluster: Cluster;
  let bot: BotProcess;
  let orderer: string;

  before(async function () {
    this.timeout(180_000);
    cluster = await Cluster.start(1, { waveSize: WAVE });
    bot = cluster.bots[0]!;
    await cluster.seedExperts(WAVE, 'o');
    orderer = await cluster.seedOrderer(bot);
  });
  afterEach(function () {
    if (this.currentTest?.state === 'failed') console.log(bot.output.slice(-3000));
  });
  after(async function () {
    this.timeout(60_000);
    await cluster?.stop();
  });

  it('when Azurite stops for 30 s and starts again, then /healthz says 503 meanwhile, a message is answered "try again in a moment", and the wave is out within 30 s of storage returning with nothing lost', async function () {
    this.timeout(240_000);
    const orderId = await cluster.placeOrder(bot, orderer, '2026-12-15');
    await waitUntil('first offers out', () => cluster.offersSent(orderId).size >= 10, 60_000);
    await cluster.storage.stop();
    const stoppedAt = Date.now();
    const before = cluster.offersSent(orderId).size;

    // Meanwhile: /healthz and a person who writes to the bot.
    const health: number[] = [];
    const probing = (async () => {
      while (Date.now() - stoppedAt < OUTAGE_MS - 1000) {
        health.push(await bot.health());
        await sleep(1000);
      }
    })();
    const sent = cluster.connector.messagesIn(`a:${orderer}`).length;
    const res = await cluster.post(bot, cluster.activity(orderer, 'message', { text: 'apua' }));
    await probing;
    const answers = cluster.connector
      .messagesIn(`a:${orderer}`)
      .slice(sent)
      .filter((a) => a.type === 'message') // not the typing indicator
      .map((a) => String(a.text ?? ''));
    assert.ok(res.status < 500, `the message is not answered with a 5xx (${res.status})`);
    assert.deepEqual(
      answers,
      [translator('fi')('error_generic')],
      'the person is told to try again in a moment',
    );
    assert.ok(
      health.length >= 10 && health.every((s) => s === 503),
      `/healthz 503 throughout: ${health.join(' ')}`,
    );

    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - stoppedAt)));
    await cluster.storage.startAgain();
    const backAt = Date.now();
    await waitUntil('/healthz 200 again', async () => (await bot.health()) === 200, 30_000);
    const resumed = await waitUntil(
      'the rest of the wave',
      () => cluster.offersSent(orderId).size >= WAVE,
      90_000,
      () => `${cluster.offersSent(orderId).size} of ${WAVE}`,
    );
    await sleep(3000);
    const offers = cluster.offersSent(orderId);
    const twice = [...offers.values()].filter((n) => n > 1).length;
    const firstAfter = cluster.offerTimes(orderId).find((t) => t >= backAt);
    console.log(
      `      ${before}/${WAVE} offers out when storage stopped; back after ${((backAt - stoppedAt) / 1000).toFixed(1)} s; first offer ${firstAfter ? ((firstAfter - backAt) / 1000).toFixed(1) : '?'} s and the whole wave ${(resumed / 1000).toFixed(1)} s after storage returned; ${twice} sent twice`,
    );
    assert.equal(offers.size, WAVE, 'nothing lost: every expert has the offer');
    assert.ok(
      firstAfter !== undefined && firstAfter - backAt <= 30_000,
      'work resumes within 30 s of storage returning',
    );
    assert.ok(twice <= IN_FLIGHT, `only sends in flight when storage went can repeat (${twice})`);

    // And the person who was told to try again now gets the help text.
    const n = cluster.connector.messagesIn(`a:${orderer}`).length;
    await cluster.post(bot, cluster.activity(orderer, 'message', { text: 'apua' }));
    const again = cluster.connector
      .messagesIn(`a:${orderer}`)
      .slice(n)
      .filter((a) => a.type === 'message')
      .map((a) => String(a.text ?? ''));
    assert.equal(again.length, 1);
    assert.notEqual(again[0], translator('fi')('error_generic'));
  });
});
