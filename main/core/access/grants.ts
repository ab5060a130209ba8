// AC-4: effective-dated grants. The grant in force on a day is the latest one that started on or
// before it and has not reached its end (transfer/retirement) date; none means NONE.
import { BUSINESSES, type Business, type PrivilegeLevel, type Role } from '../../../shared/codes';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Db } from '../store';

export type Grant = { level: PrivilegeLevel; businesses: Business[]; validFrom: string; validTo: string | null };

/** Statements of the per-call policy reads, prepared once per connection (issue 14). */
type Statement = Database.Statement<unknown[]>;
const statements = new WeakMap<Db, Map<string, Statement>>();
export function cachedStatement(db: Db, sql: string): Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let stmt = byDb.get(sql);
  if (!stmt) byDb.set(sql, (stmt = db.prepare(sql)));
  return stmt;
}

// Same-day grants: the later decision wins (granted_at), the same at every terminal; local ids differ
// between terminals (replicated grants arrive in another order) and only break ties within one.
export function grantInForce(db: Db, userId: string, day: string): Grant {
  const row = cachedStatement(
    db,
    `SELECT level, businesses, valid_from, valid_to FROM grants
       WHERE user_id = ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
       ORDER BY valid_from DESC, granted_at DESC, id DESC LIMIT 1`,
  ).get(userId, day, day) as { level: PrivilegeLevel; businesses: string; valid_from: string; valid_to: string | null } | undefined;
  if (!row) return { level: 'NONE', businesses: [], validFrom: day, validTo: null };
  const businesses = (JSON.parse(row.businesses) as string[]).filter((b): b is Business => (BUSINESSES as readonly string[]).includes(b));
  return { level: row.level, businesses, validFrom: row.valid_from, validTo: row.valid_to };
}

export function insertGrant(db: Db, userId: string, grant: Grant, grantedBy: string, at: Date, reason: string): void {
  db.prepare('INSERT INTO grants (user_id, level, businesses, valid_from, valid_to, granted_by, granted_at, reason) VALUES (?,?,?,?,?,?,?,?)').run(
    userId, grant.level, JSON.stringify(grant.businesses), grant.validFrom, grant.validTo, grantedBy, at.toISOString(), reason,
  );
}

export function rolesOf(db: Db, userId: string): Role[] {
  return (cachedStatement(db, 'SELECT role FROM user_roles WHERE user_id = ? ORDER BY role').all(userId) as { role: Role }[]).map((r) => r.role);
}

export function setRoles(db: Db, userId: string, roles: readonly Role[], grantedBy: string, at: Date): void {
  db.prepare('DELETE FROM user_roles WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_roles (user_id, role, granted_by, granted_at) VALUES (?,?,?,?)');
  for (const role of new Set(roles)) insert.run(userId, role, grantedBy, at.toISOString());
}
