// AC-1, AC-3 (and MD-4): one person holding both administrator roles must not be able to make an ID,
// know its password, give it rights and use it, or approve what it asks for. Through the real router.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { GOOD_PASSWORD, MANAGER, SYSADMIN, startKura, type TestKura } from '../helpers/kura';
import { startMediaKit, type MediaKit } from '../media/kit';

const TODAY = '2026-11-24';
const MINUTES_5 = 5 * 60_000;
const grant = (userId: string, level: 'NONE' | 'VIEW' | 'LINK', businesses: ('kyufu' | 'renkei')[] = level === 'NONE' ? [] : ['kyufu']) => ({
  userId, level, businesses, validFrom: TODAY, reason: '配属',
});

function passwordSetBy(t: TestKura, userId: string): string | null {
  return t.kura.users.find(userId)!.passwordSetBy;
}

async function changeOwnPassword(t: TestKura, userId: string, from: string, to: string): Promise<void> {
  const conn = t.connect();
  await t.call(conn, 'auth.login', { userId, password: from });
  await t.call(conn, 'auth.changePassword', { currentPassword: from, newPassword: to });
  await t.call(conn, 'auth.logout', {});
}

describe('AC-1, AC-3: no stand-in IDs', () => {
  let t: TestKura;
  let other: Connection;
  beforeAll(async () => {
    t = await startKura({ seed: 5 });
    // A second manager, created by the system administrator: not the maker of anything below.
    await t.clerk('fuku.kanri', 'NONE', [], undefined, ['manager']);
  });
  afterAll(() => t.close());

  const otherManager = async (): Promise<Connection> => {
    other = t.connect();
    await t.call(other, 'auth.login', { userId: 'fuku.kanri', password: GOOD_PASSWORD });
    return other;
  };

  it('AC-3, AC-1: the manager who created an ID cannot give it a level (refused, logged, and told what to do); another manager can', async () => {
    const manager = await t.manager();
    await t.call(manager, 'user.add', { userId: 'tachi.kawa', employeeNo: 'S300', name: '立川 一', initialPassword: 'Initial-pass-2026' });
    assert.equal(passwordSetBy(t, 'tachi.kawa'), MANAGER.userId, 'the creator set the initial password');

    const r = await t.raw(manager, 'grant.set', grant('tachi.kawa', 'VIEW'));
    assert.equal(!r.ok && r.error.code, 'stand_in_grant');
    assert.match(!r.ok ? r.error.ja : '', /別の管理責任者に「権限設定」での付与を依頼してください。管理責任者が1人だけのときは、先に2人目の管理責任者を登録してください/);
    const entry = t.kura.audit.recent(1, 'grant.set')[0];
    assert.deepEqual([entry?.operator, entry?.outcome, entry?.detail.reason], [MANAGER.userId, 'refused', 'stand_in_grant']);
    assert.equal((await t.call(manager, 'access.assignments', {})).rows.find((u) => u.userId === 'tachi.kawa')?.current.level, 'NONE');

    // Lowering to NONE takes nothing from anyone: the creator may still do it.
    assert.equal((await t.raw(manager, 'grant.set', grant('tachi.kawa', 'NONE'))).ok, true);

    const granted = await t.call(await otherManager(), 'grant.set', grant('tachi.kawa', 'VIEW'));
    assert.equal(granted.current.level, 'VIEW');
  });

  it('AC-3: a new ID cannot come with a level, whoever creates it; roles can (the first manager registers the second)', async () => {
    const manager = await t.manager();
    const withLevel = await t.raw(manager, 'user.add', { userId: 'mori.kyu', employeeNo: 'S301', name: '森 久', initialPassword: 'Initial-pass-2026', level: 'VIEW', businesses: ['kyufu'] });
    assert.equal(!withLevel.ok && withLevel.error.code, 'level_at_creation');
    assert.match(!withLevel.ok ? withLevel.error.ja : '', /取扱不可で登録し、別の管理責任者に/);
    assert.equal(t.kura.users.find('mori.kyu'), null);
    const withRole = await t.raw(manager, 'user.add', { userId: 'mori.kyu', employeeNo: 'S301', name: '森 久', initialPassword: 'Initial-pass-2026', roles: ['manager'] });
    assert.equal(withRole.ok, true);
  });

  it('AC-1, AC-3: the creator stays barred after the ID changed its password (the creator could have changed it, logged in as the stand-in)', async () => {
    await changeOwnPassword(t, 'tachi.kawa', 'Initial-pass-2026', GOOD_PASSWORD);
    assert.equal(passwordSetBy(t, 'tachi.kawa'), null);
    const r = await t.raw(await t.manager(), 'grant.set', grant('tachi.kawa', 'LINK', ['renkei']));
    assert.equal(!r.ok && r.error.code, 'stand_in_grant');
  });

  it('AC-1, AC-3: whoever reset a password stays barred after the holder chose a new one (they could have logged in with the temporary one and changed it); an unrelated manager can grant', async () => {
    // Created by the system administrator, so only the reset stands between the manager and the grant.
    await t.call(await t.sysadmin(), 'user.add', { userId: 'kubo.reset', employeeNo: 'S302', name: '久保 玲', initialPassword: 'Initial-pass-2026' });
    await changeOwnPassword(t, 'kubo.reset', 'Initial-pass-2026', GOOD_PASSWORD);
    const manager = await t.manager();
    await t.call(manager, 'user.resetPassword', { userId: 'kubo.reset', temporaryPassword: 'Temporary-pass-2026', reason: '失念' });
    assert.equal(passwordSetBy(t, 'kubo.reset'), MANAGER.userId);

    const refused = await t.raw(manager, 'grant.set', grant('kubo.reset', 'VIEW'));
    assert.equal(!refused.ok && refused.error.code, 'stand_in_grant');

    // The resetter logs in as the holder with the temporary password and changes it: still barred.
    await changeOwnPassword(t, 'kubo.reset', 'Temporary-pass-2026', 'Holder-chose-2026');
    assert.equal(passwordSetBy(t, 'kubo.reset'), null);
    const still = await t.raw(await t.manager(), 'grant.set', grant('kubo.reset', 'VIEW'));
    assert.equal(!still.ok && still.error.code, 'stand_in_grant');
    assert.match(!still.ok ? still.error.ja : '', /パスワードを設定したことのある人は/);
    const history = t.kura.store.db.prepare('SELECT set_by FROM password_history WHERE user_id = ? ORDER BY rowid').pluck().all('kubo.reset');
    assert.deepEqual(history, [SYSADMIN.userId, null, MANAGER.userId, null], 'each history row names who set it (replicated with the directory)');

    const allowed = await t.call(await otherManager(), 'grant.set', grant('kubo.reset', 'VIEW'));
    assert.equal(allowed.current.level, 'VIEW');
  });

  it('AC-1, AC-3: an ID made by someone cannot grant that someone a level (refused, logged, told what to do); an unrelated manager can', async () => {
    // R (the first manager, also system administrator) makes M with the manager role and logs in as M.
    await t.call(await t.manager(), 'user.add', { userId: 'kage.kanri', employeeNo: 'S303', name: '影 管理', initialPassword: 'Initial-pass-2026', roles: ['manager'], reason: '2人目の管理責任者' });
    const asM = t.connect();
    await t.call(asM, 'auth.login', { userId: 'kage.kanri', password: 'Initial-pass-2026' });
    await t.call(asM, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });

    const r = await t.raw(asM, 'grant.set', grant(MANAGER.userId, 'VIEW'));
    assert.equal(!r.ok && r.error.code, 'grant_to_own_maker');
    assert.match(!r.ok ? r.error.ja : '', /あなたのIDを作成したか、パスワードを設定した人のため/);
    const entry = t.kura.audit.recent(1, 'grant.set')[0];
    assert.deepEqual([entry?.operator, entry?.outcome, entry?.detail.reason], ['kage.kanri', 'refused', 'grant_to_own_maker']);
    // Lowering to NONE takes nothing from anyone.
    assert.equal((await t.raw(asM, 'grant.set', grant(MANAGER.userId, 'NONE'))).ok, true);

    const granted = await t.call(await otherManager(), 'grant.set', grant(MANAGER.userId, 'VIEW'));
    assert.equal(granted.current.level, 'VIEW');
  });
});

describe('AC-1, AC-3: a store from before password_set_by (migration 41)', () => {
  it('AC-3: IDs still on a creator\'s or a reset\'s password are attributed to that person (the reset from the operation log); chosen passwords to nobody', async () => {
    const t = await startKura();
    try {
      await t.call(await t.manager(), 'user.add', { userId: 'mada.shokai', employeeNo: 'S600', name: '未 変更', initialPassword: 'Initial-pass-2026' });
      await t.clerk('jibun.kaeta', 'NONE', []);
      await t.clerk('reset.sareta', 'NONE', []);
      await t.call(await t.manager(), 'user.resetPassword', { userId: 'reset.sareta', temporaryPassword: 'Temporary-pass-2026', reason: '失念' });
      // A store from before migration 41: no such column, and no directory trigger naming it (they are
      // made again at open, as for any change of the replicated columns).
      const db = t.kura.store.db;
      for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'directory_sync_%'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${name}`);
      db.exec("UPDATE meta SET value = 'before-41' WHERE key = 'directory.triggers'");
      db.exec("ALTER TABLE users DROP COLUMN password_set_by; DELETE FROM schema_migrations WHERE version = 41");
      t.reopen();
      const setBy = (userId: string) => t.kura.users.find(userId)!.passwordSetBy;
      assert.deepEqual([setBy('mada.shokai'), setBy('jibun.kaeta'), setBy('reset.sareta')], [MANAGER.userId, null, MANAGER.userId]);
    } finally {
      t.close();
    }
  });
});

describe('AC-1, AC-3: a store from before password_history.set_by (migration 43)', () => {
  it('AC-3: the creator and every reset in the operation log are attributed to a history row; the holder\'s own choices to nobody', async () => {
    const t = await startKura();
    try {
      // Minutes apart, as in life (the backfill pairs each reset with the history row written just before it).
      const sysadmin = await t.sysadmin();
      t.clock.advance(MINUTES_5);
      await t.call(sysadmin, 'user.add', { userId: 'mae.reset', employeeNo: 'S610', name: '前 玲', initialPassword: 'Initial-pass-2026' });
      t.clock.advance(MINUTES_5);
      await changeOwnPassword(t, 'mae.reset', 'Initial-pass-2026', GOOD_PASSWORD);
      t.clock.advance(MINUTES_5);
      await t.call(await t.manager(), 'user.resetPassword', { userId: 'mae.reset', temporaryPassword: 'Temporary-pass-2026', reason: '失念' });
      t.clock.advance(MINUTES_5);
      await changeOwnPassword(t, 'mae.reset', 'Temporary-pass-2026', 'Holder-chose-2026');
      const db = t.kura.store.db;
      for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'directory_sync_%'").pluck().all() as string[]) db.exec(`DROP TRIGGER ${name}`);
      db.exec("UPDATE meta SET value = 'before-43' WHERE key = 'directory.triggers'");
      db.exec('ALTER TABLE password_history DROP COLUMN set_by; DELETE FROM schema_migrations WHERE version = 43');
      t.reopen();
      const history = t.kura.store.db.prepare('SELECT set_by FROM password_history WHERE user_id = ? ORDER BY rowid').pluck().all('mae.reset');
      assert.deepEqual(history, [SYSADMIN.userId, null, MANAGER.userId, null]);
      // And the bar holds: the manager reset it once, so may not grant it a level.
      const r = await t.raw(await t.manager(), 'grant.set', grant('mae.reset', 'VIEW'));
      assert.equal(!r.ok && r.error.code, 'stand_in_grant');
    } finally {
      t.close();
    }
  });
});

describe('MD-4, AC-3: no approving a stand-in\'s export', () => {
  let k: MediaKit;
  let mediumId: string;
  let holders: string[];
  beforeAll(async () => {
    k = await startMediaKit({ seed: 20 });
    holders = [];
    for (let i = 1; i <= 20; i++) {
      const id = `Q${String(i).padStart(9, '0')}`;
      if (k.t.kura.vault.status(id).registered) holders.push(id);
    }
    mediumId = await k.register(k.stick());
    await k.clerk('fuku.kanri', 'NONE', [], undefined, ['manager']);
  });
  afterAll(() => k.close());

  async function linkClerk(userId: string, employeeNo: string, createdByManager: boolean): Promise<Connection> {
    const creator = createdByManager ? await k.t.manager() : await k.t.sysadmin();
    await k.t.call(creator, 'user.add', { userId, employeeNo, name: `職員 ${userId}`, initialPassword: 'Initial-pass-2026' });
    const other = k.t.connect();
    await k.t.call(other, 'auth.login', { userId: 'fuku.kanri', password: GOOD_PASSWORD });
    await k.t.call(other, 'grant.set', { userId, level: 'LINK', businesses: ['renkei'], validFrom: TODAY, reason: '情報連携担当' });
    await k.t.call(other, 'auth.logout', {});
    const conn = k.t.connect();
    await k.t.call(conn, 'auth.login', { userId, password: 'Initial-pass-2026' });
    await k.t.call(conn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });
    await k.t.call(conn, 'session.declareBusiness', { business: 'renkei' });
    return conn;
  }

  async function requestFrom(conn: Connection): Promise<string> {
    const r = await k.t.call(conn, 'export.request', { mediumId, shikakuIds: holders.slice(0, 2), reason: '照会ファイル' });
    assert.ok(r.ok);
    return r.request.requestId;
  }

  it('MD-4, AC-3: the manager who created the requester\'s ID cannot approve its request (refused and logged); another manager can', async () => {
    const requester = await linkClerk('daiko.renkei', 'S401', true);
    const requestId = await requestFrom(requester);
    const admin = await k.t.manager();
    const refused = await k.t.call(admin, 'export.approve', { requestId });
    assert.equal(!refused.ok && refused.problem.code, 'stand_in_approval');
    assert.match(!refused.ok ? refused.problem.ja : '', /別の管理責任者に承認を依頼してください/);
    const entry = k.log('export.approve').at(-1)!;
    assert.deepEqual([entry.operator, entry.outcome, entry.detail.reason], [MANAGER.userId, 'refused', 'stand_in_approval']);

    const other = k.t.connect();
    await k.t.call(other, 'auth.login', { userId: 'fuku.kanri', password: GOOD_PASSWORD });
    const approved = await k.t.call(other, 'export.approve', { requestId });
    assert.ok(approved.ok, !approved.ok ? approved.problem.code : '');
  });

  it('MD-4, AC-3: the manager who reset the requester\'s password cannot approve, even after the holder chose a new one; an unrelated manager can', async () => {
    const requester = await linkClerk('reset.renkei', 'S402', false);
    const requestId = await requestFrom(requester);
    const admin = await k.t.manager();
    await k.t.call(admin, 'user.resetPassword', { userId: 'reset.renkei', temporaryPassword: 'Temporary-pass-2026', reason: '失念' });
    const refused = await k.t.call(admin, 'export.approve', { requestId });
    assert.equal(!refused.ok && refused.problem.code, 'stand_in_approval');
    assert.ok((await k.t.call(admin, 'export.refuse', { requestId, reason: '対象の見直し' })).ok, 'refusing a request stays open to any manager');

    await changeOwnPassword(k.t, 'reset.renkei', 'Temporary-pass-2026', 'Holder-chose-2026');
    const again = k.t.connect();
    await k.t.call(again, 'auth.login', { userId: 'reset.renkei', password: 'Holder-chose-2026' });
    await k.t.call(again, 'session.declareBusiness', { business: 'renkei' });
    const next = await requestFrom(again);
    const still = await k.t.call(await k.t.manager(), 'export.approve', { requestId: next });
    assert.equal(!still.ok && still.problem.code, 'stand_in_approval');
    const other = k.t.connect();
    await k.t.call(other, 'auth.login', { userId: 'fuku.kanri', password: GOOD_PASSWORD });
    const approved = await k.t.call(other, 'export.approve', { requestId: next });
    assert.ok(approved.ok, !approved.ok ? approved.problem.code : '');
  });

  it('MD-4, AC-3: an ID the requester created cannot approve the requester\'s own request (refused and logged); an unrelated manager can', async () => {
    // R: a LINK clerk who also holds both administrator roles, made by the system administrator.
    const r = await k.t.clerk('ryoho.renkei', 'LINK', ['renkei'], 'renkei', ['manager', 'sysadmin']);
    const requestId = await requestFrom(r);
    // R makes M with the manager role and logs in as M with the initial password.
    await k.t.call(r, 'user.add', { userId: 'kage.shonin', employeeNo: 'S403', name: '影 承認', initialPassword: 'Initial-pass-2026', roles: ['manager'], reason: '承認者' });
    const asM = k.t.connect();
    await k.t.call(asM, 'auth.login', { userId: 'kage.shonin', password: 'Initial-pass-2026' });
    await k.t.call(asM, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });
    const refused = await k.t.call(asM, 'export.approve', { requestId });
    assert.equal(!refused.ok && refused.problem.code, 'approver_made_by_requester');
    assert.match(!refused.ok ? refused.problem.ja : '', /申請者と関わりのない別の管理責任者に承認を依頼してください/);
    const entry = k.log('export.approve').at(-1)!;
    assert.deepEqual([entry.operator, entry.outcome, entry.detail.reason], ['kage.shonin', 'refused', 'approver_made_by_requester']);

    const approved = await k.t.call(await k.t.manager(), 'export.approve', { requestId });
    assert.ok(approved.ok, !approved.ok ? approved.problem.code : '');
  });
});
