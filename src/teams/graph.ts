import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from '@azure/identity';
import { z } from 'zod';
import type { Config } from '../config';
import type { InstallOutcome, Installer } from '../app/reach';
import { log } from '../log';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
/** Graph's 429 is retried this many times, each after its Retry-After (capped). */
const THROTTLE_RETRIES = 5;
const MAX_WAIT_MS = 60_000;

const userSchema = z.object({ id: z.string().min(1) });
const installedAppsSchema = z.object({ value: z.array(z.object({ id: z.string().min(1) })) });
const chatSchema = z.object({ id: z.string().min(1) });

export class GraphError extends Error {
  constructor(
    readonly status: number,
    what: string,
  ) {
    super(`graph ${what} answered ${status}`);
  }
}

export interface GraphOptions {
  baseUrl: string;
  catalogId: string;
  /** undefined in local mode: Graph calls carry no token. */
  credential?: TokenCredential;
  sleep?: (ms: number) => Promise<void>;
  /** Graph calls a second from this instance (Teams' Graph limit is 30 a second per app per tenant). */
  callsPerSecond?: number;
}

/** The default pace: well inside Teams' 30 Graph calls a second per app and tenant. */
export const GRAPH_CALLS_PER_SECOND = 10;
/**
 * Calls are spaced a tenth wider than the rate: a call leaves here some milliseconds before Graph
 * counts it, and those milliseconds vary, so exact spacing could put one call too many into a second.
 */
const SPACING = 1.1;

/**
 * Proactive installation through Microsoft Graph (SPEC §12): look the person up by e-mail and
 * install the app for them; when it is there already (409), read the chat it has with them.
 * Plain fetch with zod-checked answers: four calls do not need a Graph SDK.
 */
export class GraphInstaller implements Installer {
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly spacingMs: number;
  /** The next call's earliest time (performance.now): a steady pace, not bursts. */
  private nextAt = 0;
  /** After a 429 no call of this instance goes out before Retry-After has passed. */
  private pausedUntil = 0;

  constructor(private readonly o: GraphOptions) {
    this.sleep = o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms)));
    this.spacingMs = (1000 / (o.callsPerSecond ?? GRAPH_CALLS_PER_SECOND)) * SPACING;
  }

  /** Waits for a slot: the steady pace, and any Retry-After that Graph asked for. */
  private async slot(): Promise<void> {
    for (;;) {
      const now = performance.now();
      const at = Math.max(this.nextAt, this.pausedUntil);
      if (at <= now) {
        this.nextAt = now + this.spacingMs;
        return;
      }
      await this.sleep(at - now);
    }
  }

  async install(email: string): Promise<InstallOutcome> {
    const user = await this.call('user', 'GET', `/users/${encodeURIComponent(email)}`);
    if (user.status === 404) return { type: 'not_found' };
    if (!user.ok) return { type: 'refused', status: user.status };
    const { id } = userSchema.parse(user.body);
    const installed = await this.call(
      'install',
      'POST',
      `/users/${encodeURIComponent(id)}/teamwork/installedApps`,
      {
        'teamsApp@odata.bind': `${this.o.baseUrl}/appCatalogs/teamsApps/${this.o.catalogId}`,
      },
    );
    if (installed.ok) return { type: 'requested', userId: id };
    if (installed.status !== 409)
      return installed.status === 404
        ? { type: 'not_found' }
        : { type: 'refused', status: installed.status };
    // Installed already: find that installation and the chat the bot has with the person.
    const filter = encodeURIComponent(`teamsApp/id eq '${this.o.catalogId}'`);
    const apps = await this.call(
      'installed_apps',
      'GET',
      `/users/${encodeURIComponent(id)}/teamwork/installedApps?$expand=teamsAppDefinition&$filter=${filter}`,
    );
    if (!apps.ok) return { type: 'refused', status: apps.status };
    const installation = installedAppsSchema.parse(apps.body).value[0];
    if (!installation) return { type: 'refused', status: 409 };
    const chat = await this.call(
      'chat',
      'GET',
      `/users/${encodeURIComponent(id)}/teamwork/installedApps/${encodeURIComponent(installation.id)}/chat`,
    );
    if (!chat.ok) return { type: 'refused', status: chat.status };
    return { type: 'chat', userId: id, chatId: chatSchema.parse(chat.body).id };
  }

  private async call(
    what: string,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ ok: boolean; status: number; body?: unknown }> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      await this.slot();
      if (this.o.credential)
        headers.authorization = `Bearer ${(await this.o.credential.getToken(GRAPH_SCOPE))?.token ?? ''}`;
      const res = await fetch(`${this.o.baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status === 429 && attempt < THROTTLE_RETRIES) {
        const wait = Math.min(
          MAX_WAIT_MS,
          retryAfterMs(res.headers.get('retry-after')) ?? 2 ** attempt * 1000,
        );
        log.warn({ event: 'graph_throttled', what, waitMs: wait }, 'graph throttled');
        await res.body?.cancel();
        // Every call of this instance waits, not only this one: Graph throttles the app.
        this.pausedUntil = Math.max(this.pausedUntil, performance.now() + wait);
        continue;
      }
      const text = await res.text();
      if (!res.ok)
        log.warn({ event: 'graph_refused', what, status: res.status }, 'graph call refused');
      return { ok: res.ok, status: res.status, body: text ? JSON.parse(text) : undefined };
    }
  }
}

/** Retry-After in seconds or as an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The bot's own identity for Graph; none in local mode (no app id). */
export function graphCredential(c: Config): TokenCredential | undefined {
  if (!c.MicrosoftAppId) return undefined;
  if (c.MicrosoftAppType === 'UserAssignedMSI')
    return new ManagedIdentityCredential({ clientId: c.MicrosoftAppId });
  if (!c.MicrosoftAppTenantId || !c.MicrosoftAppPassword) return undefined;
  return new ClientSecretCredential(
    c.MicrosoftAppTenantId,
    c.MicrosoftAppId,
    c.MicrosoftAppPassword,
  );
}
