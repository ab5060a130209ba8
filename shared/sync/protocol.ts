// The wire protocol between a terminal (main/core/sync) and the data-center server (server/).
// Both sides parse every body with these schemas (zod at every boundary). Byte fields travel as hex:
// 個人番号 crosses the link only as AES-256-GCM ciphertext plus its HMAC blind index (DP-2).
import { z } from 'zod';

const hex = z.string().regex(/^(?:[0-9a-f]{2})*$/, 'lower-case hex');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const shikakuIdWire = z.string().regex(/^[A-Z0-9-]{1,20}$/);
/** Terminal identity as written in its certificate's CN by the server CLI. */
export const terminalIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'terminal ID');

export const memberRowWire = z.strictObject({
  shikakuId: shikakuIdWire,
  jigyoshoKigo: z.string().max(20),
  hihokenshaNo: z.string().max(20),
  edaban: z.string().max(10),
  kubun: z.number().int(),
  zokugara: z.number().int().nullable(),
  kanjiName: z.string().max(200),
  kanaName: z.string().max(200),
  birthDate: isoDate,
  sex: z.number().int(),
  shutokuDate: isoDate,
  soshitsuDate: isoDate.nullable(),
  /** 更新通番 of this state. */
  version: z.number().int().min(0),
  updatedAt: z.string().max(40),
  /** 削除区分 */
  deleted: z.number().int().min(0).max(1),
});
export type MemberRowWire = z.infer<typeof memberRowWire>;

/** 別添1 master row: 資格ID, 個人番号(暗号化), 削除区分, 更新通番, 更新日. Never the plaintext. */
export const myNumberRowWire = z.strictObject({
  shikakuId: shikakuIdWire,
  mynumberEnc: hex.max(512).nullable(),
  blindIndex: hex.max(128).nullable(),
  sakujoKubun: z.number().int().min(0).max(1),
  koshinTsuban: z.number().int().min(0),
  koshinBi: z.string().max(40),
});
export type MyNumberRowWire = z.infer<typeof myNumberRowWire>;

const mutationBase = {
  /** Numbered per terminal, from 1, without gaps. */
  seq: z.number().int().min(1),
  key: shikakuIdWire,
  /** The 更新通番 the terminal's write was based on (0 for a new row). */
  baseVersion: z.number().int().min(0),
};
export const mutationWire = z.discriminatedUnion('entity', [
  z.strictObject({ ...mutationBase, entity: z.literal('member'), row: memberRowWire }),
  z.strictObject({ ...mutationBase, entity: z.literal('mynumber'), row: myNumberRowWire }),
]);
export type MutationWire = z.infer<typeof mutationWire>;
export type SyncEntity = MutationWire['entity'];

export const PUSH_MAX_MUTATIONS = 20_000;
export const pushRequest = z.strictObject({ mutations: z.array(mutationWire).min(1).max(PUSH_MAX_MUTATIONS) });
export type PushRequest = z.infer<typeof pushRequest>;

export const conflictReason = z.enum(['stale_version', 'mynumber_taken']);
export const pushResponse = z.strictObject({
  /** Highest mutation number the server holds for this terminal after this batch. */
  appliedThrough: z.number().int().min(0),
  applied: z.number().int().min(0),
  /** Already applied earlier (a retried batch): not applied again. */
  skipped: z.number().int().min(0),
  conflicts: z.array(
    z.strictObject({
      seq: z.number().int(),
      entity: z.enum(['member', 'mynumber']),
      key: shikakuIdWire,
      reason: conflictReason,
      serverVersion: z.number().int().nullable(),
      /** The data center's row that won (ciphertext only for a number), so the replica follows it at once. */
      serverRow: z.union([memberRowWire, myNumberRowWire]).nullable().optional(),
    }),
  ),
});
export type PushResponse = z.infer<typeof pushResponse>;

export const PULL_MAX_LIMIT = 20_000;
export const pullQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(PULL_MAX_LIMIT).default(5_000),
});
export const changeWire = z.discriminatedUnion('entity', [
  z.strictObject({ seq: z.number().int().min(1), entity: z.literal('member'), row: memberRowWire }),
  z.strictObject({ seq: z.number().int().min(1), entity: z.literal('mynumber'), row: myNumberRowWire }),
]);
export type ChangeWire = z.infer<typeof changeWire>;
export const pullResponse = z.strictObject({
  changes: z.array(changeWire),
  /** The cursor to ask from next time: never lower than the one asked with. */
  next: z.number().int().min(0),
  more: z.boolean(),
  /** The highest change number visible when the page was read: progress of a large pull. */
  head: z.number().int().min(0),
  /** Unresolved conflicts at the data center, for the status screen. */
  openConflicts: z.number().int().min(0),
});
export type PullResponse = z.infer<typeof pullResponse>;

/** One operation-log entry as the terminal's hash chain holds it (reference.md, Operation log). */
export const logEntryWire = z.strictObject({
  seq: z.number().int().min(1),
  at: z.string(),
  operator: z.string().nullable(),
  terminal: z.string(),
  business: z.string().nullable(),
  event: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  /** The detail exactly as stored (canonical JSON text): it is hashed as stored. */
  detail: z.string().max(100_000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type LogEntryWire = z.infer<typeof logEntryWire>;

/** AU-2: Ed25519 over canonical {head, logId, seq}, signed with the terminal's certificate key. */
export const checkpointWire = z.strictObject({
  logId: z.string().regex(/^[0-9a-f]{32}$/),
  seq: z.number().int().min(0),
  head: z.string().regex(/^[0-9a-f]{64}$/),
  signature: z.string().regex(/^[A-Za-z0-9+/=]{1,200}$/),
});
export type CheckpointWire = z.infer<typeof checkpointWire>;

export const LOG_MAX_ENTRIES = 5_000;
export const logPushRequest = z.strictObject({ entries: z.array(logEntryWire).max(LOG_MAX_ENTRIES), checkpoint: checkpointWire });
export const logPushResponse = z.strictObject({ acceptedThrough: z.number().int().min(0) });
/** Where the server's copy of a log stands, so a terminal knows which entries to send. */
export const logStateResponse = z.strictObject({ logId: z.string().nullable(), seq: z.number().int().min(0) });

export function checkpointMessage(c: Pick<CheckpointWire, 'logId' | 'seq' | 'head'>): string {
  return JSON.stringify({ head: c.head, logId: c.logId, seq: c.seq });
}

export const SYNC_ERROR_CODES = ['sync_gap', 'log_rollback', 'log_fork', 'log_chain_broken', 'bad_signature', 'terminal_revoked', 'invalid_body', 'internal'] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
export const errorResponse = z.strictObject({ error: z.enum(SYNC_ERROR_CODES), detail: z.string().max(500) });

/**
 * A terminal tells the data center that a person resolved one of its conflicts. Only the terminal's own
 * conflicts (identity from its certificate) are marked; the first report wins, so a resend is harmless.
 */
export const conflictResolutionWire = z.strictObject({
  /** The terminal's mutation number the conflict was recorded under. */
  seq: z.number().int().min(1),
  resolution: z.enum(['dataCenter', 'local']),
  resolvedBy: z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/),
  resolvedAt: z.string().datetime(),
});
export type ConflictResolutionWire = z.infer<typeof conflictResolutionWire>;
export const CONFLICTS_RESOLVED_MAX = 1_000;
export const conflictsResolvedRequest = z.strictObject({ resolutions: z.array(conflictResolutionWire).min(1).max(CONFLICTS_RESOLVED_MAX) });
export const conflictsResolvedResponse = z.strictObject({
  /** Marked now or already marked by an earlier report. */
  recorded: z.array(z.number().int()),
  /** Not a conflict of this terminal: nothing to mark. */
  unknown: z.array(z.number().int()),
});
export type ConflictsResolvedResponse = z.infer<typeof conflictsResolvedResponse>;

export const SYNC_PATHS = {
  push: '/sync/push',
  pull: '/sync/pull',
  log: '/sync/log',
  logState: '/sync/log/state',
  conflictsResolved: '/sync/conflicts/resolved',
  // Users, grants and the media ledger (schemas in ./directory.ts).
  directoryPush: '/sync/directory/push',
  directoryPull: '/sync/directory/pull',
} as const;

/**
 * One line per row for the replica checksum: terminal and data center hash the same lines in 資格ID
 * order, so "they agree" is one comparison of two digests.
 */
export function memberChecksumLine(r: MemberRowWire): string {
  return ['m', r.shikakuId, r.version, r.deleted, r.jigyoshoKigo, r.hihokenshaNo, r.edaban, r.kubun, r.zokugara ?? '', r.kanjiName, r.kanaName, r.birthDate, r.sex, r.shutokuDate, r.soshitsuDate ?? '', r.updatedAt].join('\u001f');
}
export function myNumberChecksumLine(r: MyNumberRowWire): string {
  return ['n', r.shikakuId, r.koshinTsuban, r.sakujoKubun, r.mynumberEnc ?? '', r.blindIndex ?? '', r.koshinBi].join('\u001f');
}
