import { TeamsAdapter } from '@microsoft/teams-ai';
import { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config';

/**
 * Where the channel's signing keys are published. Only tests change it (a local OpenID stub with a
 * key of their own); a deployment always uses the Bot Framework's.
 */
export interface ChannelTrust {
  openIdMetadataUrl: string;
}

/**
 * The Teams adapter with its two halves apart: the token check (botbuilder's own authentication)
 * and the turn. The server checks who is speaking between the two, so an activity it refuses is
 * never run, answered or stored.
 */
export class BotAdapter extends TeamsAdapter {
  /** Resolves with the checked identity; throws AuthenticationError for a missing or bad token. Local mode: no check. */
  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  /** Runs one authenticated turn; the invoke response (if any) is what the HTTP answer carries. */
  runTurn(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (ctx: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, fixDates(activity), logic);
  }
}

/**
 * A token that is missing, malformed, badly signed or expired. botbuilder throws AuthenticationError
 * (401) for most, but lets jsonwebtoken's own errors (bad signature, `alg: none`) through as they are;
 * an OpenID endpoint that cannot be reached is not the caller's fault (AuthenticationError 500).
 */
export function isAuthenticationError(err: unknown): boolean {
  const e = err as { statusCode?: unknown; name?: unknown } | undefined;
  return (
    e?.statusCode === 401 ||
    e?.name === 'JsonWebTokenError' ||
    e?.name === 'TokenExpiredError' ||
    e?.name === 'NotBeforeError'
  );
}

/** botframework-connector's AuthenticationConstants for the public cloud. */
const PUBLIC_CLOUD = {
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
  ValidateAuthority: true,
};

/** Local mode (no app id): no auth either way, as the Playground and tests need. */
export function createAdapter(
  c: Pick<
    Config,
    'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId' | 'MicrosoftAppType'
  >,
  trust?: ChannelTrust,
): BotAdapter {
  if (!c.MicrosoftAppId) return new BotAdapter({});
  return new BotAdapter({
    MicrosoftAppId: c.MicrosoftAppId,
    MicrosoftAppPassword: c.MicrosoftAppPassword,
    MicrosoftAppType: c.MicrosoftAppType,
    MicrosoftAppTenantId: c.MicrosoftAppTenantId,
    // Setting one endpoint makes botbuilder take every endpoint from here, so all are given.
    ...(trust && {
      ...PUBLIC_CLOUD,
      ToBotFromChannelOpenIdMetadataUrl: trust.openIdMetadataUrl,
    }),
  });
}

/** What botbuilder's own request handling does to a parsed body: ISO strings become dates. */
function fixDates(activity: Activity): Activity {
  const a = activity as Activity & Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['expiration', 'rawExpiration'],
    ['localTimestamp', 'rawLocalTimestamp'],
  ] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field]);
    }
  }
  return activity;
}
