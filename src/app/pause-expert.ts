import type { Expert } from '../domain/registers/types';
import type { Services } from './services';

/** An expert pauses offers until a date (inclusive), or ends a pause (`until` undefined). */
export async function pauseExpert(s: Services, email: string, until: string | undefined): Promise<Expert | undefined> {
  return s.registers.updateExpert(email, (e) => {
    const { pausedUntil: _previous, ...rest } = e;
    return until ? { ...rest, pausedUntil: until } : rest;
  }, { by: email.toLowerCase(), at: s.clock.now().toISOString() });
}
