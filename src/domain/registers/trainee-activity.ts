/**
 * Trainees left without tasks (SPEC §3): a trainee learns by going along on their mentor's tasks,
 * so coordinators are shown a trainee who has gone along on none in the last 60 days. Pure: the
 * caller gives today's Helsinki date, the trainee record (their load's tasks along) and since when
 * they are known as a trainee.
 */

/** A trainee with no task along in this many days is shown to coordinators. */
export const IDLE_TRAINEE_DAYS = 60;

export interface TraineeActivity {
  /** The latest task along on or before today (YYYY-MM-DD); none: not yet. */
  lastAlong?: string;
  /** The next task along after today, if one is agreed already. */
  nextAlong?: string;
  /** No task along in the last 60 days nor agreed, and a trainee for 60 days at least. */
  idle: boolean;
}

function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * `since`: the date they became a trainee (YYYY-MM-DD), when known; unknown counts as long ago; a
 * task along before it moves it back.
 * A task along agreed for a later day also counts: the trainee is not left without tasks.
 */
export function traineeActivity(
  record: ReadonlyArray<{ date: string }>,
  today: string,
  since?: string,
): TraineeActivity {
  const dates = record.map((a) => a.date).sort();
  const lastAlong = dates.filter((d) => d <= today).at(-1);
  const nextAlong = dates.find((d) => d > today);
  const from = daysBefore(today, IDLE_TRAINEE_DAYS);
  // Whoever went along on a task was a trainee by then, whatever the later dates say.
  const start =
    since !== undefined && dates[0] !== undefined && dates[0] < since ? dates[0] : since;
  const idle =
    nextAlong === undefined &&
    (lastAlong === undefined || lastAlong < from) &&
    (start === undefined || start <= from);
  return {
    ...(lastAlong ? { lastAlong } : {}),
    ...(nextAlong ? { nextAlong } : {}),
    idle,
  };
}
