/**
 * Losing a race: a conditional write refused because someone else wrote first (412 on an ETag,
 * 409 on a create), or a read that shows the row moved on since it was loaded.
 */
export class WriteConflict extends Error {
  readonly statusCode = 412;
  constructor(what: string) {
    super(`${what}_conflict`);
  }
}

export function isWriteConflict(err: unknown): boolean {
  if (err instanceof WriteConflict) return true;
  const status = (err as { statusCode?: number } | undefined)?.statusCode;
  return status === 412 || status === 409;
}

/** A race lost every time it was run again: a bug or an overload, never an expected outcome. */
export class ConflictUnresolved extends Error {
  constructor(what: string) {
    super(`${what}_conflict_unresolved`);
  }
}

export interface ConflictOptions {
  /** How many times the attempt runs before the conflict is given up as a bug or overload. */
  attempts?: number;
}

/**
 * Runs a load–decide–write attempt again when it lost a race (two clicks at once, a replay, a
 * second instance), after a short random pause that grows with each try; the attempt reloads,
 * so the second click decides against the first one's result. Other errors pass through.
 */
export async function retryOnConflict<R>(
  what: string,
  attempt: () => Promise<R>,
  options: ConflictOptions = {},
): Promise<R> {
  const attempts = options.attempts ?? 30;
  for (let n = 0; n < attempts; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isWriteConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (n + 1)));
    }
  }
  throw new ConflictUnresolved(what);
}
