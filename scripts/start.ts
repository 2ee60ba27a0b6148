/* npm start: Azurite (table service), the bot, and the Microsoft 365 Agents Playground; Ctrl-C stops all. */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../src/config';
import { serveArgs } from './serve-args';

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const children: ChildProcess[] = [];
const started = Date.now();

function say(line: string): void {
  console.log(`[start] ${line}`);
}

function run(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
      void stopAll(code ?? 1);
    }
  });
  children.push(child);
  return child;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
    s.connect(port, '127.0.0.1');
  });
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, () => srv.close(() => resolve(true)));
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const c of children.reverse()) c.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  process.exit(code);
}

async function main(config: Config): Promise<void> {
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  if (config.AZURITE) {
    const tablePort = Number(/TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(config.STORAGE_CONNECTION_STRING)?.[1] ?? 10002);
    if (await portOpen(tablePort)) {
      say(`something already listens on ${tablePort}; using it as Table Storage (an Azurite started earlier?)`);
    } else {
      mkdirSync(join(root, '.azurite'), { recursive: true });
      run('Azurite', bin('azurite-table'), ['--tableHost', '127.0.0.1', '--tablePort', String(tablePort), '--location', join(root, '.azurite'), '--silent', '--disableTelemetry', '--skipApiVersionCheck']);
      await waitFor('Azurite', () => portOpen(tablePort));
      say(`Azurite table service on 127.0.0.1:${tablePort}, data in .azurite/`);
    }
  }

  if (!(await portFree(config.PORT))) throw new Error(`port ${config.PORT} is in use; set PORT to another port`);
  run('bot', process.execPath, serveArgs(root));
  const health = `http://127.0.0.1:${config.PORT}/healthz`;
  await waitFor('the bot', async () => (await fetch(health).catch(() => undefined))?.ok === true);
  say(`bot healthy at ${health} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (config.PLAYGROUND) {
    if (!(await portFree(config.PLAYGROUND_PORT))) {
      throw new Error(`PLAYGROUND_PORT ${config.PLAYGROUND_PORT} is in use; set PLAYGROUND_PORT to another port`);
    }
    run('Agents Playground', bin('agentsplayground'),
      ['-e', `http://127.0.0.1:${config.PORT}/api/messages`, '-c', 'msteams', '-p', String(config.PLAYGROUND_PORT), '--dt'],
      { TEAMSAPPTESTER_BROWSER: 'none' });
    await waitFor('the Agents Playground', () => portOpen(config.PLAYGROUND_PORT));
    say(`Agents Playground: open http://localhost:${config.PLAYGROUND_PORT} and write "apua" or "help"`);
  }
  say('Ctrl-C stops everything');
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : String(err));
  process.exit(1);
}
main(config).catch((err: Error) => {
  console.error(`[start] ${err.message}`);
  void stopAll(1);
});
