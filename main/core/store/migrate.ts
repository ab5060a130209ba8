// The one migration runner. Each capability owns its tables and hands its list of migrations to
// whoever composes the app (main/rpc/schema.ts), which passes them all to openStore: the store never
// imports a capability (they import it). A migration runs once, in a transaction, in one global order
// (by number, whichever capability it came from), and is recorded in schema_migrations: a store made
// by an older build runs only what it has not recorded yet.
import type { Db } from './connection';
import { ensureDirectoryTriggers } from './directory-triggers';

export type Migration = { version: number; name: string; sql: string };

/** All the lists as one, in the order they run; two migrations with one number are a programming error. */
export function inVersionOrder(migrations: readonly Migration[]): Migration[] {
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1) throw new Error(`migration "${m.name}" has no valid number: ${m.version}`);
    const before = sorted[i - 1];
    if (before && before.version === m.version) throw new Error(`migrations "${before.name}" and "${m.name}" share number ${m.version}`);
  });
  return sorted;
}

/** Brings a database to the schema of the given migrations; exported for the benchmark's plain-SQLite baseline. */
export function migrate(db: Db, migrations: readonly Migration[], now: () => Date): void {
  const ordered = inVersionOrder(migrations);
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of ordered) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
    }).immediate();
  }
  // Derived from the directory column lists, so they follow a column added there (issue 7).
  ensureDirectoryTriggers(db);
}
