// Issue 12: kura-admin as shipped. Every command here runs bin/kura-admin.cjs, which loads the esbuild
// bundle dist/cli/kura-admin.cjs (built by `npm run build`, as `npm ci` does) — never main/cli/*.ts.
// What the bundle reads at run time is exercised for real: resources/policy.json, the SQLCipher and
// Argon2 native modules, the bulk sealer and checkpointer workers (demo seed, import confirm), ClamAV,
// and pdfkit with its own data files and the Japanese font of the receipts.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { KeyFileKeystore } from '../../main/core/store';
import { openKura } from '../../main/rpc';
import { csvText, INPUT_HEADER, inputRow } from '../fixtures/imports/generate';
import { MEMBERS, NUMBERS } from '../fixtures/imports/members';
import { eicar, writeEicarSignatures } from '../imports/helpers';
import { BIN, assertBuilt } from './shipped';

const MANAGER = { userId: 'kanri.taro', password: 'Manager-pass-2026' };
const SECOND = { userId: 'sato.kanri', password: 'Second-pass-2026' };
const CLERK = { userId: 'tanaka.hanako', password: 'Clerk-pass-2026x' };
const INITIAL = 'Initial-pass-2026';

type Run = { code: number | null; out: string; err: string };

describe('kura-admin as shipped (bin/kura-admin.cjs → dist/cli/kura-admin.cjs)', () => {
  let dir: string;
  let staging: string;
  let signatures: string;
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());

  /** The bundle, from a folder that is not the project (so nothing resolves from the source tree by cwd). */
  function admin(args: string[], env: Record<string, string> = {}): Run {
    const r = spawnSync(process.execPath, [BIN.kuraAdmin, '--data-dir', dir, ...args], {
      cwd: staging,
      encoding: 'utf8',
      input: '',
      env: { ...process.env, KURA_PASSWORD: '', KURA_NEW_PASSWORD: '', KURA_MYNUMBER: '', KURA_CLAMAV_DB: signatures, ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr };
  }
  const as = (who: { userId: string; password: string }, args: string[], env: Record<string, string> = {}): Run =>
    admin([...args, '--as', who.userId], { KURA_PASSWORD: who.password, ...env });
  const ok = (r: Run): Run => {
    assert.equal(r.code, 0, `exit ${r.code}\n${r.err}\n${r.out}`);
    assert.doesNotMatch(r.err, /at .+\.cjs:\d+|TypeError|ReferenceError/, 'no stack trace');
    return r;
  };
  /** A refusal: exit 2, the message in Japanese and English, never a stack trace or a number. */
  const refused = (r: Run, message: RegExp): void => {
    assert.equal(r.code, 2, `expected a refusal (exit 2), got ${r.code}\n${r.err}\n${r.out}`);
    assert.match(r.err, message);
    assert.doesNotMatch(r.err, /\n\s+at |TypeError|ReferenceError/, 'no stack trace');
    assert.equal(TWELVE_DIGIT_RUN.test(r.err + r.out), false, 'no 12-digit run in any output');
  };

  beforeAll(() => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'kura-shipped-admin-'));
    staging = mkdtempSync(join(tmpdir(), 'kura-shipped-src-'));
    signatures = writeEicarSignatures(staging);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
  });

  it('--help prints the usage and exits 0; an unknown option or a missing --data-dir is refused with exit 2', () => {
    const help = spawnSync(process.execPath, [BIN.kuraAdmin, '--help'], { encoding: 'utf8', cwd: tmpdir() });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /kura-admin --data-dir DIR <command>/);
    assert.match(help.stdout, /import preview/);
    refused(admin(['--bogus']), /オプションが正しくありません \/ invalid option: Unknown option '--bogus'/);
    const noDir = spawnSync(process.execPath, [BIN.kuraAdmin, 'audit', 'verify'], { encoding: 'utf8', cwd: tmpdir() });
    assert.equal(noDir.status, 2);
    assert.match(noDir.stderr, /--data-dir を指定してください/);
  });

  it('AC-1: init creates the encrypted store and the first manager', () => {
    const r = ok(admin(['init', '--terminal-name', '本部-端末01', '--user-id', MANAGER.userId, '--employee-no', 'E0001', '--name', '管理 太郎'], { KURA_PASSWORD: MANAGER.password }));
    assert.match(r.out, /初期設定が完了しました/);
    // DP-1: the file is SQLCipher ciphertext, not a SQLite file anyone can open.
    const header = readFileSync(join(dir, 'kura.db')).subarray(0, 16).toString('latin1');
    assert.notEqual(header, 'SQLite format 3\u0000');
  });

  it('AC-1, AC-3: user add (NONE), password change at first login, and a level only from a second manager', () => {
    ok(as(MANAGER, ['user', 'add', '--user-id', SECOND.userId, '--employee-no', 'E0004', '--name', '佐藤 管理', '--role', 'manager'], { KURA_NEW_PASSWORD: INITIAL }));
    ok(as(MANAGER, ['user', 'add', '--user-id', CLERK.userId, '--employee-no', 'E0002', '--name', '田中 花子'], { KURA_NEW_PASSWORD: INITIAL }));
    // A new ID must change its password before anything else.
    refused(as({ userId: SECOND.userId, password: INITIAL }, ['audit', 'verify']), /パスワードの変更が必要です/);
    for (const who of [SECOND, CLERK]) {
      const r = ok(admin(['password', 'change', '--as', who.userId], { KURA_PASSWORD: INITIAL, KURA_NEW_PASSWORD: who.password }));
      assert.match(r.out, /パスワードを変更しました/);
    }
    const grant = ['grant', 'set', '--user-id', CLERK.userId, '--level', 'EDIT', '--business', 'tekiyo,kyufu', '--from', today, '--reason', '適用課配属'];
    refused(as(MANAGER, grant), /別の管理責任者に「権限設定」での付与を依頼してください/);
    const r = ok(as(SECOND, grant));
    assert.match(r.out, /EDIT \[tekiyo,kyufu\]/);
  });

  it('AC-5: a wrong password is refused with exit 2 and the same message for an unknown ID', () => {
    refused(as({ userId: MANAGER.userId, password: 'Wrong-pass-2026' }, ['audit', 'verify']), /ユーザIDまたはパスワードが違います/);
    refused(as({ userId: 'nobody.here', password: 'Wrong-pass-2026' }, ['audit', 'verify']), /ユーザIDまたはパスワードが違います/);
    refused(admin(['audit', 'verify', '--as', MANAGER.userId]), /KURA_PASSWORD/);
  });

  it('demo seed writes synthetic members and numbers (field encryption, blind index) from the bundle', () => {
    const r = ok(as(MANAGER, ['demo', 'seed', '--members', '1000']));
    assert.match(r.out, /seeded 1000 synthetic members, \d+ with a My Number/);
  });

  it('DQ-2, MD-5, MD-6: an employer file is previewed, confirmed, and each 事業所 gets a readable Japanese receipt PDF without numbers', () => {
    // The members the employer file names, as the data center would have synced them to this terminal.
    const kura = openKura({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false });
    try {
      for (const m of MEMBERS) kura.members.insert(m);
    } finally {
      kura.close();
    }
    const file = join(staging, '事業所0101.csv');
    writeFileSync(file, csvText([INPUT_HEADER, inputRow(0), inputRow(1), inputRow(2, { number: '12345' }), inputRow(3), inputRow(4)]));

    const preview = ok(as(CLERK, ['import', 'preview', '--file', file]));
    assert.match(preview.out, /全 5 件: 正常 4 \/ 警告 0 \/ エラー 1/);
    assert.match(preview.out, /事業所 0101: 3 件（正常 2・警告 0・エラー 1）/);
    assert.equal(TWELVE_DIGIT_RUN.test(preview.out), false, 'the preview shows no number');
    const importId = /取込ID \/ import ID: (\S+)/.exec(preview.out)?.[1];
    assert.ok(importId, preview.out);

    const confirm = ok(as(CLERK, ['import', 'confirm', '--import-id', importId]));
    assert.match(confirm.out, /登録 4 件/);
    assert.match(confirm.out, /元ファイルは上書き消去しました/);
    assert.equal(existsSync(file), false, 'DP-5: the source file is gone');
    const receipts = [...confirm.out.matchAll(/受領書 \/ receipt: (\S+\.pdf)/g)].map((m) => m[1]!);
    assert.equal(receipts.length, 2, confirm.out);
    for (const pdf of receipts) {
      assert.ok(pdf.startsWith(dir), 'receipts are written under the data folder');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      assert.match(text, /個人番号入力データ 受領書/, 'Japanese text is readable (the CJK font was embedded)');
      assert.match(text, /個人番号を記載していません/);
      assert.equal(TWELVE_DIGIT_RUN.test(text.replace(/\s+/g, '')), false, 'no 12-digit run in the receipt');
      // pdfkit's own data (its ICC profile and standard fonts) loaded: the file is a valid PDF.
      execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' });
    }
  });

  it('MD-5: a file with a virus is refused before it is read, and nothing is registered', () => {
    const file = join(staging, 'virus.csv');
    writeFileSync(file, `${eicar()}\r\n`);
    refused(as(CLERK, ['import', 'preview', '--file', file]), /ウイルス/);
  });

  it('AC-7, AC-9: mynumber lookup finds the registered member for the clerk; the manager (NONE) is refused', () => {
    const found = ok(as(CLERK, ['mynumber', 'lookup', '--business', 'tekiyo'], { KURA_MYNUMBER: NUMBERS.QT0000001 }));
    assert.match(found.out, /^QT0000001 {2}山田\u3000太郎（ヤマダ タロウ） 1988-05-03$/m);
    assert.equal(TWELVE_DIGIT_RUN.test(found.out), false);
    const none = as(CLERK, ['mynumber', 'lookup', '--business', 'tekiyo'], { KURA_MYNUMBER: NUMBERS.QT0000003 });
    assert.equal(none.code, 3, 'the row with a broken number was not registered');
    assert.match(none.out, /該当なし/);
    refused(as(MANAGER, ['mynumber', 'lookup', '--business', 'kyufu'], { KURA_MYNUMBER: NUMBERS.QT0000001 }), /担当として割り当てられていません|権限がありません/);
  });

  it('AU-2: audit verify finds the whole log intact after every command above', () => {
    const r = ok(as(MANAGER, ['audit', 'verify']));
    assert.match(r.out, /改ざんされていません \/ log intact: \d+ entries/);
  });
});
