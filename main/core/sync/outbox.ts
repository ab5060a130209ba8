// The outbox is filled by triggers (store migration 10); this module reads and acknowledges it.
import { mutationWire, type MutationWire } from '../../../shared/sync/protocol';
import type { Db } from '../store';

type OutboxRow = { seq: number; entity: string; shikaku_id: string; base_version: number; row: string };

export function pendingMutations(db: Db, limit: number): MutationWire[] {
  const rows = db.prepare('SELECT seq, entity, shikaku_id, base_version, row FROM sync_outbox ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
  return rows.map((r) => mutationWire.parse({ seq: r.seq, entity: r.entity, key: r.shikaku_id, baseVersion: r.base_version, row: JSON.parse(r.row) as unknown }));
}

export function queuedCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sync_outbox').get() as { n: number }).n;
}

/** Rows the data center has confirmed (applied or recorded as a conflict) leave the queue. */
export function acknowledge(db: Db, appliedThrough: number): number {
  return db.prepare('DELETE FROM sync_outbox WHERE seq <= ?').run(appliedThrough).changes;
}

export function hasPending(db: Db): (entity: 'member' | 'mynumber', shikakuId: string) => boolean {
  const stmt = db.prepare('SELECT 1 FROM sync_outbox WHERE entity = ? AND shikaku_id = ? LIMIT 1');
  return (entity, shikakuId) => stmt.get(entity, shikakuId) !== undefined;
}
