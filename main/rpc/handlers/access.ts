// Access administration (issue 4). Every change is logged with before and after (AC-3).
import { KuraError } from '../../../shared/errors';
import type { AssignmentRow } from '../../../shared/rpc/channels/access';
import {
  assertGrantable, grantInForce, insertGrant, listReviews, recordReview, rolesOf, setRoles, setTerminalDesignations, terminalDesignations, upcomingGrants,
} from '../../core/access';
import { japanDate } from '../../core/kernel';
import { assertStrongEnough, hashPassword, requireUser, resetPassword, setDisabled, setRetirement, standInMakers, unlockUser, updateProfile, userStatus } from '../../core/auth';
import type { Kura } from '../kura';
import type { Handler } from '../router';
import { sessionInfo } from './session-info';
import { userSummary } from './users';

function assignmentRows(kura: Kura, now: Date): AssignmentRow[] {
  const today = japanDate(now);
  return kura.users.list().map((u) => ({
    userId: u.userId,
    name: u.name,
    employeeNo: u.employeeNo,
    department: u.department,
    roles: rolesOf(kura.store.db, u.userId),
    current: grantInForce(kura.store.db, u.userId, today),
    upcoming: upcomingGrants(kura.store.db, u.userId, today),
    status: userStatus(u, today),
    retiredOn: u.retiredOn,
    lastLoginAt: u.lastLoginAt,
    passwordAgeDays: Math.floor((now.getTime() - Date.parse(u.passwordChangedAt)) / 86_400_000),
  }));
}

export const getTerminal: Handler<'terminal.get'> = ({ kura }) => ({ name: kura.terminalName() ?? '', designations: kura.designations() });

/** AC-12: designations are set by a system administrator, logged with before and after. */
export const setDesignations: Handler<'terminal.setDesignations'> = ({ kura, input, commit }) => {
  const before = terminalDesignations(kura.store.db);
  commit(() => setTerminalDesignations(kura.store.db, input.designations), { detail: { before, after: input.designations, reason: input.reason } });
  return { designations: kura.designations() };
};

export const updateUser: Handler<'user.update'> = ({ kura, input, now, commit }) => {
  const before = requireUser(kura.store.db, input.userId);
  commit(() => updateProfile(kura.store.db, input.userId, input), {
    target: input.userId,
    detail: { before: { name: before.name, department: before.department }, after: { name: input.name ?? before.name, department: input.department ?? before.department }, reason: input.reason },
  });
  return userSummary(kura, input.userId, now);
};

/** AC-1, AC-5: disable, enable, and an administrator's unlock after a lockout. */
export const setUserStatus: Handler<'user.setStatus'> = ({ kura, input, now, subject, commit }) => {
  const user = requireUser(kura.store.db, input.userId);
  if (input.userId === subject!.userId) throw new KuraError('self_grant');
  const before = userStatus(user, japanDate(now));
  commit(
    () => {
      if (input.action === 'unlock') unlockUser(kura.store.db, input.userId);
      else setDisabled(kura.store.db, input.userId, input.action === 'disable', now);
    },
    () => ({ target: input.userId, detail: { action: input.action, before, after: userStatus(requireUser(kura.store.db, input.userId), japanDate(now)), reason: input.reason } }),
  );
  return { ok: true as const };
};

/** AC-4: on the retirement date the ID stops logging in and the level drops to NONE. */
export const retireUser: Handler<'user.retire'> = ({ kura, input, now, subject, commit }) => {
  requireUser(kura.store.db, input.userId);
  if (input.userId === subject!.userId) throw new KuraError('self_grant');
  const before = grantInForce(kura.store.db, input.userId, japanDate(now));
  commit(
    () => {
      setRetirement(kura.store.db, input.userId, input.retiredOn);
      insertGrant(kura.store.db, input.userId, { level: 'NONE', businesses: [], validFrom: input.retiredOn, validTo: null }, subject!.userId, now, input.reason);
    },
    { target: input.userId, detail: { retiredOn: input.retiredOn, before, after: { level: 'NONE', from: input.retiredOn }, reason: input.reason } },
  );
  return { ok: true as const };
};

export const resetUserPassword: Handler<'user.resetPassword'> = async ({ kura, input, now, subject, commit }) => {
  requireUser(kura.store.db, input.userId);
  if (input.userId === subject!.userId) throw new KuraError('self_grant');
  assertStrongEnough(input.temporaryPassword, kura.policy.password);
  const hash = await hashPassword(input.temporaryPassword);
  commit(() => resetPassword(kura.store.db, input.userId, hash, now, subject!.userId), { target: input.userId, detail: { mustChangePassword: true, reason: input.reason } });
  return { ok: true as const };
};

/**
 * AC-3, AC-4: only a manager, never for themselves, from today or a later day; who, when, old, new,
 * reason. AC-1, AC-3: never by the ID's creator or whoever ever set its password (a stand-in), nor
 * by an ID the grantee created or set a password for.
 */
export const setGrant: Handler<'grant.set'> = ({ kura, input, now, subject, commit }) => {
  const target = requireUser(kura.store.db, input.userId);
  const today = japanDate(now);
  const grant = { level: input.level, businesses: input.level === 'NONE' ? [] : input.businesses, validFrom: input.validFrom, validTo: input.validTo };
  const actor = requireUser(kura.store.db, subject!.userId);
  assertGrantable(subject!.userId, input.userId, grant, today, { ofTarget: standInMakers(kura.store.db, target), ofActor: standInMakers(kura.store.db, actor) });
  const before = grantInForce(kura.store.db, input.userId, input.validFrom);
  commit(() => insertGrant(kura.store.db, input.userId, grant, subject!.userId, now, input.reason), {
    target: input.userId,
    detail: { before, after: grant, reason: input.reason },
  });
  return { current: grantInForce(kura.store.db, input.userId, today), upcoming: upcomingGrants(kura.store.db, input.userId, today) };
};

/** AC-3: roles too are set by a manager and never by oneself. */
export const setUserRoles: Handler<'role.set'> = ({ kura, input, now, subject, commit }) => {
  requireUser(kura.store.db, input.userId);
  if (input.userId === subject!.userId) throw new KuraError('self_grant');
  const before = rolesOf(kura.store.db, input.userId);
  commit(() => setRoles(kura.store.db, input.userId, input.roles, subject!.userId, now), { target: input.userId, detail: { before, after: input.roles, reason: input.reason } });
  return userSummary(kura, input.userId, now);
};

/** AC-6: 割当状況一覧, filtered; it never carries a My Number. */
export const listAssignments: Handler<'access.assignments'> = ({ kura, input, now, note }) => {
  const rows = assignmentRows(kura, now).filter(
    (r) =>
      (!input.level || r.current.level === input.level) &&
      (!input.business || r.current.businesses.includes(input.business)) &&
      (!input.role || r.roles.includes(input.role)) &&
      (!input.status || r.status === input.status),
  );
  note({ detail: { filters: input, rows: rows.length } });
  return { rows, asOf: japanDate(now) };
};

/** AC-6: the manager's periodic review, with the list as it was seen. */
export const recordAccessReview: Handler<'access.recordReview'> = ({ kura, input, now, subject, commit }) => {
  const review = commit(() => recordReview(kura.store.db, subject!.userId, input.findings, assignmentRows(kura, now), now), (r) => ({ target: `review-${r.id}`, detail: { users: r.users } }));
  return { reviewId: review.id, reviewedAt: review.reviewedAt };
};

export const listAccessReviews: Handler<'access.reviews'> = ({ kura, input }) => ({ reviews: listReviews(kura.store.db, input.limit) });

/** AC-8: a privileged user switches their own My Number access off (and on), each switch logged. */
export const setMyNumberAccess: Handler<'session.setMyNumberAccess'> = ({ kura, input, conn, now, commit }) => {
  commit(() => {
    conn.session!.myNumberOff = !input.enabled;
  }, { target: conn.session!.userId, detail: { enabled: input.enabled } });
  return sessionInfo(kura, conn, now);
};

export const accessHandlers = {
  'terminal.get': getTerminal,
  'terminal.setDesignations': setDesignations,
  'user.update': updateUser,
  'user.setStatus': setUserStatus,
  'user.retire': retireUser,
  'user.resetPassword': resetUserPassword,
  'grant.set': setGrant,
  'role.set': setUserRoles,
  'access.assignments': listAssignments,
  'access.recordReview': recordAccessReview,
  'access.reviews': listAccessReviews,
  'session.setMyNumberAccess': setMyNumberAccess,
};
