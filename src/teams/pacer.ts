import { log } from '../log';

/** Sliding-window limits: Teams allows 7 sends/s and 60 per 30 s into one conversation, ~30/s per app. */
export interface PaceLimits {
  perConversation: Array<{ count: number; windowMs: number }>;
  overall: { count: number; windowMs: number };
}

export const TEAMS_LIMITS: PaceLimits = {
  perConversation: [
    { count: 7, windowMs: 1000 },
    { count: 60, windowMs: 30_000 },
  ],
  // 28 of the app's 30 a second: sends granted in one second may reach Teams a little bunched.
  overall: { count: 28, windowMs: 1000 },
};

/**
 * The app's overall rate, shared by every instance: reserves `count` send slots `intervalMs` apart
 * that no other instance holds, and answers the first slot's time (ms since 1970).
 */
export interface SharedRate {
  reserve(count: number, intervalMs: number): Promise<number>;
}

/** Proactive messages an instance sends without shared slots within a tenth of a second. */
const BURST = { count: 8, windowMs: 100 };

/** Slots reserved at once from the shared rate: a few for a lone message, half a second for a wave. */
const BLOCK = { min: 4, max: 14 };

/**
 * Hands out send slots so that no window is exceeded. Slots are reserved when granted, so concurrent
 * callers queue up behind each other instead of racing. With a shared rate, messages the bot starts
 * itself (offers, card updates, reminders) also take slots of the app's rate from storage, in
 * blocks, so that all instances together keep Teams' 30 a second; a reply within a user's own turn
 * is paced by this instance only (it must not wait on storage, and users' typing paces it).
 */
export class Pacer {
  private readonly sent = new Map<string, number[]>();
  private readonly all: number[] = [];
  /** Shared slots reserved and not yet used (ms since 1970, ascending). */
  private slots: number[] = [];
  private reserving?: Promise<boolean>;
  private waiting = 0;
  /** When this instance's proactive messages without a shared slot went, not yet charged. */
  private readonly free: number[] = [];
  private sharedFailing = false;
  /** The end of the last block of shared slots this instance reserved (ms since 1970). */
  private reservedUntil = -Infinity;

  constructor(
    private readonly limits: PaceLimits = TEAMS_LIMITS,
    private readonly now: () => number = () => performance.now(),
    private readonly shared?: SharedRate,
  ) {}

  /** `proactive`: a message the bot starts, not a reply in a user's turn. */
  async acquire(conversationId: string, proactive = false): Promise<void> {
    if (proactive && this.shared && this.busy()) {
      const slot = await this.sharedSlot();
      if (slot !== undefined && slot > Date.now()) await sleep(slot - Date.now());
    }
    for (;;) {
      const t = this.now();
      const mine = this.sent.get(conversationId) ?? [];
      const wait = Math.max(
        waitFor(this.all, this.limits.overall, t),
        ...this.limits.perConversation.map((l) => waitFor(mine, l, t)),
      );
      if (wait <= 0) {
        mine.push(t);
        this.all.push(t);
        this.sent.set(conversationId, prune(mine, t, this.longestWindow()));
        prune(this.all, t, this.limits.overall.windowMs);
        return;
      }
      await sleep(wait);
    }
  }

  /**
   * Whether a proactive message takes a shared slot: when this instance sends several at once (a
   * wave) or holds slots still. A few now and then (an Accept's consequences, a reminder) go
   * without a storage request; they are charged to the shared rate with the next block reserved.
   */
  private busy(): boolean {
    const t = Date.now();
    prune(this.free, t, this.limits.overall.windowMs);
    const burst = this.free.filter((x) => x > t - BURST.windowMs).length;
    // Within its reserved slots (some handed out for sends still to come): between two blocks too.
    const reserving = this.waiting > 0 || this.reservedUntil >= t - this.late();
    if (reserving || burst >= BURST.count) return true;
    this.free.push(t);
    return false;
  }

  /**
   * A slot used later than this would bunch with the next one: a leftover that passed is lost. (A
   * block just reserved is late by the storage round trip, which stays within this.)
   */
  private late(): number {
    return Math.max((2 * this.limits.overall.windowMs) / this.limits.overall.count, 25);
  }

  /** The next shared slot of this instance, reserving a block when none is left (one at a time). */
  private async sharedSlot(): Promise<number | undefined> {
    const interval = this.limits.overall.windowMs / this.limits.overall.count;
    const late = this.late();
    this.waiting++;
    try {
      for (let stale = 0; ;) {
        let dropped = false;
        while (this.slots.length && this.slots[0]! < Date.now() - late) {
          this.slots.shift();
          dropped = true;
        }
        const slot = this.slots.shift();
        if (slot !== undefined) return slot;
        // Storage so slow that whole blocks pass on the way: this instance's own pacing only.
        if (dropped && ++stale === 3) return undefined;
        this.reserving ??= this.reserve(interval).finally(() => (this.reserving = undefined));
        // Storage failing: this instance's own pacing only, until it answers again.
        if (!(await this.reserving)) return undefined;
      }
    } finally {
      this.waiting--;
    }
  }

  private async reserve(interval: number): Promise<boolean> {
    const count = Math.min(BLOCK.max, Math.max(BLOCK.min, this.waiting));
    // The messages sent without slots in the last second take the block's first slots.
    const charged = this.free.splice(0).length;
    try {
      const start = await this.shared!.reserve(charged + count, interval);
      for (let i = charged; i < charged + count; i++) this.slots.push(start + i * interval);
      this.reservedUntil = start + (charged + count) * interval;
      this.sharedFailing = false;
      return true;
    } catch (err) {
      if (!this.sharedFailing)
        log.warn(
          { event: 'send_rate_unavailable', err: (err as Error).message },
          'the shared send rate could not be read; pacing this instance alone',
        );
      this.sharedFailing = true;
      return false;
    }
  }

  private longestWindow(): number {
    return Math.max(...this.limits.perConversation.map((l) => l.windowMs));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.ceil(ms)));

/** How long until one more send fits the window (≤ 0: now). */
function waitFor(times: number[], limit: { count: number; windowMs: number }, t: number): number {
  const inWindow = times.filter((x) => x > t - limit.windowMs);
  if (inWindow.length < limit.count) return 0;
  return inWindow[inWindow.length - limit.count]! + limit.windowMs - t;
}

function prune(times: number[], t: number, windowMs: number): number[] {
  while (times.length && times[0]! <= t - windowMs) times.shift();
  return times;
}
