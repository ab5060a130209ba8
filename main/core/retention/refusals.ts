// RT-4: when qualification is refused, the specific personal information registered for it is
// deleted. Erasing is irreversible, so it takes two people: an EDIT clerk records the refusal
// (pending, nothing erased); a manager other than the recorder (the 責任者 who confirms, as for a
// media wipe) confirms it, and only then is the number erased (and again by every purge run, should
// a number reach the record later by sync). A pending refusal can be cancelled, with a reason.
import { KuraError } from '../../../shared/errors';
import { standInMakers, UserDirectory } from '../auth';
import type { Db } from '../store';
import { myNumberEraser } from './erase';

export type Refusal = { shikakuId: string; refusedOn: string; reason: string };
export type PendingRefusal = Refusal & { recordedBy: string; recordedAt: string };

type PendingRow = { shikaku_id: string; refused_on: string; reason: string; recorded_by: string; recorded_at: string };
const toPending = (r: PendingRow): PendingRefusal => ({ shikakuId: r.shikaku_id, refusedOn: r.refused_on, reason: r.reason, recordedBy: r.recorded_by, recordedAt: r.recorded_at });

function pendingOf(db: Db, shikakuId: string): PendingRefusal {
  const row = db
    .prepare("SELECT shikaku_id, refused_on, reason, recorded_by, recorded_at FROM qualification_refusals WHERE shikaku_id = ? AND status = 'pending'")
    .get(shikakuId) as PendingRow | undefined;
  if (!row) throw new KuraError('refusal_not_pending', { shikakuId });
  return toPending(row);
}

/** First person: records the refusal as pending. Nothing is erased yet. */
export function recordQualificationRefusal(db: Db, refusal: Refusal, by: string, at: string): PendingRefusal {
  if (!db.prepare('SELECT 1 FROM members WHERE shikaku_id = ?').get(refusal.shikakuId)) throw new KuraError('member_not_found', { shikakuId: refusal.shikakuId });
  if (db.prepare("SELECT 1 FROM qualification_refusals WHERE shikaku_id = ? AND status <> 'cancelled'").get(refusal.shikakuId)) {
    throw new KuraError('refusal_exists', { shikakuId: refusal.shikakuId });
  }
  db.prepare("INSERT INTO qualification_refusals (shikaku_id, refused_on, reason, recorded_by, recorded_at, status) VALUES (?, ?, ?, ?, ?, 'pending')").run(
    refusal.shikakuId,
    refusal.refusedOn,
    refusal.reason,
    by,
    at,
  );
  return pendingOf(db, refusal.shikakuId);
}

/**
 * Second person: confirms and erases. Never the recorder, nor whoever created the recorder's ID or
 * ever set its password (they could have recorded it as a stand-in, AC-1, AC-3), nor an ID the
 * recorder created or set a password for (the recorder could confirm through it).
 */
export function confirmQualificationRefusal(db: Db, shikakuId: string, by: string, at: string): { refusal: PendingRefusal; erased: boolean } {
  const refusal = pendingOf(db, shikakuId);
  if (refusal.recordedBy === by) throw new KuraError('refusal_self_confirm');
  const directory = new UserDirectory(db);
  const recorder = directory.find(refusal.recordedBy);
  if (recorder && standInMakers(db, recorder).includes(by)) throw new KuraError('refusal_stand_in_confirm', { userId: refusal.recordedBy });
  // RT-4, AC-3: nor an ID the recorder created or set a password for (the recorder acting as a second person).
  const confirmer = directory.find(by);
  if (confirmer && standInMakers(db, confirmer).includes(refusal.recordedBy)) throw new KuraError('refusal_confirmer_made_by_recorder', { userId: refusal.recordedBy });
  db.prepare("UPDATE qualification_refusals SET status = 'confirmed', confirmed_by = ?, confirmed_at = ? WHERE shikaku_id = ? AND status = 'pending'").run(by, at, shikakuId);
  return { refusal, erased: myNumberEraser(db)(shikakuId, at) };
}

/** Withdraws a pending refusal (the recorder's own, or any as a manager); the row stays as history. */
export function cancelQualificationRefusal(db: Db, shikakuId: string, by: string, reason: string, at: string, mayCancelOthers: boolean): PendingRefusal {
  const refusal = pendingOf(db, shikakuId);
  if (refusal.recordedBy !== by && !mayCancelOthers) throw new KuraError('refusal_cancel_not_allowed');
  db.prepare("UPDATE qualification_refusals SET status = 'cancelled', cancelled_by = ?, cancelled_at = ?, cancel_reason = ? WHERE shikaku_id = ? AND status = 'pending'").run(
    by,
    at,
    reason,
    shikakuId,
  );
  return refusal;
}

export function pendingRefusals(db: Db, limit: number): PendingRefusal[] {
  return (
    db
      .prepare("SELECT shikaku_id, refused_on, reason, recorded_by, recorded_at FROM qualification_refusals WHERE status = 'pending' ORDER BY recorded_at, id LIMIT ?")
      .all(limit) as PendingRow[]
  ).map(toPending);
}
