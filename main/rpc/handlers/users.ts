import { KuraError } from '../../../shared/errors';
import type { UserSummary } from '../../../shared/rpc';
import { grantInForce, insertGrant, rolesOf, setRoles } from '../../core/access';
import { japanDate } from '../../core/kernel';
import { assertPersonalUserId, assertStrongEnough, hashPassword } from '../../core/auth';
import type { Kura } from '../kura';
import type { Handler } from '../router';

export function userSummary(kura: Kura, userId: string, now: Date): UserSummary {
  const user = kura.users.find(userId)!;
  const grant = grantInForce(kura.store.db, userId, japanDate(now));
  return { userId, name: user.name, employeeNo: user.employeeNo, roles: rolesOf(kura.store.db, userId), level: grant.level, businesses: grant.businesses };
}

export const listUsers: Handler<'user.list'> = ({ kura, now }) => ({ users: kura.users.list().map((u) => userSummary(kura, u.userId, now)) });

/**
 * AC-1: one named staff member per ID; AC-3: a level or role can only be set by a manager
 * (grant.set), never for oneself. The initial password must be changed at first login (AC-5).
 * AC-1, AC-3: the creator knows the initial password, so the ID starts at NONE and another manager
 * grants its level (grant.set refuses the creator). Roles may still come with the ID: that is how a
 * society's first manager registers the second one.
 */
export const addUser: Handler<'user.add'> = async ({ kura, input, now, subject, require, commit }) => {
  assertPersonalUserId(input.userId);
  const grantsSomething = input.level !== 'NONE' || input.roles.length > 0 || input.businesses.length > 0;
  if (grantsSomething) require('grant.set');
  if (input.userId === subject!.userId) throw new KuraError('self_grant');
  if (input.level !== 'NONE') throw new KuraError('level_at_creation');
  assertStrongEnough(input.initialPassword, kura.policy.password);
  const passwordHash = await hashPassword(input.initialPassword);
  commit(
    () => {
      kura.users.create({ ...input, passwordHash, mustChangePassword: true }, subject!.userId, now);
      setRoles(kura.store.db, input.userId, input.roles, subject!.userId, now);
      insertGrant(kura.store.db, input.userId, { level: input.level, businesses: input.businesses, validFrom: japanDate(now), validTo: null }, subject!.userId, now, input.reason);
    },
    {
      target: input.userId,
      detail: { employeeNo: input.employeeNo, before: null, after: { level: input.level, businesses: input.businesses, roles: input.roles }, reason: input.reason },
    },
  );
  return userSummary(kura, input.userId, now);
};
