// Issue 4: every AC control of access administration, through the real router.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { GOOD_PASSWORD, MANAGER, startKura, type TestKura } from '../helpers/kura';
import type { Connection } from '../../main/rpc';

const DAY = 86_400_000;

describe('access administration', () => {
  let t: TestKura;
  let manager: Connection;
  let holder: string;
  beforeAll(async () => {
    t = await startKura({ seed: 40 });
    manager = await t.manager();
    holder = (t.kura.store.db.prepare('SELECT shikaku_id FROM mynumber_master WHERE sakujo_kubun = 0 LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
  });
  afterAll(() => t.close());

  const lastLog = async (event: string) => (await t.call(await t.manager(), 'audit.list', { limit: 1, event })).entries[0];

  it('AC-3: nobody grants themselves anything, not even a manager', async () => {
    manager = await t.manager();
    const r = await t.raw(manager, 'grant.set', { userId: MANAGER.userId, level: 'EDIT', businesses: ['kyufu'], validFrom: '2026-11-24', reason: '自分に付与' });
    assert.equal(!r.ok && r.error.code, 'self_grant');
    const roles = await t.raw(manager, 'role.set', { userId: MANAGER.userId, roles: ['manager'], reason: '自分' });
    assert.equal(!roles.ok && roles.error.code, 'self_grant');
    const entry = await lastLog('role.set');
    assert.equal(entry?.outcome, 'refused');
  });

  it('AC-3: only a manager sets levels; a system administrator without the manager role cannot', async () => {
    manager = await t.manager();
    await t.call(manager, 'user.add', { userId: 'kimura.sys', employeeNo: 'S100', name: '木村 システム', initialPassword: 'Initial-pass-2026', roles: ['sysadmin'] });
    const sys = t.connect();
    await t.call(sys, 'auth.login', { userId: 'kimura.sys', password: 'Initial-pass-2026' });
    await t.call(sys, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });
    const r = await t.raw(sys, 'grant.set', { userId: 'kimura.sys', level: 'EDIT', businesses: ['kyufu'], validFrom: '2026-11-24', reason: 'x' });
    assert.equal(!r.ok && r.error.code, 'forbidden');
    const add = await t.raw(sys, 'user.add', { userId: 'hayashi.mai', employeeNo: 'S101', name: '林 舞', initialPassword: 'Initial-pass-2026', level: 'VIEW', businesses: ['kyufu'] });
    assert.equal(!add.ok && add.error.code, 'forbidden', 'creating a user with a level needs grant.set');
    const plain = await t.raw(sys, 'user.add', { userId: 'hayashi.mai', employeeNo: 'S101', name: '林 舞', initialPassword: 'Initial-pass-2026' });
    assert.equal(plain.ok, true, 'a system administrator creates IDs (level NONE)');
  });

  it('AC-3: a change to a manager\'s own rights needs another manager, and records who, when, old, new, reason', async () => {
    manager = await t.manager();
    // The system administrator issues the ID; the manager, who did not create it, sets role and level (AC-1, AC-3).
    await t.call(await t.sysadmin(), 'user.add', { userId: 'ishii.kanri', employeeNo: 'M200', name: '石井 管理', initialPassword: 'Initial-pass-2026' });
    manager = await t.manager();
    await t.call(manager, 'role.set', { userId: 'ishii.kanri', roles: ['manager'], reason: '管理責任者に任命' });
    const r = await t.call(manager, 'grant.set', { userId: 'ishii.kanri', level: 'VIEW', businesses: ['kyufu'], validFrom: '2026-11-24', reason: '給付担当兼務' });
    assert.equal(r.current.level, 'VIEW');
    const entry = await lastLog('grant.set');
    assert.equal(entry?.operator, MANAGER.userId);
    assert.equal(entry?.target, 'ishii.kanri');
    assert.ok(entry?.at);
    assert.deepEqual((entry?.detail.before as { level: string }).level, 'NONE');
    assert.deepEqual((entry?.detail.after as { level: string }).level, 'VIEW');
    assert.equal(entry?.detail.reason, '給付担当兼務');
  });

  it('AC-4: a grant dated tomorrow is not in force today and is in force tomorrow (clock injected)', async () => {
    const clerk = await t.clerk('nakamura.rei', 'NONE', []);
    manager = await t.manager();
    await t.call(manager, 'grant.set', { userId: 'nakamura.rei', level: 'VIEW', businesses: ['kyufu'], validFrom: '2026-11-25', reason: '12/1 異動' });
    const today = await t.raw(clerk, 'session.declareBusiness', { business: 'kyufu' });
    assert.equal(!today.ok && today.error.code, 'business_not_assigned');
    t.clock.advance(DAY);
    try {
      await t.call(clerk, 'session.unlock', { password: GOOD_PASSWORD }).catch(() => undefined);
      const again = t.connect();
      await t.call(again, 'auth.login', { userId: 'nakamura.rei', password: GOOD_PASSWORD });
      await t.call(again, 'session.declareBusiness', { business: 'kyufu' });
      assert.equal((await t.call(again, 'mynumber.reveal', { shikakuId: holder })).myNumber.length, 12);
    } finally {
      t.clock.advance(-DAY);
    }
  });

  it('AC-4: a grant ends on the transfer date: the next request is refused', async () => {
    const clerk = await t.clerk('ota.kyu', 'VIEW', ['kyufu'], 'kyufu');
    assert.equal((await t.raw(clerk, 'mynumber.reveal', { shikakuId: holder })).ok, true);
    manager = await t.manager();
    await t.call(manager, 'grant.set', { userId: 'ota.kyu', level: 'NONE', businesses: [], validFrom: '2026-11-24', reason: '異動' });
    const r = await t.raw(clerk, 'mynumber.reveal', { shikakuId: holder });
    assert.equal(!r.ok && r.error.code, 'forbidden');
  });

  it('AC-4: a retired user cannot log in from the retirement date, and an open session ends', async () => {
    const clerk = await t.clerk('endo.taisyoku', 'EDIT', ['tekiyo'], 'tekiyo');
    manager = await t.manager();
    await t.call(manager, 'user.retire', { userId: 'endo.taisyoku', retiredOn: '2026-11-25', reason: '退職' });
    assert.equal((await t.raw(clerk, 'member.search', { by: 'kanaName', query: 'タ' })).ok, true, 'still works today');
    t.clock.advance(DAY);
    try {
      const open = await t.raw(clerk, 'member.search', { by: 'kanaName', query: 'タ' });
      assert.equal(!open.ok && open.error.code, 'account_disabled');
      const login = await t.raw(t.connect(), 'auth.login', { userId: 'endo.taisyoku', password: GOOD_PASSWORD });
      assert.equal(!login.ok && login.error.code, 'account_disabled');
      const rows = (await t.call(await t.manager(), 'access.assignments', { status: 'retired' })).rows;
      assert.ok(rows.some((r) => r.userId === 'endo.taisyoku' && r.current.level === 'NONE'));
    } finally {
      t.clock.advance(-DAY);
    }
  });

  it('AC-1: a disabled ID cannot log in; one user holds one active session', async () => {
    const first = await t.clerk('aoki.ichi', 'NONE', []);
    const second = t.connect();
    await t.call(second, 'auth.login', { userId: 'aoki.ichi', password: GOOD_PASSWORD });
    const old = await t.raw(first, 'member.search', { by: 'kanaName', query: 'タ' });
    assert.equal(!old.ok && old.error.code, 'session_replaced');
    manager = await t.manager();
    await t.call(manager, 'user.setStatus', { userId: 'aoki.ichi', action: 'disable', reason: '長期休職' });
    const r = await t.raw(t.connect(), 'auth.login', { userId: 'aoki.ichi', password: GOOD_PASSWORD });
    assert.equal(!r.ok && r.error.code, 'account_disabled');
    const entry = await lastLog('user.setStatus');
    assert.deepEqual([entry?.detail.before, entry?.detail.after], ['active', 'disabled']);
  });

  it('AC-5: lockout is lifted by an administrator; a reset forces a change at the next login', async () => {
    await t.clerk('kubo.lock', 'NONE', []);
    for (let i = 0; i < 6; i++) await t.raw(t.connect(), 'auth.login', { userId: 'kubo.lock', password: `wrong-${i}-password` });
    const locked = await t.raw(t.connect(), 'auth.login', { userId: 'kubo.lock', password: GOOD_PASSWORD });
    assert.equal(!locked.ok && locked.error.code, 'account_locked');
    manager = await t.manager();
    await t.call(manager, 'user.setStatus', { userId: 'kubo.lock', action: 'unlock', reason: '本人確認済' });
    assert.equal((await t.raw(t.connect(), 'auth.login', { userId: 'kubo.lock', password: GOOD_PASSWORD })).ok, true);
    manager = await t.manager();
    await t.call(manager, 'user.resetPassword', { userId: 'kubo.lock', temporaryPassword: 'Temporary-pass-2026', reason: '失念' });
    const s = await t.call(t.connect(), 'auth.login', { userId: 'kubo.lock', password: 'Temporary-pass-2026' });
    assert.equal(s.mustChangePassword, true);
    const entry = await lastLog('user.resetPassword');
    assert.equal(JSON.stringify(entry).includes('Temporary-pass-2026'), false, 'the password is never logged');
  });

  it('AC-6: the assignment status list shows levels, roles, businesses, validity, last login, password age; a review is recorded', async () => {
    manager = await t.manager();
    await t.call(manager, 'grant.set', { userId: 'ishii.kanri', level: 'EDIT', businesses: ['kyufu', 'tekiyo'], validFrom: '2026-12-01', reason: '12月から' });
    const list = await t.call(manager, 'access.assignments', {});
    const ishii = list.rows.find((r) => r.userId === 'ishii.kanri')!;
    assert.equal(ishii.current.level, 'VIEW');
    assert.deepEqual(ishii.upcoming.map((g) => [g.level, g.validFrom]), [['EDIT', '2026-12-01']]);
    assert.deepEqual(ishii.roles, ['manager']);
    assert.equal(typeof ishii.passwordAgeDays, 'number');
    const me = list.rows.find((r) => r.userId === MANAGER.userId)!;
    assert.ok(me.lastLoginAt);
    const onlyView = await t.call(manager, 'access.assignments', { level: 'VIEW', business: 'kyufu' });
    assert.ok(onlyView.rows.length >= 1 && onlyView.rows.every((r) => r.current.level === 'VIEW'));
    assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(list)), false);
    const review = await t.call(manager, 'access.recordReview', { findings: '不要なIDなし。石井の12月付与を確認。' });
    const reviews = await t.call(manager, 'access.reviews', {});
    assert.equal(reviews.reviews[0]?.id, review.reviewId);
    assert.equal(reviews.reviews[0]?.reviewer, MANAGER.userId);
    assert.equal(reviews.reviews[0]?.users, list.rows.length);
    const clerk = await t.clerk('noda.view', 'VIEW', ['kyufu'], 'kyufu');
    const refused = await t.raw(clerk, 'access.recordReview', { findings: 'x' });
    assert.equal(!refused.ok && refused.error.code, 'forbidden');
  });

  it('AC-7: only an assigned business can be declared, and My Number lookups check it', async () => {
    const clerk = await t.clerk('mizuno.kyu', 'VIEW', ['kyufu']);
    const lookup = await t.raw(clerk, 'member.search', { by: 'myNumber', query: '123456789018' });
    assert.equal(!lookup.ok && lookup.error.code, 'business_not_declared');
    const declare = await t.raw(clerk, 'session.declareBusiness', { business: 'choshu' });
    assert.equal(!declare.ok && declare.error.code, 'business_not_assigned');
  });

  it('AC-8: switching My Number access off hides numbers and refuses reveals; each switch is logged', async () => {
    const clerk = await t.clerk('kondo.edit', 'EDIT', ['kyufu'], 'kyufu');
    const off = await t.call(clerk, 'session.setMyNumberAccess', { enabled: false });
    assert.equal(off.myNumberOff, true);
    assert.equal(off.permissions.some((p) => p.startsWith('mynumber.')), false);
    const detail = await t.call(clerk, 'member.get', { shikakuId: holder });
    assert.equal('myNumber' in detail, false, 'no status, not even masked');
    const reveal = await t.raw(clerk, 'mynumber.reveal', { shikakuId: holder });
    assert.equal(!reveal.ok && reveal.error.code, 'mynumber_switched_off');
    const on = await t.call(clerk, 'session.setMyNumberAccess', { enabled: true });
    assert.equal(on.myNumberOff, false);
    assert.equal((await t.raw(clerk, 'mynumber.reveal', { shikakuId: holder })).ok, true);
    const log = (await t.call(await t.manager(), 'audit.list', { limit: 10, event: 'session.setMyNumberAccess' })).entries;
    assert.deepEqual(log.slice(0, 2).map((e) => e.detail.enabled), [true, false]);
  });

  it('AC-12: terminal designations are set by a system administrator and logged', async () => {
    manager = await t.manager();
    const r = await t.call(manager, 'terminal.setDesignations', { designations: ['media', 'backup'], reason: '媒体使用端末に指定' });
    assert.deepEqual(r.designations, ['backup', 'media']);
    assert.deepEqual((await t.call(manager, 'terminal.get', {})).designations, ['backup', 'media']);
    const entry = await lastLog('terminal.setDesignations');
    assert.deepEqual([entry?.detail.before, entry?.detail.after], [[], ['media', 'backup']]);
    const clerk = await t.clerk('sakai.none', 'EDIT', ['tekiyo']);
    const refused = await t.raw(clerk, 'terminal.setDesignations', { designations: [], reason: 'x' });
    assert.equal(!refused.ok && refused.error.code, 'forbidden');
  });

  it('AC-3: every administrative change is in the operation log with before and after', () => {
    const rows = t.kura.store.db
      .prepare("SELECT event, detail FROM audit_log WHERE outcome = 'ok' AND event IN ('grant.set','role.set','user.setStatus','user.retire','user.update','terminal.setDesignations','user.add')")
      .all() as { event: string; detail: string }[];
    assert.ok(rows.length >= 8);
    for (const r of rows) {
      const d = JSON.parse(r.detail) as Record<string, unknown>;
      assert.ok('before' in d && 'after' in d, `${r.event}: ${r.detail}`);
    }
  });
});
