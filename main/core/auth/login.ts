// AC-1, AC-5: login with lockout, forced change, password age and history.
import { KuraError } from '../../../shared/errors';
import { japanDate } from '../kernel';
import type { Db } from '../store';
import { dummyPasswordHash, verifyPassword } from './passwords';
import { UserDirectory, type UserRecord } from './users';

export type PasswordPolicy = { minLength: number; requireLettersAndDigits: boolean; historyCount: number; maxAgeDays: number; maxFailedAttempts: number };

export type LoginOutcome =
  | { ok: true; user: UserRecord; mustChangePassword: boolean }
  | { ok: false; error: KuraError; userKnown: boolean; lockedNow: boolean };

/** Whether this ID may log in today at all (disabled or retired IDs never can: AC-4). */
export function assertMayLogIn(user: UserRecord, at: Date): void {
  if (user.disabledAt || (user.retiredOn && user.retiredOn <= japanDate(at))) throw new KuraError('account_disabled');
  if (user.lockedAt) throw new KuraError('account_locked');
}

export function passwordExpired(user: UserRecord, policy: PasswordPolicy, at: Date): boolean {
  return at.getTime() - Date.parse(user.passwordChangedAt) > policy.maxAgeDays * 86_400_000;
}

/**
 * Checks a password. The caller writes the outcome (failure count, lock, last login) and its log entry
 * in one transaction with applyLoginOutcome. The hash is checked outside the transaction because it is slow.
 */
export async function checkLogin(db: Db, userId: string, password: string, policy: PasswordPolicy, at: Date): Promise<LoginOutcome> {
  const users = new UserDirectory(db);
  const user = users.find(userId);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password);
    return { ok: false, error: new KuraError('bad_credentials'), userKnown: false, lockedNow: false };
  }
  try {
    assertMayLogIn(user, at);
  } catch (e) {
    return { ok: false, error: e as KuraError, userKnown: true, lockedNow: false };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    return { ok: false, error: new KuraError('bad_credentials'), userKnown: true, lockedNow: false };
  }
  return { ok: true, user, mustChangePassword: user.mustChangePassword || passwordExpired(user, policy, at) };
}

/** Inside the caller's transaction: count a failure (locking on the one too many) or record the login. */
export function applyLoginOutcome(db: Db, userId: string, outcome: LoginOutcome, policy: PasswordPolicy, at: Date): LoginOutcome {
  const users = new UserDirectory(db);
  if (outcome.ok) {
    // The hash was checked outside the transaction: a lock or deactivation that landed meanwhile wins.
    const now = users.find(userId);
    try {
      if (!now) throw new KuraError('bad_credentials');
      assertMayLogIn(now, at);
    } catch (e) {
      return { ok: false, error: e as KuraError, userKnown: true, lockedNow: false };
    }
    users.recordLogin(userId, at);
    return outcome;
  }
  if (!outcome.userKnown || outcome.error.code !== 'bad_credentials') return outcome;
  const { locked } = users.recordFailure(userId, policy.maxFailedAttempts, at);
  return locked ? { ok: false, error: new KuraError('account_locked'), userKnown: true, lockedNow: true } : outcome;
}

/** AC-5: the new password must be strong and not one of the last N. Returns nothing; throws KuraError. */
export async function assertNotReused(db: Db, userId: string, newPassword: string, historyCount: number): Promise<void> {
  const recent = new UserDirectory(db).recentPasswordHashes(userId, Math.max(historyCount, 1));
  for (const hash of recent) {
    if (await verifyPassword(hash, newPassword)) throw new KuraError('password_reused');
  }
}

const attempts = new Map<string, Promise<unknown>>();

/**
 * AC-5: password attempts for one user ID run one after another, so parallel guesses cannot all be
 * checked against the same failure count (each waits for the previous one's outcome to be written).
 */
export function oneAttemptAtATime<T>(userId: string, attempt: () => Promise<T>): Promise<T> {
  const previous = attempts.get(userId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(attempt);
  attempts.set(userId, next);
  return next.finally(() => {
    if (attempts.get(userId) === next) attempts.delete(userId);
  });
}
