import { log } from '../log';
import { changeClaim } from './change-claim';
import { changeOrder } from './change-order';
import type { ConversationAddress, Person } from './ports';
import type { Services } from './services';

/** What waits for a person whose chat with the bot does not exist yet (SPEC §12). */
export type WaitingItem = { kind: 'offer'; orderId: string } | { kind: 'claim'; claimId: string };

export const waitingId = (item: WaitingItem): string =>
  item.kind === 'offer' ? item.orderId : item.claimId;

export interface WaitingRow {
  item: WaitingItem;
  since: string;
}

/** Stored rows of what waits for a person's installation, one row per item, kept across restarts. */
export interface ReachStore {
  addWaiting(email: string, item: WaitingItem, since: string): Promise<void>;
  listWaiting(email: string): Promise<WaitingRow[]>;
  removeWaiting(email: string, item: WaitingItem): Promise<void>;
}

/**
 * requested: Teams will send the installation event; chat: the app was there already (409) and
 * this is the chat with the person; not_found: no such user; refused: Graph said no (403, …).
 */
export type InstallOutcome =
  | { type: 'requested'; userId: string }
  | { type: 'chat'; userId: string; chatId: string }
  | { type: 'not_found' }
  | { type: 'refused'; status: number };

export interface Installer {
  install(email: string): Promise<InstallOutcome>;
}

/** How a chat read from Graph is written to (the Teams service and this bot's id). */
export interface ChatDefaults {
  serviceUrl: string;
  botId: string;
  tenantId?: string;
}

/** SPEC §12: how long something may wait for an installation. */
export const WAIT_MS = 3600_000;

/** The deadline of a waiting item: true when it was still waiting (and is now given up). */
export async function giveUpWaiting(
  store: ReachStore,
  email: string,
  item: WaitingItem,
): Promise<boolean> {
  const still = (await store.listWaiting(email)).some(
    (r) => r.item.kind === item.kind && waitingId(r.item) === waitingId(item),
  );
  if (still) await store.removeWaiting(email, item);
  return still;
}

export type ReachResult = 'waiting' | 'reached' | 'unreachable';

/**
 * A person the bot must write to has no stored chat: store what waits, and install the app for
 * them. 'waiting': the installation event will deliver it; 'reached': the app was there and the
 * chat is now stored (send again now); 'unreachable': no such user or the install was refused.
 */
export async function reachByInstall(
  s: Services,
  store: ReachStore,
  installer: Installer,
  defaults: ChatDefaults,
  email: string,
  item: WaitingItem,
): Promise<ReachResult> {
  const now = s.clock.now().toISOString();
  const earlier = await store.listWaiting(email);
  await store.addWaiting(email, item, now);
  // Nothing waits forever: after an hour the coordinators hear of it, and an offer moves on.
  const id = waitingId(item);
  await s.jobs.schedule({
    kind: 'reach_deadline',
    dueAt: new Date(s.clock.now().getTime() + WAIT_MS).toISOString(),
    orderId: id,
    email,
    ...(item.kind === 'claim' ? { claimId: id } : {}),
  });
  // One install request per person at a time: the others wait for the same installation event.
  if (earlier.length > 0) return 'waiting';
  const outcome = await installer.install(email);
  log.info({ event: 'graph_install', outcome: outcome.type }, 'proactive installation');
  switch (outcome.type) {
    case 'requested':
      return 'waiting';
    case 'chat': {
      const address: ConversationAddress = {
        conversationId: outcome.chatId,
        serviceUrl: defaults.serviceUrl,
        tenantId: defaults.tenantId,
        userId: outcome.userId,
        botId: defaults.botId,
        channelId: 'msteams',
      };
      const person: Person = {
        aadObjectId: outcome.userId,
        email: email.toLowerCase(),
        locale: 'fi',
        address,
        firstSeenAt: now,
      };
      if (!(await s.people.get(outcome.userId))) {
        await s.people.save(person).catch(async (err: unknown) => {
          // The installation event may have stored them first; anything else is tried again later.
          if (!(await s.people.get(outcome.userId))) throw err;
        });
      }
      await store.removeWaiting(email, item);
      return 'reached';
    }
    case 'not_found':
    case 'refused':
      await store.removeWaiting(email, item);
      return 'unreachable';
  }
}

/** The person's chat now exists (the installation event): what waited for them is sent. */
export async function deliverWaiting(
  s: Services,
  store: ReachStore,
  email: string,
): Promise<number> {
  const rows = await store.listWaiting(email);
  for (const { item } of rows) {
    if (item.kind === 'offer') {
      await changeOrder(s, item.orderId, (file) => {
        const offer = file.offers.get(email)?.value;
        if (!offer || offer.status !== 'pending') return { result: undefined };
        return {
          change: {
            order: file.order.value,
            offers: [],
            effects: [{ type: 'update_offer_card', email }],
          },
          result: undefined,
        };
      });
    } else {
      // The claim stage is still theirs: its card goes out now.
      await changeClaim(s, item.claimId, (file) =>
        file.claim.value.holderEmail === email
          ? {
              change: { claim: file.claim.value, effects: [{ type: 'card_to_holder', email }] },
              result: undefined,
            }
          : { result: undefined },
      );
    }
    await store.removeWaiting(email, item);
  }
  return rows.length;
}
