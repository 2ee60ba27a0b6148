import { containsPersonalIdentityCode } from '../shared/personal-identity-code';
import { isOrderable, traineeAllowedByDefault } from '../shared/task-types';
import type { WishedRefusal } from './wished-expert';
import { ok, refuse, type Result } from '../shared/result';
import {
  AREAS,
  LANGUAGES,
  TASK_TYPES,
  type Area,
  type Language,
  type TaskType,
} from '../shared/vocabulary';

/** open: offers may go out; unfilled: nobody left, a coordinator decides; filled and cancelled are final. */
export const ORDER_STATUSES = ['open', 'unfilled', 'filled', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** What the orderer asks for: the contents of the order card (SPEC §10). */
export interface OrderDetails {
  taskType: TaskType;
  areas: Area[];
  date: string; // YYYY-MM-DD, Helsinki
  start: string; // HH:mm
  end: string; // HH:mm
  remote: boolean;
  municipality?: string;
  address?: string;
  expertCount: number;
  language: Language;
  audience?: string;
  wishes?: string;
  /** The expert the orderer wished for (e-mail), offered first and alone (SPEC §3). */
  wishedExpert?: string;
  /** A mentor may bring their trainee along; unset on old orders: the task type's default. */
  traineeAllowed?: boolean;
}

/** An order's own details (what a change replaces), without its number, status and history. */
export function detailsOfOrder(o: Order): OrderDetails {
  return {
    taskType: o.taskType,
    areas: o.areas,
    date: o.date,
    start: o.start,
    end: o.end,
    remote: o.remote,
    municipality: o.municipality,
    address: o.address,
    expertCount: o.expertCount,
    language: o.language,
    audience: o.audience,
    wishes: o.wishes,
    wishedExpert: o.wishedExpert,
    traineeAllowed: o.traineeAllowed,
  };
}

export interface Order extends OrderDetails {
  orderId: string; // T-YYYY-NNNN
  status: OrderStatus;
  ordererId: string; // Entra object id
  ordererEmail: string;
  unitId: string;
  createdAt: string;
  /** Experts who took the task, in the order they accepted. */
  assigned: Assignee[];
  /** The last wave of offers sent (0: none yet). */
  wave: number;
  /** The next wave, waiting for a coordinator's review (the review setting is on). */
  shortlist?: string[];
  /** The waiting shortlist is the wished expert alone: approved, they get the first offer alone (SPEC §3). */
  wishedShortlist?: boolean;
  cancelledAt?: string;
  cancelledBy?: string;
  /** Fee claims of this order by expert e-mail: one per assignment (P-YYYY-NNNN). */
  claims?: Record<string, string>;
  /** The orderer confirmed that the task took place (Task done). */
  taskDoneAt?: string;
  taskDoneBy?: string;
  /** The orderer (or a coordinator) said that the task did not take place, and why. */
  taskNotDoneAt?: string;
  taskNotDoneBy?: string;
  taskNotDoneReason?: string;
  /** Taken by phone by a coordinator on the unit's behalf: who called (SPEC §3). */
  phoneOrder?: PhoneOrderer;
  /** Changes after the order was sent: console actions, experts who withdrew, the orderer's changes. */
  audit?: OrderAuditEntry[];
  /** 1 as sent; each change of the order's details adds one (a card of an older version is stale). */
  version?: number;
  /** One session of a series (S-YYYY-NNNN, SPEC §3): each session is its own order. */
  seriesId?: string;
  /** The wave in which the wished expert alone was offered the task (SPEC §3). */
  wishedWave?: number;
  /** Trainees who joined their mentor on this task; they fill no ordered place (SPEC §3). */
  trainees?: TraineeAlong[];
}

export interface TraineeAlong {
  email: string;
  name: string;
  mentorEmail: string;
  at: string;
}

export interface PhoneOrderer {
  name: string;
  email: string;
  takenBy: string; // the coordinator's e-mail
}

export interface OrderAuditEntry {
  at: string;
  by: string; // who: the coordinator, the orderer, or the expert who withdrew
  what:
    | 'phone_order'
    | 'unassigned'
    | 'forced_assignment'
    | 'withdrawn'
    | 'recheck_expired'
    | 'released'
    | 'changed';
  who?: string; // the expert, "Name (email)"
  rules?: string[]; // the hard rules a forced assignment overrode
  /** Why an expert could not come (coordinators only, never the orderer). */
  reason?: string;
  /** A change of the order: its new version and each changed field, from and to. */
  version?: number;
  changes?: Array<{ field: keyof OrderDetails; from: string; to: string }>;
}

export interface Assignee {
  email: string;
  name: string;
  at: string;
  byCoordinator?: string;
}

/** The card's inputs as they arrive (all strings, possibly forged or empty). */
export interface OrderForm {
  taskType?: string;
  areas?: string;
  date?: string;
  start?: string;
  end?: string;
  remote?: string;
  municipality?: string;
  address?: string;
  expertCount?: string;
  language?: string;
  audience?: string;
  wishes?: string;
  unitId?: string;
  wishedExpert?: string;
  traineeAllowed?: string;
}

export const ORDER_FIELDS = [
  'taskType',
  'areas',
  'date',
  'start',
  'end',
  'remote',
  'municipality',
  'address',
  'expertCount',
  'language',
  'audience',
  'wishes',
  'unitId',
  'wishedExpert',
  'traineeAllowed',
] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

export const FIELD_REASONS = [
  'field_required',
  'field_invalid',
  'end_before_start',
  'date_in_past',
  'time_in_past',
  'count_invalid',
  'municipality_required',
  'identity_code_refused',
  'wished_expert_unknown',
  'wished_expert_ambiguous',
  'wished_expert_no_previous',
  'task_type_not_orderable',
] as const;
export type FieldReason = (typeof FIELD_REASONS)[number];
export type FieldErrors = Partial<Record<OrderField, FieldReason>>;

export interface FormContext {
  today: string; // YYYY-MM-DD in Helsinki
  nowTime: string; // HH:mm in Helsinki
  /** Units the orderer may choose from when the registers do not tell their unit. */
  unitIds?: readonly string[];
  resolveMunicipality: (text: string) => string | undefined;
  /** The wished expert's e-mail for what the orderer wrote, or why it names nobody (SPEC §3). */
  resolveWishedExpert?: (text: string, taskType: TaskType) => Result<string, WishedRefusal>;
  /** A sent order being changed keeps its type even when it is no longer ordered (mentoring). */
  keepTaskType?: TaskType;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_EXPERTS = 10;
const MAX_TEXT = 1000;
const MAX_WISHED = 200;

/** Checks a submitted order card field by field; nothing is created unless every field is valid. */
export function checkOrderForm(
  form: OrderForm,
  ctx: FormContext,
): Result<OrderDetails & { unitId?: string }, FieldErrors> {
  const errors: FieldErrors = {};
  const text = (v?: string) => v?.trim() || undefined;

  for (const field of ['municipality', 'address', 'audience', 'wishes'] as const) {
    const v = form[field];
    if (v && containsPersonalIdentityCode(v)) errors[field] = 'identity_code_refused';
    else if (v && v.length > MAX_TEXT) errors[field] = 'field_invalid';
  }

  const taskType = TASK_TYPES.find((t) => t === form.taskType);
  if (!form.taskType) errors.taskType = 'field_required';
  else if (!taskType) errors.taskType = 'field_invalid';
  // Mentoring is no longer ordered (a forged or old card); an old order keeps its type when changed.
  else if (!isOrderable(taskType) && taskType !== ctx.keepTaskType)
    errors.taskType = 'task_type_not_orderable';

  const areaIds = (form.areas ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const areas = areaIds.filter((a): a is Area => (AREAS as readonly string[]).includes(a));
  if (areaIds.length === 0) errors.areas = 'field_required';
  else if (areas.length !== areaIds.length) errors.areas = 'field_invalid';

  const date = text(form.date);
  if (!date) errors.date = 'field_required';
  else if (!DATE.test(date) || !isRealDate(date)) errors.date = 'field_invalid';
  else if (date < ctx.today) errors.date = 'date_in_past';

  const start = text(form.start);
  const end = text(form.end);
  if (!start) errors.start = 'field_required';
  else if (!TIME.test(start)) errors.start = 'field_invalid';
  else if (date === ctx.today && start <= ctx.nowTime) errors.start = 'time_in_past';
  if (!end) errors.end = 'field_required';
  else if (!TIME.test(end)) errors.end = 'field_invalid';
  else if (start && TIME.test(start) && end <= start) errors.end = 'end_before_start';

  const remote = form.remote === 'true';
  const municipalityText = text(form.municipality);
  const municipality = municipalityText
    ? (ctx.resolveMunicipality(municipalityText) ?? municipalityText)
    : undefined;
  if (!remote && !municipality && !errors.municipality)
    errors.municipality = 'municipality_required';

  const count = Number(text(form.expertCount) ?? '1');
  if (!Number.isInteger(count) || count < 1 || count > MAX_EXPERTS)
    errors.expertCount = 'count_invalid';

  const language = LANGUAGES.find((l) => l === (text(form.language) ?? 'fi'));
  if (!language) errors.language = 'field_invalid';

  let unitId: string | undefined;
  if (ctx.unitIds) {
    unitId = ctx.unitIds.find((u) => u === form.unitId);
    if (!unitId) errors.unitId = form.unitId ? 'field_invalid' : 'field_required';
  }

  const wishedText = text(form.wishedExpert);
  let wishedExpert: string | undefined;
  if (wishedText && containsPersonalIdentityCode(wishedText))
    errors.wishedExpert = 'identity_code_refused';
  else if (wishedText && wishedText.length > MAX_WISHED) errors.wishedExpert = 'field_invalid';
  else if (wishedText && taskType && ctx.resolveWishedExpert) {
    const wished = ctx.resolveWishedExpert(wishedText, taskType);
    if (wished.ok) wishedExpert = wished.value;
    else errors.wishedExpert = wished.error;
  }
  const traineeAllowed =
    form.traineeAllowed === 'true' || form.traineeAllowed === 'false'
      ? form.traineeAllowed === 'true'
      : taskType && traineeAllowedByDefault(taskType);

  if (Object.keys(errors).length > 0 || !taskType || !date || !start || !end || !language)
    return refuse(errors);
  return ok({
    taskType,
    areas,
    date,
    start,
    end,
    remote,
    municipality: errors.municipality ? undefined : municipality,
    address: text(form.address),
    expertCount: count,
    language,
    audience: text(form.audience),
    wishes: text(form.wishes),
    ...(wishedExpert ? { wishedExpert } : {}),
    traineeAllowed: traineeAllowed !== false,
    unitId,
  });
}

/** Whether a mentor may bring a trainee: as the orderer chose, or the task type's default. */
export function traineesWelcome(order: Pick<OrderDetails, 'taskType' | 'traineeAllowed'>): boolean {
  return order.traineeAllowed ?? traineeAllowedByDefault(order.taskType);
}

export type CancelRefusal = 'order_not_yours' | 'order_already_cancelled';

/** Only the orderer or a coordinator may cancel, and only once. */
export function decideCancel(
  order: Order,
  actor: { id: string; isCoordinator: boolean },
  at: Date,
): Result<Order, CancelRefusal> {
  if (order.ordererId !== actor.id && !actor.isCoordinator) return refuse('order_not_yours');
  if (order.status === 'cancelled') return refuse('order_already_cancelled');
  return ok({
    ...order,
    status: 'cancelled',
    cancelledAt: at.toISOString(),
    cancelledBy: actor.id,
  });
}

export type TaskDoneRefusal =
  | 'order_not_yours'
  | 'order_cancelled'
  | 'task_not_started'
  | 'task_already_confirmed'
  | 'order_not_assigned'
  | 'task_already_not_done';

/**
 * The orderer confirms that the task took place, once it has started. Claims already sent move on;
 * claims sent later skip the orderer's stage. (An orderer away is replaced with `/reassign`.)
 */
export function decideTaskDone(
  order: Order,
  actorEmail: string,
  at: Date,
  taskStart: Date,
): Result<Order, TaskDoneRefusal> {
  const email = actorEmail.toLowerCase();
  if (order.ordererEmail.toLowerCase() !== email) return refuse('order_not_yours');
  if (order.status === 'cancelled') return refuse('order_cancelled');
  if (order.taskDoneAt) return refuse('task_already_confirmed');
  if (order.taskNotDoneAt) return refuse('task_already_not_done');
  if (order.assigned.length === 0) return refuse('order_not_assigned');
  if (at < taskStart) return refuse('task_not_started');
  return ok({ ...order, taskDoneAt: at.toISOString(), taskDoneBy: email });
}

export type TaskNotDoneRefusal = TaskDoneRefusal | 'not_done_reason_required' | 'reason_too_long';

export const NOT_DONE_REASON_MAX_LENGTH = 500;

/**
 * The orderer (or a coordinator) says that the task did not take place, with a reason the expert
 * and the coordinators are told: once, and not after Task done (the claims have moved on then).
 */
export function decideTaskNotDone(
  order: Order,
  actor: { email: string; isCoordinator: boolean },
  reasonText: string,
  at: Date,
  taskStart: Date,
): Result<Order, TaskNotDoneRefusal> {
  const email = actor.email.toLowerCase();
  if (order.ordererEmail.toLowerCase() !== email && !actor.isCoordinator)
    return refuse('order_not_yours');
  if (order.status === 'cancelled') return refuse('order_cancelled');
  if (order.taskDoneAt) return refuse('task_already_confirmed');
  if (order.taskNotDoneAt) return refuse('task_already_not_done');
  if (order.assigned.length === 0) return refuse('order_not_assigned');
  if (at < taskStart) return refuse('task_not_started');
  const reason = reasonText.trim();
  if (!reason) return refuse('not_done_reason_required');
  if (reason.length > NOT_DONE_REASON_MAX_LENGTH) return refuse('reason_too_long');
  return ok({
    ...order,
    taskNotDoneAt: at.toISOString(),
    taskNotDoneBy: email,
    taskNotDoneReason: reason,
  });
}

/** Ties an expert's claim to their assignment; the first claim number wins, a second changes nothing. */
export function recordClaim(order: Order, expertEmail: string, claimId: string): Order | undefined {
  if (order.claims?.[expertEmail]) return undefined;
  return { ...order, claims: { ...order.claims, [expertEmail]: claimId } };
}

export function formatOrderNumber(year: number, n: number): string {
  return `T-${year}-${String(n).padStart(4, '0')}`;
}

export const ORDER_NUMBER = /\bT-(\d{4})-(\d{4,6})\b/i;

function isRealDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso);
}
