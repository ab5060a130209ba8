// DQ-5: new or changed member data waits here for registration with the intermediate server
// (中間サーバー等). Triggers (store migration 51) fill it in the writer's transaction. It holds the
// 資格ID and the kind of change only: the exchange uses the 被保険者枝番 (LK-3), never the My Number.
import type { Db } from '../store';

export const CHANGE_KINDS = ['member_new', 'member_changed', 'mynumber_registered', 'mynumber_changed', 'mynumber_deleted'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];
export type QueuedChange = { seq: number; shikakuId: string; changeKind: ChangeKind; queuedAt: string };

export function pendingRegistrations(db: Db, limit: number): { total: number; items: QueuedChange[] } {
  const total = (db.prepare('SELECT count(*) AS n FROM intermediate_queue WHERE sent_at IS NULL').get() as { n: number }).n;
  const items = db
    .prepare('SELECT seq, shikaku_id AS shikakuId, change_kind AS changeKind, queued_at AS queuedAt FROM intermediate_queue WHERE sent_at IS NULL ORDER BY seq LIMIT ?')
    .all(limit) as QueuedChange[];
  return { total, items };
}

/** Marks entries as registered with the intermediate server; already-sent or unknown numbers are skipped and counted. */
export function markRegistrationsSent(db: Db, seqs: number[], by: string, at: string): { marked: number; skipped: number } {
  const mark = db.prepare('UPDATE intermediate_queue SET sent_at = ?, sent_by = ? WHERE seq = ? AND sent_at IS NULL');
  const marked = [...new Set(seqs)].reduce((n, seq) => n + mark.run(at, by, seq).changes, 0);
  return { marked, skipped: seqs.length - marked };
}
