// Sync conflicts for people (issue 7): both versions of each record the data center refused from this
// terminal, and the decision of someone with EDIT. 'dataCenter' keeps the replica as it is (it already
// follows the data center); 'local' writes the terminal's version again as a NEW local write on top of
// the current replica version, through the members registry or the My Number vault, so the outbox gets a
// mutation with the right base 更新通番 and every check of a normal write applies. The data center
// hears of each resolution on the next sync run (safe to resend).
import { KuraError } from '../../../shared/errors';
import {
  SYNC_PATHS,
  conflictsResolvedResponse,
  memberRowWire,
  myNumberRowWire,
  type ConflictResolutionWire,
  type MemberRowWire,
  type MyNumberRowWire,
  type SyncEntity,
} from '../../../shared/sync/protocol';
import type { MemberRegistry } from '../members';
import type { MyNumberVault } from '../mynumber';
import type { Db } from '../store';
import { SyncFailure, failureFrom } from './failure';
import type { SyncTransport } from './transport';

export type ConflictChoice = 'dataCenter' | 'local';
export type ConflictReason = 'stale_version' | 'mynumber_taken';

type ConflictCommon = {
  seq: number;
  shikakuId: string;
  reason: ConflictReason;
  /** The 更新通番 the terminal's write was based on. */
  baseVersion: number | null;
  /** The data center's 更新通番 when it refused the write (null: it held no row). */
  serverVersion: number | null;
  detectedAt: string;
  resolution: ConflictChoice | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
};
/**
 * local: what this terminal tried to write. dataCenter: the replica's row now, which follows the data
 * center (the push applied the winning row, later pulls keep it current). A number is ciphertext only.
 */
export type SyncConflict = ConflictCommon &
  ({ entity: 'member'; local: MemberRowWire | null; dataCenter: MemberRowWire | null } | { entity: 'mynumber'; local: MyNumberRowWire | null; dataCenter: MyNumberRowWire | null });

type ConflictRaw = {
  seq: number; entity: SyncEntity; shikaku_id: string; reason: ConflictReason; base_version: number | null; server_version: number | null; detected_at: string;
  local_row: string | null; resolution: ConflictChoice | null; resolved_at: string | null; resolved_by: string | null;
};
type MemberRaw = {
  shikaku_id: string; jigyosho_kigo: string; hihokensha_no: string; edaban: string; kubun: number; zokugara: number | null; kanji_name: string;
  kana_name: string; birth_date: string; sex: number; shutoku_date: string; soshitsu_date: string | null; version: number; updated_at: string; deleted: number;
};
type NumberRaw = { shikaku_id: string; mynumber_enc: Buffer | null; blind_index: Buffer | null; sakujo_kubun: number; koshin_tsuban: number; koshin_bi: string };

function replicaMember(db: Db, shikakuId: string): MemberRowWire | null {
  const r = db.prepare('SELECT * FROM members WHERE shikaku_id = ?').get(shikakuId) as MemberRaw | undefined;
  if (!r) return null;
  return {
    shikakuId: r.shikaku_id, jigyoshoKigo: r.jigyosho_kigo, hihokenshaNo: r.hihokensha_no, edaban: r.edaban, kubun: r.kubun, zokugara: r.zokugara,
    kanjiName: r.kanji_name, kanaName: r.kana_name, birthDate: r.birth_date, sex: r.sex, shutokuDate: r.shutoku_date, soshitsuDate: r.soshitsu_date,
    version: r.version, updatedAt: r.updated_at, deleted: r.deleted,
  };
}

function replicaNumber(db: Db, shikakuId: string): MyNumberRowWire | null {
  const r = db.prepare('SELECT * FROM mynumber_master WHERE shikaku_id = ?').get(shikakuId) as NumberRaw | undefined;
  if (!r) return null;
  return {
    shikakuId: r.shikaku_id, mynumberEnc: r.mynumber_enc?.toString('hex') ?? null, blindIndex: r.blind_index?.toString('hex') ?? null,
    sakujoKubun: r.sakujo_kubun, koshinTsuban: r.koshin_tsuban, koshinBi: r.koshin_bi,
  };
}

function toConflict(db: Db, r: ConflictRaw): SyncConflict {
  const common: ConflictCommon = {
    seq: r.seq, shikakuId: r.shikaku_id, reason: r.reason, baseVersion: r.base_version, serverVersion: r.server_version, detectedAt: r.detected_at,
    resolution: r.resolution, resolvedAt: r.resolved_at, resolvedBy: r.resolved_by,
  };
  const stored = r.local_row === null ? null : (JSON.parse(r.local_row) as unknown);
  if (r.entity === 'member') return { ...common, entity: 'member', local: stored === null ? null : memberRowWire.parse(stored), dataCenter: replicaMember(db, r.shikaku_id) };
  return { ...common, entity: 'mynumber', local: stored === null ? null : myNumberRowWire.parse(stored), dataCenter: replicaNumber(db, r.shikaku_id) };
}

/** Conflicts of the given kinds, oldest first; open ones only unless includeResolved. */
export function listConflicts(db: Db, options: { entities: readonly SyncEntity[]; includeResolved?: boolean; limit?: number }): SyncConflict[] {
  if (options.entities.length === 0) return [];
  const rows = db
    .prepare(
      `SELECT seq, entity, shikaku_id, reason, base_version, server_version, detected_at, local_row, resolution, resolved_at, resolved_by FROM sync_conflicts
        WHERE entity IN (SELECT value FROM json_each(?)) AND (? OR resolved_at IS NULL) ORDER BY seq LIMIT ?`,
    )
    .all(JSON.stringify(options.entities), options.includeResolved ? 1 : 0, options.limit ?? 500) as ConflictRaw[];
  return rows.map((r) => toConflict(db, r));
}

export function openConflictCount(db: Db, entities: readonly SyncEntity[] = ['member', 'mynumber']): number {
  return db.prepare('SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL AND entity IN (SELECT value FROM json_each(?))').pluck().get(JSON.stringify(entities)) as number;
}

export type ConflictWriters = { db: Db; members: MemberRegistry; vault: MyNumberVault; now: () => Date };
export type ConflictResolution = { seq: number; entity: SyncEntity; shikakuId: string; reason: ConflictReason; choice: ConflictChoice; version: number | null };

/**
 * Resolves one open conflict; the caller runs it inside the transaction that logs it (AU-1).
 * expectedVersion: the data center's 更新通番 the person saw (0 when it held no row); a 'local' choice
 * made on a version that has since moved on is refused (conflict_stale), so nobody overwrites a version
 * they did not see.
 */
export function resolveConflict(w: ConflictWriters, input: { seq: number; choice: ConflictChoice; expectedVersion?: number }, userId: string): ConflictResolution {
  const raw = w.db.prepare('SELECT * FROM sync_conflicts WHERE seq = ? AND resolved_at IS NULL').get(input.seq) as ConflictRaw | undefined;
  if (!raw) throw new KuraError('conflict_not_found', { seq: input.seq });
  const c = toConflict(w.db, raw);
  let version: number | null = null;
  if (input.choice === 'local') version = writeLocalAgain(w, c, input.expectedVersion);
  w.db
    .prepare('UPDATE sync_conflicts SET resolution = ?, resolved_at = ?, resolved_by = ? WHERE seq = ?')
    .run(input.choice, w.now().toISOString(), userId, c.seq);
  return { seq: c.seq, entity: c.entity, shikakuId: c.shikakuId, reason: c.reason, choice: input.choice, version };
}

function writeLocalAgain(w: ConflictWriters, c: SyncConflict, expectedVersion: number | undefined): number | null {
  // A conflict recorded before the terminal kept its own version cannot be re-applied: only 'dataCenter'.
  if (!c.local) throw new KuraError('conflict_local_unknown', { seq: c.seq });
  const actual = c.entity === 'member' ? (c.dataCenter?.version ?? 0) : (c.dataCenter?.koshinTsuban ?? 0);
  if (expectedVersion === undefined || expectedVersion !== actual) throw new KuraError('conflict_stale', { expected: expectedVersion ?? '-', actual });
  if (c.entity === 'member') {
    if (!c.dataCenter) throw new KuraError('member_not_found', { shikakuId: c.shikakuId });
    const l = c.local;
    const member = {
      shikakuId: l.shikakuId, jigyoshoKigo: l.jigyoshoKigo, hihokenshaNo: l.hihokenshaNo, edaban: l.edaban, kubun: l.kubun, zokugara: l.zokugara,
      kanjiName: l.kanjiName, kanaName: l.kanaName, birthDate: l.birthDate, sex: l.sex, shutokuDate: l.shutokuDate, soshitsuDate: l.soshitsuDate,
    };
    return w.members.correct(member, l.deleted === 1, actual);
  }
  const live = c.dataCenter !== null && c.dataCenter.sakujoKubun === 0;
  if (c.local.sakujoKubun === 1 || c.local.mynumberEnc === null) {
    // The terminal had cancelled the number: cancel it again, or nothing to do if it is not live.
    return live ? w.vault.cancel(c.shikakuId, actual) : null;
  }
  return w.vault.reapply(c.shikakuId, Buffer.from(c.local.mynumberEnc, 'hex'), actual).version;
}

/** Tells the data center of resolutions it has not confirmed yet; returns how many it confirmed. */
export async function reportResolutions(db: Db, transport: SyncTransport, now: () => Date, batch = 500): Promise<number> {
  let reported = 0;
  for (;;) {
    const rows = db
      .prepare('SELECT seq, resolution, resolved_by, resolved_at FROM sync_conflicts WHERE resolved_at IS NOT NULL AND reported_at IS NULL ORDER BY seq LIMIT ?')
      .all(batch) as { seq: number; resolution: ConflictChoice; resolved_by: string; resolved_at: string }[];
    if (rows.length === 0) return reported;
    const resolutions: ConflictResolutionWire[] = rows.map((r) => ({ seq: r.seq, resolution: r.resolution, resolvedBy: r.resolved_by, resolvedAt: r.resolved_at }));
    const res = await transport.send('POST', SYNC_PATHS.conflictsResolved, { resolutions });
    if (res.status !== 200) throw failureFrom(res);
    const parsed = conflictsResolvedResponse.safeParse(res.body);
    if (!parsed.success) throw new SyncFailure('bad_response', 'conflicts resolved');
    // An unknown one is not this terminal's at the data center: resending would not change that.
    const done = [...parsed.data.recorded, ...parsed.data.unknown];
    const mark = db.prepare('UPDATE sync_conflicts SET reported_at = ? WHERE seq = ?');
    const at = now().toISOString();
    db.transaction(() => {
      for (const seq of done) mark.run(at, seq);
    }).immediate();
    reported += parsed.data.recorded.length;
    if (done.length === 0) throw new SyncFailure('bad_response', 'the data center confirmed none of the resolutions');
  }
}
