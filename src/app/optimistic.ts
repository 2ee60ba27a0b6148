const MAX_ATTEMPTS = 30;

const isWriteConflict = (err: unknown): boolean => {
  const status = (err as { statusCode?: number } | undefined)?.statusCode;
  return status === 412 || status === 409;
};

/**
 * Runs a load–decide–write attempt again when its conditional write lost to someone else (412 or
 * 409), with a short random pause: two clicks at once, a replay or a second instance.
 */
export async function optimistic<R>(what: string, attempt: () => Promise<R>): Promise<R> {
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isWriteConflict(err)) throw err;
      await new Promise((r) => setTimeout(r, Math.random() * 5 * (n + 1)));
    }
  }
  throw new Error(`${what}_conflict`);
}
