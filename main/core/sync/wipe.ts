// DP-6: a revoked terminal wipes its replica at its next contact. The members, the My Number master,
// the queue and the terminal's credentials go; the operation log stays (it is evidence, AU-2).
import type { Db } from '../store';
import { withTriggersSilenced } from './apply';
import { STATE_KEYS, clearState, writeState } from './state';

export function wipeReplica(db: Db, now: Date): void {
  db.transaction(() => {
    withTriggersSilenced(db, () => {
      db.prepare('DELETE FROM mynumber_master').run();
      db.prepare('DELETE FROM members').run();
    });
    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare('DELETE FROM sync_conflicts').run();
    clearState(db, STATE_KEYS.identity);
    clearState(db, STATE_KEYS.cursor);
    writeState(db, STATE_KEYS.revokedAt, now.toISOString());
    writeState(db, STATE_KEYS.link, 'revoked');
  }).immediate();
}
