import { z } from 'zod';
import { ORDER_STATUSES } from '../domain/orders/order';
import { LANGUAGES } from '../domain/shared/vocabulary';
import type { FeedbackEntry } from '../domain/feedback/feedback';
import {
  TIMER_KINDS,
  type ExportRequest,
  type OrderDraft,
  type OrderIndexRow,
  type Person,
  type RegisterAuditEntry,
  type Settings,
  type Timer,
} from './ports';
import type { WaitingItem } from './reach';

/** How the ports' own records (not domain types) are checked when read back from storage. */
export const personSchema = z
  .object({
    aadObjectId: z.string(),
    email: z.string(),
    locale: z.enum(LANGUAGES),
    address: z.object({
      conversationId: z.string(),
      serviceUrl: z.string(),
      tenantId: z.string().optional(),
      userId: z.string(),
      botId: z.string(),
      channelId: z.string(),
    }),
    unreachableSince: z.string().optional(),
    chosenUnitId: z.string().optional(),
    firstSeenAt: z.string(),
    emailCheckedAt: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<Person>;

/** Settings saved before a setting existed read with that setting's default. */
export const storedSettingsSchema = z
  .object({ reviewShortlists: z.boolean().optional() })
  .passthrough() satisfies z.ZodType<Partial<Settings>>;

/** An export link's row (the row key is the token's hash, never the token). */
export const exportRequestSchema = z
  .object({
    email: z.string(),
    isCoordinator: z.boolean(),
    months: z.array(z.string()),
    expiresAt: z.string(),
    kind: z.enum(['fees', 'orders', 'feedback']).optional(),
    units: z.array(z.string()).optional(),
  })
  .passthrough() satisfies z.ZodType<ExportRequest>;

/** A row's outbox (`effects`): each effect under the key that orders it. */
export function storedEffectsSchema<E extends z.ZodTypeAny>(effect: E) {
  return z.array(z.object({ key: z.string(), effect }));
}

/** The outbox as far as removing carried-out effects needs it: the keys; the rest passes through. */
export const keyedEffectsSchema = z.array(z.object({ key: z.string() }).passthrough());

/** A timer's columns (its key is the row key). */
export const storedTimerSchema = z
  .object({
    kind: z.enum(TIMER_KINDS),
    dueAt: z.string(),
    orderId: z.string(),
    wave: z.number().optional(),
    email: z.string().optional(),
    claimId: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<Omit<Timer, 'key'>>;

/** A row of the newest-first order index; rows written before a column existed read it empty. */
export const storedOrderIndexSchema = z
  .object({
    rowKey: z.string(),
    orderId: z.string(),
    status: z.enum(ORDER_STATUSES),
    date: z.string(),
    taskType: z.string(),
    municipality: z.string().default(''),
    unitId: z.string(),
    remote: z.boolean().default(false),
    assigned: z.string().default(''),
    createdAt: z.string(),
  })
  .transform(({ rowKey, ...row }): OrderIndexRow => ({ key: rowKey, ...row }));

/** An order being written: the card's inputs so far, all strings as they arrived. */
export const orderDraftSchema = z
  .object({
    draftId: z.string(),
    fields: z.record(z.string().optional()),
    updatedAt: z.string(),
  })
  .passthrough() satisfies z.ZodType<OrderDraft>;

/** A register card's change, as kept for the audit. */
export const registerAuditEntrySchema = z
  .object({
    subject: z.string(),
    table: z.enum(['expert', 'unit', 'staff']),
    action: z.enum(['added', 'changed', 'paused', 'removed', 'erased']),
    by: z.string(),
    at: z.string(),
    changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })),
  })
  .passthrough() satisfies z.ZodType<RegisterAuditEntry>;

/** What waits for a person's installation. */
export const waitingItemSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('offer'), orderId: z.string() }).passthrough(),
  z.object({ kind: z.literal('claim'), claimId: z.string() }).passthrough(),
]) satisfies z.ZodType<WaitingItem>;

/** A feedback row's columns (the entry is stored as the row itself). */
export const storedFeedbackSchema = z
  .object({
    orderId: z.string(),
    raterEmail: z.string(),
    role: z.enum(['orderer', 'expert']),
    rating: z.number(),
    comment: z.string().optional(),
    givenAt: z.string(),
  })
  .passthrough() satisfies z.ZodType<FeedbackEntry>;
