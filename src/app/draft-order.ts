import { randomUUID } from 'node:crypto';
import {
  catalogueEntry,
  endAfter,
  SUGGESTED_START,
  withProductDefaults,
} from '../domain/orders/catalogue';
import type { OrderField, OrderForm } from '../domain/orders/order';
import type { SeriesProblem } from '../domain/orders/parse-series';
import type { SeriesForm } from '../domain/orders/series';
import { parseOrderText, type ParsedOrder } from '../domain/orders/parse-order';
import { taskLanguage } from '../domain/orders/task-language';
import { containsPersonalIdentityCode } from '../domain/shared/personal-identity-code';
import { TASK_TYPES, type Language, type TaskType } from '../domain/shared/vocabulary';
import type { WishedRefusal } from '../domain/orders/wished-expert';
import { wishedResolver } from './submit-order';
import type { OrderDraft } from './ports';
import { isOrderer, type Actor } from './actor';
import type { Services } from './services';

export type DraftOutcome =
  | { type: 'identity_code_refused' }
  /** A series the parser cannot make (no end, too long, end first, unclear): nothing is stored. */
  | { type: 'series_problem'; problem: SeriesProblem }
  | { type: 'not_an_order' }
  /** The message asks only for mentoring, which is not ordered (SPEC §3): nothing is stored. */
  | { type: 'not_orderable'; taskType: TaskType }
  /** `units`: to choose from, when the orderer's unit is not known. */
  | {
      type: 'draft';
      draft: OrderDraft;
      missing: OrderField[];
      dateProblem?: ParsedOrder['dateProblem'];
      /** The message asked for mentoring, which is not ordered: the card asks the task type. */
      notOrderable?: TaskType;
      /** The wished expert written in the message names nobody, or several (SPEC §3). */
      wishedProblem?: WishedRefusal;
      units?: Array<{ id: string; name: string }>;
    };

/** A draft older than this is not continued by a chat message: a new order starts. */
const DRAFT_TTL_MS = 24 * 3600_000;

/**
 * Turns an orderer's message into an order draft, or adds the pieces it holds to the draft the
 * orderer is completing. A message with a personal identity code is neither stored nor parsed.
 * The orderer's unit, when known, comes from the staff register or their earlier choice: its
 * municipality may make a new task Swedish. Someone who may not order writes no order.
 */
export async function draftOrder(
  s: Services,
  actor: Actor,
  text: string,
  describe?: (taskType: TaskType) => string,
): Promise<DraftOutcome> {
  if (!isOrderer(actor)) return { type: 'not_an_order' };
  const personId = actor.aadObjectId;
  const unitId = actor.staffUnitId ?? actor.chosenUnitId;
  if (containsPersonalIdentityCode(text)) return { type: 'identity_code_refused' };
  const now = s.clock.now();
  const parsed = parseOrderText(text, now);
  const found = toForm(parsed);
  const signals = (
    ['taskType', 'areas', 'date', 'start', 'municipality', 'remote'] as const
  ).filter((k) => found[k] !== undefined).length;
  // A series this bot cannot make is answered with examples, and nothing is stored.
  if (parsed.seriesProblem && signals > 0)
    return { type: 'series_problem', problem: parsed.seriesProblem };

  const previous = await s.drafts.get(personId);
  const current =
    previous && now.getTime() - Date.parse(previous.updatedAt) < DRAFT_TTL_MS
      ? previous
      : undefined;
  // Naming a task again starts a new order; anything else adds to the one being written.
  const continues = current !== undefined && !(found.taskType && current.fields.taskType);
  let fields: OrderForm & SeriesForm;
  if (continues) {
    if (signals === 0 && !found.address && !found.expertCount && !parsed.dateProblem)
      return current.fields.taskType ? { type: 'not_an_order' } : notAnOrder(parsed);
    fields = { ...current.fields, ...found };
  } else if (found.taskType || found.areas || signals >= 2) {
    const unitMunicipality =
      !parsed.language && unitId ? (await s.registers.getUnit(unitId))?.municipality : undefined;
    const language = taskLanguage({
      stated: parsed.language,
      messageLanguage: parsed.messageLanguage,
      unitMunicipality,
    });
    fields = { expertCount: '1', remote: 'false', ...found, language };
  } else {
    return notAnOrder(parsed);
  }
  // Juttupenkki and Päivä elämässä start from their catalogue entry (length, description).
  if (describe) fields = withProductDefaults(fields, describe);
  const draft: OrderDraft = {
    draftId: continues ? current.draftId : randomUUID(),
    fields,
    updatedAt: now.toISOString(),
  };
  await s.drafts.save(personId, draft);
  const units = unitId
    ? undefined
    : (await s.registers.listUnits()).map((u) => ({ id: u.unitId, name: u.name }));
  const wishedProblem = await wishedProblemOf(s, personId, fields);
  return {
    type: 'draft',
    draft,
    missing: missingFields(fields),
    dateProblem: parsed.dateProblem,
    // Said only while the type is open: "a lecture, on mentoring" is no mentoring order.
    ...(parsed.notOrderable && !fields.taskType ? { notOrderable: parsed.notOrderable } : {}),
    ...(wishedProblem ? { wishedProblem } : {}),
    units,
  };
}

/** A message that makes no draft: "we need mentoring" alone is answered with why it is not ordered. */
function notAnOrder(parsed: ParsedOrder): DraftOutcome {
  return parsed.notOrderable
    ? { type: 'not_orderable', taskType: parsed.notOrderable }
    : { type: 'not_an_order' };
}

/** Checks a wished expert found in the message now, so that the card answers before it is sent. */
async function wishedProblemOf(
  s: Services,
  personId: string,
  fields: OrderForm,
): Promise<WishedRefusal | undefined> {
  const taskType = TASK_TYPES.find((t) => t === fields.taskType);
  if (!fields.wishedExpert || !taskType) return undefined;
  const wished = (await wishedResolver(s, personId))(fields.wishedExpert, taskType);
  return wished.ok ? undefined : wished.error;
}

/** Keeps the card's current values as the draft, so that a chat answer adds to what was typed. */
export function missingFields(f: OrderForm): OrderField[] {
  const missing: OrderField[] = [];
  if (!f.taskType) missing.push('taskType');
  if (!f.areas) missing.push('areas');
  if (!f.date) missing.push('date');
  if (!f.start) missing.push('start');
  if (!f.end) missing.push('end');
  if (f.remote !== 'true' && !f.municipality) missing.push('municipality');
  return missing;
}

function toForm(p: ParsedOrder): OrderForm & SeriesForm {
  const form: OrderForm & SeriesForm = {};
  if (p.taskType) form.taskType = p.taskType;
  if (p.areas.length) form.areas = p.areas.join(',');
  if (p.date) form.date = p.date;
  if (p.start) form.start = p.start;
  if (p.end) form.end = p.end;
  if (p.remote !== undefined) form.remote = String(p.remote);
  if (p.municipality) form.municipality = p.municipality;
  if (p.address) form.address = p.address;
  if (p.expertCount) form.expertCount = String(p.expertCount);
  if (p.language) form.language = p.language;
  if (p.audience) form.audience = p.audience;
  if (p.wishes) form.wishes = p.wishes;
  if (p.series) {
    form.seriesEvery = String(p.series.every);
    form.seriesUntil = p.series.until;
  }
  if (p.wishedExpert) form.wishedExpert = p.wishedExpert;
  return form;
}

/** A catalogue button: an unknown task type is a stale card (the catalogue changed since). */
export type CatalogueStart =
  | { type: 'started'; draft: OrderDraft; missing: OrderField[] }
  | { type: 'unknown_task_type' }
  | { type: 'refused'; reason: 'only_orderers_can_order' };

/**
 * A new order draft started from the catalogue (SPEC §3): the task type and its usual length
 * (from the suggested start), one expert, on-site, in the orderer's language; for orderers only.
 */
export async function startDraftFromCatalogue(
  s: Pick<Services, 'clock' | 'drafts'>,
  actor: Actor,
  taskType: string,
  lang: Language,
  describe?: (taskType: TaskType) => string,
): Promise<CatalogueStart> {
  if (!isOrderer(actor)) return { type: 'refused', reason: 'only_orderers_can_order' };
  const entry = catalogueEntry(taskType);
  if (!entry) return { type: 'unknown_task_type' };
  const end = endAfter(SUGGESTED_START, entry.usualMinutes);
  const started: OrderForm = {
    taskType: entry.taskType,
    expertCount: '1',
    remote: 'false',
    language: lang,
    start: SUGGESTED_START,
    ...(end ? { end } : {}),
  };
  const fields = describe ? withProductDefaults(started, describe) : started;
  const draft: OrderDraft = {
    draftId: randomUUID(),
    fields,
    updatedAt: s.clock.now().toISOString(),
  };
  await s.drafts.save(actor.aadObjectId, draft);
  return { type: 'started', draft, missing: missingFields(fields) };
}
