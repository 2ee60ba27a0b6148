import assert from 'node:assert/strict';
import { generateKeyPairSync, KeyObject, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, request, Server } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import jwt from 'jsonwebtoken';
import sinon from 'sinon';
import { RunningBot, startBot } from '../../src/main';
import { cast } from '../support/scenario';
import { TestUser, World } from '../support/world';

const APP_ID = '11111111-1111-1111-1111-111111111111';
const TENANT = '22222222-2222-2222-2222-222222222222';
const KID = 'test-signing-key';

/** A stand-in for the Bot Framework's OpenID metadata and signing keys, with a key made here. */
class OpenIdStub {
  readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;
  url = '';

  async start(): Promise<void> {
    const jwk = this.keys.publicKey.export({ format: 'jwk' });
    this.server = createServer((req, res) => {
      const base = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
      const body =
        req.url === '/keys'
          ? {
              keys: [
                {
                  kty: 'RSA',
                  use: 'sig',
                  kid: KID,
                  n: jwk.n,
                  e: jwk.e,
                  endorsements: ['msteams', 'webchat'],
                },
              ],
            }
          : {
              issuer: 'https://api.botframework.com',
              jwks_uri: `${base}/keys`,
              id_token_signing_alg_values_supported: ['RS256'],
            };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/.well-known/openid-configuration`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** A channel token as the Bot Framework signs it, for the given serviceUrl. */
  token(serviceUrl: string, o: { key?: KeyObject; aud?: string } = {}): string {
    return jwt.sign({ serviceurl: serviceUrl }, o.key ?? this.keys.privateKey, {
      algorithm: 'RS256',
      keyid: KID,
      issuer: 'https://api.botframework.com',
      audience: o.aud ?? APP_ID,
      expiresIn: '1h',
    });
  }
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends a request with node:http, so headers and the body's pace are the test's to choose. */
function rawPost(
  url: string,
  headers: Record<string, string>,
  write: (req: ReturnType<typeof request>, answered: () => boolean) => void,
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      res.on('error', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    // The bot may close the connection while the test still writes; the answer, if any, counts.
    req.on('error', (err) => setTimeout(() => reject(err), 200));
    write(req, () => answered);
  });
}

/** 200 MB of zeros, gzipped as it is made (about 200 KB), so the test itself never holds 200 MB. */
async function gzipBomb(): Promise<Buffer> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((r) => gzip.on('end', r));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 200; i++)
    if (!gzip.write(zeros)) await new Promise((r) => gzip.once('drain', r));
  gzip.end();
  await done;
  return Buffer.concat(out);
}

function multipart(boundary: string, bytes: number): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.alloc(bytes, 0x61),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

describe('the HTTP contract of /api/messages (SPEC §9)', () => {
  let world: World;
  let openId: OpenIdStub;
  let prod: RunningBot;
  let coordinator: TestUser;

  before(async () => {
    world = await World.start();
    openId = new OpenIdStub();
    await openId.start();
    ({ coordinator } = await cast(world, []));
    prod = await startBot(
      world.config({
        NODE_ENV: 'production',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'secret',
        MicrosoftAppTenantId: TENANT,
      }),
      { clock: world.clock, pollMs: 0, channelTrust: { openIdMetadataUrl: openId.url } },
    );
  });
  after(async () => {
    await prod.close();
    await openId.stop();
    await world.stop();
  });

  /** An activity of `user` as Teams sends it to the production bot (its tenant). */
  const teamsActivity = (user: TestUser, type: string, extra: Record<string, unknown> = {}) => {
    const a = user.activity(type, extra);
    return { ...a, conversation: { ...(a.conversation as object), tenantId: TENANT } };
  };

  const postProd = (
    activity: unknown,
    authorization?: string,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${prod.url}/api/messages`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(authorization ? { authorization } : {}),
        ...headers,
      },
      body: JSON.stringify(activity),
    });

  describe("tokens, through botbuilder's own authentication", () => {
    // botbuilder prints every refused token with console.error (a key, a stack): not the bot's log.
    let quiet: sinon.SinonStub;
    beforeEach(() => (quiet = sinon.stub(console, 'error')));
    afterEach(() => quiet.restore());

    it("when a token is signed by the channel's key, then the activity is accepted", async () => {
      const user = world.person({ email: 'reactor@example.fi' });
      const res = await postProd(
        teamsActivity(user, 'messageReaction', { reactionsAdded: [{ type: 'like' }] }),
        `Bearer ${openId.token(world.connector.url)}`,
      );
      assert.equal(res.status, 200, await res.text());
    });

    const forged: Array<[string, () => string]> = [
      [
        'unsigned (alg none)',
        () =>
          `Bearer ${b64({ alg: 'none', typ: 'JWT', kid: KID })}.${b64({ iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: world.connector.url, exp: Math.floor(Date.now() / 1000) + 3600 })}.`,
      ],
      ['garbage', () => 'Bearer not.a.token'],
      [
        "signed by another key under the channel key's id",
        () =>
          `Bearer ${openId.token(world.connector.url, { key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey })}`,
      ],
      [
        'for another bot',
        () => `Bearer ${openId.token(world.connector.url, { aud: randomUUID() })}`,
      ],
      [
        'for another serviceUrl',
        () => `Bearer ${openId.token('https://smba.trafficmanager.net/emea/')}`,
      ],
    ];
    for (const [name, header] of forged) {
      it(`when the token is ${name}, then 401 and nothing is answered or stored`, async () => {
        const user = world.person({ email: `forged-${randomUUID()}@example.fi` });
        const res = await postProd(teamsActivity(user, 'message', { text: 'apua' }), header());
        assert.equal(res.status, 401);
        assert.equal(user.messages().length, 0);
        assert.equal(await world.bot.services.people.get(user.aadObjectId), undefined);
      });
    }

    it('when there is no Authorization header, then 401 comes before the body has even arrived', async () => {
      const answer = rawPost(
        `${prod.url}/api/messages`,
        { 'content-type': 'application/json', 'content-length': '100000' },
        (req) => req.write('{"type":'),
      );
      const timeout = new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error('no answer while the body was incomplete')),
          5000,
        ).unref(),
      );
      const res = await Promise.race([answer, timeout]);
      assert.equal(res.status, 401);
    });
  });

  describe('bodies', () => {
    let tmp: string;
    let savedTmp: string | undefined;
    beforeEach(() => {
      savedTmp = process.env.TMPDIR;
      tmp = mkdtempSync(join(tmpdir(), 'kv-http-'));
      process.env.TMPDIR = tmp; // os.tmpdir() of the bot (this process) is now this empty folder
    });
    afterEach(() => {
      if (savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = savedTmp;
      rmSync(tmp, { recursive: true, force: true });
    });

    it('when a multipart upload arrives in production, then it is refused and no temp file is written', async () => {
      const boundary = 'x-boundary-1234';
      const body = multipart(boundary, 3 * 1024 * 1024);
      const statuses: number[] = [];
      for (const authorization of [undefined, 'Bearer garbage']) {
        const res = await rawPost(
          `${prod.url}/api/messages`,
          {
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': String(body.length),
            ...(authorization ? { authorization } : {}),
          },
          (req) => req.end(body),
        ).catch((err: Error) => ({ status: 0, headers: {}, body: err.message }));
        statuses.push(res.status);
      }
      assert.deepEqual(readdirSync(tmp), []);
      assert.deepEqual(statuses, [401, 415]);
    });

    it('when a gzip body that inflates to 200 MB arrives in production, then it is refused and memory stays put', async function () {
      this.timeout(60_000); // only the unfixed bot needs it: it inflates the bomb
      const bomb = await gzipBomb();
      assert.ok(bomb.length < 400 * 1024, `bomb is ${bomb.length} bytes`);
      global.gc?.();
      const before = process.memoryUsage().rss;
      const statuses: number[] = [];
      for (const authorization of [undefined, 'Bearer garbage', 'Bearer garbage']) {
        const res = await rawPost(
          `${prod.url}/api/messages`,
          {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': String(bomb.length),
            ...(authorization ? { authorization } : {}),
          },
          (req) => req.end(bomb),
        ).catch((err: Error) => ({ status: 0, headers: {}, body: err.message }));
        statuses.push(res.status);
      }
      const grewMb = (process.memoryUsage().rss - before) / 1024 / 1024;
      assert.ok(grewMb < 64, `resident memory grew by ${grewMb.toFixed(0)} MB`);
      assert.deepEqual(readdirSync(tmp), []);
      assert.deepEqual(statuses, [401, 415, 415]);
    });

    it('when a body says it is over 256 KB, then 413 without reading it', async () => {
      const user = world.person({ email: 'big@example.fi' });
      const res = await world.post(
        user.activity('message', { text: 'hei', padding: 'x'.repeat(300 * 1024) }),
      );
      assert.equal(res.status, 413);
      assert.equal(user.messages().length, 0);
    });

    it('when a chunked body grows past 256 KB, then 413 and the bot stops reading', async () => {
      let sent = 0;
      const res = await rawPost(
        `${world.bot.url}/api/messages`,
        { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        (req, answered) => {
          const more = () => {
            if (answered() || req.destroyed) return;
            if (sent > 4 * 1024 * 1024) return void req.end();
            sent += 16 * 1024;
            req.write(Buffer.alloc(16 * 1024, 0x20), () => setTimeout(more, 2));
          };
          req.write('{"type":"message","text":"');
          more();
        },
      );
      assert.equal(res.status, 413);
      assert.ok(sent < 1024 * 1024, `the bot read ${sent} bytes before answering`);
    });

    for (const [name, headers] of [
      ['text/plain', { 'content-type': 'text/plain' }],
      ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }],
      [
        'JSON with Content-Encoding: deflate',
        { 'content-type': 'application/json', 'content-encoding': 'deflate' },
      ],
    ] as const) {
      it(`when the body is ${name}, then 415 and nothing is answered`, async () => {
        const user = world.person({ email: `ct-${randomUUID()}@example.fi` });
        const res = await fetch(`${world.bot.url}/api/messages`, {
          method: 'POST',
          headers,
          body: JSON.stringify(user.activity('message', { text: 'apua' })),
        });
        assert.equal(res.status, 415);
        assert.equal(user.messages().length, 0);
      });
    }

    it('when the bot answers, then its responses carry X-Content-Type-Options: nosniff', async () => {
      for (const res of [
        await fetch(`${world.bot.url}/healthz`),
        await fetch(`${world.bot.url}/exports/nope/palkkiot.csv`),
        await fetch(`${world.bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: 'x',
        }),
        await fetch(`${world.bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{',
        }),
        await postProd({}, undefined),
      ]) {
        assert.equal(
          res.headers.get('x-content-type-options'),
          'nosniff',
          `${res.url} ${res.status}`,
        );
      }
    });
  });

  describe('who is speaking', () => {
    /** A Web Chat client with a valid Bot Service token, claiming to be the coordinator. */
    const spoof = (conversationId: string) => ({
      type: 'message',
      id: randomUUID(),
      channelId: 'webchat',
      serviceUrl: world.connector.url,
      from: { id: coordinator.aadObjectId, name: 'Kaisa' },
      recipient: { id: '28:bot-id' },
      conversation: { id: conversationId, tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
      text: '/fees',
    });

    it("when a Web Chat client with a valid token poses as a coordinator, then 403, no answer, and the coordinator's address is unchanged", async () => {
      const before = (await world.bot.services.people.get(coordinator.aadObjectId))!.value.address;
      const res = await postProd(
        spoof('attacker-conversation'),
        `Bearer ${openId.token(world.connector.url)}`,
      );
      assert.equal(res.status, 403);
      assert.equal(world.connector.messagesIn('attacker-conversation').length, 0);
      assert.deepEqual(
        (await world.bot.services.people.get(coordinator.aadObjectId))!.value.address,
        before,
      );
    });

    it('when the same spoof reaches a local bot, then it is refused too and the address is unchanged', async () => {
      const before = (await world.bot.services.people.get(coordinator.aadObjectId))!.value.address;
      const res = await world.post(spoof('attacker-local'));
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      assert.equal(world.connector.messagesIn('attacker-local').length, 0);
      assert.deepEqual(
        (await world.bot.services.people.get(coordinator.aadObjectId))!.value.address,
        before,
      );
    });

    it('when a Teams activity has no aadObjectId, then it is refused and nobody is stored', async () => {
      const user = world.person({ email: 'noaad@example.fi' });
      const a = user.activity('message', { text: 'apua' });
      const res = await world.post({ ...a, from: { id: user.id, name: 'User' } });
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      assert.equal(user.messages().length, 0);
      assert.equal(await world.bot.services.people.get(user.aadObjectId), undefined);
      assert.equal(await world.bot.services.people.get(user.id), undefined);
    });

    it('when the object id hides in a __proto__ key, then it is not believed', async () => {
      const user = world.person({ email: 'proto@example.fi' });
      const a = user.activity('message', { text: 'apua' });
      const raw = JSON.stringify({ ...a, from: { id: user.id, name: 'User' } }).replace(
        '"from":{',
        `"from":{"__proto__":{"aadObjectId":"${coordinator.aadObjectId}"},`,
      );
      const res = await world.post({}, raw);
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      assert.equal(user.messages().length, 0);
    });

    it('when the tenant is only in channelData, then it is refused', async () => {
      const user = world.person({ email: 'chdata@example.fi' });
      const a = user.activity('message', { text: 'apua' });
      const res = await world.post({
        ...a,
        conversation: { id: user.conversationId, conversationType: 'personal' },
      });
      assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
      assert.equal(user.messages().length, 0);
    });

    it('when a validly signed activity comes from another tenant, then 403 and it is not answered', async () => {
      const user = world.person({ email: 'foreign@example.fi' });
      const a = user.activity('message', { text: 'apua' });
      const res = await postProd(
        { ...a, conversation: { id: user.conversationId, tenantId: randomUUID() } },
        `Bearer ${openId.token(world.connector.url)}`,
      );
      assert.equal(res.status, 403);
      assert.equal(user.messages().length, 0);
      assert.equal(await world.bot.services.people.get(user.aadObjectId), undefined);
    });

    it('when a local bot has a tenant id set, then another tenant is refused and its own is answered', async () => {
      const local = await startBot(world.config({ MicrosoftAppTenantId: TENANT }), {
        clock: world.clock,
        pollMs: 0,
      });
      try {
        const post = (activity: unknown) =>
          fetch(`${local.url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(activity),
          });
        const stranger = world.person({ email: 'stranger@example.fi' });
        assert.equal((await post(stranger.activity('message', { text: 'apua' }))).status, 403); // tenant-1
        assert.equal(stranger.messages().length, 0);
        const member = world.person({ email: 'member@example.fi' });
        assert.equal((await post(teamsActivity(member, 'message', { text: 'apua' }))).status, 200);
        assert.ok(member.messages().length > 0, 'the own tenant is answered');
      } finally {
        await local.close();
      }
    });
  });

  describe('where it listens', () => {
    it('when there is no app id, then the bot listens on 127.0.0.1 only', async () => {
      const outward = Object.values((await import('node:os')).networkInterfaces())
        .flat()
        .find((i) => i && !i.internal && i.family === 'IPv4');
      assert.ok(outward, 'this machine has no non-loopback IPv4 address to try');
      const connects = (host: string) =>
        new Promise<boolean>((resolve) => {
          const s = new Socket();
          s.once('connect', () => (s.destroy(), resolve(true)));
          s.once('error', () => resolve(false));
          s.connect(world.bot.port, host);
        });
      assert.equal(await connects('127.0.0.1'), true);
      assert.equal(await connects(outward.address), false);
    });
  });
});
