// MD-6: the number of records read is reported back to the employer in writing: one receipt PDF
// per 事業所 (read, accepted, rejected with reasons) and the error list CSV, neither with a My Number.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { csvCell } from '../../main/core/imports';
import { csvText, INPUT_HEADER, inputRow } from '../fixtures/imports/generate';
import { startImports, type ImportKura } from './helpers';

describe('MD-6: receipts per employer', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports();
  });
  afterAll(() => k.t.close());

  it('MD-6: a confirmed two-employer file gives each 事業所 a Japanese receipt PDF and an error list, without numbers', async () => {
    const rows = [INPUT_HEADER, inputRow(0), inputRow(1, { number: '', gojitsu: '1' }), inputRow(2, { number: '12345' }), inputRow(3, { birth: '5-650101' }), inputRow(4)];
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('two-employers.csv', csvText(rows)), kind: 'input' });
    if (r.status !== 'ready') throw new Error('refused');
    assert.deepEqual(r.employers.map((e) => [e.jigyoshoKigo, e.total, e.error]), [['0101', 3, 1], ['0202', 2, 1]]);
    await k.t.call(k.clerk, 'imports.confirm', { importId: r.session.importId });
    const { files } = await k.t.call(k.clerk, 'imports.receipt', { importId: r.session.importId });
    assert.deepEqual(files.map((f) => [f.jigyoshoKigo, f.read, f.accepted, f.rejected]), [['0101', 3, 2, 1], ['0202', 2, 1, 1]]);
    for (const f of files) {
      assert.ok(f.receiptPdf.startsWith(k.t.dir) && f.receiptPdf.includes('/exports/'), 'outputs go under the data folder\u2019s exports/');
      const text = execFileSync('pdftotext', ['-layout', f.receiptPdf, '-'], { encoding: 'utf8' });
      assert.match(text, /個人番号入力データ 受領書/);
      assert.match(text, new RegExp(`事業所記号：${f.jigyoshoKigo}`));
      assert.match(text, new RegExp(`読込件数 ${f.read} 件`));
      assert.match(text, new RegExp(`不受理件数 ${f.rejected} 件`));
      assert.match(text, /個人番号を記載していません/);
      assert.ok(!TWELVE_DIGIT_RUN.test(text.replace(/\s+/g, ' ')), 'no 12-digit run in the receipt');
      assert.ok(!TWELVE_DIGIT_RUN.test(text.replace(/\s+/g, '')), 'not even across line breaks');
      const csv = readFileSync(f.errorCsv, 'utf8');
      assert.ok(csv.startsWith('\ufeff"行番号"'));
      assert.ok(!TWELVE_DIGIT_RUN.test(csv));
      assert.equal(csv.trim().split('\r\n').length, 1 + f.rejected);
    }
    const t0101 = execFileSync('pdftotext', [files[0]!.receiptPdf, '-'], { encoding: 'utf8' });
    assert.match(t0101, /12桁の数字ではありません/);
    const t0202 = execFileSync('pdftotext', [files[1]!.receiptPdf, '-'], { encoding: 'utf8' });
    assert.match(t0202, /生年月日が正しい日付ではありません/);
    // The PNG a reviewer looks at (the test only checks it renders).
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', files[0]!.receiptPdf, `${k.staging}/receipt`]);
    assert.ok(existsSync(`${k.staging}/receipt-1.png`));
    if (process.env.KURA_KEEP_RECEIPT) execFileSync('cp', [`${k.staging}/receipt-1.png`, files[0]!.receiptPdf, process.env.KURA_KEEP_RECEIPT]);
    assert.equal(k.t.kura.audit.recent(1, 'imports.receipt')[0]!.target, r.session.importId);
  });

  it('MD-6: formula injection never reaches the error list unescaped (= + - @ tab CR)', async () => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('formula-injection.csv'), kind: 'input' });
    if (r.status !== 'ready') throw new Error('refused');
    assert.equal(r.session.counts.error, 4);
    await k.t.call(k.clerk, 'imports.abandon', { importId: r.session.importId });
    const { files } = await k.t.call(k.clerk, 'imports.receipt', { importId: r.session.importId });
    const csv = files.map((f) => readFileSync(f.errorCsv, 'utf8')).join('\n');
    const cells = csv.replace(/^\ufeff/, '').split(/\r?\n/).filter(Boolean).flatMap((line) => line.match(/"(?:[^"]|"")*"/g) ?? []);
    const values = cells.map((c) => c.slice(1, -1).replace(/""/g, '"'));
    assert.ok(values.length > 50);
    for (const v of values) assert.ok(!/^[=+\-@\t\r]/.test(v), `unescaped cell ${v}`);
    for (const hostile of ['=HYPERLINK', '@SUM(A1:A9)', '-2+3', "+cmd|' /C calc'!A0", '=1+1', '=2+5']) assert.ok(values.includes(`'${hostile}`) || values.some((v) => v.startsWith(`'${hostile}`)), hostile);
    assert.equal(csvCell('\tx'), `"'\tx"`);
    assert.equal(csvCell('\r=1'), `"'\r=1"`);
    assert.equal(csvCell('山田'), '"山田"');
  });

  it('MD-6: no receipt before the import is finished', async () => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('utf8-crlf.csv'), kind: 'input' });
    if (r.status !== 'ready') throw new Error('refused');
    const early = await k.t.raw(k.clerk, 'imports.receipt', { importId: r.session.importId });
    assert.equal(early.ok, false);
  });
});
