import pino from 'pino';

/** Structured log. Never log names, e-mails or free text: ids and reason codes only. */
export const log = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'silent' : 'info'),
  base: undefined,
  redact: { paths: ['email', 'name', 'text', '*.email', '*.name', '*.text'], censor: '[redacted]' },
});
export type Log = typeof log;
