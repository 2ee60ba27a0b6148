import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config';

/** Local mode (no app id): no auth either way, as the Playground and tests need. */
export function createAdapter(c: Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId' | 'MicrosoftAppType'>): TeamsAdapter {
  if (!c.MicrosoftAppId) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: c.MicrosoftAppId,
    MicrosoftAppPassword: c.MicrosoftAppPassword,
    MicrosoftAppType: c.MicrosoftAppType,
    MicrosoftAppTenantId: c.MicrosoftAppTenantId,
  });
}
