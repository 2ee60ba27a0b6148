import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';
import { startBot } from '../../src/main';
import { startAzurite } from '../support/azurite';
import { World } from '../support/world';

describe('health, configuration and bad input', () => {
  let world: World;
  before(async () => (world = await World.start()));
  after(() => world.stop());

  it('when storage is reachable, then /healthz answers 200 with a small JSON body', async () => {
    const res = await fetch(`${world.bot.url}/healthz`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', storage: 'ok' });
  });

  it('when storage goes down, then /healthz answers 503, and 200 again when it is back', async () => {
    const azurite = await startAzurite();
    const bot = await startBot(
      world.config({ STORAGE_CONNECTION_STRING: azurite.connectionString }),
      { clock: world.clock },
    );
    try {
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
      await azurite.stop();
      const down = await fetch(`${bot.url}/healthz`);
      assert.equal(down.status, 503);
      assert.equal(((await down.json()) as { storage: string }).storage, 'unreachable');
    } finally {
      await bot.close();
    }
  });

  for (const [name, env, expected] of [
    ['PORT is not a number', { PORT: 'abc' }, /^Configuration error: PORT /],
    [
      'the connection string is malformed',
      { STORAGE_CONNECTION_STRING: 'not a connection string' },
      /^Configuration error: STORAGE_CONNECTION_STRING /,
    ],
    ['AZURITE is neither 0 nor 1', { AZURITE: 'maybe' }, /^Configuration error: AZURITE /],
    [
      'CLOCK_START is not an instant',
      { CLOCK_START: 'next monday' },
      /^Configuration error: CLOCK_START /,
    ],
    [
      'a bootstrap coordinator is not an e-mail',
      { BOOTSTRAP_COORDINATORS: 'boss@example.fi, nobody' },
      /^Configuration error: BOOTSTRAP_COORDINATORS /,
    ],
    [
      'production has no app id',
      { NODE_ENV: 'production', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' },
      /MicrosoftAppId is required/,
    ],
    [
      'production gets CLOCK_START',
      {
        NODE_ENV: 'production',
        MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
        MicrosoftAppPassword: 'x',
        MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
        CLOCK_START: '2027-01-01T00:00:00Z',
      },
      /CLOCK_START is refused/,
    ],
    [
      'local mode (no app id) is started on App Service',
      { WEBSITE_SITE_NAME: 'kokemusvalitys-bot' },
      /^Configuration error: MicrosoftAppId is required on Azure App Service/,
    ],
  ] as const) {
    it(`when ${name}, then the start stops with one line naming the variable`, () => {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) =>
          err instanceof ConfigError && expected.test(err.message) && !err.message.includes('\n'),
      );
    });
  }

  it('when nothing is set, then local defaults apply (port 3978, Azurite, Playground on 56150)', () => {
    const c = loadConfig({});
    assert.equal(c.PORT, 3978);
    assert.equal(c.PLAYGROUND_PORT, 56150);
    assert.match(c.STORAGE_CONNECTION_STRING, /127\.0\.0\.1:10002/);
    assert.equal(c.DEMO_DATA, true);
  });

  it('when the bot has its app id on App Service, then the configuration loads', () => {
    const c = loadConfig({
      WEBSITE_SITE_NAME: 'kokemusvalitys-bot',
      MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
    });
    assert.equal(c.MicrosoftAppId, '11111111-1111-1111-1111-111111111111');
  });

  it('when the bot is started with PORT=abc, then it exits with one clear line', function () {
    this.timeout(90_000); // a cold tsx start of the whole bot, on a busy 2-core machine
    const r = spawnSync(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, '..', '..', 'src', 'main.ts')],
      {
        env: { ...process.env, PORT: 'abc' },
        encoding: 'utf8',
      },
    );
    assert.equal(r.status, 1);
    assert.match(r.stderr.trim(), /^Configuration error: PORT /);
  });

  it('when the bot has its app identity, then a request without a token is refused with 401 and not processed', async () => {
    const secured = await startBot(
      world.config({
        NODE_ENV: 'production',
        MicrosoftAppId: '11111111-1111-1111-1111-111111111111',
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: '22222222-2222-2222-2222-222222222222',
      }),
      { clock: world.clock, pollMs: 0 },
    );
    try {
      const user = world.person({ email: 'intruder@example.fi' });
      const activity = {
        ...user.activity('message', { text: 'apua' }),
        conversation: { id: user.conversationId, tenantId: '22222222-2222-2222-2222-222222222222' },
      };
      const res = await fetch(`${secured.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      assert.equal(res.status, 401);
      assert.equal(user.messages().length, 0);
    } finally {
      await secured.close();
    }
  });

  it('when the body is not JSON, then 400 and nothing breaks', async () => {
    const res = await world.post({}, '{"type": "message", ');
    assert.equal(res.status, 400);
  });

  for (const [name, activity] of [
    ['has no type', { text: 'hi' }],
    [
      'has no conversation',
      {
        type: 'message',
        text: 'hi',
        from: { id: '29:x' },
        recipient: { id: '28:b' },
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
      },
    ],
    [
      'has a bad serviceUrl',
      {
        type: 'message',
        text: 'hi',
        from: { id: '29:x' },
        recipient: { id: '28:b' },
        conversation: { id: 'c' },
        channelId: 'msteams',
        serviceUrl: 'not a url',
      },
    ],
    ['is an array', [1, 2, 3]],
  ] as const) {
    it(`when the activity ${name}, then 400`, async () => {
      const res = await world.post(activity as unknown as Record<string, unknown>);
      assert.equal(res.status, 400);
    });
  }

  it('when an unknown activity type arrives, then it is ignored with a 2xx and no message', async () => {
    const user = world.person({ email: 'quiet@example.fi' });
    const res = await world.post(
      user.activity('messageReaction', { reactionsAdded: [{ type: 'like' }] }),
    );
    assert.ok(res.status < 300, `status ${res.status}`);
    assert.equal(user.messages().length, 0);
  });

  it('when an unknown or stale card button is pressed, then the card says it is out of date', async () => {
    const user = world.person({ email: 'clicker@example.fi' });
    const res = await user.execute('no_such_verb', { orderId: 'T-2026-9999' });
    assert.equal(res.status, 200);
    assert.match(JSON.stringify(res.body), /vanhentunut/);
  });

  it('when an old client sends an unknown Action.Submit, then the answer says the card is out of date', async () => {
    const user = world.person({ email: 'submitter@example.fi' });
    await user.install();
    await world.post(user.activity('message', { value: { verb: 'no_such_verb' } }));
    assert.match(user.lastText(), /vanhentunut/);
  });

  it('when a very long text arrives, then it is refused with 400 rather than processed', async () => {
    const user = world.person({ email: 'long@example.fi' });
    const res = await world.post(user.activity('message', { text: 'a'.repeat(30_000) }));
    assert.equal(res.status, 400);
  });
});
