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

/**
 * Why the bot could not reach someone, as the coordinators are told: the installation found no
 * such user (not_found), Graph refused it (refused), it went through but Teams never opened the
 * chat within the hour (no_answer), or Graph did not answer (failed).
 */
export type InstallFailure = 'not_found' | 'refused' | 'no_answer' | 'failed';
/** Every reason /reach and the coordinators' messages give (catalogue keys `reach_<reason>`). */
export type ReachReason = 'no_chat' | 'blocked' | 'waiting' | InstallFailure;

/** Stored rows of what waits for a person's installation, one row per item, kept across restarts. */
export interface ReachStore {
  addWaiting(email: string, item: WaitingItem, since: string): Promise<void>;
  listWaiting(email: string): Promise<WaitingRow[]>;
  removeWaiting(email: string, item: WaitingItem): Promise<void>;
  /** The last failed installation for a person (replaces an earlier one). */
  recordFailure(email: string, reason: InstallFailure, at: string): Promise<void>;
  getFailure(email: string): Promise<InstallFailure | undefined>;
  /** Every recorded failure by e-mail: one read of one partition. */
  listFailures(): Promise<Map<string, InstallFailure>>;
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
    case 'chat':
      await storeChat(s, defaults, email, outcome);
      await store.removeWaiting(email, item);
      return 'reached';
    case 'not_found':
    case 'refused':
      await store.recordFailure(email, outcome.type, now);
      await store.removeWaiting(email, item);
      return 'unreachable';
  }
}

/** The app was there already (409): the chat Graph named is stored as the person's address. */
export async function storeChat(
  s: Pick<Services, 'people' | 'clock'>,
  defaults: ChatDefaults,
  email: string,
  outcome: { userId: string; chatId: string },
): Promise<void> {
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
    firstSeenAt: s.clock.now().toISOString(),
  };
  if (await s.people.get(outcome.userId)) return;
  await s.people.save(person).catch(async (err: unknown) => {
    // The installation event may have stored them first; anything else is tried again later.
    if (!(await s.people.get(outcome.userId))) throw err;
  });
}

/**
 * Why the bot cannot write to this person now, for the coordinators: blocked (Teams refused a
 * send), the last failed installation, waiting for one, or never opened the bot.
 */
export async function reachReasonOf(s: Services, email: string): Promise<ReachReason> {
  // They have a chat, yet Teams refused it: the bot was removed or blocked.
  if (await s.people.findByEmail(email)) return 'blocked';
  if (!s.reach) return 'no_chat';
  const failure = await s.reach.store.getFailure(email);
  if (failure) return failure;
  return (await s.reach.store.listWaiting(email)).length > 0 ? 'waiting' : 'no_chat';
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
