// Applying the data center's directory rows to the replica (users, roles, password history, grants,
// media ledger, signing keys), with the outbox triggers silenced. Only the listed columns are written:
// a pulled user keeps this terminal's own lockout counter, lock time and last login (AC-5).
// A row this terminal changed and has not had confirmed yet is kept when its version is newer; the
// push delivers it, and if it loses there the data center serves its own version again.
import { DIRECTORY_ENTITIES, columnNames, tableSpec, type DirectoryChangeWire, type DirectoryEntity } from '../../../shared/sync/directory';
import type { Db } from '../store';
import { withTriggersSilenced } from './apply';

type NamedStatement = ReturnType<Db['prepare']>;
type EntityStatements = { upsert: NamedStatement; remove: NamedStatement; key: NamedStatement };

export class DirectoryWriter {
  private readonly statements = new Map<DirectoryEntity, EntityStatements>();
  private readonly pendingVersion;
  private readonly setVersion;

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
    if (change.deleted) s.remove.run(params);
    else s.upsert.run(params);
    this.setVersion.run(change.entity, key, change.version);
    return true;
  }
}
