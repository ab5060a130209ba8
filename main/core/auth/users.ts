// AC-1: one personal ID per named staff member; no shared or generic IDs.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';

export type UserRecord = {
  userId: string;
  employeeNo: string;
  name: string;
  department: string | null;
  passwordHash: string;
  mustChangePassword: boolean;
  passwordChangedAt: string;
  failedAttempts: number;
  lockedAt: string | null;
  disabledAt: string | null;
  retiredOn: string | null;
  lastLoginAt: string | null;
  /** Who created the ID (null: the first-run setup). */
  createdBy: string | null;
  /** Who set the current password (creation or reset); null once the user chose their own (AC-1, AC-3). */
  passwordSetBy: string | null;
};

/** IDs that name a function or nobody in particular: refused (AC-1). */
const GENERIC_ID = /^(admin|administrator|root|user|guest|test|shared|share|common|kanri|kanrisha|system|sysadmin|operator|staff|tanto|demo|manager)[._-]?\d*$/;

export function assertPersonalUserId(userId: string): void {
  if (GENERIC_ID.test(userId) || /^user[._-]?\d+$/.test(userId)) throw new KuraError('generic_user_id', { userId });
}

type Row = {
  user_id: string; employee_no: string; name: string; department: string | null; password_hash: string; must_change_password: number;
  password_changed_at: string; failed_attempts: number; locked_at: string | null; disabled_at: string | null; retired_on: string | null; last_login_at: string | null;
  created_by: string | null; password_set_by: string | null;
};

function fromRow(r: Row): UserRecord {
  return {
    userId: r.user_id, employeeNo: r.employee_no, name: r.name, department: r.department, passwordHash: r.password_hash,
    mustChangePassword: r.must_change_password === 1, passwordChangedAt: r.password_changed_at, failedAttempts: r.failed_attempts,
    lockedAt: r.locked_at, disabledAt: r.disabled_at, retiredOn: r.retired_on, lastLoginAt: r.last_login_at,
    createdBy: r.created_by, passwordSetBy: r.password_set_by,
  };
}

export type NewUser = { userId: string; employeeNo: string; name: string; department?: string | undefined; passwordHash: string; mustChangePassword: boolean };

export class UserDirectory {
  /** Prepared once: every routed call re-reads its user (issue 14). */
  private readonly findStmt;

  constructor(private readonly db: Db) {
    this.findStmt = db.prepare('SELECT * FROM users WHERE user_id = ?');
  }

  find(userId: string): UserRecord | null {
    const row = this.findStmt.get(userId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  list(): UserRecord[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY user_id').all() as Row[]).map(fromRow);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;
  }

  create(user: NewUser, createdBy: string | null, at: Date): void {
    assertPersonalUserId(user.userId);
    const clash = this.db.prepare('SELECT 1 FROM users WHERE user_id = ? OR employee_no = ?').get(user.userId, user.employeeNo);
    if (clash) throw new KuraError('user_exists');
    const iso = at.toISOString();
    this.db
      .prepare('INSERT INTO users (user_id, employee_no, name, department, password_hash, must_change_password, password_changed_at, created_at, created_by, password_set_by) VALUES (?,?,?,?,?,?,?,?,?,?)')
      .run(user.userId, user.employeeNo, user.name, user.department ?? null, user.passwordHash, user.mustChangePassword ? 1 : 0, iso, iso, createdBy, createdBy);
    this.db.prepare('INSERT INTO password_history (user_id, password_hash, changed_at, set_by) VALUES (?,?,?,?)').run(user.userId, user.passwordHash, iso, createdBy);
  }

  recordFailure(userId: string, maxFailedAttempts: number, at: Date): { locked: boolean; failedAttempts: number } {
    this.db.prepare('UPDATE users SET failed_attempts = failed_attempts + 1 WHERE user_id = ?').run(userId);
    const { failed_attempts } = this.db.prepare('SELECT failed_attempts FROM users WHERE user_id = ?').get(userId) as { failed_attempts: number };
    const locked = failed_attempts > maxFailedAttempts;
    if (locked) this.db.prepare('UPDATE users SET locked_at = COALESCE(locked_at, ?) WHERE user_id = ?').run(at.toISOString(), userId);
    return { locked, failedAttempts: failed_attempts };
  }

  recordLogin(userId: string, at: Date): void {
    this.db.prepare('UPDATE users SET failed_attempts = 0, last_login_at = ? WHERE user_id = ?').run(at.toISOString(), userId);
  }

  recentPasswordHashes(userId: string, count: number): string[] {
    return (this.db.prepare('SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY changed_at DESC, rowid DESC LIMIT ?').all(userId, count) as { password_hash: string }[]).map(
      (r) => r.password_hash,
    );
  }

  /** setBy: the administrator who reset it, or null when the user chose it themselves. */
  setPassword(userId: string, passwordHash: string, mustChange: boolean, at: Date, setBy: string | null): void {
    const iso = at.toISOString();
    this.db
      .prepare('UPDATE users SET password_hash = ?, must_change_password = ?, password_changed_at = ?, failed_attempts = 0, password_set_by = ? WHERE user_id = ?')
      .run(passwordHash, mustChange ? 1 : 0, iso, setBy, userId);
    // AC-3: the history keeps who set each password, so a resetter stays a stand-in maker for good.
    this.db.prepare('INSERT INTO password_history (user_id, password_hash, changed_at, set_by) VALUES (?,?,?,?)').run(userId, passwordHash, iso, setBy);
  }
}

/**
 * AC-1, AC-3: the people other than the holder who could use this ID as a stand-in, for good: its
 * creator and everyone who ever set one of its passwords (creation or reset). Each could have logged
 * in with the password they set and chosen the next one, so the holder changing it proves nothing.
 * They may not raise its level, approve what it asks for, nor (the other way round) act as a second
 * person on what they themselves asked for through an ID they made. Built from replicated columns
 * (users.created_by, users.password_set_by, password_history.set_by), so every terminal agrees.
 */
export function standInMakers(db: Db, user: Pick<UserRecord, 'userId' | 'createdBy' | 'passwordSetBy'>): string[] {
  const setters = db.prepare('SELECT DISTINCT set_by FROM password_history WHERE user_id = ? AND set_by IS NOT NULL').pluck().all(user.userId) as string[];
  return [...new Set([user.createdBy, user.passwordSetBy, ...setters])].filter((u): u is string => u !== null && u !== user.userId);
}
