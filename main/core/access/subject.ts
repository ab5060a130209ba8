// The acting user as the main process sees them at the moment of a call: re-read on every request,
// so an ended grant or a disabled ID takes effect on the very next call (AC-4, AC-11).
import type { Business, PrivilegeLevel, Role } from '../../../shared/codes';
import { MY_NUMBER_PERMISSIONS, type Permission } from '../../../shared/rpc/permissions';
import type { Db } from '../store';
import { japanDate } from '../kernel';
import { grantInForce, rolesOf } from './grants';
import { permissionsFor, type Policy } from './policy';

export type Subject = {
  userId: string;
  level: PrivilegeLevel;
  roles: Role[];
  businesses: Business[];
  /** The business declared for this session (AC-7), if any. */
  declared: Business | null;
  /** AC-8: the user switched their own My Number access off for this session. */
  myNumberOff: boolean;
  permissions: Set<Permission>;
};

export type SessionChoices = { declared: Business | null; myNumberOff: boolean };

export function loadSubject(db: Db, policy: Policy, userId: string, choices: SessionChoices, at: Date): Subject {
  const grant = grantInForce(db, userId, japanDate(at));
  const roles = rolesOf(db, userId);
  return { userId, level: grant.level, roles, businesses: grant.businesses, ...choices, permissions: permissionsFor(policy, grant.level, roles) };
}

export type Decision = { allowed: true } | { allowed: false; reason: 'forbidden' | 'business_not_declared' | 'business_not_assigned' | 'mynumber_switched_off' };

/** AC-2, AC-7: a My Number permission also needs a declared business that the grant covers. */
export function decide(subject: Subject, permission: Permission): Decision {
  if (!subject.permissions.has(permission)) return { allowed: false, reason: 'forbidden' };
  if (!MY_NUMBER_PERMISSIONS.includes(permission)) return { allowed: true };
  if (subject.myNumberOff) return { allowed: false, reason: 'mynumber_switched_off' };
  if (!subject.declared) return { allowed: false, reason: 'business_not_declared' };
  if (!subject.businesses.includes(subject.declared)) return { allowed: false, reason: 'business_not_assigned' };
  return { allowed: true };
}

/** The permissions that are usable right now (for menus: AC-11 convenience, never the control). */
export function usablePermissions(subject: Subject): Permission[] {
  return [...subject.permissions].filter((p) => decide(subject, p).allowed).sort();
}
