import assert from 'node:assert/strict';
import { createHttpHeaders, type PipelineRequest } from '@azure/core-rest-pipeline';
import { ConfigError, loadConfig } from '../../src/config';
import { storageTarget, TableStore } from '../../src/storage/tables';

const APP_ID = '11111111-1111-1111-1111-111111111111';
const TENANT_ID = '22222222-2222-2222-2222-222222222222';
const ACCOUNT_URL = 'https://stkokemus.table.core.windows.net';
const CONNECTION =
  'DefaultEndpointsProtocol=https;AccountName=stkokemus;AccountKey=a2V5;EndpointSuffix=core.windows.net';

const singleTenant = {
  NODE_ENV: 'production',
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'secret',
  MicrosoftAppTenantId: TENANT_ID,
};
const managedIdentityBot = {
  NODE_ENV: 'production',
  MicrosoftAppId: APP_ID,
  MicrosoftAppTenantId: TENANT_ID,
  MicrosoftAppType: 'UserAssignedMSI',
};

describe('deployment configuration: storage by managed identity and the bot identity', () => {
  it('when production names STORAGE_ACCOUNT_URL, then storage is that account by token and nothing falls back to Azurite', () => {
    const c = loadConfig({ ...singleTenant, STORAGE_ACCOUNT_URL: `${ACCOUNT_URL}/` });
    assert.deepEqual(storageTarget(c), { accountUrl: ACCOUNT_URL });
    assert.equal(c.STORAGE_CONNECTION_STRING, '');
  });

  it('when production names a connection string, then storage is that connection string', () => {
    const c = loadConfig({ ...singleTenant, STORAGE_CONNECTION_STRING: CONNECTION });
    assert.deepEqual(storageTarget(c), { connectionString: CONNECTION });
  });

  it('when production names neither, then the start is refused naming both variables', () => {
    assert.throws(
      () => loadConfig(singleTenant),
      (e: unknown) =>
        e instanceof ConfigError &&
        /STORAGE_ACCOUNT_URL \(managed identity\) or STORAGE_CONNECTION_STRING is required/.test(
          e.message,
        ),
    );
  });

  it('when both are set, then the start is refused, in production and locally', () => {
    for (const base of [singleTenant, {}]) {
      assert.throws(
        () =>
          loadConfig({
            ...base,
            STORAGE_ACCOUNT_URL: ACCOUNT_URL,
            STORAGE_CONNECTION_STRING: CONNECTION,
          }),
        (e: unknown) => e instanceof ConfigError && /both set; set only one/.test(e.message),
      );
    }
  });

  for (const url of [
    'http://stkokemus.table.core.windows.net',
    'https://stkokemus.blob.core.windows.net',
    'stkokemus',
    'https://stkokemus.table.core.windows.net/kvPeople',
  ]) {
    it(`when STORAGE_ACCOUNT_URL is ${url}, then the start is refused naming the variable`, () => {
      assert.throws(
        () => loadConfig({ ...singleTenant, STORAGE_ACCOUNT_URL: url }),
        (e: unknown) =>
          e instanceof ConfigError &&
          /^Configuration error: STORAGE_ACCOUNT_URL must be the https Table endpoint/.test(
            e.message,
          ),
      );
    });
  }

  it('when nothing is set locally, then storage is the Azurite connection string', () => {
    const c = loadConfig({});
    assert.match(c.STORAGE_CONNECTION_STRING, /127\.0\.0\.1:10002/);
    assert.ok('connectionString' in storageTarget(c));
  });

  it('when the bot is a user-assigned managed identity, then production starts without a password', () => {
    const c = loadConfig({ ...managedIdentityBot, STORAGE_ACCOUNT_URL: ACCOUNT_URL });
    assert.equal(c.MicrosoftAppType, 'UserAssignedMSI');
    assert.equal(c.MicrosoftAppPassword, undefined);
  });

  it('when a managed-identity bot has no tenant id, then production is refused', () => {
    const { MicrosoftAppTenantId: _omit, ...noTenant } = managedIdentityBot;
    assert.throws(
      () => loadConfig({ ...noTenant, STORAGE_ACCOUNT_URL: ACCOUNT_URL }),
      (e: unknown) =>
        e instanceof ConfigError && /MicrosoftAppTenantId is required/.test(e.message),
    );
  });

  it('when a managed-identity bot is also given a password, then the start is refused', () => {
    assert.throws(
      () =>
        loadConfig({
          ...managedIdentityBot,
          MicrosoftAppPassword: 'secret',
          STORAGE_ACCOUNT_URL: ACCOUNT_URL,
        }),
      (e: unknown) =>
        e instanceof ConfigError &&
        /MicrosoftAppPassword must be empty when MicrosoftAppType=UserAssignedMSI/.test(e.message),
    );
  });

  it('when a single-tenant bot has no password in production, then the start is refused', () => {
    const { MicrosoftAppPassword: _omit, ...noPassword } = singleTenant;
    assert.throws(
      () => loadConfig({ ...noPassword, STORAGE_ACCOUNT_URL: ACCOUNT_URL }),
      (e: unknown) =>
        e instanceof ConfigError && /MicrosoftAppPassword is required/.test(e.message),
    );
  });

  it('when storage is an account URL, then table requests carry a bearer token for Azure Storage and no shared key', async () => {
    const scopes: string[] = [];
    const credential = {
      getToken: (scope: string | string[]) => {
        scopes.push(String(scope));
        return Promise.resolve({
          token: 'token-from-managed-identity',
          expiresOnTimestamp: Date.now() + 3_600_000,
        });
      },
    };
    const client = new TableStore({ accountUrl: ACCOUNT_URL, credential }, 'kv').table('People');
    const sent: PipelineRequest[] = [];
    // Answers in place of the service, after the request is signed.
    client.pipeline.addPolicy(
      {
        name: 'answer',
        sendRequest: (request) => (
          sent.push(request),
          Promise.resolve({ request, status: 204, headers: createHttpHeaders({}) })
        ),
      },
      { afterPhase: 'Sign' },
    );
    await client.createTable();
    assert.equal(sent.length, 1);
    assert.equal(sent[0]!.url, `${ACCOUNT_URL}/Tables`);
    assert.equal(sent[0]!.headers.get('authorization'), 'Bearer token-from-managed-identity');
    assert.deepEqual(scopes, ['https://storage.azure.com/.default']);
  });
});
