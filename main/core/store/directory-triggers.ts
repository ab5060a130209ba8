// Directory replication, terminal side (issue 7): triggers put every local change to the directory
// tables (users, roles, password history, grants, media ledger, media signing keys) in directory_outbox,
// in the same transaction as the change, whoever made it. They are generated from the column lists in
// shared/sync/directory.ts and re-created when those lists change (a fingerprint in meta), so adding a
// replicated column never needs a hand-written trigger. Columns left out of the lists (lockout counter,
// lock time, last login: AC-5) never reach the queue, and a change to only those queues nothing.
// Each row's version lives in directory_versions, so a row removed and added again (roles) keeps counting.
import { createHash } from 'node:crypto';
import { DIRECTORY_ENTITIES, columnNames, tableSpec, type DirectoryEntity } from '../../../shared/sync/directory';
import type { Db } from './connection';

const PREFIX = 'directory_sync_';
const FINGERPRINT_KEY = 'directory.triggers';
const NOT_APPLYING = 'NOT EXISTS (SELECT 1 FROM sync_applying)';

const keyExpr = (e: DirectoryEntity, ref: string): string => `json_array(${tableSpec(e).key.map((k) => `${ref}.${k}`).join(', ')})`;
const rowExpr = (e: DirectoryEntity, ref: string): string => `json_object(${columnNames(e).map((c) => `'${c}', ${ref}.${c}`).join(', ')})`;
const keyPresent = (e: DirectoryEntity, ref: string): string => tableSpec(e).key.map((k) => `${ref}.${k} IS NOT NULL`).join(' AND ');

/** Bumps the row's version and queues its state (deleted = 1: the state it had when removed). */
function enqueue(e: DirectoryEntity, ref: string, deleted: 0 | 1): string {
  const key = keyExpr(e, ref);
  return `
  INSERT OR IGNORE INTO directory_versions (entity, key, version) VALUES ('${e}', ${key}, 0);
  UPDATE directory_versions SET version = version + 1 WHERE entity = '${e}' AND key = ${key};
  INSERT INTO directory_outbox (entity, key, base_version, deleted, row)
    SELECT '${e}', key, version - 1, ${deleted}, ${rowExpr(e, ref)} FROM directory_versions WHERE entity = '${e}' AND key = ${key};`;
}

function triggersFor(e: DirectoryEntity): string[] {
  const { table, key } = tableSpec(e);
  const changed = columnNames(e).map((c) => `NEW.${c} IS NOT OLD.${c}`).join(' OR ');
  const rekeyed = key.map((k) => `NEW.${k} IS NOT OLD.${k}`).join(' OR ');
  return [
    `CREATE TRIGGER ${PREFIX}${e}_insert AFTER INSERT ON ${table} WHEN ${NOT_APPLYING} AND ${keyPresent(e, 'NEW')}
BEGIN${enqueue(e, 'NEW', 0)}
END;`,
    // A changed key is the old row removed and a new one added.
    `CREATE TRIGGER ${PREFIX}${e}_rekey AFTER UPDATE ON ${table} WHEN ${NOT_APPLYING} AND ${keyPresent(e, 'OLD')} AND (${rekeyed})
BEGIN${enqueue(e, 'OLD', 1)}
END;`,
    `CREATE TRIGGER ${PREFIX}${e}_update AFTER UPDATE ON ${table} WHEN ${NOT_APPLYING} AND ${keyPresent(e, 'NEW')} AND (${changed})
BEGIN${enqueue(e, 'NEW', 0)}
END;`,
    `CREATE TRIGGER ${PREFIX}${e}_delete AFTER DELETE ON ${table} WHEN ${NOT_APPLYING} AND ${keyPresent(e, 'OLD')}
BEGIN${enqueue(e, 'OLD', 1)}
END;`,
  ];
}

/** Every row already in a directory table, queued once when replication is first installed. */
function snapshotFor(e: DirectoryEntity): string {
  const { table } = tableSpec(e);
  return `
INSERT OR IGNORE INTO directory_versions (entity, key, version) SELECT '${e}', ${keyExpr(e, 't')}, 1 FROM ${table} t WHERE ${keyPresent(e, 't')};
INSERT INTO directory_outbox (entity, key, base_version, deleted, row) SELECT '${e}', ${keyExpr(e, 't')}, 0, 0, ${rowExpr(e, 't')} FROM ${table} t WHERE ${keyPresent(e, 't')};`;
}

export function directoryTriggerSql(): string {
  return DIRECTORY_ENTITIES.flatMap(triggersFor).join('\n');
}

/** Called after the migrations: (re)creates the triggers when the column lists changed. */
export function ensureDirectoryTriggers(db: Db): void {
  const sql = directoryTriggerSql();
  const fingerprint = createHash('sha256').update(sql).digest('hex');
  const stored = db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(FINGERPRINT_KEY) as string | undefined;
  if (stored === fingerprint) return;
  db.transaction(() => {
    const old = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?").pluck().all(`${PREFIX}%`) as string[];
    for (const name of old) db.exec(`DROP TRIGGER ${name}`);
    db.exec(sql);
    if (stored === undefined) for (const e of DIRECTORY_ENTITIES) db.exec(snapshotFor(e));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(FINGERPRINT_KEY, fingerprint);
  }).immediate();
}
