import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import {
  context,
  metrics,
  propagation,
  SpanStatusCode,
  trace,
  type Attributes,
  type AttributeValue,
} from '@opentelemetry/api';
import type { AzureMonitorOpenTelemetryOptions } from '@azure/monitor-opentelemetry';

/*
 * Telemetry (SPEC §9): with APPLICATIONINSIGHTS_CONNECTION_STRING, requests, dependencies, logs and
 * exceptions go to Application Insights through OpenTelemetry; without it nothing is loaded.
 * Whatever leaves the process is scrubbed first: export tokens, storage keys and SAS signatures,
 * Authorization headers, e-mail addresses, personal identity codes and Table Storage key values.
 * Every turn runs in a span and gives each log line written during it a correlation id.
 */

type SpanProcessor = NonNullable<AzureMonitorOpenTelemetryOptions['spanProcessors']>[number];
type LogRecordProcessor = NonNullable<
  AzureMonitorOpenTelemetryOptions['logRecordProcessors']
>[number];
type EndingSpan = Parameters<NonNullable<SpanProcessor['onEnding']>>[0];
type EmittedLogRecord = Parameters<LogRecordProcessor['onEmit']>[0];

const TRACER = 'kokemusvalitys';

// ---------------------------------------------------------------------------------------------
// Scrubbing

const SECRET_PARAMS =
  /\b(AccountKey|SharedAccessKey|SharedAccessSignature|sig|password|client_secret|access_token|refresh_token|id_token|code)=[^;&\s"'<>]+/gi;
const EMAIL = /[\p{L}\p{N}._+-]+(?:@|%40|%2540)[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/giu;
/** A Finnish personal identity code, also written with spaces or an en dash. */
const IDENTITY_CODE = /\b\d{6}\s*[-+–A-FU-Y]\s*\d{3}[0-9A-Y]\b/gi;
/** Table Storage key values in a URL or filter (`RowKey='…'`, `%27…%27`): e-mails and export tokens live there. */
const QUOTED = /(?:'|%(?:25)?27)[^'\s]*?(?:'|%(?:25)?27)/gi;
/** Attributes that name the person at the other end rather than the request. */
const DROPPED =
  /authorization|cookie|client_ip|client\.address|peer\.ip|peer\.address|sock\.peer|user_agent|user\.|enduser\./i;

/** Masks secrets and personal data in a log text. */
export function scrubText(s: string): string {
  return s
    .replace(/\/exports\/[^/?#\s"']+/gi, '/exports/:token')
    .replace(SECRET_PARAMS, '$1=[redacted]')
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 [redacted]')
    .replace(EMAIL, '[email]')
    .replace(IDENTITY_CODE, '[id-code]');
}

/** Masks a span name or attribute: a log text's rules, and the key values of storage URLs. */
export function scrubSpanText(s: string): string {
  return scrubText(s).replace(QUOTED, "':key'");
}

function scrubValue(v: AttributeValue, scrub: (s: string) => string): AttributeValue {
  if (typeof v === 'string') return scrub(v);
  if (Array.isArray(v))
    return v.map((x) => (typeof x === 'string' ? scrub(x) : x)) as AttributeValue;
  return v;
}

/** Attributes that hold a URL, a path or a query, where storage key values appear. */
const URLISH = /url|target|path|query|statement|route/i;

/** Scrubs span attributes in place; attributes that identify a person are removed. */
export function scrubAttributes(attributes: Attributes): void {
  for (const [key, value] of Object.entries(attributes)) {
    if (DROPPED.test(key)) delete attributes[key];
    else if (value !== undefined)
      attributes[key] = scrubValue(value, URLISH.test(key) ? scrubSpanText : scrubText);
  }
}

/** Scrubs each span as it ends, before any exporter sees it. */
export class ScrubbingSpanProcessor implements SpanProcessor {
  onStart(): void {}
  onEnding(span: EndingSpan): void {
    const name = scrubSpanText(span.name);
    if (name !== span.name) span.updateName(name);
    scrubAttributes(span.attributes);
    for (const event of span.events) if (event.attributes) scrubAttributes(event.attributes);
  }
  onEnd(): void {}
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** Scrubs each log record before it is batched for export. */
export class ScrubbingLogRecordProcessor implements LogRecordProcessor {
  onEmit(record: EmittedLogRecord): void {
    if (typeof record.body === 'string') record.setBody(scrubText(record.body));
    for (const [key, value] of Object.entries(record.attributes)) {
      if (DROPPED.test(key)) record.setAttribute(key, '[redacted]');
      else if (typeof value === 'string') record.setAttribute(key, scrubText(value));
    }
  }
  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}

// ---------------------------------------------------------------------------------------------
// Start and stop

let started: { shutdown: () => Promise<void> } | undefined;

export interface TelemetryOptions {
  connectionString: string;
  /** Tests: more processors after the scrubbers (an in-memory exporter). */
  spanProcessors?: SpanProcessor[];
  /** Tests: more log record processors after the scrubber. */
  logRecordProcessors?: LogRecordProcessor[];
  /** Tests: exporter settings, e.g. no offline storage. */
  exporter?: AzureMonitorOpenTelemetryOptions['azureMonitorExporterOptions'];
  /** Tests: 0 keeps every trace (the default samples 5 traces a second, Application Insights' default). */
  tracesPerSecond?: number;
}

/**
 * Starts OpenTelemetry with the Azure Monitor exporter. Call it before http and restify are loaded
 * (src/instrument.ts does, as a preload) so that requests and dependencies are instrumented.
 */
export function startTelemetry(o: TelemetryOptions): void {
  if (started) return;
  process.env.OTEL_SERVICE_NAME ??= 'kokemusvalitys'; // the cloud role name in Application Insights
  // Loaded only here: without a connection string none of the SDK is required.
  const monitor =
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose: an import would load the SDK (and patch http) in every process
    require('@azure/monitor-opentelemetry') as typeof import('@azure/monitor-opentelemetry');
  monitor.useAzureMonitor({
    azureMonitorExporterOptions: { ...o.exporter, connectionString: o.connectionString },
    enableLiveMetrics: false,
    ...(o.tracesPerSecond === undefined
      ? {}
      : { tracesPerSecond: o.tracesPerSecond, samplingRatio: 1 }),
    spanProcessors: [new ScrubbingSpanProcessor(), ...(o.spanProcessors ?? [])],
    logRecordProcessors: [new ScrubbingLogRecordProcessor(), ...(o.logRecordProcessors ?? [])],
    instrumentationOptions: {
      http: { enabled: true },
      azureSdk: { enabled: true },
      mongoDb: { enabled: false },
      mySql: { enabled: false },
      postgreSql: { enabled: false },
      redis: { enabled: false },
      redis4: { enabled: false },
      bunyan: { enabled: false },
      winston: { enabled: false },
    },
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy for the same reason
  const { logs } = require('@opentelemetry/api-logs') as typeof import('@opentelemetry/api-logs');
  emitLog = (record) => logs.getLogger(TRACER).emit(record);
  started = {
    shutdown: async () => {
      // Unpatch http and the Azure SDK too, so that nothing traces after a stop (tests go on).
      const sdk = monitor._getSdkInstance() as unknown as
        { _instrumentations?: Array<{ disable(): void }> } | undefined;
      for (const instrumentation of sdk?._instrumentations ?? []) instrumentation.disable();
      await monitor.shutdownAzureMonitor()?.catch(() => undefined); // a last send that fails is lost, not fatal
      trace.disable();
      context.disable();
      propagation.disable();
      metrics.disable();
      logs.disable();
    },
  };
}

/** Flushes and stops telemetry (process exit, tests); the global providers and patches are removed. */
export async function stopTelemetry(): Promise<void> {
  const s = started;
  started = undefined;
  emitLog = undefined;
  await s?.shutdown();
}

// ---------------------------------------------------------------------------------------------
// Logs to Application Insights

type LogEmit = (record: {
  severityNumber: number;
  severityText: string;
  body: string;
  attributes: Attributes;
  timestamp?: number;
}) => void;
let emitLog: LogEmit | undefined;

/** pino levels to OpenTelemetry severity numbers. */
const SEVERITY: Record<number, [number, string]> = {
  10: [1, 'TRACE'],
  20: [5, 'DEBUG'],
  30: [9, 'INFO'],
  40: [13, 'WARN'],
  50: [17, 'ERROR'],
  60: [21, 'FATAL'],
};

/**
 * Sends one pino line to Application Insights when telemetry is on; a line with `err` becomes an
 * exception there. Called synchronously by the log, so the record joins the active span.
 */
export function forwardLogLine(line: string): void {
  if (!emitLog) return;
  try {
    const { level, time, msg, err, ...fields } = JSON.parse(line) as Record<string, unknown>;
    const [severityNumber, severityText] = SEVERITY[Number(level)] ?? [9, 'INFO'];
    const attributes: Attributes = {};
    for (const [key, value] of Object.entries(fields)) {
      attributes[key] =
        typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
          ? value
          : JSON.stringify(value);
    }
    if (err && typeof err === 'object') {
      const e = err as { type?: string; message?: string; stack?: string };
      attributes['exception.type'] = e.type ?? 'Error';
      attributes['exception.message'] = e.message ?? '';
      if (e.stack) attributes['exception.stacktrace'] = e.stack;
    }
    emitLog({
      severityNumber,
      severityText,
      body: typeof msg === 'string' ? msg : '', // pino's msg is a string when present
      attributes,
      timestamp: typeof time === 'number' ? time : undefined,
    });
  } catch {
    /* a line that is not JSON stays on standard output only */
  }
}

// ---------------------------------------------------------------------------------------------
// Turns

const turnStore = new AsyncLocalStorage<{ correlationId: string }>();
const failedTurns = new WeakMap<object, string>();

/** The correlation id of the turn this code runs in, if any. */
export function correlationId(): string | undefined {
  return turnStore.getStore()?.correlationId;
}

/** The correlation id of the turn an error escaped from (the adapter reports it after the turn). */
export function correlationIdOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null ? failedTurns.get(err) : undefined;
}

/** What a turn span may say about its activity: its kind, never its text or the people in it. */
export interface TurnActivity {
  type?: string;
  name?: string;
  text?: string;
  value?: unknown;
}

const WORD = /^[A-Za-z][\w./-]{0,63}$/;
const COMMAND = /^\/[\p{L}]{1,32}$/u;

export function describeTurn(a: TurnActivity): { name: string; attributes: Attributes } {
  const attributes: Attributes = {
    'turn.activity_type': a.type && WORD.test(a.type) ? a.type : 'other',
  };
  if (a.type === 'invoke' && a.name && WORD.test(a.name)) attributes['turn.invoke_name'] = a.name;
  const value = (a.value ?? {}) as { verb?: unknown; action?: { verb?: unknown } };
  const verb = value.action?.verb ?? value.verb;
  if (typeof verb === 'string' && WORD.test(verb)) attributes['turn.verb'] = verb;
  const first = a.text?.trim().split(/\s+/)[0]?.toLowerCase();
  if (first && COMMAND.test(first)) attributes['turn.command'] = first;
  const name = [
    'turn',
    attributes['turn.activity_type'],
    attributes['turn.invoke_name'],
    attributes['turn.verb'],
    attributes['turn.command'],
  ]
    .filter(Boolean)
    .join(' ');
  return { name, attributes };
}

/**
 * Runs one turn in its own span; log lines written during it carry its correlation id (the trace
 * id, so logs, request and dependencies group together in Application Insights; a random id when
 * telemetry is off).
 */
export function inTurn<T>(activity: TurnActivity, run: () => Promise<T>): Promise<T> {
  const { name, attributes } = describeTurn(activity);
  return trace.getTracer(TRACER).startActiveSpan(name, { attributes }, async (span) => {
    const sc = span.spanContext();
    const id = trace.isSpanContextValid(sc) ? sc.traceId : randomBytes(16).toString('hex');
    try {
      return await turnStore.run({ correlationId: id }, run);
    } catch (err) {
      if (typeof err === 'object' && err !== null) failedTurns.set(err, id);
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw err;
    } finally {
      span.end();
    }
  });
}
