import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface RecordedCall {
  kind: 'send' | 'update' | 'create_conversation' | 'get_member';
  conversationId?: string;
  activityId?: string;
  activity?: Record<string, any>;
  body?: any;
  status: number;
  at: number;
  /** The activity id the stub gave to a sent message. */
  responseId?: string;
}

export interface Member {
  id: string; // 29:…
  aadObjectId: string;
  email?: string;
  userPrincipalName?: string;
  name: string;
}

interface Failure {
  match: (kind: RecordedCall['kind'], conversationId?: string) => boolean;
  status: number;
  headers?: Record<string, string>;
  times: number;
}

/** A local stand-in for the Bot Connector API: records what the bot sends and can fail on demand. */
export class ConnectorStub {
  readonly calls: RecordedCall[] = [];
  private readonly sendsByConversation = new Map<string, RecordedCall[]>();
  private readonly latestUpdate = new Map<string, Record<string, any>>();
  readonly attempts: RecordedCall[] = [];
  private readonly members = new Map<string, Member>();
  private readonly failures: Failure[] = [];
  private server?: Server;
  /** Decides per call whether it fails (random faults); undefined: it goes through. */
  chaos?: (
    kind: RecordedCall['kind'],
  ) => { status: number; headers?: Record<string, string> } | undefined;
  private nextId = 1;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => this.server?.close(() => r()));
  }

  addMember(m: Member): void {
    this.members.set(m.id, m);
  }

  /** The next `times` calls of this kind (in this conversation, if given) answer `status`. */
  fail(
    kind: RecordedCall['kind'],
    status: number,
    opts: { times?: number; conversationId?: string; headers?: Record<string, string> } = {},
  ): void {
    this.failures.push({
      match: (k, c) => k === kind && (!opts.conversationId || opts.conversationId === c),
      status,
      headers: opts.headers,
      times: opts.times ?? 1,
    });
  }

  /** Messages (sends and replies) delivered into a conversation, in order. */
  messagesIn(conversationId: string): Record<string, any>[] {
    return this.sendsIn(conversationId).map((c) => c.activity!);
  }

  sendsIn(conversationId: string): RecordedCall[] {
    return this.sendsByConversation.get(conversationId) ?? [];
  }

  /** A sent message as it looks now: its last update, or as sent. */
  current(call: RecordedCall): Record<string, any> | undefined {
    return (call.responseId && this.latestUpdate.get(call.responseId)) || call.activity;
  }

  updatesIn(conversationId: string): RecordedCall[] {
    return this.calls.filter(
      (c) => c.kind === 'update' && c.conversationId === conversationId && c.status < 300,
    );
  }

  private chaosFailure(kind: RecordedCall['kind']): Failure | undefined {
    const f = this.chaos?.(kind);
    return f && { match: () => true, status: f.status, headers: f.headers, times: 1 };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readJson(req);
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(
      /^\/+/,
      '/',
    );
    const m = /^\/v3\/conversations(?:\/([^/]+)(?:\/(activities|members)(?:\/([^/]+))?)?)?$/.exec(
      path,
    );
    let kind: RecordedCall['kind'] | undefined;
    if (m && req.method === 'POST' && !m[1]) kind = 'create_conversation';
    else if (m && req.method === 'POST' && m[2] === 'activities')
      kind = 'send'; // a reply or a new message: Teams treats both alike
    else if (m && req.method === 'PUT' && m[2] === 'activities') kind = 'update';
    else if (m && req.method === 'GET' && m[2] === 'members' && m[3]) kind = 'get_member';
    if (!kind) return send(res, 404, { error: { code: 'NotFound', message: path } });

    const conversationId = m![1];
    const failure =
      this.failures.find((f) => f.times > 0 && f.match(kind, conversationId)) ??
      this.chaosFailure(kind);
    const call: RecordedCall = {
      kind,
      conversationId,
      activityId: m![3],
      activity: body,
      body,
      status: 200,
      at: Date.now(),
    };
    this.attempts.push(call);
    if (failure) {
      failure.times--;
      call.status = failure.status;
      return send(
        res,
        failure.status,
        { error: { code: 'Throttled', message: 'stub failure' } },
        failure.headers,
      );
    }
    this.calls.push(call);
    switch (kind) {
      case 'get_member': {
        const member = this.members.get(m![3]!);
        if (!member) {
          call.status = 404;
          return send(res, 404, {
            error: { code: 'MemberNotFoundInConversation', message: 'not found' },
          });
        }
        return send(res, 200, {
          ...member,
          givenName: member.name,
          surname: '',
          tenantId: 'tenant-1',
          userRole: 'user',
        });
      }
      case 'create_conversation':
        return send(res, 201, {
          id: `a:${body?.members?.[0]?.id ?? 'conv'}`,
          activityId: String(this.nextId++),
        });
      case 'update':
        this.latestUpdate.set(m![3]!, body);
        return send(res, 200, { id: m![3] });
      case 'send':
        call.responseId = `act-${this.nextId++}`;
        this.sendsByConversation.set(conversationId!, [...this.sendsIn(conversationId!), call]);
        return send(res, 201, { id: call.responseId });
    }
  }
}

function readJson(req: IncomingMessage): Promise<any> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try {
        resolve(data ? JSON.parse(data) : undefined);
      } catch {
        resolve(undefined);
      }
    });
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
