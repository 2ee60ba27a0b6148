import { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity } from 'botbuilder';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as restify from 'restify';
import { LANGUAGES } from '../domain/shared/vocabulary';
import { translator } from '../i18n';
import { log } from '../log';
import { incomingActivitySchema, refusalOf } from './activity-schema';
import { BotAdapter, isAuthenticationError } from './adapter';

/** The largest activity body read; Teams' own limit for a message is about 100 KB. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerOptions {
  adapter: BotAdapter;
  app: Application<TurnState>;
  /** Resolves when storage answers; /healthz turns 503 when it throws. */
  checkStorage: () => Promise<void>;
  /** The payroll CSV behind an export link; undefined when the link is unknown or expired. */
  feeExport: (token: string) => Promise<string | undefined>;
  /** Production: a request without a bearer token is refused before its body is read. */
  requireToken: boolean;
  /** Whenever set: activities from any other tenant are refused. */
  tenantId?: string;
}

/**
 * The HTTP face of the bot: POST /api/messages (Bot Framework protocol), GET /healthz and the
 * export links. No restify body or query parser: /api/messages reads its own body (SPEC §9).
 */
export function createServer(o: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'kokemusvalitys', handleUncaughtExceptions: false });
  server.pre((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    next();
  });

  server.post('/api/messages', async (req, res) => {
    const refuse = (status: number, error: string, close = false) => {
      if (close) res.setHeader('Connection', 'close'); // the unread body is not waited for
      sendJson(res, status, { error });
    };
    const authHeader = String(req.headers.authorization ?? '');
    if (o.requireToken && !/^Bearer \S+$/.test(authHeader))
      return refuse(401, 'unauthorized', true);
    const encoding = String(req.headers['content-encoding'] ?? 'identity')
      .trim()
      .toLowerCase();
    if (encoding !== 'identity') return refuse(415, 'unsupported_content_encoding', true);
    if (!/^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? '')))
      return refuse(415, 'unsupported_media_type', true);
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
      return refuse(413, 'body_too_large', true);

    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'aborted') return;
    if (body === 'too_large') {
      refuse(413, 'body_too_large', true);
      res.once('finish', () => req.destroy());
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(body.toString('utf8'), dropProtoKeys);
    } catch {
      return refuse(400, 'invalid_json');
    }
    const parsed = incomingActivitySchema.safeParse(json);
    if (!parsed.success) return refuse(400, 'invalid_activity');
    const activity = parsed.data as unknown as Activity;

    // The token first (botbuilder's own check: signature, issuer, audience, serviceUrl claim)...
    let auth;
    try {
      auth = await o.adapter.authenticate(activity, authHeader);
    } catch (err) {
      if (isAuthenticationError(err)) {
        log.warn({ event: 'token_refused' }, 'request with a missing or invalid token refused');
        return refuse(401, 'unauthorized');
      }
      log.error({ event: 'token_check_failed', err: (err as Error).message }, 'token check failed');
      return refuse(503, 'token_check_unavailable');
    }
    // ...then what the activity says about who speaks: only Teams, by object id, in our tenant.
    const refusal = refusalOf(parsed.data, o.tenantId);
    if (refusal) {
      log.warn({ event: 'activity_refused', reason: refusal }, 'activity refused');
      return refuse(403, refusal);
    }
    try {
      const invoke = await o.adapter.runTurn(auth, activity, (ctx) =>
        o.app.run(ctx).then(() => undefined),
      );
      // An invoke nobody handles is botbuilder's 501; it is the sender's mistake, not ours (SPEC §14).
      if (invoke?.status === 501)
        return void (res.headersSent || refuse(400, 'unsupported_invoke'));
      if (!res.headersSent) sendJson(res, invoke?.status ?? 200, invoke?.body);
    } catch (err) {
      log.error(
        { event: 'process_failed', err: (err as Error).message },
        'activity processing failed',
      );
      if (!res.headersSent) sendJson(res, 500, { error: 'internal_error' });
    }
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await o.checkStorage();
      res.send(200, { status: 'ok', storage: 'ok' });
    } catch {
      res.send(503, { status: 'unavailable', storage: 'unreachable' });
    }
  });

  // Export links (SPEC §3: a CSV link): the 256-bit token in the path is the permission.
  server.get('/exports/:token/:file', async (req, res) => {
    const { token } = req.params as { token?: string }; // restify types params as any
    const csv = await o.feeExport(token ?? '').catch((err: Error) => {
      log.error({ event: 'export_failed', err: err.message }, 'export failed');
      return undefined;
    });
    if (csv === undefined) {
      // Opened in a browser whose language the bot does not know: say it in all three.
      const text = LANGUAGES.map((lang) => translator(lang)('export_link_expired')).join('\n');
      res.writeHead(404, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      });
      res.end(text);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${exportFileName(fileParam(req))}"`,
      'cache-control': 'no-store',
    });
    res.end(csv);
  });

  return server;
}

/**
 * Reads a request body, counting bytes as they arrive; stops reading past `limit`. Nothing is
 * inflated, parsed or written to disk here.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = (result: Buffer | 'too_large' | 'aborted') => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('aborted', onAbort);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        done('too_large');
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => done(Buffer.concat(chunks, size));
    const onAbort = () => done('aborted');
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('aborted', onAbort);
  });
}

/** Writes a JSON answer (or an empty one) without restify's content negotiation. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    res.writeHead(status, { 'content-length': '0' });
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

/** A `__proto__` key in the JSON would become a prototype when zod copies the object: dropped. */
function dropProtoKeys(key: string, value: unknown): unknown {
  return key === '__proto__' ? undefined : value;
}

/** The name the link itself gives (`tilaukset.csv`), when it is a plain one; else the payroll file's. */
function exportFileName(file: string): string {
  return /^[a-z]{1,20}\.csv$/.test(file) ? file : 'palkkiot.csv';
}

/** The file name in a download link's path; restify types its params loosely. */
function fileParam(req: { params?: unknown }): string {
  const file = (req.params as { file?: unknown } | undefined)?.file;
  return typeof file === 'string' ? file : '';
}
