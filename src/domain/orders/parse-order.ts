import { DateTime } from 'luxon';
import { helsinkiDate, ZONE } from '../shared/helsinki';
import type { Area, Language, TaskType } from '../shared/vocabulary';
import { findAreas } from './area-words';
import { detectMessageLanguage } from './message-language';
import { parseDate } from './parse-date';
import { findAudience, findExpertCount, findTaskLanguage, findWishes } from './parse-people';
import { findAddress, findMunicipality, findWards, readRemote } from './parse-place';
import { parseSeries, planSeries, type SeriesProblem } from './parse-series';
import { parseDuration, parseTime } from './parse-time';
import { MUNICIPALITY_FORMS } from './municipality-index';
import { findNotOrderableTaskType, findTaskType } from './task-words';
import { findWishedExpert } from './wished-expert';
import { fold, mask, words, type Span } from './text';

export interface ParsedOrder {
  /** Only a type that may be ordered now (never mentoring). */
  taskType?: TaskType;
  /**
   * The message asks for a type that is no longer ordered (mentoring, SPEC §3) and for no other:
   * `taskType` is then open, and the card says why and asks it.
   */
  notOrderable?: TaskType;
  areas: Area[];
  /** YYYY-MM-DD, a Helsinki calendar date. */
  date?: string;
  /** Why a written date was refused; `date` is then undefined. */
  dateProblem?: 'date_in_past' | 'date_impossible';
  /** HH:mm */
  start?: string;
  /** HH:mm, derived from start + duration when only a duration is given. */
  end?: string;
  durationMinutes?: number;
  /** True for remote words; false when a place is given; undefined otherwise. */
  remote?: boolean;
  /** Canonical Finnish name, e.g. 'Pietarsaari' for "Jakobstad". */
  municipality?: string;
  /** Street address as written, and the wards named ("Keskussairaalantie 19, osastoilla 1, 2 ja 3"). */
  address?: string;
  /** Undefined when not said (the card defaults to 1). */
  expertCount?: number;
  /** The language the task is to be held in, if stated. */
  language?: Language;
  audience?: string;
  wishes?: string;
  /** A wished expert's name as written, or "same as last time" in the message's language. */
  wishedExpert?: string;
  /** The language the message itself is written in (fi by default). */
  messageLanguage: Language;
  /** A repeating task (SPEC §3): every one or two weeks from `date` to `until` (the last session). */
  series?: { every: 1 | 2; until: string };
  /** Why a series the message asks for is not made; `series` is then undefined. */
  seriesProblem?: SeriesProblem;
}

/**
 * Reads order slots from one free-text message in Finnish, Swedish or English.
 * Pure and offline: relative dates resolve in Europe/Helsinki against `now`.
 */
export function parseOrderText(text: string, now: Date): ParsedOrder {
  const original = text.normalize('NFC');
  const folded = fold(original);
  const allWords = words(original, folded);
  const messageLanguage = detectMessageLanguage(allWords);

  // Addresses, then durations, dates and clock times: each reader sees only what the others left.
  const address = findAddress(original, allWords);
  const taken: Span[] = address ? [address.span] : [];
  // Ward numbers are places, not counts or times: "osastoilla 1, 2, 3 ja 4".
  const wards = findWards(original, mask(folded, taken));
  taken.push(...wards.map((w) => w.span));
  const place = [address?.address, ...wards.filter((w) => w.place).map((w) => w.text)];
  const where = [...new Set(place.filter((p): p is string => Boolean(p)))].join(', ');
  const durationReading = parseDuration(mask(folded, taken));
  taken.push(...durationReading.spans);
  const seriesReading = parseSeries(mask(folded, taken), now, messageLanguage);
  if (seriesReading.kind !== 'none') taken.push(...seriesReading.spans);
  const dateReading = parseDate(mask(folded, taken), now, messageLanguage);
  taken.push(...dateReading.spans);
  let series: ParsedOrder['series'];
  let seriesProblem: SeriesProblem | undefined;
  if (seriesReading.kind === 'problem') seriesProblem = seriesReading.problem;
  if (seriesReading.kind === 'series') {
    const written = seriesReading.words;
    const start = written.start ?? dateReading.date;
    const weekdayOf = (d: string | undefined): number | undefined =>
      d ? DateTime.fromISO(d, { zone: ZONE }).weekday : undefined;
    // "ti 1.12. klo 13 ja sen jälkeen joka viikko", "ma klo 10, joka viikko tammikuun alusta":
    // without a repeating weekday, the weekday is the date's (or the start's) that the text names.
    const weekday = written.weekday ?? weekdayOf(dateReading.date) ?? weekdayOf(start);
    // A date apart from the series' words on another weekday is no first session: ask, not guess.
    const stray =
      !written.start &&
      written.weekday !== undefined &&
      dateReading.date !== undefined &&
      weekdayOf(dateReading.date) !== written.weekday;
    const words = { ...written, start, weekday: weekday ?? 0 };
    const planned =
      weekday && !stray
        ? planSeries(words, helsinkiDate(now))
        : ({ ok: false, problem: 'series_unclear' } as const);
    if (planned.ok) {
      series = { every: planned.plan.every, until: planned.plan.until };
      dateReading.date = planned.plan.first;
    } else {
      seriesProblem = planned.problem;
      dateReading.date = words.start;
    }
  }
  const timeReading = parseTime(
    mask(folded, taken),
    messageLanguage,
    durationReading.durationMinutes,
  );
  taken.push(...timeReading.spans);
  const rest = mask(folded, taken);

  const municipality = findMunicipality(allWords, address ? [address.span] : []);
  const remoteWords = readRemote(original, folded);
  const remote = remoteWords ?? (municipality || where ? false : undefined);

  const order: ParsedOrder = { areas: findAreas(folded), messageLanguage };
  const set = <K extends keyof ParsedOrder>(key: K, value: ParsedOrder[K] | undefined): void => {
    if (value !== undefined) order[key] = value;
  };
  set('taskType', findTaskType(folded));
  set('notOrderable', findNotOrderableTaskType(folded));
  set('date', dateReading.date);
  set('dateProblem', dateReading.dateProblem);
  set('start', timeReading.start);
  set('end', timeReading.end);
  set('durationMinutes', timeReading.durationMinutes);
  set('remote', remote);
  set('municipality', municipality?.municipality);
  set('address', where || undefined);
  set('expertCount', findExpertCount(rest));
  set('language', findTaskLanguage(folded));
  set('audience', findAudience(original, folded));
  set('wishes', findWishes(original, folded));
  set('series', series);
  set('seriesProblem', seriesProblem);
  set(
    'wishedExpert',
    findWishedExpert(original, messageLanguage, (w) => MUNICIPALITY_FORMS.has(fold(w))),
  );
  return order;
}
