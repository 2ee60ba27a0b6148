import { parseDate } from '../domain/orders/parse-date';
import { fold } from '../domain/orders/text';
import { helsinkiDate } from '../domain/shared/helsinki';
import type { Language } from '../domain/shared/vocabulary';
import type { Expert } from '../domain/registers/types';
import type { Actor } from './actor';
import type { ExpertLoad } from '../domain/matching/match-experts';
import type { Services } from './services';

type OnlyExperts = { type: 'refused'; reason: 'only_experts' };
const onlyExperts: OnlyExperts = { type: 'refused', reason: 'only_experts' };

export type PauseOutcome =
  | OnlyExperts
  | { type: 'refused'; reason: 'pause_date_past' | 'pause_usage' }
  | { type: 'paused'; until: string }
  | { type: 'cleared' };

/** An expert pauses offers until a date (inclusive, as they wrote it), or ends a pause (`dateText` undefined). */
export async function pauseExpert(
  s: Pick<Services, 'registers' | 'clock'>,
  actor: Actor,
  dateText: string | undefined,
  lang: Language,
): Promise<PauseOutcome> {
  if (!actor.expert) return onlyExperts;
  let until: string | undefined;
  if (dateText !== undefined) {
    const reading = parseDate(fold(dateText), s.clock.now(), lang);
    if (reading.dateProblem === 'date_in_past')
      return { type: 'refused', reason: 'pause_date_past' };
    if (!reading.date) return { type: 'refused', reason: 'pause_usage' };
    until = reading.date;
  }
  await s.registers.updateExpert(
    actor.expert.email,
    (e) => {
      const { pausedUntil: _previous, ...rest } = e;
      return until ? { ...rest, pausedUntil: until } : rest;
    },
    { by: actor.email.toLowerCase(), at: s.clock.now().toISOString() },
  );
  return until ? { type: 'paused', until } : { type: 'cleared' };
}

/** `profiili` / `profile`: the expert's own register row. */
export function myExpertRow(actor: Actor): OnlyExperts | { type: 'expert'; expert: Expert } {
  return actor.expert ? { type: 'expert', expert: actor.expert } : onlyExperts;
}

/** `omat tiedot` / `my data`, `omat tehtävät` / `my tasks`: the expert's row, tasks and load, and today in Helsinki. */
export async function myExpertLoad(
  s: Pick<Services, 'loads' | 'clock'>,
  actor: Actor,
): Promise<OnlyExperts | { type: 'expert'; expert: Expert; load: ExpertLoad; today: string }> {
  if (!actor.expert) return onlyExperts;
  return {
    type: 'expert',
    expert: actor.expert,
    load: await s.loads.get(actor.expert.email),
    today: helsinkiDate(s.clock.now()),
  };
}
