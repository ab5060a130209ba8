// DP-6: the directory (staff) conflicts this terminal recorded (directory-sync.ts confirm()), for people
// to read. The data center's version already stands here; nothing is resolved, only shown.
import { DIRECTORY_TABLES, directoryConflictWire, directoryEntity, type DirectoryConflictWire, type DirectoryEntity } from '../../../shared/sync/directory';
import type { Db } from '../store';

type Reason = DirectoryConflictWire['reason'];
export type DirectoryConflict = { seq: number; entity: DirectoryEntity; key: string; reason: Reason; serverVersion: number | null; detectedAt: string };

type Stored = { seq: number; entity: string; key: string; reason: string; server_version: number | null; detected_at: string };

// Key columns never shown: a password-history row is keyed by its (Argon2id) hash, which stays in the store.
const HIDDEN_KEY_COLUMNS = new Set(['password_hash']);

/** The stored key is the JSON array of the entity's key columns; shown as its values joined, hash left out. */
export function displayDirectoryKey(entity: DirectoryEntity, key: string): string {
  let values: unknown;
  try {
    values = JSON.parse(key) as unknown;
  } catch {
    return '—';
  }
  if (!Array.isArray(values)) return '—';
  const columns = DIRECTORY_TABLES[entity].key as readonly string[];
  return columns
    .map((c, i) => (HIDDEN_KEY_COLUMNS.has(c) ? null : values[i]))
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map(String)
    .join(' / ');
}

/** Newest first; `beforeSeq` pages back. One row more than asked tells whether another page exists. */
export function listDirectoryConflicts(db: Db, options: { limit: number; beforeSeq?: number }): { conflicts: DirectoryConflict[]; more: boolean } {
  const rows = db
    .prepare('SELECT seq, entity, key, reason, server_version, detected_at FROM directory_conflicts WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.limit + 1) as Stored[];
  const conflicts: DirectoryConflict[] = [];
  for (const r of rows.slice(0, options.limit)) {
    // Rows were validated off the wire before they were stored; one that no longer parses is skipped, never shown raw.
    const entity = directoryEntity.safeParse(r.entity);
    const reason = directoryConflictWire.shape.reason.safeParse(r.reason);
    if (!entity.success || !reason.success) continue;
    conflicts.push({ seq: r.seq, entity: entity.data, key: displayDirectoryKey(entity.data, r.key), reason: reason.data, serverVersion: r.server_version, detectedAt: r.detected_at });
  }
  return { conflicts, more: rows.length > options.limit };
}
