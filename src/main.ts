import { join } from 'node:path';
import { loadDemoRegisterIfEmpty } from './app/load-demo-register';
import type { OfferSettings, Services } from './app/services';
import { WorkRunner } from './app/work-runner';
import { Clock, SystemClock } from './clock';
import { Config, ConfigError, loadConfig } from './config';
import { log } from './log';
import { draftsOf, TableOrderRepository } from './storage/table-order-repository';
import { backfillOrderIndex } from './storage/order-index-backfill';
import { TableFeedbackStore } from './storage/table-feedback-store';
import { TableJobStore } from './storage/table-job-store';
import { TableSendRate } from './storage/table-send-rate';
import { TableLoadStore } from './storage/table-load-store';
import { TableOfferStore } from './storage/table-offer-store';
import { TableSettingStore } from './storage/table-setting-store';
import { TablePersonRepository } from './storage/table-person-repository';
import { TableRegisterRepository } from './storage/table-register-repository';
import { type ReadCounter, storageTarget, TableStore } from './storage/tables';
import { TableClaimStore } from './storage/table-claim-store';
import { TableExportStore } from './storage/table-export-store';
import { TableTariffStore } from './storage/table-tariff-store';
import { TablePrivacyStore } from './storage/table-privacy-store';
import { scheduleRetention } from './app/retention';
import { feeExportCsv } from './app/fee-reports';
import { TableStatsStore } from './storage/table-stats-store';
import { migrateTariff, type Tariff } from './domain/fees/tariff';
import { readFileSync } from 'node:fs';
import { ChannelTrust, createAdapter } from './teams/adapter';
import { createBot } from './teams/bot';
import { Outbound } from './teams/outbound';
import { Pacer, PaceLimits } from './teams/pacer';
import { RetryOptions } from './teams/retry';
import { TeamsNotifier } from './teams/notifier';
import { takeIntroduction } from './app/introduce';
import { TableReachStore } from './storage/table-reach-store';
import { TableInstallJobStore } from './storage/table-install-job-store';
import { GraphInstaller, graphCredential } from './teams/graph';
import { createServer } from './teams/server';
import { stopTelemetry } from './telemetry';

/** The repository root, from src/ (run by tsx) and from dist/src/ (the build): data/ lives there. */
const ROOT = join(__dirname, __dirname.endsWith(join('dist', 'src')) ? '../..' : '..');

export interface BotOptions {
  clock?: Clock;
  offerSettings?: Partial<OfferSettings>;
  /** How often due timers and left-over effects are looked for; 0: only when asked (tests). */
  pollMs?: number;
  retry?: RetryOptions;
  paceLimits?: PaceLimits;
  /** Loads the demo register into an empty store (npm start); tests pass false. */
  demoDir?: string;
  /** Tests only: the channel's signing keys come from a local OpenID stub. */
  channelTrust?: ChannelTrust;
}

export interface RunningBot {
  url: string;
  port: number;
  services: Services;
  outbound: Outbound;
  work: WorkRunner;
  /** Rows read per table, counted while `reads.counting` is on (tests, bench). */
  reads: ReadCounter;
  close(): Promise<void>;
}

/** Wires storage, use cases and the Teams layer, and listens on config.PORT (0: any free port). */
export async function startBot(config: Config, options: BotOptions = {}): Promise<RunningBot> {
  const clock = options.clock ?? new SystemClock(config.CLOCK_START);
  const store = new TableStore(storageTarget(config), config.TABLE_PREFIX);
  await store.ensureTables();
  const orders = new TableOrderRepository(store.table('Orders'), store.table('Counters'));
  // Orders stored before the order index existed get their index rows, once (one read later on).
  const backfilled = await backfillOrderIndex(store.table('Orders'));
  if (backfilled)
    log.info({ event: 'order_index_backfilled', written: backfilled }, 'order index backfilled');
  // afterCommit below may run before the runner is built: it must read undefined, not a dead zone.
  // eslint-disable-next-line prefer-const
  let work: WorkRunner | undefined;
  const services: Services = {
    registers: new TableRegisterRepository(store.table('Registers')),
    orders,
    drafts: draftsOf(orders),
    offers: new TableOfferStore(store.table('Orders')),
    jobs: new TableJobStore(store.table('Jobs')),
    loads: new TableLoadStore(store.table('Registers')),
    settings: new TableSettingStore(store.table('Jobs')),
    claims: new TableClaimStore(store.table('Claims'), store.table('Counters')),
    tariffs: new TableTariffStore(store.table('Registers'), initialTariff()),
    exports: new TableExportStore(store.table('Claims')),
    feedback: new TableFeedbackStore(store.table('Orders')),
    privacy: new TablePrivacyStore({
      people: store.table('People'),
      registers: store.table('Registers'),
      orders: store.table('Orders'),
      claims: store.table('Claims'),
      jobs: store.table('Jobs'),
    }),
    stats: new TableStatsStore(store.table('Counters')),
    publicUrl: config.PUBLIC_URL ?? '',
    privacyUrl: config.PRIVACY_URL,
    people: new TablePersonRepository(store.table('People')),
    clock,
    bootstrapCoordinators: config.BOOTSTRAP_COORDINATORS,
    offerSettings: { waveSize: 5, offerWindowMs: 24 * 3600_000, ...options.offerSettings },
    afterCommit: (id) => work?.kick(id),
  };
  // SPEC §12: on by default in production; without the catalogue id there is nothing to install.
  if ((config.GRAPH_INSTALL ?? config.NODE_ENV === 'production') && config.TEAMS_APP_CATALOG_ID) {
    services.reach = {
      store: new TableReachStore(store.table('Jobs')),
      installJobs: new TableInstallJobStore(store.table('Jobs')),
      installer: new GraphInstaller({
        baseUrl: config.GRAPH_BASE_URL,
        catalogId: config.TEAMS_APP_CATALOG_ID,
        credential: graphCredential(config),
        callsPerSecond: config.GRAPH_CALLS_PER_SECOND,
      }),
      defaults: {
        serviceUrl: config.TEAMS_SERVICE_URL,
        botId: `28:${config.MicrosoftAppId ?? ''}`,
        tenantId: config.MicrosoftAppTenantId,
      },
    };
  } else if (config.NODE_ENV === 'production' && config.GRAPH_INSTALL !== false) {
    log.warn(
      { event: 'graph_install_off' },
      'TEAMS_APP_CATALOG_ID is not set: people who never opened the bot cannot be reached',
    );
  }
  if (options.demoDir) {
    if (await loadDemoRegisterIfEmpty(services.registers, options.demoDir))
      log.info({ event: 'demo_register_loaded' }, 'demo register loaded');
  }
  const adapter = createAdapter(config, options.channelTrust);
  const sendRate = new TableSendRate(store.table('Jobs'));
  await sendRate.prime();
  const outbound = new Outbound(
    adapter,
    config.MicrosoftAppId ?? '',
    services.people,
    clock,
    new Pacer(options.paceLimits, undefined, sendRate),
    options.retry,
  );
  work = new WorkRunner(
    services,
    new TeamsNotifier(outbound, {
      take: (p) => takeIntroduction(services, p),
      privacyUrl: config.PRIVACY_URL,
    }),
  );
  await scheduleRetention(services);
  const app = createBot(adapter, services, outbound);
  const server = createServer({
    adapter,
    app,
    checkStorage: () => store.ping(),
    feeExport: (token) => feeExportCsv(services, token),
    requireToken: Boolean(config.MicrosoftAppId),
    tenantId: config.MicrosoftAppTenantId,
  });
  // Local mode accepts unauthenticated requests, so only from this machine (SPEC §9).
  const host = config.MicrosoftAppId ? '0.0.0.0' : '127.0.0.1';
  await new Promise<void>((resolve) => {
    server.listen(config.PORT, host, resolve);
  });
  const pollMs = options.pollMs ?? 2000;
  if (pollMs > 0) work.start(pollMs);
  const runner = work;
  const port = server.address().port;
  services.publicUrl ||= `http://localhost:${port}`;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    services,
    outbound,
    work: runner,
    reads: store.reads,
    close: async () => {
      runner.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      await runner.idle();
    },
  };
}

/** The tariff shipped with the code (data/tariffs): the first version, until a coordinator saves another. */
function initialTariff(): Tariff {
  const parsed = migrateTariff(
    JSON.parse(readFileSync(join(ROOT, 'data', 'tariffs', '2026-1.json'), 'utf8')),
  );
  if (!parsed.ok) throw new Error(`data/tariffs/2026-1.json: ${parsed.error}`);
  return parsed.value;
}

if (require.main === module) {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  startBot(config, { demoDir: config.DEMO_DATA ? join(ROOT, 'demo') : undefined })
    .then((bot) => {
      log.info(
        { event: 'bot_listening', port: bot.port, clock: bot.services.clock.now().toISOString() },
        `bot listening on ${bot.url}/api/messages`,
      );
      const stop = () =>
        void bot
          .close()
          .then(stopTelemetry)
          .then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      process.once('SIGHUP', stop); // a closed terminal: finish the turn in hand and flush, as for SIGTERM
    })
    .catch((err: Error) => {
      console.error(`The bot could not start: ${err.message}`);
      process.exit(1);
    });
}
