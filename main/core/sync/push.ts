// Push: send the outbox in numbered batches. A batch the data center has already applied (its reply
// was lost) is skipped there, so resending is always safe; rows leave the queue only once confirmed.
import { SYNC_PATHS, pushResponse, type PushResponse } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { SyncFailure, failureFrom } from './failure';
import { acknowledge, pendingMutations } from './outbox';
import type { SyncTransport } from './transport';
import { withTriggersSilenced } from './apply';

export type PushResult = { batches: number; applied: number; skipped: number; conflicts: number };

function recordConflicts(db: Db, conflicts: PushResponse['conflicts'], at: string): void {
  const insert = db.prepare('INSERT OR IGNORE INTO sync_conflicts (seq, entity, shikaku_id, reason, server_version, detected_at) VALUES (?, ?, ?, ?, ?, ?)');
  const dropNumber = db.prepare('DELETE FROM mynumber_master WHERE shikaku_id = ?');
  for (const c of conflicts) {
    insert.run(c.seq, c.entity, c.key, c.reason, c.serverVersion, at);
    // The data center holds no row for it and kept ours only in the conflict record: the replica
    // follows the data center until someone with EDIT resolves it.
    if (c.serverVersion === null && c.entity === 'mynumber') withTriggersSilenced(db, () => dropNumber.run(c.key));
  }
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
      recordConflicts(db, answer.conflicts, now().toISOString());
    }).immediate();
    result.batches++;
    result.applied += answer.applied;
    result.skipped += answer.skipped;
    result.conflicts += answer.conflicts.length;
  }
}
