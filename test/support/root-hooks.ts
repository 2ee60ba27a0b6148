import { RunningAzurite, startAzurite } from './azurite';

let azurite: RunningAzurite | undefined;

/** One Azurite for the whole run; each test uses its own table prefix, so tests never share rows. */
export function storageConnectionString(): string {
  if (!azurite) throw new Error('Azurite is not running (root hook did not start it)');
  return azurite.connectionString;
}

export const mochaHooks = {
  async beforeAll(): Promise<void> {
    process.env.TZ = 'UTC';
    azurite = await startAzurite();
  },
  async afterAll(): Promise<void> {
    await azurite?.stop();
  },
};
