import { z } from 'zod';
import { LANGUAGES } from '../domain/shared/vocabulary';
import type { ExportRequest, Person, Settings } from './ports';

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
