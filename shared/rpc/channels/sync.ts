// Sync channels: what the status screen shows of the link to the data center (issue 7).
import { z } from 'zod';
import { directoryConflictWire, directoryEntity } from '../../sync/directory';
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

/** One side of a member conflict: the member data, which whoever may read members may see. */
const memberVersion = z.strictObject({
  version: z.number().int(),
  updatedAt: z.string(),
  deleted: z.boolean(),
  jigyoshoKigo: z.string(),
  hihokenshaNo: z.string(),
  edaban: z.string(),
  kubun: z.number().int(),
  zokugara: z.number().int().nullable(),
  kanjiName: z.string(),
  kanaName: z.string(),
  birthDate: z.string(),
  sex: z.number().int(),
  shutokuDate: z.string(),
  soshitsuDate: z.string().nullable(),
});
/** AC-9: one side of a My Number conflict is registered or not, 更新通番 and 更新日; never digits. */
const numberVersion = z.strictObject({ registered: z.boolean(), version: z.number().int(), updatedAt: z.string() });
const conflictCommon = {
  seq: z.number().int(),
  shikakuId: z.string(),
  reason: z.enum(['stale_version', 'mynumber_taken']),
  baseVersion: z.number().int().nullable(),
  serverVersion: z.number().int().nullable(),
  detectedAt: z.string(),
  resolution: z.enum(['dataCenter', 'local']).nullable(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
};
export const syncConflictView = z.discriminatedUnion('entity', [
  z.strictObject({ ...conflictCommon, entity: z.literal('member'), local: memberVersion.nullable(), dataCenter: memberVersion.nullable() }),
  z.strictObject({
    ...conflictCommon,
    entity: z.literal('mynumber'),
    local: numberVersion.nullable(),
    dataCenter: numberVersion.nullable(),
    /** Compared through the blind index (DP-2); null when one side holds no live number. */
    sameNumber: z.boolean().nullable(),
  }),
]);
export type SyncConflictView = z.infer<typeof syncConflictView>;

/**
 * DP-6: a directory (staff) change the data center refused or overrode; its version already stands here,
 * so there is nothing to resolve. `key` is for display: staff user ID, role, grant or ledger ID — a
 * password-history key leaves its hash out, and no key is ever a My Number.
 */
export const directoryConflictView = z.strictObject({
  seq: z.number().int(),
  entity: directoryEntity,
  key: z.string(),
  reason: directoryConflictWire.shape.reason,
  serverVersion: z.number().int().nullable(),
  detectedAt: z.string(),
});
export type DirectoryConflictView = z.infer<typeof directoryConflictView>;

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
  /**
   * Both versions of each sync conflict of this terminal. Whoever may read member data sees member
   * conflicts; My Number conflicts only with mynumber.status in the declared business (AC-7, AC-9).
   */
  'sync.conflicts.list': {
    input: z.strictObject({ includeResolved: z.boolean().default(false) }),
    output: z.strictObject({ conflicts: z.array(syncConflictView), canResolve: z.boolean() }),
    access: 'member.read',
    audit: 'sync.conflicts.list',
  },
  /**
   * DP-6: the directory conflicts this terminal recorded, newest first, a page at a time (beforeSeq: the
   * last seq of the previous page). Staff records, so the staff-directory right (管理責任者, システム管理責任者).
   */
  'sync.directoryConflicts.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(200), beforeSeq: z.number().int().min(1).optional() }),
    output: z.strictObject({ conflicts: z.array(directoryConflictView), more: z.boolean() }),
    access: 'user.read',
    audit: 'sync.directoryConflicts.list',
  },
  /**
   * EDIT decides (登録・訂正可, the permission that corrects a record): 'dataCenter' keeps the data
   * center's version; 'local' writes the terminal's version again on top of expectedVersion, the data
   * center 更新通番 the person compared against.
   */
  'sync.conflicts.resolve': {
    input: z.strictObject({ seq: z.number().int().min(1), choice: z.enum(['dataCenter', 'local']), expectedVersion: z.number().int().min(0).optional() }),
    output: z.strictObject({ seq: z.number().int(), choice: z.enum(['dataCenter', 'local']), version: z.number().int().nullable() }),
    access: 'mynumber.correct',
    audit: 'sync.conflicts.resolve',
  },
} satisfies Record<string, ChannelSpec>;
