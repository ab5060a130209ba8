// Every write to the My Number master feeds two queues in its own transaction: the sync outbox (issue 7)
// and the intermediate-server queue (DQ-5), and marks that this terminal sealed a number under its own
// keys (org_keys_local_use, which bars installing relayed keys over it). Row triggers do it for single writes. A bulk write (an import
// confirm of 100,000 rows) instead raises a flag that silences those two triggers, notes each write,
// and queues them set-wise when it ends, in the same transaction: one statement per queue instead of a
// trigger program per row (measured about 3x cheaper; figures in npm run bench). The row definitions
// below are the one source for both paths, and test/unit/number-queues.test.ts proves the two paths
// queue the same rows.
import type { Db } from './connection';
import type { Migration } from './migrate';

/** The outbox row of a My Number write (DP-2: ciphertext and blind index only, never the number). */
const outboxRow = (r: string): string => `json_object(
    'shikakuId', ${r}.shikaku_id,
    'mynumberEnc', CASE WHEN ${r}.mynumber_enc IS NULL THEN NULL ELSE lower(hex(${r}.mynumber_enc)) END,
    'blindIndex', CASE WHEN ${r}.blind_index IS NULL THEN NULL ELSE lower(hex(${r}.blind_index)) END,
    'sakujoKubun', ${r}.sakujo_kubun, 'koshinTsuban', ${r}.koshin_tsuban, 'koshinBi', ${r}.koshin_bi)`;

/** The intermediate-queue kind of a write: 取消 → deleted; a number on a cancelled row → registered again. */
export type NumberWriteKind = 'mynumber_registered' | 'mynumber_changed' | 'mynumber_deleted';

const pendingIntermediate = (id: string, kind: string): string =>
  `NOT EXISTS (SELECT 1 FROM intermediate_queue q WHERE q.shikaku_id = ${id} AND q.change_kind = ${kind} AND q.sent_at IS NULL)`;

const notApplying = 'NOT EXISTS (SELECT 1 FROM sync_applying)';
/** DP-2: this terminal sealed a number under its keys (store/org-keys.ts; first made in migration 15). */
const LOCAL_USE = "INSERT OR IGNORE INTO org_keys_local_use (what, first_at) VALUES ('mynumber_master', NEW.koshin_bi);";
const notBulk = 'NOT EXISTS (SELECT 1 FROM bulk_number_writes)';

export const numberQueueMigrations: Migration[] = [
  {
    version: 90,
    name: 'My Number queue triggers yield to bulk writes',
    sql: `
CREATE TABLE bulk_number_writes (flag INTEGER NOT NULL);
DROP TRIGGER sync_mynumber_insert;
DROP TRIGGER sync_mynumber_update;
DROP TRIGGER intermediate_mynumber_insert;
DROP TRIGGER intermediate_mynumber_update;
DROP TRIGGER org_keys_use_mynumber_insert;
DROP TRIGGER org_keys_use_mynumber_update;
CREATE TRIGGER org_keys_use_mynumber_insert AFTER INSERT ON mynumber_master
  WHEN (NEW.mynumber_enc IS NOT NULL OR NEW.blind_index IS NOT NULL) AND ${notApplying} AND ${notBulk}
BEGIN
  ${LOCAL_USE}
END;
CREATE TRIGGER org_keys_use_mynumber_update AFTER UPDATE OF mynumber_enc, blind_index ON mynumber_master
  WHEN (NEW.mynumber_enc IS NOT NULL OR NEW.blind_index IS NOT NULL) AND ${notApplying} AND ${notBulk}
BEGIN
  ${LOCAL_USE}
END;
CREATE TRIGGER sync_mynumber_insert AFTER INSERT ON mynumber_master WHEN ${notApplying} AND ${notBulk}
BEGIN
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('mynumber', NEW.shikaku_id, 0, ${outboxRow('NEW')});
END;
CREATE TRIGGER sync_mynumber_update AFTER UPDATE ON mynumber_master WHEN ${notApplying} AND ${notBulk}
BEGIN
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('mynumber', NEW.shikaku_id, OLD.koshin_tsuban, ${outboxRow('NEW')});
END;
CREATE TRIGGER intermediate_mynumber_insert AFTER INSERT ON mynumber_master WHEN ${notApplying} AND ${notBulk}
BEGIN
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at) SELECT NEW.shikaku_id, 'mynumber_registered', NEW.koshin_bi
  WHERE ${pendingIntermediate('NEW.shikaku_id', "'mynumber_registered'")};
END;
CREATE TRIGGER intermediate_mynumber_update AFTER UPDATE ON mynumber_master WHEN ${notApplying} AND ${notBulk}
BEGIN
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at)
  SELECT NEW.shikaku_id, k.kind, NEW.koshin_bi FROM (SELECT CASE
      WHEN NEW.sakujo_kubun = 1 THEN 'mynumber_deleted'
      WHEN OLD.sakujo_kubun = 1 THEN 'mynumber_registered'
      ELSE 'mynumber_changed' END AS kind) k
  WHERE ${pendingIntermediate('NEW.shikaku_id', 'k.kind')};
END;
`,
  },
  {
    // One trigger program per inserted row instead of three: each program costs its own call and its
    // own WHEN subqueries, about 0.15 s per 100,000 rows even while a bulk silences them. The update
    // triggers stay apart: the key-use one fires on UPDATE OF the number columns only, which one merged
    // program could not tell from a cancel.
    version: 91,
    name: 'My Number insert triggers as one program',
    sql: `
DROP TRIGGER org_keys_use_mynumber_insert;
DROP TRIGGER sync_mynumber_insert;
DROP TRIGGER intermediate_mynumber_insert;
CREATE TRIGGER mynumber_insert_queues AFTER INSERT ON mynumber_master WHEN ${notApplying} AND ${notBulk}
BEGIN
  ${LOCAL_USE.replace("VALUES ('mynumber_master', NEW.koshin_bi)", "SELECT 'mynumber_master', NEW.koshin_bi WHERE NEW.mynumber_enc IS NOT NULL OR NEW.blind_index IS NOT NULL")}
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('mynumber', NEW.shikaku_id, 0, ${outboxRow('NEW')});
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at) SELECT NEW.shikaku_id, 'mynumber_registered', NEW.koshin_bi
  WHERE ${pendingIntermediate('NEW.shikaku_id', "'mynumber_registered'")};
END;
`,
  },
];

/** Notes one write made inside a bulk: the 更新通番 the row had before it, its kind and its 更新日. */
export type NoteNumberWrite = (shikakuId: string, baseVersion: number, kind: NumberWriteKind, at: string) => void;

/**
 * Runs body (My Number master writes only) with the row triggers silenced, then queues what it noted:
 * one outbox mutation per record, from the version it had before the bulk to the version it has now
 * (a record written twice in one bulk is one mutation, which the data center judges on its first base
 * version), and one intermediate-queue entry per record and kind. Must run inside the caller's
 * transaction, so the writes and their queue entries commit or vanish together.
 */
export function withDeferredNumberQueues<T>(db: Db, body: (note: NoteNumberWrite) => T): T {
  if (!db.inTransaction) throw new Error('a bulk My Number write must run inside the caller\u2019s transaction');
  if (db.prepare('SELECT 1 FROM bulk_number_writes').get()) throw new Error('bulk My Number writes do not nest');
  const bases = new Map<string, number>();
  // (資格ID, kind) pairs in the order first noted; the key's kind prefix has no '|', so it is unambiguous.
  const kindSeen = new Set<string>();
  const kinds: [string, NumberWriteKind][] = [];
  // 更新日 of the first write that sealed a number, as the row trigger would have marked it.
  let firstSealedAt: string | null = null;
  db.prepare('INSERT INTO bulk_number_writes (flag) VALUES (1)').run();
  let result: T;
  try {
    result = body((shikakuId, baseVersion, kind, at) => {
      if (!bases.has(shikakuId)) bases.set(shikakuId, baseVersion);
      if (firstSealedAt === null && kind !== 'mynumber_deleted') firstSealedAt = at;
      const key = `${kind}|${shikakuId}`;
      if (!kindSeen.has(key)) {
        kindSeen.add(key);
        kinds.push([shikakuId, kind]);
      }
    });
  } finally {
    db.prepare('DELETE FROM bulk_number_writes').run();
  }
  if (bases.size === 0) return result;
  // CROSS JOIN keeps json_each as the outer loop, so rows are queued in the order they were written
  // without sorting 100,000 of them (an ORDER BY here built a temporary b-tree).
  db.prepare(
    `INSERT INTO sync_outbox (entity, shikaku_id, base_version, row)
     SELECT 'mynumber', n.shikaku_id, j.value ->> 1, ${outboxRow('n')}
     FROM json_each(?) j CROSS JOIN mynumber_master n ON n.shikaku_id = j.value ->> 0
     WHERE ${notApplying}`,
  ).run(JSON.stringify([...bases]));
  db.prepare(
    `INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at)
     SELECT n.shikaku_id, j.value ->> 1, n.koshin_bi
     FROM json_each(?) j CROSS JOIN mynumber_master n ON n.shikaku_id = j.value ->> 0
     WHERE ${notApplying} AND ${pendingIntermediate('n.shikaku_id', 'j.value ->> 1')}`,
  ).run(JSON.stringify(kinds));
  if (firstSealedAt !== null) db.prepare(`INSERT OR IGNORE INTO org_keys_local_use (what, first_at) SELECT 'mynumber_master', ? WHERE ${notApplying}`).run(firstSealedAt);
  return result;
}
