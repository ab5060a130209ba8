// AC-1, AC-4, AC-5: what a system administrator does to IDs. Each function runs inside the caller's
// transaction, which also writes the operation-log entry with before and after.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import { UserDirectory, type UserRecord } from './users';

export type UserStatus = 'active' | 'locked' | 'disabled' | 'retired';

export function userStatus(user: UserRecord, today: string): UserStatus {
  if (user.retiredOn && user.retiredOn <= today) return 'retired';
  if (user.disabledAt) return 'disabled';
  if (user.lockedAt) return 'locked';
  return 'active';
}

export function requireUser(db: Db, userId: string): UserRecord {
  const user = new UserDirectory(db).find(userId);
  if (!user) throw new KuraError('user_not_found', { userId });
  return user;
}

export function updateProfile(db: Db, userId: string, change: { name?: string | undefined; department?: string | undefined }): void {
  db.prepare('UPDATE users SET name = COALESCE(?, name), department = COALESCE(?, department) WHERE user_id = ?').run(change.name ?? null, change.department ?? null, userId);
}

export function setDisabled(db: Db, userId: string, disabled: boolean, at: Date): void {
  db.prepare('UPDATE users SET disabled_at = ? WHERE user_id = ?').run(disabled ? at.toISOString() : null, userId);
}

/** AC-5: only an administrator lifts a lockout. */
export function unlockUser(db: Db, userId: string): void {
  db.prepare('UPDATE users SET locked_at = NULL, failed_attempts = 0 WHERE user_id = ?').run(userId);
}

/** AC-4: from this date the ID cannot log in. */
export function setRetirement(db: Db, userId: string, retiredOn: string): void {
  db.prepare('UPDATE users SET retired_on = ? WHERE user_id = ?').run(retiredOn, userId);
}

/**
 * AC-5: a reset is a temporary password that must be changed at the next login; it also lifts a lock.
 * AC-1, AC-3: the resetter knows it until then, so it is recorded as set by them.
 */
export function resetPassword(db: Db, userId: string, passwordHash: string, at: Date, resetBy: string): void {
  new UserDirectory(db).setPassword(userId, passwordHash, true, at, resetBy);
  unlockUser(db, userId);
}
