import { z } from 'zod';
import type { AllListed } from '../shared/all-listed';
import { AREAS, LANGUAGES, TASK_TYPES, type TaskType } from '../shared/vocabulary';
import { ORDER_STATUSES, type Order, type OrderAuditEntry } from './order';

/** Task types come from the one task-type table (a list, not a literal tuple for z.enum). */
export const taskTypeSchema = z
  .string()
  .refine((t): t is TaskType => (TASK_TYPES as readonly string[]).includes(t), 'unknown task type');

const assigneeSchema = z
  .object({
    email: z.string(),
    name: z.string(),
    at: z.string(),
    byCoordinator: z.string().optional(),
  })
  .passthrough();

const auditEntrySchema = z
  .object({
    at: z.string(),
    by: z.string(),
    what: z.enum([
      'phone_order',
      'unassigned',
      'forced_assignment',
      'withdrawn',
      'recheck_expired',
      'released',
      'changed',
    ]),
    who: z.string().optional(),
    rules: z.array(z.string()).optional(),
  })
  .passthrough();

/** An order as stored (its row's `data`); unknown fields pass through, as in every stored schema. */
export const storedOrderSchema = z
  .object({
    taskType: taskTypeSchema,
    areas: z.array(z.enum(AREAS)),
    date: z.string(),
    start: z.string(),
    end: z.string(),
    remote: z.boolean(),
    municipality: z.string().optional(),
    address: z.string().optional(),
    expertCount: z.number(),
    language: z.enum(LANGUAGES),
    audience: z.string().optional(),
    wishes: z.string().optional(),
    orderId: z.string(),
    status: z.enum(ORDER_STATUSES),
    ordererId: z.string(),
    ordererEmail: z.string(),
    unitId: z.string(),
    createdAt: z.string(),
    assigned: z.array(assigneeSchema),
    wave: z.number(),
    shortlist: z.array(z.string()).optional(),
    cancelledAt: z.string().optional(),
    cancelledBy: z.string().optional(),
    claims: z.record(z.string()).optional(),
    taskDoneAt: z.string().optional(),
    taskDoneBy: z.string().optional(),
    taskNotDoneAt: z.string().optional(),
    taskNotDoneBy: z.string().optional(),
    taskNotDoneReason: z.string().optional(),
    phoneOrder: z
      .object({ name: z.string(), email: z.string(), takenBy: z.string() })
      .passthrough()
      .optional(),
    audit: z.array(auditEntrySchema).optional(),
  })
  .passthrough() satisfies z.ZodType<Order, z.ZodTypeDef, unknown>;

/** Compiles only while every audit entry kind is listed above. */
export type EveryOrderAuditReadable = AllListed<
  Exclude<OrderAuditEntry['what'], z.infer<typeof auditEntrySchema>['what']>
>;
