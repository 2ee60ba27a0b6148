import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { InMemoryLogRecordExporter, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';
import sinon from 'sinon';
import { log, logStream } from '../../src/log';
import { startTelemetry, stopTelemetry } from '../../src/telemetry';
import { serveArgs } from '../../scripts/serve-args';
import { storageConnectionString } from '../support/root-hooks';
import { TestUser, World } from '../support/world';

/** Everything a span carries that an exporter would send on. */
function exported(span: ReadableSpan): string {
  return JSON.stringify({
    name: span.name,
    attributes: span.attributes,
    events: span.events,
    status: span.status,
  });
}

describe('telemetry to Application Insights (SPEC §9, §13)', () => {
  const spans = new InMemorySpanExporter();
  const records = new InMemoryLogRecordExporter();
  const lines: Array<Record<string, unknown>> = [];
  const BOSS = { email: 'boss.person@example.fi', name: 'Bossi Päällikkö' };
  const STRANGER_NAME = 'Tuntematon Testihenkilö';
  const saved = { ...process.env };
  const level = log.level;
  let world: World;
  let boss: TestUser;
  let exportUrl = '';

  before(async () => {
    process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = 'true';
    process.env.APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL = 'ERROR';
    startTelemetry({
      // Nothing listens on port 9: the Azure Monitor exporter's own sends fail, the spans are read here.
      connectionString:
        'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=http://127.0.0.1:9/',
      exporter: { disableOfflineStorage: true },
      tracesPerSecond: 0, // every trace: the assertions below count them
      spanProcessors: [new SimpleSpanProcessor(spans)],
      logRecordProcessors: [new SimpleLogRecordProcessor(records)],
    });
    // In production src/instrument.ts starts telemetry before anything loads http or the Azure SDK.
    // Here mocha loaded them with the test files: requiring them again lets the hooks patch them.
    /* eslint-disable @typescript-eslint/no-require-imports -- a require at this point, not an import */
    require('node:http');
    require('@azure/core-tracing');
    /* eslint-enable @typescript-eslint/no-require-imports */
    world = await World.start({ BOOTSTRAP_COORDINATORS: BOSS.email });
    boss = world.person(BOSS);
    log.level = 'info';
    sinon.replace(logStream, 'out', {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
  });

  after(async () => {
    sinon.restore();
    log.level = level;
    await world.stop();
    await stopTelemetry();
    for (const name of [
      'APPLICATIONINSIGHTS_STATSBEAT_DISABLED',
      'APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL',
    ]) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it('when a coordinator asks for a fee export and downloads it, then each turn has a span and the download is a request without its token', async () => {
    spans.reset();
    await boss.install();
    await boss.say('/export fees 2026-11');
    exportUrl = /https?:\/\/\S+\.csv/.exec(boss.lastText())?.[0] ?? '';
    assert.match(
      exportUrl,
      /\/exports\/[^/]+\/palkkiot\.csv$/,
      `an export link in: ${boss.lastText()}`,
    );
    const res = await fetch(exportUrl);
    assert.equal(res.status, 200);
    await res.text();

    const finished = spans.getFinishedSpans();
    const turns = finished.filter((s) => s.name.startsWith('turn '));
    assert.deepEqual(
      turns.map((s) => s.name),
      ['turn installationUpdate', 'turn message /export'],
    );
    assert.equal(turns[1]!.attributes['turn.command'], '/export');
    // The turn is a child of the Bot Framework request, so it is one operation in Application Insights.
    const request = finished.find(
      (s) => s.spanContext().spanId === turns[1]!.parentSpanContext?.spanId,
    );
    assert.ok(request, 'the turn span has the incoming request as its parent');
    const download = finished.find((s) => JSON.stringify(s.attributes).includes('/exports/'));
    assert.ok(download, `a span for the download among: ${finished.map((s) => s.name).join(', ')}`);
    assert.match(JSON.stringify(download.attributes), /\/exports\/:token\/palkkiot\.csv/);
    assert.ok(
      finished.some(
        (s) =>
          /10002|devstoreaccount1|127\.0\.0\.1/.test(JSON.stringify(s.attributes)) &&
          s !== download,
      ),
      'storage calls are dependencies',
    );
  });

  it('when the spans are read, then no export token, storage key, e-mail or name of the test people is in them', () => {
    const token = /\/exports\/([^/]+)\//.exec(exportUrl)![1]!;
    const accountKey = /AccountKey=([^;]+)/.exec(storageConnectionString())?.[1];
    const all = spans.getFinishedSpans().map(exported).join('\n');
    assert.ok(all.length > 0);
    for (const secret of [
      token,
      accountKey,
      BOSS.email,
      encodeURIComponent(BOSS.email),
      BOSS.name,
      'Bossi',
      STRANGER_NAME,
      'Test Person',
    ]) {
      if (secret) assert.ok(!all.includes(secret), `${secret} must not be in the spans`);
    }
    assert.doesNotMatch(all, /[\w.]+(@|%40|%2540)example\.fi/i);
  });

  it('when a turn writes log lines, then each carries the correlation id of that turn, which is its span’s trace id', async () => {
    spans.reset();
    lines.length = 0;
    // Someone Teams does not know as a member: the e-mail lookup fails and the turn logs it.
    const aad = randomUUID();
    const stranger = new TestUser(world, `29:${aad}`, aad, 'fi-FI');
    await stranger.say('hei');
    await stranger.say('apua');
    const turns = spans.getFinishedSpans().filter((s) => s.name.startsWith('turn '));
    assert.equal(turns.length, 2);
    const ids = turns.map((s) => s.spanContext().traceId);
    assert.notEqual(ids[0], ids[1]);
    const failed = lines.filter((l) => l.event === 'get_member_failed');
    assert.ok(failed.length >= 1, `a member lookup failure logged: ${JSON.stringify(lines)}`);
    assert.ok(
      lines.every((l) => typeof l.correlationId === 'string'),
      `every line of the turns has an id: ${JSON.stringify(lines)}`,
    );
    assert.deepEqual(
      [...new Set(lines.map((l) => l.correlationId))].sort(),
      [...new Set(lines.map((l) => l.correlationId))]
        .filter((id) => ids.includes(id as string))
        .sort(),
    );
    assert.ok(!JSON.stringify(lines).includes(STRANGER_NAME));
  });

  it('when an e-mail reaches a log call, then the line written has it masked', () => {
    lines.length = 0;
    log.warn(
      { event: 'probe', person: BOSS.email, url: `${exportUrl}?sig=abc123` },
      `lookup for ${BOSS.email}`,
    );
    assert.equal(lines.length, 1);
    const line = JSON.stringify(lines[0]);
    assert.ok(!line.includes(BOSS.email) && !line.includes('sig=abc123'), line);
    assert.ok(!line.includes(/\/exports\/([^/]+)\//.exec(exportUrl)![1]!), line);
    assert.equal(lines[0]!.event, 'probe');
  });

  it('when a turn fails, then the span records the exception and the log line has the stack, the turn’s id and no e-mail, also in Application Insights', async () => {
    spans.reset();
    records.reset();
    lines.length = 0;
    const broken = sinon
      .stub(world.bot.services.people, 'get')
      .rejects(new Error(`storage refused ${BOSS.email}`));
    try {
      await boss.say('/fees');
    } finally {
      broken.restore();
    }
    const turn = spans.getFinishedSpans().find((s) => s.name.startsWith('turn '));
    assert.ok(turn);
    assert.equal(turn.status.code, 2 /* ERROR */);
    assert.ok(turn.events.some((e) => e.name === 'exception'));
    assert.ok(!exported(turn).includes(BOSS.email), exported(turn));
    const failed = lines.find((l) => l.event === 'turn_failed');
    assert.ok(failed, JSON.stringify(lines));
    assert.equal(failed.correlationId, turn.spanContext().traceId);
    const err = failed.err as { stack?: string; message?: string };
    assert.match(err.stack ?? '', /at .*telemetry\.test\.ts/, 'the stack, not the message only');
    assert.ok(!JSON.stringify(failed).includes(BOSS.email));
    // The same line as an Application Insights log record: an exception in the turn's operation.
    const record = records
      .getFinishedLogRecords()
      .find((r) => r.attributes.event === 'turn_failed');
    assert.ok(record, 'the log line went to Application Insights too');
    assert.equal(record.spanContext?.traceId, turn.spanContext().traceId);
    assert.equal(record.attributes['exception.type'], 'Error');
    const stack = record.attributes['exception.stacktrace'];
    assert.ok(typeof stack === 'string');
    assert.match(stack, /telemetry\.test\.ts/);
    assert.ok(
      !JSON.stringify({ body: record.body, attributes: record.attributes }).includes(BOSS.email),
    );
  });
});

describe('telemetry in the started bot (npm run serve)', () => {
  it('when the bot runs with a connection string, then requests and dependencies reach the ingestion endpoint scrubbed, also at shutdown', async function () {
    this.timeout(120_000); // a process of its own: tsx compiles the bot and the SDK loads
    const bodies: string[] = [];
    // The exporter only speaks https: a throwaway certificate, trusted by the bot's process alone.
    const dir = mkdtempSync(join(tmpdir(), 'kv-ingestion-'));
    const made = spawnSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]);
    assert.equal(made.status, 0, `openssl: ${made.stderr.toString()}`);
    const tls = {
      key: readFileSync(join(dir, 'key.pem')),
      cert: readFileSync(join(dir, 'cert.pem')),
    };
    rmSync(dir, { recursive: true });
    const ingestion = createServer(tls, (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        bodies.push(
          (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8'),
        );
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
      });
    });
    await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
    const root = join(__dirname, '..', '..');
    const token = 'i8v-RzsDlDyjEmpxe8Oahju_0oouNwljObAxxZQp-hU';
    const child = spawn(process.execPath, serveArgs(root), {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: {
        ...process.env,
        NODE_ENV: 'development',
        LOG_LEVEL: 'info',
        PORT: '0',
        DEMO_DATA: '0',
        STORAGE_CONNECTION_STRING: storageConnectionString(),
        TABLE_PREFIX: `o${randomUUID().slice(0, 8)}`,
        NODE_TLS_REJECT_UNAUTHORIZED: '0',
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_INSTRUMENTATION_LOGGING_LEVEL: 'ERROR',
        APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({
          tracesPerSecond: 0,
          samplingRatio: 1,
        }),
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://127.0.0.1:${(ingestion.address() as AddressInfo).port}/`,
      },
    });
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString('utf8');
          const m = /"event":"bot_listening","port":(\d+)/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        child.once('exit', (code) => reject(new Error(`the bot stopped (${code}): ${out}`)));
      });
      assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
      assert.equal(
        (await fetch(`http://127.0.0.1:${port}/exports/${token}/palkkiot.csv`)).status,
        404,
      );
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    } finally {
      child.kill('SIGKILL');
      ingestion.close();
    }
    const sent = bodies.join('\n');
    assert.match(
      sent,
      /"baseType":"RequestData"[^]*\/exports\/:token\/palkkiot\.csv/,
      'the download is a request',
    );
    assert.match(
      sent,
      /"baseType":"RemoteDependencyData"[^]*"ai.cloud.role":"kokemusvalitys"/,
      'the storage calls are dependencies',
    );
    assert.ok(!sent.includes(token), 'no export token in what Application Insights gets');
    const accountKey = /AccountKey=([^;]+)/.exec(storageConnectionString())?.[1];
    if (accountKey) assert.ok(!sent.includes(accountKey));
  });
});
