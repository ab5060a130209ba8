// RT-2: 情報提供等記録 kept 7 years; RT-3: 本人確認項目 kept at most 1 year. One rule engine over the
// tables the policy names (linkage's linkage_records and identity_confirmations).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parsePolicy } from '../../main/core/access';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { decryptedDatabasePages } from './kit';

const policyJson = (): Record<string, unknown> & { retention: { records: Record<string, unknown>[] } } =>
  JSON.parse(readFileSync('resources/policy.json', 'utf8')) as Record<string, unknown> & { retention: { records: Record<string, unknown>[] } };

function addProvision(t: TestKura, shoriNo: string, requestedAt: string): void {
  t.kura.store.db
    .prepare(`INSERT INTO linkage_records (shori_no, shori_edaban, jimu_name, tetsuzuki_name, shokaisha_busho, teikyosha_busho, requested_at, provided_at,
              tokutei_name, fukaiji_code, kago_code, hihokensha_edaban, added_by, added_at, source) VALUES (?, '01', '事務', '手続', '照会', '提供', ?, ?, '特定', '0', '0', ?, 'x', ?, 'test')`)
    .run(shoriNo, requestedAt, requestedAt, `EB${shoriNo}`, requestedAt);
}

function addConfirmation(t: TestKura, line: number, importedAt: string, marker: Buffer): void {
  t.kura.store.db
    .prepare(`INSERT INTO identity_confirmations (batch_id, line_no, items, mynumber_enc, blind_index, shikaku_id, match, problems, imported_by, imported_at)
              VALUES ('B1', ?, '{}', ?, ?, ?, 'by_number', '[]', 'x', ?)`)
    .run(line, marker, marker.subarray(0, 32), `C00000000${line}`, importedAt);
}

describe('RT-2, RT-3: record periods', () => {
  let t: TestKura;
  let sysadmin: Connection;
  const oldMarker = Buffer.from('a1'.repeat(40), 'hex');
  const newMarker = Buffer.from('b2'.repeat(40), 'hex');
  beforeAll(async () => {
    t = await startKura(); // clock: 2026-11-24 (Japan)
    addProvision(t, 'P1', '2019-11-24T09:00:00+09:00'); // 7 years to the day: goes
    addProvision(t, 'P2', '2019-11-25T09:00:00+09:00'); // within 7 years: stays
    addConfirmation(t, 1, '2025-11-24T00:00:00.000Z', oldMarker); // one year: goes
    addConfirmation(t, 2, '2026-01-10T00:00:00.000Z', newMarker); // within a year: stays
    sysadmin = await t.clerk('kiroku.admin', 'NONE', [], undefined, ['sysadmin']);
  });
  afterAll(() => t.close());

  it('RT-2, RT-3: the dry run lists what is past its period, by 枝番 / 資格ID and date', async () => {
    const plan = await t.call(sysadmin, 'retention.preview', {});
    const [joho, honin] = plan.records;
    assert.equal(joho?.kind, 'joho_teikyo');
    assert.deepEqual({ present: joho?.present, cutoff: joho?.cutoff, count: joho?.count, targets: joho?.targets }, {
      present: true, cutoff: '2019-11-24', count: 1, targets: [{ subject: 'EBP1', date: '2019-11-24' }],
    });
    assert.equal(honin?.kind, 'honin_kakunin');
    assert.deepEqual({ cutoff: honin?.cutoff, count: honin?.count, targets: honin?.targets }, { cutoff: '2025-11-24', count: 1, targets: [{ subject: 'C000000001', date: '2025-11-24' }] });
  });

  it('RT-2, RT-3: the purge deletes exactly the expired rows, and the identity answer\'s ciphertext leaves the file', async () => {
    const result = await t.call(sysadmin, 'retention.run', { confirm: true });
    assert.deepEqual(result.records, [{ label: '情報提供等記録', present: true, count: 1 }, { label: '本人確認項目', present: true, count: 1 }]);
    const left = (sql: string) => (t.kura.store.db.prepare(sql).all() as { k: string }[]).map((r) => r.k);
    assert.deepEqual(left('SELECT shori_no AS k FROM linkage_records'), ['P2']);
    assert.deepEqual(left('SELECT shikaku_id AS k FROM identity_confirmations'), ['C000000002']);
    t.kura.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = decryptedDatabasePages(t.dir);
    assert.equal(pages.includes(oldMarker), false);
    assert.ok(pages.includes(newMarker));
    assert.equal((await t.call(sysadmin, 'retention.run', { confirm: true })).records.every((r) => r.count === 0), true);
  });

  it('RT-2, RT-3: a rule whose table does not exist yet is reported absent, not an error', async () => {
    const json = policyJson();
    json.retention.records.push({ kind: 'honin_kakunin', label: '未作成', table: 'not_yet_there', dateColumn: 'd', subjectColumn: 's', keepMonths: 6 });
    t.kura.policy.retention = parsePolicy(json).retention;
    const plan = await t.call(sysadmin, 'retention.preview', {});
    assert.deepEqual(plan.records.at(-1), { kind: 'honin_kakunin', label: '未作成', table: 'not_yet_there', present: false, cutoff: '2026-05-24', count: 0, targets: [] });
  });

  it('RT-2, RT-3: the policy refuses 情報提供等記録 kept under 7 years, 本人確認項目 kept over 1 year, and non-identifier table names', () => {
    const withRule = (patch: Record<string, unknown>, index: number) => {
      const json = policyJson();
      json.retention.records[index] = { ...json.retention.records[index], ...patch };
      return json;
    };
    assert.throws(() => parsePolicy(withRule({ keepMonths: 83 }, 0)), /84 months/);
    assert.throws(() => parsePolicy(withRule({ keepMonths: 13 }, 1)), /12 months/);
    assert.throws(() => parsePolicy(withRule({ table: 'members; DROP TABLE members' }, 0)), /identifier/);
    assert.throws(() => parsePolicy(withRule({ dateColumn: 'x) OR (1=1' }, 1)), /identifier/);
    assert.equal(parsePolicy(withRule({ keepMonths: 6 }, 1)).retention.records[1]?.keepMonths, 6);
  });
});
