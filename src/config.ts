import { z } from 'zod';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const port = z.coerce
  .number({ invalid_type_error: 'must be a port number' })
  .int()
  .min(0)
  .max(65535);
const emailList = z
  .string()
  .transform((s) =>
    s
      .split(/[,;\s]+/)
      .map((e) => e.trim().toLowerCase())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().email('must be a list of e-mail addresses')));

/** A Table Storage connection string: `Key=Value;` pairs with an account or an endpoint. */
const connectionString = z
  .string()
  .refine(
    (s) =>
      /^UseDevelopmentStorage=true;?$/i.test(s) ||
      (/^(\s*[A-Za-z]+=[^;]+;?)+$/.test(s) &&
        /(AccountName|TableEndpoint|SharedAccessSignature)=/i.test(s)),
    'is not a Table Storage connection string (Key=Value; pairs with AccountName or TableEndpoint)',
  );

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3978),
  PLAYGROUND_PORT: port.default(56150),
  STORAGE_CONNECTION_STRING: connectionString.optional(),
  AZURITE: flag.default('1'),
  PLAYGROUND: flag.default('1'),
  DEMO_DATA: flag.default('1'),
  BOOTSTRAP_COORDINATORS: emailList.default(''),
  CLOCK_START: z
    .string()
    .datetime({ offset: true, message: 'must be an ISO instant, e.g. 2027-03-01T08:00:00+02:00' })
    .optional(),
  MicrosoftAppId: z.string().uuid('must be the bot app id (a GUID)').optional(),
  MicrosoftAppPassword: z.string().min(1).optional(),
  MicrosoftAppTenantId: z.string().uuid('must be the tenant id (a GUID)').optional(),
  MicrosoftAppType: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PUBLIC_URL: z
    .string()
    .url('must be the https address where the bot is reached')
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{0,30}$/, 'must be letters and digits')
    .default('kv'),
  AZURITE_LOCATION: z.string().optional(),
  /** Set by Azure App Service; local mode (no app id) refuses to start there. */
  WEBSITE_SITE_NAME: z.string().optional(),
  STORAGE_ACCOUNT_URL: z
    .string()
    .regex(
      /^https:\/\/[a-z0-9]+\.table\.[a-z0-9.-]+\/?$/,
      'must be the https Table endpoint of a storage account, e.g. https://account.table.core.windows.net',
    )
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  /** The full privacy notice, named in the first message anyone gets (SPEC §12). */
  PRIVACY_URL: z.string().url('must be the https address of the privacy notice').optional(),
  /** Proactive installation through Microsoft Graph (SPEC §12); on by default in production. */
  GRAPH_INSTALL: flag.optional(),
  GRAPH_BASE_URL: z
    .string()
    .url('must be the Graph address, e.g. https://graph.microsoft.com/v1.0')
    .transform((u) => u.replace(/\/+$/, ''))
    .default('https://graph.microsoft.com/v1.0'),
  /** Graph calls a second from one instance: installs are paced to it (README "Install for all"). */
  GRAPH_CALLS_PER_SECOND: z.coerce.number().positive().max(30).default(10),
  /** The app's id in the tenant's app catalogue (README "Reaching people"). */
  TEAMS_APP_CATALOG_ID: z.string().min(1).optional(),
  /** Where the bot writes into a chat read from Graph (the Teams Bot Connector service). */
  TEAMS_SERVICE_URL: z
    .string()
    .url('must be the Teams service address')
    .default('https://smba.trafficmanager.net/teams/'),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z
    .string()
    .regex(
      /(^|;)\s*InstrumentationKey=[^;]+/i,
      'must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)',
    )
    .optional(),
});

export type Config = z.infer<typeof envSchema> & { STORAGE_CONNECTION_STRING: string };

export class ConfigError extends Error {}

/** The Azurite well-known development account on its default table port. */
export const AZURITE_DEFAULT_CONNECTION =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';

/** Reads and checks the environment; a wrong value throws one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`Configuration error: ${String(issue.path[0])} ${issue.message}`);
  }
  const c = parsed.data;
  if (!c.MicrosoftAppId && c.WEBSITE_SITE_NAME) {
    throw new ConfigError(
      'Configuration error: MicrosoftAppId is required on Azure App Service (WEBSITE_SITE_NAME is set); local mode would accept anyone',
    );
  }
  if (c.NODE_ENV === 'production') {
    // A bot with a user-assigned managed identity (app id = the identity's client id) has no password.
    for (const name of [
      'MicrosoftAppId',
      'MicrosoftAppPassword',
      'MicrosoftAppTenantId',
    ] as const) {
      if (name === 'MicrosoftAppPassword' && c.MicrosoftAppType === 'UserAssignedMSI') continue;
      if (!c[name])
        throw new ConfigError(`Configuration error: ${name} is required when NODE_ENV=production`);
    }
    if (c.CLOCK_START)
      throw new ConfigError('Configuration error: CLOCK_START is refused when NODE_ENV=production');
    if (!c.STORAGE_CONNECTION_STRING && !c.STORAGE_ACCOUNT_URL) {
      throw new ConfigError(
        'Configuration error: STORAGE_ACCOUNT_URL (managed identity) or STORAGE_CONNECTION_STRING is required when NODE_ENV=production',
      );
    }
  }
  if (c.MicrosoftAppType === 'UserAssignedMSI' && c.MicrosoftAppPassword) {
    throw new ConfigError(
      'Configuration error: MicrosoftAppPassword must be empty when MicrosoftAppType=UserAssignedMSI',
    );
  }
  if (c.STORAGE_CONNECTION_STRING && c.STORAGE_ACCOUNT_URL) {
    throw new ConfigError(
      'Configuration error: STORAGE_ACCOUNT_URL and STORAGE_CONNECTION_STRING are both set; set only one',
    );
  }
  if (c.GRAPH_INSTALL && !c.TEAMS_APP_CATALOG_ID) {
    throw new ConfigError(
      'Configuration error: TEAMS_APP_CATALOG_ID is required when GRAPH_INSTALL=1 (README, "Reaching people")',
    );
  }
  // With STORAGE_ACCOUNT_URL the connection string stays empty: nothing falls back to Azurite.
  return {
    ...c,
    STORAGE_CONNECTION_STRING:
      c.STORAGE_CONNECTION_STRING ?? (c.STORAGE_ACCOUNT_URL ? '' : AZURITE_DEFAULT_CONNECTION),
  };
}
