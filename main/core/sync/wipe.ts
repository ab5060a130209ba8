// DP-6: a revoked terminal wipes its replica at its next contact. Every table that holds a member's
// specific personal information goes, children before the members they point at, with the queue and
// the terminal's credentials and the directory's queue; the operation log stays (it is evidence, AU-2).
import type { Db } from '../store';
import { withTriggersSilenced } from './apply';
import { STATE_KEYS, clearState, writeState } from './state';

/** Tables with member data, in an order that respects their foreign keys (members last). */
export const PERSONAL_TABLES = [
  'mynumber_input_results', 'import_rows', 'linkage_inquiry_rows', 'identity_confirmations', 'linkage_records', 'hihokensha_edaban',
  'qualification_refusals', 'member_links', 'dependant_checks', 'intermediate_queue', 'mynumber_master', 'members',
] as const;

/** The directory's replication queue and what it holds back (issue 7's directory sync). */
export const DIRECTORY_QUEUE_TABLES = ['directory_outbox', 'directory_blocked', 'directory_conflicts'] as const;

export function wipeReplica(db: Db, now: Date): void {
  db.transaction(() => {
    withTriggersSilenced(db, () => {
      for (const table of PERSONAL_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    });
    db.prepare('DELETE FROM sync_outbox').run();
    db.prepare('DELETE FROM sync_conflicts').run();
    // The directory's queue goes too: its rows carry staff records and Argon2id hashes for a data
    // center this terminal no longer talks to. The users themselves stay, so that administrators can
    // still log in and read the log.
    for (const table of DIRECTORY_QUEUE_TABLES) db.prepare(`DELETE FROM ${table}`).run();
    db.prepare("DELETE FROM sync_state WHERE key LIKE 'directory.%'").run();
    clearState(db, STATE_KEYS.identity);
    clearState(db, STATE_KEYS.cursor);
    writeState(db, STATE_KEYS.revokedAt, now.toISOString());
    writeState(db, STATE_KEYS.link, 'revoked');
  }).immediate();
}
