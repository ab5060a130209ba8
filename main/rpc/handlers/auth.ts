import { KuraError } from '../../../shared/errors';
import { userIdSchema } from '../../../shared/rpc';
import { applyLoginOutcome, assertMayLogIn, assertNotReused, assertStrongEnough, checkLogin, hashPassword, oneAttemptAtATime } from '../../core/auth';
import { syncGraceExceeded } from '../../core/sync';
import type { Handler } from '../router';
import { sessionInfo } from './session-info';

/** AC-1, AC-5: personal ID and password; failures counted, the one too many locks the ID. */
export const login: Handler<'auth.login'> = async ({ kura, input, conn, now, commit, setOperator }) => {
  if (kura.users.count() === 0) throw new KuraError('not_initialized');
  // AC-4: a terminal out of touch with the data center cannot know who was deactivated: no logins.
  const graceDays = kura.policy.sync.offlineGraceDays;
  if (syncGraceExceeded(kura.store.db, now, graceDays)) throw new KuraError('sync_grace_exceeded', { days: graceDays });
  conn.end();
  conn.replaced = false;
  // Only a well-formed ID goes into the log: someone may type anything, even a number, into the field.
  const loggedId = userIdSchema.safeParse(input.userId).success ? input.userId : '(形式不正)';
  setOperator(loggedId);
  // AC-5: one attempt per ID at a time, and the outcome (failure count, lock) written before the next.
  const outcome = await oneAttemptAtATime(input.userId, async () => {
    const checked = await checkLogin(kura.store.db, input.userId, input.password, kura.policy.password, now);
    return commit(
      () => applyLoginOutcome(kura.store.db, input.userId, checked, kura.policy.password, now),
      (o) => ({ target: loggedId, outcome: o.ok ? 'ok' : 'refused', detail: o.ok ? { result: 'success' } : { result: o.error.code, lockedNow: o.lockedNow } }),
    );
  });
  if (!outcome.ok) throw outcome.error;
  // AC-1: one active session per user; a new login ends the older one.
  const previous = kura.sessions.get(outcome.user.userId);
  if (previous && previous !== conn) previous.replace();
  kura.sessions.set(outcome.user.userId, conn);
  const t = now.getTime();
  conn.session = { userId: outcome.user.userId, business: null, startedAt: t, lastActivityAt: t, locked: false, mustChangePassword: outcome.mustChangePassword, myNumberOff: false };
  return sessionInfo(kura, conn, now);
};

export const logout: Handler<'auth.logout'> = ({ kura, conn, note }) => {
  note({ target: conn.session?.userId ?? null });
  if (conn.session && kura.sessions.get(conn.session.userId) === conn) kura.sessions.delete(conn.session.userId);
  conn.end();
  return { ok: true as const };
};

/** AC-5: strength, history of the last N, and the current password proves it is the user. */
export const changePassword: Handler<'auth.changePassword'> = async ({ kura, input, conn, now, commit }) => {
  const session = conn.session!;
  const user = kura.users.find(session.userId)!;
  // AC-5: a wrong current password counts toward the lockout like a failed login.
  const current = await oneAttemptAtATime(user.userId, async () => {
    const checked = await checkLogin(kura.store.db, user.userId, input.currentPassword, kura.policy.password, now);
    return checked.ok ? checked : kura.store.transaction(() => applyLoginOutcome(kura.store.db, user.userId, checked, kura.policy.password, now));
  });
  if (!current.ok) {
    if (current.error.code !== 'bad_credentials') conn.end();
    throw current.error;
  }
  assertStrongEnough(input.newPassword, kura.policy.password);
  await assertNotReused(kura.store.db, user.userId, input.newPassword, kura.policy.password.historyCount);
  const hash = await hashPassword(input.newPassword);
  // AC-3: a password the user chose is nobody else's to know: whoever set the previous one no longer counts.
  commit(() => kura.users.setPassword(user.userId, hash, false, now, null), { target: user.userId });
  session.mustChangePassword = false;
  session.lastActivityAt = now.getTime();
  return sessionInfo(kura, conn, now);
};

export const getSession: Handler<'session.get'> = ({ kura, conn, now }) => sessionInfo(kura, conn, now);

/** AC-7: only a business the user is assigned to can be declared. */
export const declareBusiness: Handler<'session.declareBusiness'> = ({ kura, input, conn, now, subject, commit }) => {
  if (!subject!.businesses.includes(input.business)) throw new KuraError('business_not_assigned');
  commit(() => {
    conn.session!.business = input.business;
  }, { target: subject!.userId, detail: { business: input.business } });
  return sessionInfo(kura, conn, now);
};

export const lock: Handler<'session.lock'> = ({ conn }) => {
  conn.lock();
  return { ok: true as const };
};

/** AC-10: only the same user's password unlocks; failures count toward the lockout like a login. */
export const unlock: Handler<'session.unlock'> = async ({ kura, input, conn, now, commit }) => {
  const session = conn.session!;
  const outcome = await oneAttemptAtATime(session.userId, async () => {
    const checked = await checkLogin(kura.store.db, session.userId, input.password, kura.policy.password, now);
    return commit(
      () => applyLoginOutcome(kura.store.db, session.userId, checked, kura.policy.password, now),
      (o) => ({ target: session.userId, outcome: o.ok ? 'ok' : 'refused', detail: { result: o.ok ? 'success' : o.error.code } }),
    );
  });
  if (!outcome.ok) {
    if (outcome.error.code !== 'bad_credentials') conn.end();
    throw outcome.error;
  }
  assertMayLogIn(outcome.user, now);
  session.locked = false;
  session.lastActivityAt = now.getTime();
  return sessionInfo(kura, conn, now);
};
