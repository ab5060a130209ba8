// LK-2: the J-LIS 機構保存本人確認情報 answer (本人確認項目, 27 items) is imported and matched to members:
// through the blind index of a registered number, else by カナ氏名 + 生年月日; disagreement is shown,
// never silently matched. The number stays encrypted (DP-2) and never comes back (AC-9).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { decryptMyNumber } from '../../main/core/mynumber';
import { IDENTITY_ITEMS } from '../../main/core/linkage';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addPeople, PEOPLE, syntheticNumber, twelveDigitRuns, writeCsv } from './kit';

function answer(number: string, name: string, kana: string, birth: string): string[] {
  const cells: string[] = IDENTITY_ITEMS.map(() => '');
  cells[3] = '個人番号';
  cells[5] = '健康保険法';
  cells[6] = '東京都中央区銀座八丁目';
  cells[9] = number;
  cells[12] = '131024';
  cells[13] = '中央区';
  cells[14] = '2';
  cells[16] = name;
  cells[17] = kana;
  cells[21] = '生存';
  cells[22] = birth;
  cells[26] = '0001';
  return cells;
}

describe('LK-2: identity-confirmation items', () => {
  let t: TestKura;
  let link: Connection;
  beforeAll(async () => {
    t = await startKura();
    addPeople(t);
    link = await t.clerk('renkei.hanako', 'LINK', ['renkei', 'tekiyo'], 'renkei');
  });
  afterAll(() => t.close());

  it('LK-2: each answer line is matched by number, by name + birth date, or reported as conflict / unmatched / error', async () => {
    const unknownNumber = syntheticNumber('11122233344');
    const path = writeCsv(t, 'jlis.csv', [
      [...IDENTITY_ITEMS],
      answer(PEOPLE.sato.myNumber, '佐藤　花子', 'さとう はなこ', '19880503'),
      answer('', '鈴木　一郎', 'ｽｽﾞｷ ｲﾁﾛｳ', '1975-01-20'),
      answer(unknownNumber, '鈴木　一郎', 'スズキ イチロウ', '5-500120'),
      answer(PEOPLE.tanaka.myNumber, '田中　次郎', 'タナカ ジロウ', '19910101'),
      answer('', '山田　太郎', 'ヤマダ タロウ', '19800101'),
      answer('123456789010', '高橋　三郎', 'タカハシ サブロウ', '20000230'),
      answer('', '短い', 'ミジカイ', '19800101').slice(0, 20),
    ]);
    const r = await t.call(link, 'linkage.identity.import', { path });
    assert.deepEqual(r.rows.map((row) => [row.lineNo, row.match, row.shikakuId]), [
      [2, 'by_number', PEOPLE.sato.shikakuId],
      [3, 'by_name_birth', PEOPLE.suzuki.shikakuId],
      [4, 'by_name_birth', PEOPLE.suzuki.shikakuId],
      [5, 'conflict', PEOPLE.tanaka.shikakuId],
      [6, 'unmatched', null],
      [7, 'error', null],
      [8, 'error', null],
    ]);
    assert.deepEqual(r.counts, { by_number: 1, by_name_birth: 2, conflict: 1, ambiguous: 0, unmatched: 1, error: 2 });
    assert.match(r.rows[3]!.problems.join(), /一致しません/);
    assert.match(r.rows[5]!.problems.join(), /チェックデジット/);
    assert.match(r.rows[6]!.problems.join(), /項目数/);
    assert.equal(r.rows[0]!.hasNumber, true);
    // AC-9: nothing that comes back carries a number, not even the one that failed its check digit.
    assert.deepEqual(twelveDigitRuns(r), []);
  });

  it('LK-2: the number is kept only as ciphertext + blind index; the 27 items are kept without it', () => {
    const rows = t.kura.store.db.prepare('SELECT batch_id, line_no, items, mynumber_enc, blind_index, match FROM identity_confirmations ORDER BY line_no').all() as
      { batch_id: string; line_no: number; items: string; mynumber_enc: Buffer | null; blind_index: Buffer | null; match: string }[];
    assert.equal(rows.length, 7);
    const sato = rows[0]!;
    assert.equal(JSON.parse(sato.items).length, 27);
    assert.equal(JSON.parse(sato.items)[16], '佐藤　花子');
    assert.deepEqual(twelveDigitRuns(rows.map((r) => r.items)), []);
    assert.ok(!sato.mynumber_enc!.toString('latin1').includes(PEOPLE.sato.myNumber));
    assert.equal(decryptMyNumber(t.kura.store.orgKeys, `honnin:${sato.batch_id}:2`, sato.mynumber_enc!), PEOPLE.sato.myNumber);
    assert.equal(sato.blind_index!.length, 32);
    // The line whose number failed its check digit keeps no number at all.
    assert.equal(rows[5]!.mynumber_enc, null);
    const log = t.kura.store.db.prepare("SELECT detail, target FROM audit_log WHERE event = 'linkage.identity.import'").all() as { detail: string }[];
    // The import, then DP-5: the J-LIS file (it holds numbers) overwritten and deleted.
    assert.equal(log.length, 2);
    assert.equal((JSON.parse(log[1]!.detail) as { step: string; result: string }).result, 'erased');
    assert.deepEqual(twelveDigitRuns(log), []);
  });

  it('LK-2: two members with the same name and birth date are ambiguous, never a guess', async () => {
    t.kura.store.transaction(() =>
      t.kura.members.insert({
        shikakuId: 'L000000009', jigyoshoKigo: '0901', hihokenshaNo: '00099999', edaban: '00', kubun: 1, zokugara: null,
        kanjiName: '鈴木\u3000一郎', kanaName: 'スズキ イチロウ', birthDate: '1975-01-20', sex: 1, shutokuDate: '2012-04-01', soshitsuDate: null,
      }),
    );
    const path = writeCsv(t, 'jlis2.csv', [[...IDENTITY_ITEMS], answer('', '鈴木　一郎', 'スズキ イチロウ', '19750120')]);
    const r = await t.call(link, 'linkage.identity.import', { path });
    assert.equal(r.rows[0]!.match, 'ambiguous');
    assert.equal(r.rows[0]!.shikakuId, null);
  });

  it('LK-2: refused to VIEW, outside 情報連携, and with My Number access switched off; a file without its heading is refused', async () => {
    const path = writeCsv(t, 'jlis3.csv', [[...IDENTITY_ITEMS], answer('', '佐藤　花子', 'サトウ ハナコ', '19880503')]);
    const view = await t.clerk('renkei.view', 'VIEW', ['renkei'], 'renkei');
    const r1 = await t.raw(view, 'linkage.identity.import', { path });
    assert.ok(!r1.ok && r1.error.code === 'forbidden');
    const tekiyo = await t.clerk('renkei.tekiyo', 'LINK', ['renkei', 'tekiyo'], 'tekiyo');
    const r2 = await t.raw(tekiyo, 'linkage.identity.import', { path });
    assert.ok(!r2.ok && r2.error.code === 'business_required');
    await t.call(link, 'session.setMyNumberAccess', { enabled: false });
    const r3 = await t.raw(link, 'linkage.identity.import', { path });
    assert.ok(!r3.ok && r3.error.code === 'mynumber_switched_off');
    await t.call(link, 'session.setMyNumberAccess', { enabled: true });
    const headless = writeCsv(t, 'jlis4.csv', [answer('', '佐藤　花子', 'サトウ ハナコ', '19880503')]);
    const r4 = await t.raw(link, 'linkage.identity.import', { path: headless });
    assert.ok(!r4.ok && r4.error.code === 'linkage_header_missing');
    assert.equal((t.kura.store.db.prepare('SELECT count(*) AS n FROM identity_confirmations').get() as { n: number }).n, 8);
  });
});
