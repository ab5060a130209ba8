// Issue 15: each capability owns its migrations now, and one runner applies them all. A store made by
// the code before (one file held every migration) must open in place: nothing runs twice, nothing is
// lost, and it ends with exactly the schema a store made today has.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { KeyFileKeystore, migrate, openStore, type Db, type Migration, type Store } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'store-v91');
type Recorded = { version: number; name: string; sqlSha256: string };
const before15 = JSON.parse(readFileSync(join(FIXTURE, 'migrations.json'), 'utf8')) as Recorded[];

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kura-upgrade-'));
  dirs.push(dir);
  return dir;
}
const open = (dir: string): Store => openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
/** Every table, index, trigger and view, by name, with the SQL SQLite keeps for it. */
const schemaOf = (db: Db): { type: string; name: string; sql: string | null }[] =>
  db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as { type: string; name: string; sql: string | null }[];
const appliedOf = (db: Db): { version: number; name: string }[] =>
  db.prepare('SELECT version, name FROM schema_migrations ORDER BY rowid').all() as { version: number; name: string }[];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('issue 15: one migration runner over every capability\u2019s migrations', () => {
  it('runs the same migrations as before, in the same order, with the same SQL', () => {
    const digest = (m: Migration): string => createHash('sha256').update(m.sql).digest('hex');
    const now = [...kuraMigrations].sort((a, b) => a.version - b.version).map((m) => ({ version: m.version, name: m.name, sqlSha256: digest(m) }));
    assert.deepEqual(now, before15);
  });

  it('given a fresh store, then its recorded migrations are the old list, in the old order', () => {
    const store = open(tempDir());
    try {
      assert.deepEqual(appliedOf(store.db), before15.map(({ version, name }) => ({ version, name })));
    } finally {
      store.close();
    }
  });

  it('given a store made by the code before, when today\u2019s code opens it, then it has today\u2019s schema and keeps its rows', () => {
    const dir = tempDir();
    cpSync(FIXTURE, dir, { recursive: true });
    const upgraded = open(dir);
    const fresh = open(tempDir());
    try {
      assert.deepEqual(schemaOf(upgraded.db), schemaOf(fresh.db));
      // Nothing ran again: every migration is still recorded once, with the time the old code ran it.
      const applied = upgraded.db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all() as { version: number; applied_at: string }[];
      assert.deepEqual(applied.map((m) => m.version), before15.map((m) => m.version));
      assert.ok(applied.every((m) => m.applied_at === '2026-12-04T09:00:00.000Z'), 'a migration ran again');
      assert.deepEqual(upgraded.db.prepare('SELECT shikaku_id, kanji_name FROM members').all(), [{ shikaku_id: 'S0001', kanji_name: '山田 太郎' }]);
      assert.deepEqual(upgraded.db.prepare('SELECT shikaku_id, koshin_tsuban FROM mynumber_master').all(), [{ shikaku_id: 'S0001', koshin_tsuban: 1 }]);
      assert.deepEqual(upgraded.db.prepare('SELECT user_id, name FROM users').all(), [{ user_id: 'u-1', name: '山田 花子' }]);
      // The queues the old triggers filled are still there to be sent.
      assert.deepEqual(upgraded.db.prepare('SELECT entity FROM sync_outbox ORDER BY seq').pluck().all(), ['member', 'mynumber']);
    } finally {
      upgraded.close();
      fresh.close();
    }
  });

  it('refuses two migrations with one number, whichever capabilities they came from', () => {
    const store = open(tempDir());
    try {
      const twice: Migration[] = [...kuraMigrations, { version: 40, name: 'a second 40', sql: 'SELECT 1' }];
      assert.throws(() => migrate(store.db, twice, () => new Date()), /share number 40/);
    } finally {
      store.close();
    }
  });
});
