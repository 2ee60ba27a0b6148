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
    conversation: z.object({ id: z.string().min(1), tenantId: z.string().optional() }).passthrough(),
    text: z.string().max(28_000).optional(),
  })
  .passthrough();

export function tenantOf(activity: z.infer<typeof incomingActivitySchema>): string | undefined {
  const channelTenant = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return activity.conversation.tenantId ?? (typeof channelTenant === 'string' ? channelTenant : undefined);
}
