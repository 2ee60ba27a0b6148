import { z } from 'zod';
import type { AllListed } from '../shared/all-listed';
import { countDeltaSchema, storedClaimSchema } from '../fees/claim-schema';
import { OFFER_STATUSES, type Effect, type Offer } from './offer';

/** An offer as stored in its order's row (`offers`, by expert e-mail). */
export const storedOfferSchema = z
  .object({
    orderId: z.string(),
    expertEmail: z.string(),
    wave: z.number(),
    status: z.enum(OFFER_STATUSES),
    sentAt: z.string(),
    expiresAt: z.string(),
    answeredAt: z.string().optional(),
    unreachable: z.boolean().optional(),
    unassignedAt: z.string().optional(),
  })
  .passthrough() satisfies z.ZodType<Offer>;

/** An order's effect waiting in its row's outbox. */
export const effectSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('update_offer_card'), email: z.string() }).passthrough(),
  z
    .object({
      type: z.literal('notify_orderer'),
      about: z.enum([
        'assigned',
        'filled',
        'unfilled',
        'partly_filled',
        'withdrawn',
        'wished_declined',
      ]),
    })
    .passthrough(),
  z
    .object({
      type: z.literal('notify_coordinators'),
      about: z.enum(['unfilled', 'unreachable', 'review', 'task_not_done', 'withdrawn']),
      email: z.string().optional(),
    })
    .passthrough(),
  z.object({ type: z.literal('notify_expert_cancelled'), email: z.string() }).passthrough(),
  z.object({ type: z.literal('offer_more'), wave: z.enum(['same', 'next']) }).passthrough(),
  z.object({ type: z.literal('record_assignment'), email: z.string() }).passthrough(),
  z
    .object({ type: z.literal('schedule_wave_expiry'), wave: z.number(), dueAt: z.string() })
    .passthrough(),
  z.object({ type: z.literal('create_claim'), claim: storedClaimSchema }).passthrough(),
  z.object({ type: z.literal('confirm_claims'), by: z.string() }).passthrough(),
  z
    .object({ type: z.literal('notify_unassigned'), email: z.string(), name: z.string() })
    .passthrough(),
  z.object({ type: z.literal('hold_claims'), by: z.string() }).passthrough(),
  z.object({ type: z.literal('notify_expert_not_done'), email: z.string() }).passthrough(),
  z.object({ type: z.literal('invite_trainees'), mentor: z.string() }).passthrough(),
  z.object({ type: z.literal('release_assignment'), email: z.string() }).passthrough(),
  z
    .object({
      type: z.literal('notify_released'),
      email: z.string(),
      why: z.enum(['count', 'rules', 'silence']),
    })
    .passthrough(),
  z
    .object({ type: z.literal('ask_still_fine'), email: z.string(), dueAt: z.string() })
    .passthrough(),
  z.object({ type: z.literal('reschedule_assignment'), email: z.string() }).passthrough(),
  z.object({ type: z.literal('count_stats'), delta: countDeltaSchema }).passthrough(),
  z
    .object({
      type: z.literal('notify_orderer_series'),
      seriesId: z.string(),
      name: z.string(),
      count: z.number(),
      total: z.number(),
      open: z.array(z.string()),
    })
    .passthrough(),
  z.object({ type: z.literal('notify_trainee_off'), email: z.string() }).passthrough(),
  z
    .object({
      type: z.literal('notify_orderer_trainee'),
      about: z.enum(['joined', 'left', 'stays_away']),
      trainee: z.string(),
      mentor: z.string(),
    })
    .passthrough(),
]) satisfies z.ZodType<Effect>;

/** Compiles only while every effect type is listed above: an effect written must be readable back. */
export type EveryEffectReadable = AllListed<
  Exclude<Effect['type'], z.infer<typeof effectSchema>['type']>
>;
