import assert from 'node:assert/strict';
import { startBot } from '../../src/main';
import { World } from '../support/world';

const APP_ID = '11111111-1111-1111-1111-111111111111';
const TENANT_ID = '22222222-2222-2222-2222-222222222222';

describe('a bot whose identity is a user-assigned managed identity (infra/main.bicep)', () => {
  let world: World;
  before(async () => (world = await World.start()));
  after(() => world.stop());

  it('when it runs in production without a password, then it starts and refuses a request without a token with 401', async () => {
    const bot = await startBot(
      world.config({
        NODE_ENV: 'production',
        MicrosoftAppId: APP_ID,
        MicrosoftAppTenantId: TENANT_ID,
        MicrosoftAppType: 'UserAssignedMSI',
      }),
      { clock: world.clock, pollMs: 0 },
    );
    try {
      assert.equal((await fetch(`${bot.url}/healthz`)).status, 200);
      const user = world.person({ email: 'intruder@example.fi' });
      const activity = {
        ...user.activity('message', { text: 'apua' }),
        conversation: { id: user.conversationId, tenantId: TENANT_ID },
      };
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
      });
      assert.equal(res.status, 401);
      assert.equal(user.messages().length, 0);
    } finally {
      await bot.close();
    }
  });
});
