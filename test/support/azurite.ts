import { mkdtempSync, rmSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Azurite has no public in-process API; these internal modules are pinned with its version (3.35.0).
const TableServer = require('azurite/dist/src/table/TableServer').default;
const TableConfiguration = require('azurite/dist/src/table/TableConfiguration').default;

const ACCOUNT = 'devstoreaccount1';
const KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts Azurite's table service in this process on a free port, with its data in a temp folder. */
export async function startAzurite(port = 0): Promise<RunningAzurite> {
  const dir = mkdtempSync(join(tmpdir(), 'azurite-'));
  const config = new TableConfiguration('127.0.0.1', port, undefined, join(dir, 'table.json'), false, false,
    undefined, undefined, false, true, '', '', '', undefined, false, true);
  const server = new TableServer(config);
  await server.start();
  const actualPort = (server.httpServer.address() as AddressInfo).port;
  return {
    port: actualPort,
    connectionString: connectionStringFor(actualPort),
    async stop() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function connectionStringFor(port: number): string {
  return `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};TableEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
}
