// RT-4: when qualification is refused, the specific personal information registered for it is
// deleted at once (and again by every purge run, should a number reach the record later by sync).
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import { myNumberEraser } from './erase';

export type Refusal = { shikakuId: string; refusedOn: string; reason: string };

export function recordQualificationRefusal(db: Db, refusal: Refusal, by: string, at: string): { erased: boolean } {
  if (!db.prepare('SELECT 1 FROM members WHERE shikaku_id = ?').get(refusal.shikakuId)) throw new KuraError('member_not_found', { shikakuId: refusal.shikakuId });
  if (db.prepare('SELECT 1 FROM qualification_refusals WHERE shikaku_id = ?').get(refusal.shikakuId)) throw new KuraError('refusal_exists', { shikakuId: refusal.shikakuId });
  db.prepare('INSERT INTO qualification_refusals (shikaku_id, refused_on, reason, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)').run(
    refusal.shikakuId,
    refusal.refusedOn,
    refusal.reason,
    by,
    at,
  );
  return { erased: myNumberEraser(db)(refusal.shikakuId, at) };
}
