// Sync channels: what the status screen shows of the link to the data center (issue 7).
import { z } from 'zod';
import type { ChannelSpec } from '../spec';

export const syncStatusOutput = z.strictObject({
  link: z.enum(['unconfigured', 'online', 'offline', 'error', 'revoked']),
  lastSyncAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** Japanese first, English second; never a record or a number. */
  lastError: z.strictObject({ code: z.string(), ja: z.string(), en: z.string() }).nullable(),
  /** Local changes waiting to be pushed. */
  queued: z.number().int().min(0),
  conflicts: z.strictObject({ local: z.number().int().min(0), dataCenter: z.number().int().min(0) }),
  /** Progress of a large pull: cursor out of head. */
  pull: z.strictObject({ cursor: z.number().int().min(0), head: z.number().int().min(0) }),
  graceDays: z.number().int().min(0),
  /** AC-4: out of contact beyond the grace period, so logins are refused until it syncs. */
  loginsBlocked: z.boolean(),
});
export type SyncStatusOutput = z.infer<typeof syncStatusOutput>;

export const syncChannels = {
  // Any logged-in user may see whether the link is up; it shows no personal information.
  'sync.status': { input: z.strictObject({}), output: syncStatusOutput, access: 'session', audit: null, allowWhenRestricted: true },
} satisfies Record<string, ChannelSpec>;
