// kura-admin goes through the same router and policy as the app.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { rmSync } from 'node:fs';
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

describe('kura-admin', () => {
  after(() => rmSync(dir, { recursive: true, force: true }));

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
    const add = kuraAdmin(['user', 'add', '--as', 'kanri.taro', '--user-id', 'tanaka.hanako', '--employee-no', 'E0002', '--name', '田中 花子', '--level', 'VIEW', '--business', 'kyufu'], { ...MANAGER_ENV, KURA_NEW_PASSWORD: 'Initial-pass-2026' });
    assert.equal(add.code, 0, add.err);
    assert.match(add.out, /tanaka.hanako/);
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
