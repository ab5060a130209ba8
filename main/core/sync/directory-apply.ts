// Applying the data center's directory rows to the replica (users, roles, password history, grants,
// media ledger, signing keys), with the outbox triggers silenced. Only the listed columns are written:
// a pulled user keeps this terminal's own lockout counter, lock time and last login (AC-5).
// A row this terminal changed and has not had confirmed yet is kept when its version is newer; the
// push delivers it, and if it loses there the data center serves its own version again.
// A row that a local duplicate keeps out (a UNIQUE index: the same employee number or device serial
// made offline at two terminals, the local one refused at the data center) is held in
// directory_blocked and tried again on every pull instead of stopping the pull for good.
import { DIRECTORY_ENTITIES, columnNames, directoryChangeWire, tableSpec, type DirectoryChangeWire, type DirectoryEntity } from '../../../shared/sync/directory';
import type { Db } from '../store';
import { withTriggersSilenced } from './apply';

type NamedStatement = ReturnType<Db['prepare']>;
type EntityStatements = { upsert: NamedStatement; remove: NamedStatement; key: NamedStatement };

export class DirectoryWriter {
  private readonly statements = new Map<DirectoryEntity, EntityStatements>();
  private readonly pendingVersion;
  private readonly setVersion;
  private readonly hold;
  private readonly release;
  private readonly held;
  private readonly isHeld;

  constructor(private readonly db: Db) {
    for (const e of DIRECTORY_ENTITIES) {
      const { table, key } = tableSpec(e);
      const cols = columnNames(e);
      const rest = cols.filter((c) => !key.includes(c));
      const keyMatch = key.map((k) => `${k} = @${k}`).join(' AND ');
      this.statements.set(e, {
        upsert: db.prepare(
          `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})
           ON CONFLICT(${key.join(', ')}) DO ${rest.length ? `UPDATE SET ${rest.map((c) => `${c} = excluded.${c}`).join(', ')}` : 'NOTHING'}`,
        ),
        remove: db.prepare(`DELETE FROM ${table} WHERE ${keyMatch}`),
        // The key exactly as the triggers spell it (SQLite's json_array), for the queue and version lookups.
        key: db.prepare(`SELECT json_array(${key.map((k) => `@${k}`).join(', ')})`).pluck(),
      });
    }
    // The local version of a row that still has a change waiting in the queue.
    this.pendingVersion = db
      .prepare('SELECT v.version FROM directory_versions v WHERE v.entity = ? AND v.key = ? AND EXISTS (SELECT 1 FROM directory_outbox o WHERE o.entity = v.entity AND o.key = v.key)')
      .pluck();
    this.setVersion = db.prepare('INSERT INTO directory_versions (entity, key, version) VALUES (?, ?, ?) ON CONFLICT(entity, key) DO UPDATE SET version = excluded.version');
    this.hold = db.prepare(
      `INSERT INTO directory_blocked (entity, key, version, deleted, row, reason, blocked_at) VALUES (?, ?, ?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ','now'))
       ON CONFLICT(entity, key) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, row = excluded.row, reason = excluded.reason`,
    );
    this.release = db.prepare('DELETE FROM directory_blocked WHERE entity = ? AND key = ?');
    this.held = db.prepare('SELECT entity, version, deleted, row FROM directory_blocked ORDER BY blocked_at');
    this.isHeld = db.prepare('SELECT 1 FROM directory_blocked WHERE entity = ? AND key = ?').pluck();
  }

  /** Tries the held-back rows again (a person may have removed the local duplicate); returns how many went in. */
  retryHeld(): number {
    const rows = this.held.all() as { entity: string; version: number; deleted: number; row: string }[];
    if (rows.length === 0) return 0;
    // seq is not stored with a held row and plays no part in applying it.
    const changes = rows.map((r) => directoryChangeWire.parse({ seq: 1, entity: r.entity, version: r.version, deleted: r.deleted, row: JSON.parse(r.row) as unknown }));
    // Parents (users) before the rows that hang on them (roles, password history, grants).
    const rank = (c: DirectoryChangeWire): number => (tableSpec(c.entity).childOf ? 1 : 0);
    return this.applyPage(changes.sort((x, y) => rank(x) - rank(y)));
  }

  /** Applies one page in change order; the caller runs this inside the transaction that saves the cursor. */
  applyPage(changes: readonly DirectoryChangeWire[]): number {
    let applied = 0;
    withTriggersSilenced(this.db, () => {
      // A grant may come in the same page as, or before, a rewrite of its user row.
      this.db.pragma('defer_foreign_keys = ON');
      for (const change of changes) if (this.apply(change)) applied++;
    });
    return applied;
  }

  private apply(change: DirectoryChangeWire): boolean {
    const s = this.statements.get(change.entity)!;
    const params = Object.fromEntries(Object.entries(change.row).map(([k, v]) => [k, v ?? null]));
    const key = s.key.get(params) as string;
    const local = this.pendingVersion.get(change.entity, key) as number | undefined;
    if (local !== undefined && local > change.version) return false;
    // A row that hangs on a held-back user waits with it (it could not go in without its user).
    const parent = tableSpec(change.entity).childOf;
    if (parent && this.isHeld.get(parent, this.statements.get(parent)!.key.get(params))) {
      this.hold.run(change.entity, key, change.version, change.deleted, JSON.stringify(change.row), 'parent_held');
      return false;
    }
    try {
      // A savepoint: a refused row leaves nothing half-written in the page's transaction.
      this.db.transaction(() => {
        if (change.deleted) s.remove.run(params);
        else s.upsert.run(params);
      })();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      if (code !== 'SQLITE_CONSTRAINT_UNIQUE') throw e;
      this.hold.run(change.entity, key, change.version, change.deleted, JSON.stringify(change.row), code);
      return false;
    }
    this.release.run(change.entity, key);
    this.setVersion.run(change.entity, key, change.version);
    return true;
  }
}
