// RT-5: periods are configuration, every purge is logged (one entry per run with counts, one per
// record with its 資格ID, never a number), and a dry run shows what would go and changes nothing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadPolicy, parsePolicy } from '../../main/core/access';
import { resourcePath } from '../../main/rpc/resources';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addMembers, member } from './kit';

describe('RT-5: configuration, log, dry run', () => {
  let t: TestKura;
  let sysadmin: Connection;
  const snapshot = () => JSON.stringify(t.kura.store.db.prepare('SELECT shikaku_id, hex(mynumber_enc) e, hex(blind_index) b, sakujo_kubun, koshin_tsuban FROM mynumber_master ORDER BY 1').all());
  beforeAll(async () => {
    t = await startKura(); // 2026-11-24
    addMembers(t, [
      { m: member('S000000001', { soshitsuDate: '2012-03-31' }), number: 31 },
      { m: member('S000000002', { soshitsuDate: '2015-06-30' }), number: 32 },
      { m: member('S000000003', { soshitsuDate: '2020-01-15' }), number: 33 },
    ]);
    sysadmin = await t.clerk('kanri.sys', 'NONE', [], undefined, ['sysadmin']);
  });
  afterAll(() => t.close());

  it('RT-5: the shipped policy keeps My Number 10 years after loss, 情報提供等記録 84 months, 本人確認項目 12 months', () => {
    const { retention } = loadPolicy(resourcePath('policy.json'));
    assert.equal(retention.myNumberYearsAfterLoss, 10);
    assert.deepEqual(retention.records.map((r) => [r.kind, r.keepMonths]), [['joho_teikyo', 84], ['honin_kakunin', 12]]);
    const json = JSON.parse(readFileSync(resourcePath('policy.json'), 'utf8')) as { retention?: unknown };
    delete json.retention;
    assert.throws(() => parsePolicy(json), /retention/);
  });

  it('RT-5: the dry run (as a manager) lists 資格ID and dates, holds no number, and changes nothing', async () => {
    const manager = await t.clerk('kanri.mgr', 'NONE', [], undefined, ['manager']);
    const before = snapshot();
    const plan = await t.call(manager, 'retention.preview', {});
    assert.deepEqual(plan.myNumbers, {
      cutoff: '2016-11-24', count: 2,
      targets: [{ shikakuId: 'S000000001', soshitsuDate: '2012-03-31', expiredOn: '2022-03-31' }, { shikakuId: 'S000000002', soshitsuDate: '2015-06-30', expiredOn: '2025-06-30' }],
    });
    assert.equal(plan.truncated, false);
    assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(plan)), false);
    assert.equal(snapshot(), before);
    const entry = t.kura.audit.recent(1, 'retention.preview')[0];
    assert.equal(entry?.operator, 'kanri.mgr');
    assert.equal(entry?.detail.myNumbers, 2);
    const cut = await t.call(manager, 'retention.preview', { limit: 1 });
    assert.equal(cut.truncated, true);
    assert.equal(cut.myNumbers.targets.length, 1);
  });

  it('RT-5: NONE, VIEW and EDIT users cannot see the dry run', async () => {
    for (const [id, level] of [['kanri.none', 'NONE'], ['kanri.view', 'VIEW'], ['kanri.edit', 'EDIT']] as const) {
      const conn = await t.clerk(id, level, level === 'NONE' ? [] : ['tekiyo'], level === 'NONE' ? undefined : 'tekiyo');
      const r = await t.raw(conn, 'retention.preview', {});
      assert.equal(!r.ok && r.error.code, 'forbidden');
    }
  });

  it('RT-5: a purge writes one run entry with counts and one entry per erased record, none with a number', async () => {
    const fromSeq = (t.kura.audit.recent(1)[0]?.seq ?? 0) + 1;
    await t.call(sysadmin, 'retention.run', { confirm: true });
    const entries = t.kura.store.db.prepare('SELECT event, target, operator, detail FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as { event: string; target: string | null; operator: string; detail: string }[];
    const run = entries.filter((e) => e.event === 'retention.purge');
    assert.equal(run.length, 1);
    assert.deepEqual(JSON.parse(run[0]!.detail), {
      asOf: '2026-11-24', myNumbers: 2, refusals: 0, origin: 'test',
      records: [{ label: '情報提供等記録', present: true, count: 0 }, { label: '本人確認項目', present: true, count: 0 }],
    });
    const perRecord = entries.filter((e) => e.event === 'retention.purge.mynumber');
    assert.deepEqual(perRecord.map((e) => [e.target, e.operator, (JSON.parse(e.detail) as { rule: string }).rule]), [['S000000001', 'kanri.sys', 'RT-1'], ['S000000002', 'kanri.sys', 'RT-1']]);
    for (const e of entries) assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(e)), false);
    const verify = await t.call(await t.manager(), 'audit.verify', {});
    assert.equal(verify.ok, true);
  });

  it('RT-5: the period is read from the policy: 5 years after loss takes the 2020 member too', async () => {
    const json = JSON.parse(readFileSync(resourcePath('policy.json'), 'utf8')) as { retention: { myNumberYearsAfterLoss: number } };
    json.retention.myNumberYearsAfterLoss = 5;
    t.kura.policy.retention = parsePolicy(json).retention;
    const plan = await t.call(sysadmin, 'retention.preview', {});
    assert.deepEqual(plan.myNumbers.targets.map((x) => [x.shikakuId, x.expiredOn]), [['S000000003', '2025-01-15']]);
  });
});
