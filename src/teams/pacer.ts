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
 * Hands out send slots so that no window is exceeded. Slots are reserved when granted, so concurrent
 * callers queue up behind each other instead of racing.
 */
export class Pacer {
  private readonly sent = new Map<string, number[]>();
  private readonly all: number[] = [];

  constructor(
    private readonly limits: PaceLimits = TEAMS_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  async acquire(conversationId: string): Promise<void> {
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
      await new Promise((r) => setTimeout(r, Math.ceil(wait)));
    }
  }

  private longestWindow(): number {
    return Math.max(...this.limits.perConversation.map((l) => l.windowMs));
  }
}

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
