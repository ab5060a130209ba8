// What people see of sync (link state, last sync, queue, conflicts, pull progress), and the AC-4 rule
// that a terminal out of contact longer than the grace period stops accepting logins: deactivations
// and transfers made at the data center must reach it first.
import type { Db } from '../store';
import { directoryHeldCount, directoryQueuedCount } from './directory-sync';
import { openConflictCount } from './conflicts';
import { queuedCount } from './outbox';
import { STATE_KEYS, readState } from './state';
import { isSyncFailureCode, syncFailureMessage } from './failure';

export const DEFAULT_OFFLINE_GRACE_DAYS = 7;
export type LinkState = 'unconfigured' | 'online' | 'offline' | 'error' | 'revoked';

export type SyncStatus = {
  link: LinkState;
  lastSyncAt: string | null;
  lastAttemptAt: string | null;
  lastError: { code: string; ja: string; en: string } | null;
  queued: number;
  conflicts: { local: number; dataCenter: number };
  pull: { cursor: number; head: number };
  graceDays: number;
  loginsBlocked: boolean;
};

const LINK_STATES: readonly LinkState[] = ['unconfigured', 'online', 'offline', 'error', 'revoked'];

export function syncStatus(db: Db, now: Date, graceDays = DEFAULT_OFFLINE_GRACE_DAYS): SyncStatus {
  const configured = readState(db, STATE_KEYS.identity) !== null;
  const rawLink = readState(db, STATE_KEYS.link);
  const link: LinkState = rawLink === 'revoked' ? 'revoked' : !configured ? 'unconfigured' : LINK_STATES.includes(rawLink as LinkState) ? (rawLink as LinkState) : 'offline';
  const errorCode = readState(db, STATE_KEYS.lastError);
  return {
    link,
    lastSyncAt: readState(db, STATE_KEYS.lastSyncAt),
    lastAttemptAt: readState(db, STATE_KEYS.lastAttemptAt),
    lastError: errorCode && isSyncFailureCode(errorCode) ? { code: errorCode, ...syncFailureMessage(errorCode) } : null,
    queued: queuedCount(db) + directoryQueuedCount(db),
    conflicts: {
      // Directory rows held back by a local duplicate count as conflicts too: someone has to clear them.
      local: openConflictCount(db) + directoryHeldCount(db),
      dataCenter: Number(readState(db, STATE_KEYS.serverConflicts) ?? 0),
    },
    pull: { cursor: Number(readState(db, STATE_KEYS.cursor) ?? 0), head: Number(readState(db, STATE_KEYS.pullHead) ?? 0) },
    graceDays,
    loginsBlocked: syncGraceExceeded(db, now, graceDays),
  };
}

/**
 * AC-4: true when this terminal syncs with a data center and has not completed a sync within graceDays
 * (counted from enrolment if it never has), or was revoked. A terminal that was never configured for
 * sync is a standalone installation and is not blocked.
 */
export function syncGraceExceeded(db: Db, now: Date, graceDays = DEFAULT_OFFLINE_GRACE_DAYS): boolean {
  if (readState(db, STATE_KEYS.revokedAt)) return true;
  const since = readState(db, STATE_KEYS.lastSyncAt) ?? readState(db, STATE_KEYS.configuredAt);
  if (!since) return false;
  return now.getTime() - Date.parse(since) > graceDays * 86_400_000;
}
