/* npm start: Azurite (table service), the bot, and the Microsoft 365 Agents Playground; Ctrl-C stops all. */
import { ChildProcess, spawn, type StdioOptions } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { join, relative, resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../src/config';
import { serveArgs } from './serve-args';

const root = join(__dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const started = Date.now();

interface Child {
  name: string;
  process: ChildProcess;
  /** The signal on which it stops cleanly: the bot closes its server and finishes its work; Azurite saves. */
  stopSignal: NodeJS.Signals;
  /** How long it may take to stop before it is killed. */
  graceMs: number;
}
const children: Child[] = [];
let azurite: Child | undefined;

function say(line: string): void {
  console.log(`[start] ${line}`);
}

/** A folder for the log: relative to the project when inside it. */
const shown = (folder: string) =>
  relative(root, folder).startsWith('..') ? folder : `${relative(root, folder)}/`;

const running = (p: ChildProcess) => p.exitCode === null && p.signalCode === null;

function run(
  name: string,
  command: string,
  args: string[],
  options: {
    env?: NodeJS.ProcessEnv;
    stopSignal?: NodeJS.Signals;
    graceMs?: number;
    detached?: boolean;
    stdio?: StdioOptions;
  } = {},
): Child {
  const child: Child = {
    name,
    process: spawn(command, args, {
      cwd: root,
      env: { ...process.env, ...options.env },
      stdio: options.stdio ?? ['ignore', 'inherit', 'inherit'],
      detached: options.detached,
    }),
    stopSignal: options.stopSignal ?? 'SIGTERM',
    graceMs: options.graceMs ?? 5000,
  };
  child.process.on('error', (err) => {
    say(`${name} could not be run: ${err.message}`);
    void stopAll(1);
  });
  child.process.on('exit', (code, signal) => {
    if (!stopping) {
      say(`${name} stopped (${signal ?? `exit ${code}`}); stopping the rest`);
      void stopAll(code || 1);
    }
  });
  children.push(child);
  return child;
}

/** Sends the child its stop signal and waits for it to exit; after its grace time, SIGKILL. */
async function stop(child: Child): Promise<void> {
  const p = child.process;
  if (p.pid === undefined || !running(p)) return;
  const exited = new Promise<void>((r) => p.once('exit', () => r()));
  p.kill(child.stopSignal);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), child.graceMs)));
  if (await Promise.race([exited.then(() => false), late])) {
    say(`${child.name} did not stop within ${child.graceMs / 1000} s; killing it`);
    p.kill('SIGKILL');
    await exited;
  }
  clearTimeout(timer);
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

async function waitFor(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 60_000,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs / 1000} s`);
}

let stopping = false;
/** Stops the bot and the Playground, then Azurite (so it saves what they wrote last), then exits. */
async function stopAll(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all(children.filter((c) => c !== azurite).map(stop));
  if (azurite && running(azurite.process)) {
    say('Azurite is saving its data');
    await stop(azurite);
  }
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping) return say(`${signal}: already stopping, waiting for Azurite to save`);
  say(`${signal}: stopping`);
  void stopAll(0);
}

async function main(config: Config): Promise<void> {
  // Kept for good (not once): a second Ctrl-C must not kill this process while Azurite saves.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  // A crash or an exit that skipped stopAll still asks every child to stop; Azurite then saves.
  process.on('exit', () => {
    for (const c of children) if (running(c.process)) c.process.kill(c.stopSignal);
  });
  process.on('uncaughtException', (err) => {
    console.error(`[start] ${err.stack ?? err.message}`);
    void stopAll(1);
  });
  // When whatever started us (npm, tsx) is gone without passing a signal on, stop too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent && !stopping) {
      say('the process that started npm start is gone; stopping');
      void stopAll(0);
    }
  }, 250).unref();

  if (config.AZURITE) {
    const tablePort = Number(
      /TableEndpoint=http:\/\/127\.0\.0\.1:(\d+)/.exec(config.STORAGE_CONNECTION_STRING)?.[1] ??
        10002,
    );
    if (await portOpen(tablePort)) {
      say(
        `something already listens on ${tablePort}; using it as Table Storage (an Azurite started earlier?)`,
      );
    } else {
      const location = resolve(root, config.AZURITE_LOCATION ?? '.azurite');
      mkdirSync(location, { recursive: true });
      // Azurite keeps its tables in memory and saves them only when it stops on SIGINT. In its own
      // process group the terminal's signals (a closed window's SIGHUP) do not reach it; stopAll sends
      // SIGINT after the bot has stopped. The guard turns SIGTERM and SIGHUP into SIGINT too, and
      // stops it when this process is gone (the stdin pipe closes), even after a SIGKILL.
      azurite = run(
        'Azurite',
        process.execPath,
        [
          '--require',
          join(__dirname, 'azurite-guard.cjs'),
          join(root, 'node_modules', 'azurite', 'dist', 'src', 'table', 'main.js'),
          '--tableHost',
          '127.0.0.1',
          '--tablePort',
          String(tablePort),
          '--location',
          location,
          '--silent',
          '--disableTelemetry',
          '--skipApiVersionCheck',
        ],
        // (On Windows, detached would open a console window, and Ctrl-C there reaches Azurite as SIGINT anyway.)
        {
          detached: process.platform !== 'win32',
          stdio: ['pipe', 'ignore', 'inherit'],
          stopSignal: 'SIGINT',
          graceMs: 10_000,
        },
      );
      await waitFor('Azurite', () => portOpen(tablePort));
      say(`Azurite table service on 127.0.0.1:${tablePort}, data in ${shown(location)}`);
    }
  }

  if (!(await portFree(config.PORT)))
    throw new Error(`port ${config.PORT} is in use; set PORT to another port`);
  run('bot', process.execPath, serveArgs(root), { stopSignal: 'SIGTERM', graceMs: 5000 });
  const health = `http://127.0.0.1:${config.PORT}/healthz`;
  await waitFor('the bot', async () => (await fetch(health).catch(() => undefined))?.ok === true);
  say(`bot healthy at ${health} after ${((Date.now() - started) / 1000).toFixed(1)} s`);

  if (config.PLAYGROUND) {
    if (!(await portFree(config.PLAYGROUND_PORT))) {
      throw new Error(
        `PLAYGROUND_PORT ${config.PLAYGROUND_PORT} is in use; set PLAYGROUND_PORT to another port`,
      );
    }
    run(
      'Agents Playground',
      bin('agentsplayground'),
      [
        '-e',
        `http://127.0.0.1:${config.PORT}/api/messages`,
        '-c',
        'msteams',
        '-p',
        String(config.PLAYGROUND_PORT),
        '--dt',
      ],
      { env: { TEAMSAPPTESTER_BROWSER: 'none' }, graceMs: 3000 },
    );
    await waitFor('the Agents Playground', () => portOpen(config.PLAYGROUND_PORT));
    say(
      `Agents Playground: open http://localhost:${config.PLAYGROUND_PORT} and write "apua" or "help"`,
    );
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
