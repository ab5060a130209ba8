// Push: send the outbox in numbered batches. A batch the data center has already applied (its reply
// was lost) is skipped there, so resending is always safe; rows leave the queue only once confirmed.
import { SYNC_PATHS, pushResponse, type ChangeWire, type MutationWire, type PushResponse } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { SyncFailure, failureFrom } from './failure';
import { acknowledge, pendingMutations } from './outbox';
import type { SyncTransport } from './transport';
import { ReplicaWriter, withTriggersSilenced } from './apply';

export type PushResult = { batches: number; applied: number; skipped: number; conflicts: number };

/**
 * Keeps both versions of each conflict: the terminal's attempted row (the outbox entry acknowledged in
 * this same transaction) and the data center's row that won. The replica follows the data center at
 * once (as the next pull would) until someone with EDIT resolves it; a row changed again locally and
 * still queued is left as it is (ReplicaWriter keeps a newer pending row).
 */
function recordConflicts(db: Db, conflicts: PushResponse['conflicts'], sent: MutationWire[], at: string): void {
  const insert = db.prepare(
    'INSERT OR IGNORE INTO sync_conflicts (seq, entity, shikaku_id, reason, server_version, detected_at, base_version, local_row, server_row) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const dropNumber = db.prepare('DELETE FROM mynumber_master WHERE shikaku_id = ?');
  const bySeq = new Map(sent.map((m) => [m.seq, m]));
  const lastSent = new Map(sent.map((m) => [`${m.entity}:${m.key}`, m.seq]));
  const follow: ChangeWire[] = [];
  for (const c of conflicts) {
    const mine = bySeq.get(c.seq);
    // DP-2: the wire rows hold ciphertext and blind index only, never the digits.
    insert.run(c.seq, c.entity, c.key, c.reason, c.serverVersion, at, mine?.baseVersion ?? null, mine ? JSON.stringify(mine.row) : null, c.serverRow ? JSON.stringify(c.serverRow) : null);
    // A later write to the same row went in this batch too: the pull brings the row as it ends up.
    if ((lastSent.get(`${c.entity}:${c.key}`) ?? 0) > c.seq) continue;
    const row = c.serverRow;
    if (row && c.entity === 'member' && 'version' in row) follow.push({ seq: c.seq, entity: 'member', row });
    else if (row && c.entity === 'mynumber' && 'koshinTsuban' in row) follow.push({ seq: c.seq, entity: 'mynumber', row });
    // The data center holds no row for it and kept ours only in the conflict record.
    else if (c.serverVersion === null && c.entity === 'mynumber') withTriggersSilenced(db, () => dropNumber.run(c.key));
  }
  if (follow.length) new ReplicaWriter(db).applyPage(follow);
}

export async function pushOutbox(db: Db, transport: SyncTransport, now: () => Date, batchSize = 5_000): Promise<PushResult> {
  const result: PushResult = { batches: 0, applied: 0, skipped: 0, conflicts: 0 };
  for (;;) {
    const mutations = pendingMutations(db, batchSize);
    if (mutations.length === 0) return result;
    const res = await transport.send('POST', SYNC_PATHS.push, { mutations });
    if (res.status !== 200) throw failureFrom(res);
    const parsed = pushResponse.safeParse(res.body);
    if (!parsed.success) throw new SyncFailure('bad_response', 'push');
    const answer = parsed.data;
    const last = mutations[mutations.length - 1]!.seq;
    if (answer.appliedThrough < last) throw new SyncFailure('bad_response', `confirmed ${answer.appliedThrough}, sent up to ${last}`);
    db.transaction(() => {
      acknowledge(db, answer.appliedThrough);
      recordConflicts(db, answer.conflicts, mutations, now().toISOString());
    }).immediate();
    result.batches++;
    result.applied += answer.applied;
    result.skipped += answer.skipped;
    result.conflicts += answer.conflicts.length;
  }
}
