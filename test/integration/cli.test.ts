// kura-admin goes through the same router and policy as the app.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, it } from 'vitest';
import { rmSync } from 'node:fs';
import { KeyFileKeystore } from '../../main/core/store';
import { Connection, openKura, Router } from '../../main/rpc';
import { makeDataDir } from '../helpers/kura';

const dir = makeDataDir();
function kuraAdmin(args: string[], env: Record<string, string> = {}): { code: number | null; out: string; err: string } {
  const r = spawnSync('node', ['--import', 'tsx', 'main/cli/entry.ts', '--data-dir', dir, ...args], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, KURA_PASSWORD: '', KURA_NEW_PASSWORD: '', KURA_MYNUMBER: '', ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const MANAGER_ENV = { KURA_PASSWORD: 'Manager-pass-2026' };
const SECOND_ENV = { KURA_PASSWORD: 'Second-pass-2026' };

/** The first-login password change happens in the app (kura-admin has none): done here through the same router. */
async function firstLogin(userId: string, initial: string, chosen: string): Promise<void> {
  const kura = openKura({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false });
  try {
    const router = new Router(kura);
    const conn = new Connection('test');
    for (const [channel, input] of [['auth.login', { userId, password: initial }], ['auth.changePassword', { currentPassword: initial, newPassword: chosen }]] as const) {
      const r = await router.invoke(conn, channel, input);
      assert.ok(r.ok, !r.ok ? r.error.en : '');
    }
  } finally {
    kura.close();
  }
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));
const japanToday = (): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

describe('kura-admin', () => {

  it('AC-1: init creates the store and the first manager', () => {
    const r = kuraAdmin(['init', '--terminal-name', '本部-端末01', '--user-id', 'kanri.taro', '--employee-no', 'E0001', '--name', '管理 太郎'], MANAGER_ENV);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /初期設定が完了しました/);
  });

  it('AC-1: user add refuses a generic ID with a clear message and exit code 2', () => {
    const r = kuraAdmin(['user', 'add', '--as', 'kanri.taro', '--user-id', 'shared', '--employee-no', 'E9', '--name', '共用'], { ...MANAGER_ENV, KURA_NEW_PASSWORD: 'Initial-pass-2026' });
    assert.equal(r.code, 2);
    assert.match(r.err, /共有・汎用のユーザID/);
  });

  it('AC-5: a wrong operator password is refused', () => {
    const r = kuraAdmin(['demo', 'seed', '--as', 'kanri.taro', '--members', '10'], { KURA_PASSWORD: 'Wrong-pass-2026' });
    assert.equal(r.code, 2);
    assert.match(r.err, /ユーザIDまたはパスワードが違います/);
  });

  it('demo seed creates synthetic members with valid numbers; user add creates a clerk', () => {
    const seed = kuraAdmin(['demo', 'seed', '--as', 'kanri.taro', '--members', '300'], MANAGER_ENV);
    assert.equal(seed.code, 0, seed.err);
    assert.match(seed.out, /seeded 300 synthetic members/);
    const add = kuraAdmin(['user', 'add', '--as', 'kanri.taro', '--user-id', 'tanaka.hanako', '--employee-no', 'E0002', '--name', '田中 花子'], { ...MANAGER_ENV, KURA_NEW_PASSWORD: 'Initial-pass-2026' });
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /tanaka.hanako/);
  });

  it('AC-3, AC-1: user add refuses a level (its creator knows the password); a second manager is added with the role', async () => {
    const withLevel = kuraAdmin(['user', 'add', '--as', 'kanri.taro', '--user-id', 'kato.yui', '--employee-no', 'E0003', '--name', '加藤 結衣', '--level', 'VIEW', '--business', 'kyufu'], { ...MANAGER_ENV, KURA_NEW_PASSWORD: 'Initial-pass-2026' });
    assert.equal(withLevel.code, 2);
    assert.match(withLevel.err, /取扱不可で登録し、別の管理責任者に「権限設定」での付与を依頼してください/);
    const second = kuraAdmin(['user', 'add', '--as', 'kanri.taro', '--user-id', 'sato.kanri', '--employee-no', 'E0004', '--name', '佐藤 管理', '--role', 'manager'], { ...MANAGER_ENV, KURA_NEW_PASSWORD: 'Initial-pass-2026' });
    assert.equal(second.code, 0, second.err);
    await firstLogin('sato.kanri', 'Initial-pass-2026', SECOND_ENV.KURA_PASSWORD);
    const byCreator = kuraAdmin(['grant', 'set', '--as', 'kanri.taro', '--user-id', 'tanaka.hanako', '--level', 'VIEW', '--business', 'kyufu', '--from', japanToday(), '--reason', '給付課配属'], MANAGER_ENV);
    assert.equal(byCreator.code, 2);
    assert.match(byCreator.err, /別の管理責任者に「権限設定」での付与を依頼してください/);
    const byOther = kuraAdmin(['grant', 'set', '--as', 'sato.kanri', '--user-id', 'tanaka.hanako', '--level', 'VIEW', '--business', 'kyufu', '--from', japanToday(), '--reason', '給付課配属'], SECOND_ENV);
    assert.equal(byOther.code, 0, byOther.err);
  });

  it('AC-9: mynumber lookup needs My Number rights: the manager (level NONE) is refused', () => {
    const r = kuraAdmin(['mynumber', 'lookup', '--as', 'kanri.taro', '--business', 'kyufu'], { ...MANAGER_ENV, KURA_MYNUMBER: '123456789018' });
    assert.equal(r.code, 2);
    assert.match(r.err, /担当として割り当てられていません|権限がありません/);
    assert.equal(/\d{12}/.test(r.err + r.out), false);
  });

  it('AU-2: audit verify reports an intact log', () => {
    const r = kuraAdmin(['audit', 'verify', '--as', 'kanri.taro'], MANAGER_ENV);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /改ざんされていません/);
  });

  it('a missing password with no terminal fails clearly instead of hanging', () => {
    const r = kuraAdmin(['audit', 'verify', '--as', 'kanri.taro']);
    assert.equal(r.code, 2);
    assert.match(r.err, /KURA_PASSWORD/);
  });
});

describe('kura-admin: access administration (issue 4)', () => {
  it('AC-3, AC-6: grant set, assignments and review record go through the router', () => {
    const grant = kuraAdmin(['grant', 'set', '--as', 'sato.kanri', '--user-id', 'tanaka.hanako', '--level', 'EDIT', '--business', 'tekiyo', '--from', '2099-04-01', '--reason', '4月異動'], SECOND_ENV);
    assert.equal(grant.code, 0, grant.err);
    assert.match(grant.out, /from 2099-04-01: EDIT \[tekiyo\]/);
    const self = kuraAdmin(['grant', 'set', '--as', 'kanri.taro', '--user-id', 'kanri.taro', '--level', 'EDIT', '--business', 'tekiyo', '--from', '2099-04-01', '--reason', '自分'], MANAGER_ENV);
    assert.equal(self.code, 2);
    assert.match(self.err, /自分自身の権限は変更できません/);
    const list = kuraAdmin(['assignments', '--as', 'kanri.taro'], MANAGER_ENV);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, /tanaka\.hanako\t田中 花子\tE0002\t\tVIEW\tkyufu/);
    const review = kuraAdmin(['review', 'record', '--as', 'kanri.taro', '--findings', '問題なし'], MANAGER_ENV);
    assert.equal(review.code, 0, review.err);
    assert.match(review.out, /review #1 recorded/);
  });

  it('AC-12, AC-4: terminal designate and user retire', () => {
    const d = kuraAdmin(['terminal', 'designate', '--as', 'kanri.taro', '--designation', 'media', '--reason', '指定'], MANAGER_ENV);
    assert.equal(d.code, 0, d.err);
    assert.match(d.out, /\[media\]/);
    const r = kuraAdmin(['user', 'retire', '--as', 'kanri.taro', '--user-id', 'tanaka.hanako', '--retired-on', '2099-03-31', '--reason', '退職'], MANAGER_ENV);
    assert.equal(r.code, 0, r.err);
  });
});
