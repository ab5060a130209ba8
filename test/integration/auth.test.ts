// AC-1, AC-2, AC-5: personal IDs, the level table as data, Argon2id passwords, lockout, forced change.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parsePolicy, permissionsFor } from '../../main/core/access';
import { loadPolicy } from '../../main/core/access';
import { resourcePath } from '../../main/rpc';
import { GOOD_PASSWORD, MANAGER, startKura, type TestKura } from '../helpers/kura';

describe('AC-1, AC-5: login', () => {
  let t: TestKura;
  beforeAll(async () => {
    t = await startKura();
  });
  afterAll(() => t.close());

  it('AC-1: generic or shared user IDs are refused', async () => {
    const admin = await t.manager();
    for (const userId of ['admin', 'user1', 'shared', 'guest', 'test', 'kanri']) {
      const r = await t.raw(admin, 'user.add', { userId, employeeNo: `G-${userId}`, name: '共有', initialPassword: 'Initial-pass-2026' });
      assert.equal(r.ok, false, userId);
      assert.equal(!r.ok && r.error.code, 'generic_user_id', userId);
    }
  });

  it('AC-1: every ID belongs to one named staff member (employee number is unique)', async () => {
    const admin = await t.manager();
    const first = await t.raw(admin, 'user.add', { userId: 'yamada.ichiro', employeeNo: 'E9001', name: '山田 一郎', initialPassword: 'Initial-pass-2026' });
    assert.equal(first.ok, true);
    const again = await t.raw(admin, 'user.add', { userId: 'yamada.ichiro2', employeeNo: 'E9001', name: '山田 一郎', initialPassword: 'Initial-pass-2026' });
    assert.equal(!again.ok && again.error.code, 'user_exists');
  });

  it('AC-5: passwords are stored as Argon2id hashes with OWASP parameters', () => {
    const user = t.kura.users.find(MANAGER.userId)!;
    assert.match(user.passwordHash, /^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    assert.equal(user.passwordHash.includes(MANAGER.password), false);
  });

  it('AC-5: a wrong password and an unknown ID give the same answer', async () => {
    const a = await t.raw(t.connect(), 'auth.login', { userId: MANAGER.userId, password: 'wrong-password-1' });
    const b = await t.raw(t.connect(), 'auth.login', { userId: 'nobody.here', password: 'wrong-password-1' });
    assert.deepEqual(!a.ok && a.error, !b.ok && b.error);
    assert.equal(!a.ok && a.error.code, 'bad_credentials');
    // A success resets the failure count.
    await t.call(t.connect(), 'auth.login', { userId: MANAGER.userId, password: MANAGER.password });
  });

  it('AC-5: the 6th wrong password in a row locks the ID, and then even the right one is refused', async () => {
    await t.clerk('ito.ken', 'VIEW', ['kyufu']);
    for (let i = 1; i <= 5; i++) {
      const r = await t.raw(t.connect(), 'auth.login', { userId: 'ito.ken', password: `wrong-${i}-password` });
      assert.equal(!r.ok && r.error.code, 'bad_credentials', `attempt ${i}`);
    }
    const sixth = await t.raw(t.connect(), 'auth.login', { userId: 'ito.ken', password: 'wrong-6-password' });
    assert.equal(!sixth.ok && sixth.error.code, 'account_locked');
    const right = await t.raw(t.connect(), 'auth.login', { userId: 'ito.ken', password: GOOD_PASSWORD });
    assert.equal(!right.ok && right.error.code, 'account_locked');
    const entries = (await t.call(await t.manager(), 'audit.list', { limit: 20, event: 'auth.login' })).entries;
    assert.ok(entries.some((e) => e.target === 'ito.ken' && e.detail.lockedNow === true), 'the lock is in the operation log');
  });

  it('AC-5: the initial password must be changed at first login; nothing else works until then', async () => {
    await t.call(await t.sysadmin(), 'user.add', { userId: 'kato.yui', employeeNo: 'E9100', name: '加藤 結衣', initialPassword: 'Initial-pass-2026' });
    await t.call(await t.manager(), 'grant.set', { userId: 'kato.yui', level: 'VIEW', businesses: ['kyufu'], validFrom: '2026-11-24', reason: '給付課配属' });
    const conn = t.connect();
    const session = await t.call(conn, 'auth.login', { userId: 'kato.yui', password: 'Initial-pass-2026' });
    assert.equal(session.mustChangePassword, true);
    assert.deepEqual(session.permissions, []);
    const blocked = await t.raw(conn, 'member.search', { by: 'kanaName', query: 'サ' });
    assert.equal(!blocked.ok && blocked.error.code, 'password_change_required');
    const weak = await t.raw(conn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: 'short1' });
    assert.equal(!weak.ok && weak.error.code, 'password_too_weak');
    const reused = await t.raw(conn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: 'Initial-pass-2026' });
    assert.equal(!reused.ok && reused.error.code, 'password_reused');
    const changed = await t.call(conn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });
    assert.equal(changed.mustChangePassword, false);
    assert.equal((await t.raw(conn, 'member.search', { by: 'kanaName', query: 'サ' })).ok, true);
  });

  it('AC-5: a password older than the maximum age forces a change', async () => {
    await t.clerk('mori.aoi', 'VIEW', ['kyufu']);
    t.clock.advance((t.kura.policy.password.maxAgeDays + 1) * 86_400_000);
    try {
      const session = await t.call(t.connect(), 'auth.login', { userId: 'mori.aoi', password: GOOD_PASSWORD });
      assert.equal(session.mustChangePassword, true);
    } finally {
      t.clock.advance(-(t.kura.policy.password.maxAgeDays + 1) * 86_400_000);
    }
  });

  it('AC-5: sessions expire after the maximum session length', async () => {
    const conn = await t.manager();
    t.clock.advance(t.kura.policy.session.maxSessionHours * 3_600_000 + 1000);
    try {
      const r = await t.raw(conn, 'session.get', {});
      assert.equal(!r.ok && r.error.code, 'session_expired');
      assert.equal(conn.session, null);
    } finally {
      t.clock.advance(-(t.kura.policy.session.maxSessionHours * 3_600_000 + 1000));
    }
  });
});

describe('AC-2: privilege levels are data', () => {
  const policy = loadPolicy(resourcePath('policy.json'));

  it('AC-2: NONE reaches no My Number permission; VIEW, EDIT and LINK do', () => {
    assert.equal([...permissionsFor(policy, 'NONE', [])].some((p) => p.startsWith('mynumber.')), false);
    for (const level of ['VIEW', 'EDIT', 'LINK'] as const) assert.ok(permissionsFor(policy, level, []).has('mynumber.reveal'), level);
    assert.equal(permissionsFor(policy, 'VIEW', []).has('mynumber.register'), false);
    assert.ok(permissionsFor(policy, 'EDIT', []).has('mynumber.register'));
  });

  it('AC-2: a policy file that gives NONE a My Number permission is refused', () => {
    const raw = structuredClone(policy) as { levels: { NONE: string[] } };
    raw.levels.NONE.push('mynumber.reveal');
    assert.throws(() => parsePolicy(raw), /NONE may not hold mynumber.reveal/);
  });

  it('AC-2: an unknown permission name in the file is refused', () => {
    const raw = structuredClone(policy) as { levels: { VIEW: string[] } };
    raw.levels.VIEW.push('mynumber.everything');
    assert.throws(() => parsePolicy(raw));
  });
});
