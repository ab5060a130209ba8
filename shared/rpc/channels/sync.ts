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

const pemText = z.string().min(1).max(20_000);

export const syncChannels = {
  // Any logged-in user may see whether the link is up; it shows no personal information.
  'sync.status': { input: z.strictObject({}), output: syncStatusOutput, access: 'session', audit: null, allowWhenRestricted: true },
  /** DP-6: the one server this terminal may talk to, and its client certificate (from the enrolment bundle). */
  'sync.configure': {
    input: z.strictObject({ terminalId: z.string().min(1).max(64), serverUrl: z.string().min(1).max(300), caPem: pemText, certPem: pemText, keyPem: pemText }),
    output: z.strictObject({ terminalId: z.string(), serverUrl: z.string() }),
    access: 'terminal.admin',
    audit: 'sync.configure',
  },
  /** Sync now instead of waiting for the background run; it never blocks other work. */
  'sync.run': {
    input: z.strictObject({}),
    output: z.strictObject({ ok: z.boolean(), message: z.strictObject({ ja: z.string(), en: z.string() }).nullable() }),
    access: 'session',
    audit: 'sync.run',
  },
} satisfies Record<string, ChannelSpec>;
