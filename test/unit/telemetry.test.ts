import assert from 'node:assert/strict';
import type { Attributes } from '@opentelemetry/api';
import sinon from 'sinon';
import { log, logStream } from '../../src/log';
import {
  correlationId,
  describeTurn,
  inTurn,
  scrubAttributes,
  scrubSpanText,
  scrubText,
} from '../../src/telemetry';

describe('telemetry scrubbing and turn correlation', () => {
  for (const [what, input, secret] of [
    [
      'an export token in a path',
      'GET /exports/i8v-RzsDlDyjEmpxe8Oahju_0oouNwljObAxxZQp-hU/palkkiot.csv',
      'i8v-RzsDlDyjEmpxe8',
    ],
    [
      'a storage account key',
      'DefaultEndpointsProtocol=https;AccountName=kv;AccountKey=Eby8vdM02xNOcqFl+/K1SZ==;EndpointSuffix=core.windows.net',
      'Eby8vdM02xNOcqFl',
    ],
    [
      'a SAS signature',
      'https://kv.table.core.windows.net/Orders?sv=2022-11-02&ss=t&sig=AbC%2BdEf%3D&se=2026-12-01',
      'AbC%2BdEf',
    ],
    [
      'a bearer token',
      'authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      'eyJhbGciOiJSUzI1NiJ9',
    ],
    ['an e-mail', 'member sanna.supervisor@example.fi not found', 'sanna.supervisor'],
    [
      'an e-mail in a URL',
      '/People(PartitionKey=%27email%27,RowKey=%27sanna.s%2540example.fi%27)',
      'sanna.s',
    ],
    ['an e-mail with Finnish letters', 'päivi.äijälä@esimerkki.fi', 'päivi'],
    ['a personal identity code', 'note: 131052-308T and 131052 – 308T', '308T'],
  ] as const) {
    it(`when a text holds ${what}, then the scrubbed text does not`, () => {
      const clean = scrubSpanText(input);
      assert.ok(!clean.includes(secret), clean);
    });
  }

  it('when a text has ids, event codes and instants only, then scrubbing leaves it as it was', () => {
    const line =
      '{"level":30,"event":"timer_failed","orderId":"T-2026-0042","claimId":"K-17","at":"2026-11-25T10:00:00.000Z","correlationId":"5c760006f7bba223df9c6ae891422772"}';
    assert.equal(scrubText(line), line);
  });

  it('when span attributes are scrubbed, then client addresses and headers go, storage keys in URLs are masked, and the exporter’s own markers stay', () => {
    const attributes: Attributes = {
      'http.url':
        "http://127.0.0.1:10002/devstoreaccount1/kvClaims(PartitionKey='export',RowKey='i8v-RzsDlDyjEmpxe8Oahju')",
      'http.client_ip': '203.0.113.7',
      'net.peer.ip': '203.0.113.7',
      'http.user_agent': 'Mozilla/5.0',
      'http.request.header.authorization': ['Bearer abc'],
      'http.status_code': 200,
      '_MS.ProcessedByMetricExtractors': "(Name:'Requests', Ver:'1.1')",
    };
    scrubAttributes(attributes);
    assert.deepEqual(attributes, {
      'http.url':
        "http://127.0.0.1:10002/devstoreaccount1/kvClaims(PartitionKey=':key',RowKey=':key')",
      'http.status_code': 200,
      '_MS.ProcessedByMetricExtractors': "(Name:'Requests', Ver:'1.1')",
    });
  });

  it('when a turn is described, then its span says the activity type, verb or command, never the text', () => {
    assert.deepEqual(
      describeTurn({ type: 'message', text: '/fees 2026-11 for Sanna Supervisor' }),
      {
        name: 'turn message /fees',
        attributes: { 'turn.activity_type': 'message', 'turn.command': '/fees' },
      },
    );
    assert.equal(
      describeTurn({ type: 'message', text: 'Tilaan Sanna Supervisorin ensi viikolla' }).name,
      'turn message',
    );
    assert.equal(
      describeTurn({
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { verb: 'approve_claim', data: { note: 'x' } } },
      }).name,
      'turn invoke adaptiveCard/action approve_claim',
    );
    assert.equal(
      describeTurn({ type: 'message', value: { verb: 'submit_order', wishes: 'Sanna' } }).name,
      'turn message submit_order',
    );
    assert.equal(
      describeTurn({ type: 'message', value: { verb: 'Sanna Supervisor <sanna@example.fi>' } })
        .name,
      'turn message',
    );
  });

  it('when telemetry is off, then each turn still gets its own correlation id, in every log line of the turn and in none outside', async () => {
    const lines: Array<Record<string, unknown>> = [];
    const level = log.level;
    log.level = 'info';
    sinon.replace(logStream, 'out', {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    });
    try {
      const seen: Array<string | undefined> = [];
      for (const n of [1, 2]) {
        await inTurn({ type: 'message' }, async () => {
          seen.push(correlationId());
          log.info({ event: 'probe', n }, 'first');
          await new Promise((r) => setTimeout(r, 5));
          log.info({ event: 'probe', n }, 'after a wait');
        });
      }
      log.info({ event: 'outside' }, 'no turn');
      assert.match(seen[0] ?? '', /^[0-9a-f]{32}$/);
      assert.notEqual(seen[0], seen[1]);
      assert.deepEqual(
        lines.map((l) => l.correlationId),
        [seen[0], seen[0], seen[1], seen[1], undefined],
      );
    } finally {
      sinon.restore();
      log.level = level;
    }
  });
});
