import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import type { BotOptions } from '../../src/main';
import { World, type TestUser } from './world';

export interface GraphCall {
  kind: 'user' | 'install' | 'installed_apps' | 'chat';
  method: string;
  path: string;
  body?: any;
  status: number;
  authorization?: string;
  /** When the call arrived (wall clock, ms): pacing is measured on these. */
  at: number;
}

interface GraphUser {
  id: string;
  email: string;
  user: TestUser;
  installed: boolean;
  /** Teams never sends the installation event (a lost event, a client that never syncs). */
  silent: boolean;
}

interface Failure {
  kind: GraphCall['kind'];
  email?: string;
  status: number;
  headers?: Record<string, string>;
  times: number;
}

/**
 * A local stand-in for the Microsoft Graph calls of proactive installation (SPEC §12): the user
 * look-up, the install, which makes Teams (the test world) send the bot the installation event,
 * 409 when installed already with the installation and its chat, and failures on demand.
 */
export class GraphStub {
  readonly calls: GraphCall[] = [];
  private readonly users = new Map<string, GraphUser>();
  private readonly failures: Failure[] = [];
  private readonly events = new Set<Promise<unknown>>();
  private server?: Server;
  url = '';
  /** The catalogue id the stub's installed apps carry. */
  constructor(readonly catalogId = 'catalog-app-1') {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1.0`;
  }

  async stop(): Promise<void> {
    await this.idle();
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  /** A person of the directory; `installed`: the app is there already (a chat exists). */
  addUser(
    email: string,
    user: TestUser,
    opts: { installed?: boolean; silent?: boolean } = {},
  ): void {
    this.users.set(email.toLowerCase(), {
      id: user.aadObjectId,
      email: email.toLowerCase(),
      user,
      installed: opts.installed ?? false,
      silent: opts.silent ?? false,
    });
  }

  /** The next `times` calls of this kind (for this e-mail, if given) answer `status`. */
  fail(
    kind: GraphCall['kind'],
    status: number,
    opts: { times?: number; email?: string; headers?: Record<string, string> } = {},
  ): void {
    this.failures.push({
      kind,
      status,
      email: opts.email?.toLowerCase(),
      headers: opts.headers,
      times: opts.times ?? 1,
    });
  }

  /** Waits until every installation event the stub set off has been answered by the bot. */
  async idle(): Promise<void> {
    while (this.events.size) await Promise.allSettled([...this.events]);
  }

  installsFor(email: string): number {
    const u = this.users.get(email.toLowerCase());
    return this.calls.filter(
      (c) => c.kind === 'install' && c.status === 201 && u && c.path.includes(u.id),
    ).length;
  }

  /** The most calls that arrived within any window of `windowMs` (a sliding window). */
  mostCallsWithin(windowMs: number): number {
    const times = this.calls.map((c) => c.at).sort((a, b) => a - b);
    let most = 0;
    for (let i = 0, j = 0; j < times.length; j++) {
      while (times[j]! - times[i]! >= windowMs) i++;
      most = Math.max(most, j - i + 1);
    }
    return most;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const arrived = Date.now();
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? JSON.parse(text) : undefined;
    const url = new URL(req.url ?? '/', 'http://stub');
    const path = decodeURIComponent(url.pathname.replace(/^\/v1\.0/, ''));
    const answer = (
      kind: GraphCall['kind'],
      status: number,
      json?: unknown,
      headers: Record<string, string> = {},
    ) => {
      this.calls.push({
        kind,
        method: req.method ?? '',
        path: `${path}${url.search}`,
        body,
        status,
        authorization: req.headers.authorization,
        at: arrived,
      });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(json === undefined ? '' : JSON.stringify(json));
    };
    const byId = (id: string) => [...this.users.values()].find((u) => u.id === id);
    let m: RegExpExecArray | null;
    let kind: GraphCall['kind'];
    let user: GraphUser | undefined;
    if ((m = /^\/users\/([^/]+)$/.exec(path)) && req.method === 'GET') {
      kind = 'user';
      user = this.users.get(m[1]!.toLowerCase());
    } else if ((m = /^\/users\/([^/]+)\/teamwork\/installedApps$/.exec(path))) {
      kind = req.method === 'POST' ? 'install' : 'installed_apps';
      user = byId(m[1]!);
    } else if ((m = /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/.exec(path))) {
      kind = 'chat';
      user = byId(m[1]!);
    } else {
      return answer('user', 400, { error: { code: 'BadRequest' } });
    }
    const failure = this.failures.find(
      (f) => f.kind === kind && f.times > 0 && (!f.email || f.email === user?.email),
    );
    if (failure) {
      failure.times--;
      return answer(
        kind,
        failure.status,
        { error: { code: String(failure.status) } },
        failure.headers,
      );
    }
    if (!user) return answer(kind, 404, { error: { code: 'Request_ResourceNotFound' } });
    switch (kind) {
      case 'user':
        return answer(kind, 200, { id: user.id, mail: user.email });
      case 'install': {
        if (body?.['teamsApp@odata.bind'] !== `${this.url}/appCatalogs/teamsApps/${this.catalogId}`)
          return answer(kind, 400, { error: { code: 'BadRequest' } });
        if (user.installed) return answer(kind, 409, { error: { code: 'Conflict' } });
        user.installed = true;
        answer(kind, 201);
        if (user.silent) return;
        // Teams then tells the bot, as it does after a real installation.
        const event = new Promise((r) => setTimeout(r, 5)).then(() => user.user.install());
        this.events.add(event);
        void event.finally(() => this.events.delete(event));
        return;
      }
      case 'installed_apps':
        return answer(kind, 200, {
          value: user.installed
            ? [{ id: `inst-${user.id}`, teamsAppDefinition: { teamsAppId: this.catalogId } }]
            : [],
        });
      case 'chat':
        return answer(kind, 200, { id: user.user.conversationId });
    }
  }
}

/** A bot that installs its app for people through this Graph stand-in (SPEC §12), and the stand-in. */
export async function startWithGraph(
  env: Record<string, string> = {},
  options: BotOptions = {},
): Promise<{ world: World; graph: GraphStub }> {
  const graph = new GraphStub();
  await graph.start();
  const world = await World.start(
    {
      GRAPH_INSTALL: '1',
      GRAPH_BASE_URL: graph.url,
      TEAMS_APP_CATALOG_ID: graph.catalogId,
      ...env,
    },
    options,
  );
  return { world, graph };
}
