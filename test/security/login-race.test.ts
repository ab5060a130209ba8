// AC-5: parallel password guesses cannot outrun the lockout, and a lockout ends an open session.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { GOOD_PASSWORD, startKura, type TestKura } from '../helpers/kura';

describe('AC-5: lockout under parallel attempts', () => {
  let t: TestKura;
  beforeAll(async () => {
    t = await startKura();
  });
  afterAll(() => t.close());

  it('AC-5: 40 wrong passwords and the right one fired at once: 5 wrong answers, then locked, and no session', async () => {
    await t.clerk('race.target', 'VIEW', ['kyufu']);
    const attempts = [...Array.from({ length: 40 }, (_, i) => `wrong-${i}-password`), GOOD_PASSWORD];
    const conns = attempts.map(() => t.connect());
    const results = await Promise.all(attempts.map((password, i) => t.raw(conns[i]!, 'auth.login', { userId: 'race.target', password })));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    assert.equal(codes.filter((c) => c === 'bad_credentials').length, 5, codes.join(','));
    assert.equal(codes.filter((c) => c === 'ok').length, 0, 'the right password came after the lock');
    assert.ok(conns.every((c) => c.session === null));
    assert.ok(t.kura.users.find('race.target')?.lockedAt);
  });

  it('AC-5: a session whose account gets locked (wrong passwords on the unlock screen) ends at its next call', async () => {
    const conn = await t.clerk('race.session', 'VIEW', ['kyufu'], 'kyufu');
    t.clock.advance(t.kura.policy.session.idleLockSeconds * 1000 + 1);
    try {
      for (let i = 0; i < 6; i++) await t.raw(conn, 'session.unlock', { password: `wrong-${i}-password` });
      const r = await t.raw(conn, 'member.search', { by: 'kanaName', query: 'サ' });
      assert.ok(!r.ok && ['account_locked', 'not_logged_in'].includes(r.error.code), !r.ok ? r.error.code : 'ok');
      assert.equal(conn.session, null);
    } finally {
      t.clock.advance(-(t.kura.policy.session.idleLockSeconds * 1000 + 1));
    }
  });

  it('AC-5: wrong current passwords on the password-change screen count toward the lockout', async () => {
    const conn = await t.clerk('race.change', 'VIEW', ['kyufu']);
    for (let i = 0; i < 6; i++) await t.raw(conn, 'auth.changePassword', { currentPassword: `wrong-${i}-password`, newPassword: 'Another-pass-2026' });
    assert.ok(t.kura.users.find('race.change')?.lockedAt, 'locked after repeated wrong current passwords');
    const login = await t.raw(t.connect(), 'auth.login', { userId: 'race.change', password: GOOD_PASSWORD });
    assert.equal(!login.ok && login.error.code, 'account_locked');
  });
});
