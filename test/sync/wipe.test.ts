// DP-6: the wipe of a revoked terminal leaves no member data in any table, whichever capability
// added it: every table with a 資格ID column is emptied, and the directory's queue; the operation log is
// kept (AU-2).
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { wipeReplica } from '../../main/core/sync';
import { DIRECTORY_QUEUE_TABLES } from '../../main/core/sync/wipe';
import { startKura } from '../helpers/kura';

describe('DP-6: wiping the replica', () => {
  it('DP-6: every table holding a 資格ID is empty after the wipe; the log stays and verifies', async () => {
    const t = await startKura({ seed: 30 });
    try {
      const db = t.kura.store.db;
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
      const withShikakuId = tables.filter((name) => (db.prepare(`PRAGMA table_info(${name})`).all() as { name: string }[]).some((c) => c.name === 'shikaku_id'));
      assert.ok(withShikakuId.includes('members') && withShikakuId.includes('mynumber_master'));
      const logBefore = t.kura.audit.head().seq;
      // The directory queue holds what startKura's users made (staff records with password hashes).
      assert.ok((db.prepare('SELECT count(*) FROM directory_outbox').pluck().get() as number) > 0, 'the directory queue has rows to wipe');
      wipeReplica(db, t.clock.now());
      for (const name of withShikakuId) {
        const { n } = db.prepare(`SELECT count(*) AS n FROM ${name}`).get() as { n: number };
        assert.equal(n, 0, `${name} still holds ${n} rows`);
      }
      assert.equal(t.kura.audit.head().seq, logBefore);
      assert.equal(t.kura.audit.verify().ok, true);
      for (const name of DIRECTORY_QUEUE_TABLES) {
        assert.equal(db.prepare(`SELECT count(*) FROM ${name}`).pluck().get(), 0, `${name} is emptied`);
      }
      assert.equal(db.prepare("SELECT count(*) FROM sync_state WHERE key LIKE 'directory.%'").pluck().get(), 0);
    } finally {
      t.close();
    }
  });
});
