// Small key/value state of the sync capability (cursor, link state, identity), in the encrypted store.
import type { Db } from '../store';

export const STATE_KEYS = {
  identity: 'identity',
  configuredAt: 'configured_at',
  cursor: 'pull.cursor',
  pullHead: 'pull.head',
  pullStartedFrom: 'pull.started_from',
  link: 'link',
  lastSyncAt: 'last_sync_at',
  lastAttemptAt: 'last_attempt_at',
  lastError: 'last_error',
  serverConflicts: 'server.open_conflicts',
  logId: 'log.id',
  revokedAt: 'revoked_at',
} as const;
export type StateKey = (typeof STATE_KEYS)[keyof typeof STATE_KEYS];

export function readState(db: Db, key: StateKey): string | null {
  const row = db.prepare('SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function writeState(db: Db, key: StateKey, value: string | number): void {
  db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(value));
}

export function clearState(db: Db, key: StateKey): void {
  db.prepare('DELETE FROM sync_state WHERE key = ?').run(key);
}
