// DQ-2: files are dangerous input. Oversized files, huge cells, binary junk, zip bombs, entity
// bombs and unreadable encodings give a clear refusal or a row error; the app never crashes.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { csvText, INPUT_HEADER, inputRow } from '../fixtures/imports/generate';
import { startImports, xlsx, zip, type ImportKura } from './helpers';

describe('DQ-2: hostile files are refused with a reason, never a crash', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports({ limits: { maxFileBytes: 2 * 1024 * 1024, maxRows: 1_000, maxCellChars: 200 } });
  });
  afterAll(() => k.t.close());

  const refusal = async (path: string): Promise<{ code: string; ja: string; en: string }> => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path, kind: 'input' });
    assert.equal(r.status, 'refused', JSON.stringify(r).slice(0, 300));
    if (r.status !== 'refused') throw new Error('not refused');
    assert.ok(r.problem.ja.length > 5 && r.problem.en.length > 5);
    return r.problem;
  };

  it('DQ-2: binary junk is "not a CSV or Excel file"', async () => {
    assert.equal((await refusal(k.stage('binary-junk.bin'))).code, 'binary');
  });

  it('DQ-2: a file over the size limit is refused before it is read', async () => {
    const p = await refusal(k.stage('big.csv', Buffer.alloc(3 * 1024 * 1024, 0x41)));
    assert.equal(p.code, 'too_large');
    assert.match(p.ja, /上限2MB/);
  });

  it('DQ-2: more rows than the limit is refused; an empty file and a header-only file too', async () => {
    const rows = [INPUT_HEADER, ...Array.from({ length: 1_001 }, () => inputRow(0))];
    assert.equal((await refusal(k.stage('rows.csv', csvText(rows)))).code, 'too_many_rows');
    assert.equal((await refusal(k.stage('empty.csv', ''))).code, 'empty');
    assert.equal((await refusal(k.stage('header.csv', csvText([INPUT_HEADER])))).code, 'no_rows');
  });

  it('DQ-2: UTF-16, a legacy/password-protected Office file and a missing path are refused with what to do', async () => {
    assert.equal((await refusal(k.stage('u16.csv', Buffer.from('\ufeff事業所記号', 'utf16le')))).code, 'utf16');
    assert.equal((await refusal(k.stage('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3])))).code, 'xlsx_encrypted');
    assert.equal((await refusal('/nonexistent/kura/file.csv')).code, 'not_readable');
  });

  it('DQ-2: a huge cell and an unclosed quote are row errors; the other rows keep their result', async () => {
    const huge = inputRow(2, { memo: 'x'.repeat(5_000), reason: '9', number: '' });
    const text = csvText([INPUT_HEADER, inputRow(0), huge]) + '0202,00005678,1,,00,"佐藤　次郎,サトウ ジロウ\r\n';
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('cells.csv', text), kind: 'input' });
    assert.equal(r.status, 'ready');
    if (r.status !== 'ready') return;
    assert.deepEqual(r.firstRows[0]!.codes, []);
    assert.ok(r.firstRows[1]!.codes.includes('cell_length'));
    assert.ok(r.firstRows[1]!.memo.length <= 200, 'the cut cell is not kept whole');
    assert.ok(r.firstRows[2]!.codes.includes('unterminated_quote') || r.firstRows[2]!.codes.includes('columns'));
  });

  it('DQ-2: a zip bomb .xlsx (expansion ratio in the central directory) is refused before inflating', async () => {
    const bomb = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(1_500_000, 0x20) },
    ]);
    assert.ok(bomb.length < 20_000);
    assert.equal((await refusal(k.stage('bomb.xlsx', bomb))).code, 'xlsx_bomb');
  });

  it('DQ-2: a zip bomb whose headers understate the size is caught while inflating', async () => {
    const liar = zip([
      { name: 'xl/workbook.xml', data: Buffer.from('<workbook><sheets><sheet r:id="rId1"/></sheets></workbook>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(900_000, 0x20), declaredSize: 1_000 },
    ]);
    assert.equal((await refusal(k.stage('liar.xlsx', liar))).code, 'xlsx_bomb');
  });

  it('DQ-2: an .xlsx with a DTD (entity expansion) is refused', async () => {
    const evil = xlsx([['a']], () => '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>');
    const p = await refusal(k.stage('dtd.xlsx', evil));
    assert.equal(p.code, 'xlsx_invalid');
    assert.match(p.en, /DTD/);
  });

  it('DQ-2: a damaged zip is "damaged Excel file", not a crash', async () => {
    const good = xlsx([INPUT_HEADER, inputRow(0)]);
    assert.equal((await refusal(k.stage('cut.xlsx', good.subarray(0, good.length - 30)))).code, 'xlsx_invalid');
  });

  it('DQ-2: every refusal is in the operation log with its reason', () => {
    const refused = k.t.kura.audit.recent(50, 'imports.preview').filter((e) => e.outcome === 'refused').map((e) => e.detail.problem);
    for (const code of ['binary', 'too_large', 'too_many_rows', 'utf16', 'xlsx_bomb', 'xlsx_invalid']) assert.ok(refused.includes(code), code);
  });
});
