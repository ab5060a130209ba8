// DQ-2: the 27-item validation of 事業所配布用個人番号入力データ, through the real router on a real
// SQLCipher store. Each fixture check-NN.csv has one row failing exactly check NN and one good row.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { decryptMyNumber } from '../../main/core/mynumber';
import { BULK_HEADER, bulkRow, csvText, INPUT_HEADER, inputRow } from '../fixtures/imports/generate';
import { MEMBERS, NUMBERS, validNumber } from '../fixtures/imports/members';
import { startImports, xlsx, type ImportKura } from './helpers';

describe('DQ-2: employer file rows are checked one by one', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports();
  });
  afterAll(() => k.t.close());

  const preview = async (path: string, kind: 'input' | 'update' | 'cancel' = 'input') => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path, kind });
    assert.equal(r.status, 'ready', JSON.stringify(r));
    if (r.status !== 'ready') throw new Error('refused');
    return r;
  };

  for (const code of ['14', '15', '16', '17', '18', '19', '20', '21', '22', '23']) {
    it(`DQ-2: fixture check-${code}.csv fails exactly check ${code} and the good row passes`, async () => {
      const r = await preview(k.stage(`check-${code}.csv`));
      assert.equal(r.session.counts.total, 2);
      const [bad, good] = r.firstRows;
      assert.deepEqual(bad!.codes, [code]);
      assert.equal(bad!.result, 'error');
      assert.deepEqual(bad!.resultLabel, { ja: 'エラー', en: 'Error' });
      assert.ok(bad!.message.ja.length > 5 && bad!.message.en.length > 5, 'a message a clerk can read, in both languages');
      assert.deepEqual(good!.codes, []);
      assert.equal(good!.result, 'ok');
      assert.equal(good!.shikakuId, 'QT0000003');
      assert.deepEqual(r.byCheck.map((c) => c.code), [code]);
    });
  }

  for (const [fixture, encoding] of [['cp932-crlf.csv', 'cp932'], ['utf8-bom.csv', 'utf-8-bom'], ['utf8-crlf.csv', 'utf-8']] as const) {
    it(`DQ-2: ${fixture} is read as ${encoding} and every row is OK`, async () => {
      const r = await preview(k.stage(fixture));
      assert.equal(r.session.encoding, encoding);
      assert.ok(r.session.encodingLabel.length > 0);
      assert.deepEqual(r.session.counts, { total: 3, ok: 3, warning: 0, error: 0 });
      assert.equal(r.firstRows[0]!.kanjiName, '山田\u3000太郎');
    });
  }

  it('DQ-2: a quoted memo holding a comma and a newline stays one field of one row', async () => {
    const r = await preview(k.stage('quoted-newline.csv'));
    assert.equal(r.session.counts.total, 2);
    assert.equal(r.firstRows[0]!.memo, '海外赴任中\n帰国時期は未定, 連絡済');
    assert.equal(r.firstRows[0]!.result, 'ok');
    assert.equal(r.firstRows[1]!.lineNo, 4, 'the next record starts after the quoted newline');
  });

  it('DQ-2: numbers mangled by a spreadsheet (lost leading zero, exponent form) are named as such', async () => {
    const r = await preview(k.stage('excel-mangled.csv'));
    const [lost, exponent, good] = r.firstRows;
    assert.deepEqual(lost!.codes, ['18']);
    assert.match(lost!.message.ja, /先頭の0/);
    assert.deepEqual(exponent!.codes, ['18']);
    assert.match(exponent!.message.ja, /指数/);
    assert.equal(good!.result, 'ok');
  });

  it('DQ-2: rows with the wrong column count are errors, the other rows still get their result', async () => {
    const r = await preview(k.stage('wrong-columns.csv'));
    assert.deepEqual(r.firstRows.map((x) => x.codes), [['columns'], [], ['columns']]);
    assert.match(r.firstRows[0]!.message.ja, /12個/);
  });

  it('DQ-2: a row in another encoding than the file is an error on that row only', async () => {
    const r = await preview(k.stage('mixed-encoding.csv'));
    assert.equal(r.session.encoding, 'utf-8');
    assert.deepEqual(r.firstRows.map((x) => x.codes), [[], ['encoding'], []]);
    assert.match(r.firstRows[1]!.message.ja, /文字コード/);
  });

  it('DQ-2: member match — unknown member, name, birth date and non-dates (昭和65年, 平成32年) are errors', async () => {
    const rows = [
      INPUT_HEADER,
      inputRow(0, { hihokensha: '1234', number: NUMBERS.spare1 }),
      inputRow(0, { kanji: '山田　次郎', kana: 'ヤマダ ジロウ' }),
      inputRow(2, { birth: '5-501129' }),
      inputRow(3, { birth: '5-650101' }),
      inputRow(4, { birth: '7-320101' }),
      inputRow(1, { kanji: '', kana: 'ﾔﾏﾀﾞ ﾊﾅｺ' }),
    ];
    const r = await preview(k.stage('members.csv', csvText(rows)));
    assert.deepEqual(r.firstRows.map((x) => x.codes), [['member_not_found'], ['name_mismatch'], ['birth_date_mismatch'], ['birth_date_invalid'], ['birth_date_invalid'], []]);
    assert.equal(r.firstRows[5]!.shikakuId, 'QT0000002', 'half-width kana agrees with the registered kana');
  });

  it('DQ-2: duplicate rows and one number for two people in the file are errors on every row involved', async () => {
    const shared = NUMBERS.spare1;
    const rows = [INPUT_HEADER, inputRow(0), inputRow(0), inputRow(2, { number: shared }), inputRow(3, { number: shared }), inputRow(4)];
    const r = await preview(k.stage('dups.csv', csvText(rows)));
    assert.deepEqual(r.firstRows.map((x) => x.codes), [['duplicate_row'], ['duplicate_row'], ['number_shared_in_file'], ['number_shared_in_file'], []]);
    assert.match(r.firstRows[0]!.message.ja, /2行目/);
  });

  it('DQ-2: one number one person against the store; an already registered member is told to use bulk update', async () => {
    k.t.kura.store.transaction(() => {
      k.t.kura.vault.register('QT0000005', NUMBERS.QT0000005);
    });
    const r = await preview(k.stage('store.csv', csvText([INPUT_HEADER, inputRow(0, { number: NUMBERS.QT0000005 })])));
    assert.deepEqual(r.firstRows[0]!.codes, ['number_held_by_other']);
    const same = await preview(k.stage('store1.csv', csvText([INPUT_HEADER, inputRow(4)])));
    assert.deepEqual(same.firstRows[0]!.codes, ['same_number_registered']);
    assert.equal(same.firstRows[0]!.result, 'warning');
    const again = await preview(k.stage('store2.csv', csvText([INPUT_HEADER, inputRow(4, { number: NUMBERS.spare2 })])));
    assert.deepEqual(again.firstRows[0]!.codes, ['number_already_registered']);
  });

  it('DQ-2: .xlsx with shared strings, inline strings and numeric cells (integer and exponent form) is read; exponent text is flagged', async () => {
    const row = (i: number, numberCell: { number: string } | string) => {
      const cells = inputRow(i);
      return cells.map((v, c) => (c === 10 ? numberCell : c === 6 ? { inline: v } : v));
    };
    const book = xlsx([INPUT_HEADER, row(0, { number: NUMBERS.QT0000001 }), row(2, { number: Number(NUMBERS.QT0000003).toExponential() }), row(3, '1.23457E+11')]);
    const r = await preview(k.stage('book.xlsx', book));
    assert.equal(r.session.format, 'xlsx');
    assert.deepEqual(r.firstRows.map((x) => x.codes), [[], [], ['18']]);
    assert.equal(r.firstRows[0]!.kanaName, 'ヤマダ タロウ');
  });

  it('DQ-2: no plaintext My Number in the preview output or in the stored rows', async () => {
    const r = await preview(k.stage('utf8-crlf.csv'));
    assert.ok(!TWELVE_DIGIT_RUN.test(JSON.stringify(r)));
    assert.equal(r.firstRows[0]!.hasNumber, true);
    const stored = k.t.kura.store.db.prepare('SELECT * FROM import_rows WHERE import_id = ?').all(r.session.importId) as Record<string, unknown>[];
    for (const row of stored) for (const [col, v] of Object.entries(row)) assert.ok(!TWELVE_DIGIT_RUN.test(String(v)), `column ${col}`);
    const session = k.t.kura.store.db.prepare('SELECT * FROM import_sessions WHERE import_id = ?').get(r.session.importId) as Record<string, unknown>;
    for (const [col, v] of Object.entries(session)) {
      if (col === 'numbers_enc') assert.ok(Buffer.isBuffer(v) && !v.includes(Buffer.from(NUMBERS.QT0000001)), 'the numbers are ciphertext');
      else assert.ok(!TWELVE_DIGIT_RUN.test(String(v)), `column ${col}`);
    }
  });

  it('DQ-2: review filters — errors only, per check, paging', async () => {
    const rows = [INPUT_HEADER, ...MEMBERS.map((_, i) => inputRow(i, i % 2 === 0 ? { number: validNumber(`9${String(i).padStart(10, '0')}`).slice(0, 11) } : {}))];
    const r = await preview(k.stage('filters.csv', csvText(rows)));
    const errors = await k.t.call(k.clerk, 'imports.rows', { importId: r.session.importId, results: ['error'] });
    assert.equal(errors.total, 3);
    assert.ok(errors.rows.every((x) => x.result === 'error'));
    const per = await k.t.call(k.clerk, 'imports.rows', { importId: r.session.importId, check: '18' });
    assert.equal(per.total, 3);
    const page = await k.t.call(k.clerk, 'imports.rows', { importId: r.session.importId, offset: 4, limit: 2 });
    assert.deepEqual(page.rows.map((x) => x.rowNo), [5]);
    const badCheck = await k.t.raw(k.clerk, 'imports.rows', { importId: r.session.importId, check: 'no_such_check' });
    assert.equal(badCheck.ok, false);
  });

  it('DQ-2: nothing is registered by a preview; confirm by EDIT in 適用 registers the OK rows and writes 個人番号入力結果情報', async () => {
    const rows = [INPUT_HEADER, inputRow(0), inputRow(1, { number: '', gojitsu: '1' }), inputRow(2, { number: '', reason: '3' }), inputRow(3, { number: '12' })];
    const r = await preview(k.stage('confirm.csv', csvText(rows)));
    assert.deepEqual(r.session.counts, { total: 4, ok: 3, warning: 0, error: 1 });
    assert.equal(k.t.kura.vault.status('QT0000001').registered, false, 'a preview registers nothing');
    const done = await k.t.call(k.clerk, 'imports.confirm', { importId: r.session.importId });
    assert.deepEqual({ ...done, sourceProblem: null }, { registered: 1, corrected: 0, cancelled: 0, recordedWithoutNumber: 2, unchanged: 0, rejected: 1, sourceDeleted: true, sourceProblem: null });
    assert.equal(k.t.kura.vault.reveal('QT0000001').myNumber, NUMBERS.QT0000001);
    assert.equal(k.t.kura.vault.status('QT0000004').registered, false);
    const results = k.t.kura.store.db.prepare('SELECT shikaku_id, koshin_kubun, mikinyu_riyu, todokesho_code, registered_by, mynumber_enc IS NOT NULL AS has FROM mynumber_input_results WHERE import_id = ? ORDER BY row_no').all(r.session.importId);
    assert.deepEqual(results, [
      { shikaku_id: 'QT0000001', koshin_kubun: 1, mikinyu_riyu: null, todokesho_code: 'JGY-INPUT', registered_by: 'tekiyo.edit', has: 1 },
      { shikaku_id: 'QT0000002', koshin_kubun: 0, mikinyu_riyu: null, todokesho_code: 'JGY-INPUT', registered_by: 'tekiyo.edit', has: 0 },
      { shikaku_id: 'QT0000003', koshin_kubun: 0, mikinyu_riyu: 3, todokesho_code: 'JGY-INPUT', registered_by: 'tekiyo.edit', has: 0 },
    ]);
    // The result row keeps the number sealed for its own 資格ID (DP-2), as the master row holds it.
    const sealed = k.t.kura.store.db.prepare('SELECT mynumber_enc FROM mynumber_input_results WHERE import_id = ? AND shikaku_id = ?').pluck().get(r.session.importId, 'QT0000001') as Buffer;
    assert.equal(decryptMyNumber(k.t.kura.store.orgKeys, 'QT0000001', sealed), NUMBERS.QT0000001);
    assert.throws(() => decryptMyNumber(k.t.kura.store.orgKeys, 'QT0000002', sealed));
    const left = k.t.kura.store.db.prepare('SELECT count(*) AS n FROM import_sessions WHERE import_id = ? AND numbers_enc IS NOT NULL').get(r.session.importId) as { n: number };
    assert.equal(left.n, 0, 'the preview\u2019s encrypted copies are erased on confirm');
    const again = await k.t.raw(k.clerk, 'imports.confirm', { importId: r.session.importId });
    assert.equal(again.ok, false, 'a confirmed import cannot be confirmed twice');
  });

  it('DQ-2: only EDIT in 適用 may import: VIEW, and EDIT declared for 給付, are refused and logged', async () => {
    const viewer = await k.t.clerk('tekiyo.view', 'VIEW', ['tekiyo'], 'tekiyo');
    const r1 = await k.t.raw(viewer, 'imports.preview', { path: k.stage('utf8-crlf.csv'), kind: 'input' });
    assert.equal(r1.ok, false);
    if (!r1.ok) assert.equal(r1.error.code, 'forbidden');
    const kyufu = await k.t.clerk('kyufu.edit', 'EDIT', ['kyufu'], 'kyufu');
    const r2 = await k.t.raw(kyufu, 'imports.preview', { path: k.stage('utf8-crlf.csv'), kind: 'input' });
    assert.equal(r2.ok, false);
    if (!r2.ok) assert.equal(r2.error.code, 'business_required');
    const refused = k.t.kura.audit.recent(20, 'imports.preview').filter((e) => e.outcome === 'refused');
    assert.ok(refused.some((e) => e.operator === 'tekiyo.view') && refused.some((e) => e.operator === 'kyufu.edit'));
  });

  it('DQ-2: bulk update corrects or registers, checking 更新通番; a stale 更新通番 refuses the whole confirm', async () => {
    const k2 = await startImports();
    try {
      k2.t.kura.store.transaction(() => k2.t.kura.vault.register('QT0000001', NUMBERS.QT0000001));
      const r = await k2.t.call(k2.clerk, 'imports.preview', { path: k2.stage('update.csv'), kind: 'update' });
      assert.equal(r.status, 'ready');
      if (r.status !== 'ready') return;
      assert.deepEqual(r.firstRows.map((x) => x.codes), [[], []]);
      // Someone corrects member 1 after the preview: the file no longer describes what the clerk reviewed.
      k2.t.kura.store.transaction(() => k2.t.kura.vault.correct('QT0000001', validNumber('55555555555'), 1));
      const stale = await k2.t.raw(k2.clerk, 'imports.confirm', { importId: r.session.importId });
      assert.equal(stale.ok, false);
      if (!stale.ok) assert.equal(stale.error.code, 'stale_version');
      assert.equal(k2.t.kura.vault.status('QT0000003').registered, false, 'none of the file was applied');

      const fresh = await k2.t.call(k2.clerk, 'imports.preview', { path: k2.stage('update2.csv', csvText([BULK_HEADER, bulkRow(0, { number: NUMBERS.spare1 })])), kind: 'update' });
      assert.equal(fresh.status, 'ready');
      if (fresh.status !== 'ready') return;
      assert.deepEqual(fresh.firstRows[0]!.codes, []);
      const done = await k2.t.call(k2.clerk, 'imports.confirm', { importId: fresh.session.importId });
      assert.equal(done.corrected, 1);
      assert.deepEqual(k2.t.kura.vault.reveal('QT0000001'), { myNumber: NUMBERS.spare1, version: 3 });
    } finally {
      k2.t.close();
    }
  });

  it('DQ-2: bulk cancel sets 削除区分 on the registered number; a number that does not match is an error', async () => {
    const k3 = await startImports();
    try {
      k3.t.kura.store.transaction(() => {
        k3.t.kura.vault.register('QT0000001', NUMBERS.QT0000001);
        k3.t.kura.vault.register('QT0000004', NUMBERS.QT0000004);
      });
      const r = await k3.t.call(k3.clerk, 'imports.preview', { path: k3.stage('cancel.csv'), kind: 'cancel' });
      assert.equal(r.status, 'ready');
      if (r.status !== 'ready') return;
      assert.deepEqual(r.firstRows.map((x) => x.codes), [[], ['number_mismatch']]);
      const done = await k3.t.call(k3.clerk, 'imports.confirm', { importId: r.session.importId });
      assert.equal(done.cancelled, 1);
      assert.deepEqual(k3.t.kura.vault.status('QT0000001'), { registered: false, version: 2, updatedAt: k3.t.clock.now().toISOString() });
      const row = k3.t.kura.store.db.prepare('SELECT sakujo_kubun FROM mynumber_master WHERE shikaku_id = ?').get('QT0000001') as { sakujo_kubun: number };
      assert.equal(row.sakujo_kubun, 1);
      assert.equal(k3.t.kura.vault.status('QT0000004').registered, true);
      assert.equal(k3.t.kura.vault.findHolder(NUMBERS.QT0000001), null, 'a cancelled number no longer belongs to anyone');
    } finally {
      k3.t.close();
    }
  });
});
