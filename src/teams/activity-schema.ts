import { z } from 'zod';

const account = z.object({ id: z.string().min(1) }).passthrough();

/** The least an activity needs before the adapter sees it; anything else is answered 400. */
export const incomingActivitySchema = z
  .object({
    type: z.string().min(1).max(64),
    id: z.string().max(512).optional(),
    channelId: z.string().min(1),
    serviceUrl: z.string().url(),
    from: account,
    recipient: account,
    conversation: z
      .object({ id: z.string().min(1), tenantId: z.string().optional() })
      .passthrough(),
    text: z.string().max(28_000).optional(),
    // Fields the turn reads: of the wrong type they would fail deep inside it (SPEC §14).
    locale: z.string().max(64).optional(),
    name: z.string().max(256).optional(),
    replyToId: z.string().max(512).optional(),
    timestamp: z.string().max(64).optional(),
    attachments: z.array(z.object({}).passthrough()).max(50).optional(),
    channelData: z.object({}).passthrough().optional(),
  })
  .passthrough();

export type IncomingActivity = z.infer<typeof incomingActivitySchema>;

/** Why an activity is not acted on (SPEC §9); the codes are logged, never shown. */
export type Refusal = 'not_teams' | 'no_aad_object_id' | 'no_tenant' | 'foreign_tenant';

/**
 * Only Teams activities that name their person by object id and their tenant in the conversation
 * are acted on. Web Chat and Direct Line clients choose `from.id` and `channelData` themselves.
 */
export function refusalOf(
  activity: IncomingActivity,
  tenantId: string | undefined,
): Refusal | undefined {
  if (activity.channelId !== 'msteams') return 'not_teams';
  const aadObjectId = Object.hasOwn(activity.from, 'aadObjectId')
    ? (activity.from as { aadObjectId?: unknown }).aadObjectId
    : undefined;
  if (typeof aadObjectId !== 'string' || !aadObjectId) return 'no_aad_object_id';
  const tenant = activity.conversation.tenantId;
  if (!tenant) return 'no_tenant';
  if (tenantId && tenant.toLowerCase() !== tenantId.toLowerCase()) return 'foreign_tenant';
  return undefined;
}
