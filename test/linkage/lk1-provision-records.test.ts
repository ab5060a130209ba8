// LK-1: 情報提供等記録 (12 items of 別添1) are stored and searchable by 資格ID, date range and procedure.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ensureEdaban, RECORD_ITEMS } from '../../main/core/linkage';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addPeople, PEOPLE, twelveDigitRuns, writeCsv } from './kit';

const heading = RECORD_ITEMS.map(([, label]) => label);
const line = (shoriNo: string, edaban: string, requestedAt: string, tetsuzuki = '被扶養者の認定', extra: Partial<Record<number, string>> = {}): string[] => {
  const cells = [shoriNo, '01', '健康保険法による保険給付の支給に関する事務', tetsuzuki, '外国運輸金融健康保険組合 適用課', '〇〇市 税務課', requestedAt, requestedAt, '地方税関係情報（所得）', '', '', edaban];
  for (const [i, v] of Object.entries(extra)) cells[Number(i)] = v!;
  return cells;
};

describe('LK-1: information provision records', () => {
  let t: TestKura;
  let link: Connection;
  let satoEdaban: string;
  let tanakaEdaban: string;
  beforeAll(async () => {
    t = await startKura();
    addPeople(t);
    t.kura.store.transaction(() => {
      satoEdaban = ensureEdaban(t.kura.store.db, PEOPLE.sato.shikakuId, t.clock.now());
      tanakaEdaban = ensureEdaban(t.kura.store.db, PEOPLE.tanaka.shikakuId, t.clock.now());
    });
    link = await t.clerk('renkei.hanako', 'LINK', ['renkei', 'tekiyo'], 'renkei');
  });
  afterAll(() => t.close());

  it('LK-1: a Shift_JIS file of the 12 items is stored; a bad line and a duplicate are reported, not stored', async () => {
    const path = writeCsv(t, 'teikyo.csv', [
      heading,
      line('P0001', satoEdaban, '2026-04-01 10:00:00'),
      line('P0002', tanakaEdaban, '2026/06/15 09:30:00', '高額療養費の支給'),
      line('P0003', satoEdaban, '2026-13-40 99:00:00'),
      line('P0004', satoEdaban, '2026-07-01 10:00:00', '被扶養者の認定', { 8: '照会 123456789018' }),
      line('P0001', satoEdaban, '2026-04-01 10:00:00'),
    ], 'cp932');
    const r = await t.call(link, 'linkage.records.add', { path });
    assert.equal(r.read, 5);
    assert.equal(r.added, 2);
    assert.equal(r.duplicates, 1);
    assert.deepEqual(r.errors.map((e) => e.lineNo), [4, 5]);
    assert.match(r.errors[0]!.problems.join(), /提供の求めの日時/);
    assert.match(r.errors[1]!.problems.join(), /12桁/);
    const stored = await t.call(link, 'linkage.records.search', { procedure: '被扶養者の認定' });
    assert.equal(stored.records.length, 1);
    const rec = stored.records[0]!;
    assert.deepEqual(
      [rec.shoriNo, rec.shoriEdaban, rec.jimuName, rec.tetsuzukiName, rec.shokaishaBusho, rec.teikyoshaBusho, rec.requestedAt, rec.providedAt, rec.tokuteiName, rec.fukaijiCode, rec.kagoCode, rec.hihokenshaEdaban],
      ['P0001', '01', '健康保険法による保険給付の支給に関する事務', '被扶養者の認定', '外国運輸金融健康保険組合 適用課', '〇〇市 税務課', '2026-04-01T10:00:00', '2026-04-01T10:00:00', '地方税関係情報（所得）', '', '', satoEdaban],
    );
    assert.equal(rec.shikakuId, PEOPLE.sato.shikakuId);
  });

  it('LK-1: one record typed in is stored; the same 処理番号 twice and a 12-digit item are refused', async () => {
    const record = {
      shoriNo: 'P0100', shoriEdaban: '01', jimuName: '健康保険法による保険給付の支給に関する事務', tetsuzukiName: '限度額適用認定証の交付',
      shokaishaBusho: '給付課', teikyoshaBusho: '△△町 住民課', requestedAt: '2026-09-01T08:15', providedAt: null, tokuteiName: '地方税関係情報（所得区分）',
      fukaijiCode: '', kagoCode: 'K1', hihokenshaEdaban: tanakaEdaban,
    };
    assert.equal((await t.call(link, 'linkage.records.add', { record })).added, 1);
    const again = await t.raw(link, 'linkage.records.add', { record });
    assert.ok(!again.ok && again.error.code === 'linkage_record_duplicate', JSON.stringify(again));
    const withNumber = await t.raw(link, 'linkage.records.add', { record: { ...record, shoriNo: 'P0101', jimuName: '事務 123456789018' } });
    assert.ok(!withNumber.ok && withNumber.error.code === 'invalid_input');
    assert.deepEqual(twelveDigitRuns(withNumber), []);
    const found = await t.call(link, 'linkage.records.search', { procedure: '限度額適用認定証の交付' });
    assert.equal(found.records[0]!.providedAt, null);
    assert.equal(found.records[0]!.kagoCode, 'K1');
  });

  it('LK-1: search by 資格ID, by date range and by procedure, newest first, with a cut-off flag', async () => {
    const bySato = await t.call(link, 'linkage.records.search', { shikakuId: PEOPLE.sato.shikakuId });
    assert.deepEqual(bySato.records.map((r) => r.shoriNo), ['P0001']);
    const byTanaka = await t.call(link, 'linkage.records.search', { shikakuId: PEOPLE.tanaka.shikakuId });
    assert.deepEqual(byTanaka.records.map((r) => r.shoriNo), ['P0100', 'P0002']);
    const june = await t.call(link, 'linkage.records.search', { from: '2026-06-01', to: '2026-06-30' });
    assert.deepEqual(june.records.map((r) => r.shoriNo), ['P0002']);
    const sameDay = await t.call(link, 'linkage.records.search', { from: '2026-04-01', to: '2026-04-01' });
    assert.deepEqual(sameDay.records.map((r) => r.shoriNo), ['P0001']);
    const cut = await t.call(link, 'linkage.records.search', { limit: 2 });
    assert.equal(cut.records.length, 2);
    assert.equal(cut.truncated, true);
    assert.deepEqual(cut.records.map((r) => r.shoriNo), ['P0100', 'P0002']);
    const nobody = await t.call(link, 'linkage.records.search', { shikakuId: PEOPLE.suzuki.shikakuId });
    assert.deepEqual(nobody.records, []);
    const backwards = await t.raw(link, 'linkage.records.search', { from: '2026-06-30', to: '2026-06-01' });
    assert.ok(!backwards.ok && backwards.error.code === 'invalid_input');
  });

  it('LK-1: every search and every addition is in the operation log', () => {
    const events = (t.kura.store.db.prepare("SELECT event, outcome, target FROM audit_log WHERE event LIKE 'linkage.records.%'").all() as { event: string; outcome: string; target: string | null }[]);
    assert.ok(events.filter((e) => e.event === 'linkage.records.search' && e.outcome === 'ok').length >= 6);
    assert.ok(events.some((e) => e.event === 'linkage.records.search' && e.target === PEOPLE.sato.shikakuId));
    assert.ok(events.some((e) => e.event === 'linkage.records.add' && e.outcome === 'refused'));
  });

  it('LK-1: a file without its heading line is refused whole, and nothing of it is stored', async () => {
    const path = writeCsv(t, 'no-heading.csv', [line('P0200', satoEdaban, '2026-10-01 10:00:00')]);
    const r = await t.raw(link, 'linkage.records.add', { path });
    assert.ok(!r.ok && r.error.code === 'linkage_header_missing', JSON.stringify(r));
    assert.equal((await t.call(link, 'linkage.records.search', { from: '2026-10-01' })).records.length, 0);
  });

  it('LK-1: refused without 情報連携 (EDIT, or LINK with another business declared)', async () => {
    const edit = await t.clerk('tekiyo.jiro', 'EDIT', ['tekiyo', 'renkei'], 'renkei');
    const r1 = await t.raw(edit, 'linkage.records.search', {});
    assert.ok(!r1.ok && r1.error.code === 'forbidden');
    const elsewhere = await t.clerk('renkei.saburo', 'LINK', ['renkei', 'tekiyo'], 'tekiyo');
    const r2 = await t.raw(elsewhere, 'linkage.records.search', {});
    assert.ok(!r2.ok && r2.error.code === 'business_required');
  });
});
