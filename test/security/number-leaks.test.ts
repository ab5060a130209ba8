// AC-9: a My Number that arrives where it should not (shifted columns, full-width or spaced digits in a
// name or memo, a number typed into a reason) never reaches the screen, an output file or the log.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { containsTwelveDigits, looksLikeMyNumber } from '../../shared/mynumber';
import { csvText, INPUT_HEADER, inputRow } from '../fixtures/imports/generate';
import { startImports, type ImportKura } from '../imports/helpers';

describe('AC-9: numbers in the wrong place', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports();
  });
  afterAll(() => k.t.close());

  it('AC-9: looksLikeMyNumber sees full-width, spaced and hyphenated numbers, not dates or codes', () => {
    for (const s of ['123456789018', '１２３４５６７８９０１８', '1234 5678 9018', '1234-5678-9018', '佐藤 花子 １２３４ ５６７８ ９０１８']) assert.equal(looksLikeMyNumber(s), true, s);
    for (const s of ['2026-11-24T01:00:00.000Z', 'Q000000001', 'IMP-20261124-AAAAAA', '03-1234-5678', '5-630503']) assert.equal(looksLikeMyNumber(s), false, s);
  });

  it('AC-9: shifted columns and disguised numbers in names and memos appear nowhere in the preview, the rows, the error list or the log', async () => {
    const shiftedLeft = inputRow(0).filter((_, i) => i !== 9); // 後日収集 left out: the number moves into 後日収集's place
    const shiftedRight = [...inputRow(1).slice(0, 10), '', ...inputRow(1).slice(10)]; // an extra cell: the number moves right
    const disguised = inputRow(2, { kanji: '佐藤 花子 １２３４５６７８９０１８', memo: '旧番号 1234 5678 9018', reason: '9', number: '' });
    const path = k.stage('leaks.csv', csvText([INPUT_HEADER, shiftedLeft, shiftedRight, disguised]));
    const preview = await k.t.call(k.clerk, 'imports.preview', { path, kind: 'input' });
    assert.equal(preview.status, 'ready');
    assert.equal(containsTwelveDigits(JSON.stringify(preview)), false, JSON.stringify(preview).slice(0, 400));
    if (preview.status !== 'ready') return;
    const rows = await k.t.call(k.clerk, 'imports.rows', { importId: preview.session.importId });
    // Every cell the employer wrote, in any width or spacing.
    for (const row of rows.rows) for (const value of Object.values(row)) if (typeof value === 'string') assert.equal(looksLikeMyNumber(value), false, value);
    await k.t.call(k.clerk, 'imports.abandon', { importId: preview.session.importId });
    const receipts = await k.t.call(k.clerk, 'imports.receipt', { importId: preview.session.importId });
    for (const file of receipts.files) assert.equal(looksLikeMyNumber(readFileSync(file.errorCsv, 'utf8')), false, file.errorCsv);
    const log = k.t.kura.store.db.prepare('SELECT operator, target, detail FROM audit_log').all();
    assert.equal(containsTwelveDigits(JSON.stringify(log)), false);
    const exportsDir = join(k.t.dir, 'exports', 'imports', preview.session.importId);
    assert.ok(readdirSync(exportsDir).length > 0);
  });

  it('AC-9: a number typed into a free-text reason is refused with a clear message, and not logged', async () => {
    const r = await k.t.raw(k.clerk, 'mynumber.correct', { shikakuId: 'Q000000001', myNumber: '123456789018', expectedVersion: 1, reason: '旧番号 1234-5678-9018 の訂正' });
    assert.equal(!r.ok && r.error.code, 'free_text_has_number');
    assert.match(!r.ok ? r.error.ja : '', /reason/);
    const log = k.t.kura.store.db.prepare('SELECT detail FROM audit_log').all();
    assert.equal(containsTwelveDigits(JSON.stringify(log)), false);
    assert.equal(JSON.stringify(log).includes('1234-5678-9018'), false);
  });
});
