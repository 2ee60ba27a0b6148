import { TeamsAdapter } from '@microsoft/teams-ai';
import { Application, TurnState } from '@microsoft/teams-ai';
import * as restify from 'restify';
import { LANGUAGES } from '../domain/shared/vocabulary';
import { translator } from '../i18n';
import { log } from '../log';
import { incomingActivitySchema, tenantOf } from './activity-schema';

export interface ServerOptions {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** Resolves when storage answers; /healthz turns 503 when it throws. */
  checkStorage: () => Promise<void>;
  /** The payroll CSV behind an export link; undefined when the link is unknown or expired. */
  feeExport: (token: string) => Promise<string | undefined>;
  /** In production: activities from any other tenant are ignored. */
  tenantId?: string;
}

/** The HTTP face of the bot: POST /api/messages (Bot Framework protocol) and GET /healthz. */
export function createServer(o: ServerOptions): restify.Server {
  const server = restify.createServer({ name: 'kokemusvalitys', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 256 * 1024 }));

  server.post('/api/messages', async (req, res) => {
    const parsed = incomingActivitySchema.safeParse(req.body);
    if (!parsed.success) {
      res.send(400, { error: 'invalid_activity' });
      return;
    }
    if (o.tenantId && tenantOf(parsed.data) !== o.tenantId) {
      log.warn({ event: 'foreign_tenant_ignored' }, 'activity from another tenant ignored');
      res.send(200);
      return;
    }
    try {
      await o.adapter.process(req, res, (ctx) => o.app.run(ctx).then(() => undefined));
    } catch (err) {
      log.error({ event: 'process_failed', err: (err as Error).message }, 'activity processing failed');
      if (!res.headersSent) res.send(500, { error: 'internal_error' });
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
    const csv = await o.feeExport(String(req.params.token ?? '')).catch((err: Error) => {
      log.error({ event: 'export_failed', err: err.message }, 'export failed');
      return undefined;
    });
    if (csv === undefined) {
      // Opened in a browser whose language the bot does not know: say it in all three.
      const text = LANGUAGES.map((lang) => translator(lang)('export_link_expired')).join('\n');
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(text);
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="palkkiot.csv"',
      'cache-control': 'no-store',
    });
    res.end(csv);
  });

  return server;
}
