import { z } from 'zod';
import type { AllListed } from '../shared/all-listed';
import {
  APPROVAL_STEPS,
  CLAIM_STATUSES,
  PAYMENT_TYPES,
  type Claim,
  type ClaimEffect,
} from './claim';

const claimAmountSchema = z
  .object({
    feeCents: z.number(),
    kmCents: z.number(),
    expensesCents: z.number(),
    totalCents: z.number(),
    startedHours: z.number(),
    lines: z.array(
      z
        .object({
          key: z.enum(['fee', 'km', 'expenses']),
          cents: z.number(),
          detail: z.record(z.union([z.string(), z.number()])),
        })
        .passthrough(),
    ),
  })
  .passthrough();

const claimVersionSchema = z
  .object({
    version: z.number(),
    submittedAt: z.string(),
    actualStart: z.string(),
    actualEnd: z.string(),
    km: z.number(),
    otherExpensesCents: z.number(),
    expensesNote: z.string().optional(),
    paymentType: z.enum(PAYMENT_TYPES),
    businessId: z.string().optional(),
    amount: claimAmountSchema,
    tariffVersion: z.string(),
  })
  .passthrough();

const approvalSchema = z
  .object({
    step: z.enum(APPROVAL_STEPS),
    by: z.string(),
    at: z.string(),
    action: z.enum(['approved', 'rejected', 'paid', 'reassigned', 'cancelled', 'not_done']),
    version: z.number(),
    reason: z.string().optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .passthrough();

/** A claim as stored (its row's `data`, and inside a create_claim effect of its order). */
export const storedClaimSchema = z
  .object({
    claimId: z.string(),
    orderId: z.string(),
    expertEmail: z.string(),
    unitId: z.string(),
    status: z.enum(CLAIM_STATUSES),
    holderEmail: z.string(),
    holderSince: z.string(),
    versions: z.array(claimVersionSchema),
    history: z.array(approvalSchema),
    chain: z
      .object({
        orderer: z.string(),
        supervisor: z.string(),
        director: z.string().optional(),
        payroll: z.string(),
      })
      .passthrough(),
    remindedAt: z.string().optional(),
    escalatedAt: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<Claim>;

/** What a change adds to the running counts of `/stats`: row key → group → name → number. */
export const countDeltaSchema = z.record(z.record(z.record(z.number())));

/** A claim's effect waiting in its row's outbox. */
export const claimEffectSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('notify_expert'),
      status: z.enum(CLAIM_STATUSES),
      reason: z.string().optional(),
    })
    .passthrough(),
  z.object({ type: z.literal('card_to_holder'), email: z.string() }).passthrough(),
  z.object({ type: z.literal('update_cards') }).passthrough(),
  z.object({ type: z.literal('remind_holder'), email: z.string() }).passthrough(),
  z.object({ type: z.literal('notify_coordinators_stuck') }).passthrough(),
  z
    .object({ type: z.literal('notify_reassigned'), from: z.string(), to: z.string() })
    .passthrough(),
  z.object({ type: z.literal('stand_in_needed') }).passthrough(),
  z.object({ type: z.literal('claim_form_to_expert') }).passthrough(),
  z.object({ type: z.literal('record_task_done'), by: z.string() }).passthrough(),
  z.object({ type: z.literal('count_stats'), delta: countDeltaSchema }).passthrough(),
]) satisfies z.ZodType<ClaimEffect>;

/** Compiles only while every claim effect type is listed above (see EveryEffectReadable). */
export type EveryClaimEffectReadable = AllListed<
  Exclude<ClaimEffect['type'], z.infer<typeof claimEffectSchema>['type']>
>;
