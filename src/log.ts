import pino from 'pino';
import { correlationId, forwardLogLine, scrubText } from './telemetry';

/**
 * Where log lines go: standard output, and Application Insights when telemetry is on. A line is
 * scrubbed of e-mails, tokens and keys before it goes anywhere (a field the redaction below misses).
 */
export const logStream = {
  /** Standard output; tests put a collector here. */
  out: pino.destination(1) as { write(line: string): unknown },
  write(line: string): void {
    const clean = scrubText(line);
    this.out.write(clean);
    forwardLogLine(clean);
  },
};

/** Structured log. Never log names, e-mails or free text: ids and reason codes only. */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
    base: undefined,
    redact: {
      paths: [
        'email',
        'name',
        'text',
        '*.email',
        '*.name',
        '*.text',
        'authorization',
        '*.authorization',
        '*.headers.authorization',
        '*.headers.cookie',
      ],
      censor: '[redacted]',
    },
    serializers: { err: pino.stdSerializers.err },
    // Every line written during a turn carries the turn's correlation id (SPEC §13: ids only).
    mixin: () => {
      const id = correlationId();
      return id ? { correlationId: id } : {};
    },
  },
  logStream,
);
export type Log = typeof log;
