// DQ-4: the annual 現況確認 of dependants (被扶養者) is tracked: a due list per year, each result recorded and logged.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addMembers, member } from '../retention/kit';

describe('DQ-4: 現況確認 of dependants', () => {
  let t: TestKura;
  let edit: Connection;
  let view: Connection;
  beforeAll(async () => {
    t = await startKura();
    const dependant = { kubun: 2, zokugara: 1 };
    addMembers(t, [
      { m: member('K000000001', { ...dependant, edaban: '01', shutokuDate: '2020-06-01' }) }, // due 2026
      { m: member('K000000002', { ...dependant, edaban: '02', shutokuDate: '2026-05-01' }) }, // certified after 4/1: due from 2027
      { m: member('K000000003', { ...dependant, edaban: '03', shutokuDate: '2018-04-01', soshitsuDate: '2026-03-31' }) }, // left before 4/1
      { m: member('K000000004', { ...dependant, edaban: '04', shutokuDate: '2019-04-01' }) }, // due 2026
      { m: member('K000000005', { shutokuDate: '2010-04-01' }) }, // 被保険者: never on the list
    ]);
    edit = await t.clerk('genkyo.edit', 'EDIT', ['tekiyo'], 'tekiyo');
    view = await t.clerk('genkyo.view', 'VIEW', ['tekiyo'], 'tekiyo');
  });
  afterAll(() => t.close());

  it('DQ-4: the due list for a year holds the dependants qualified on 4月1日, unchecked first', async () => {
    const due = await t.call(view, 'quality.checksDue', { year: 2026 });
    assert.equal(due.referenceDay, '2026-04-01');
    assert.deepEqual([due.total, due.checked], [2, 0]);
    assert.deepEqual(due.items.map((i) => [i.shikakuId, i.check]), [['K000000001', null], ['K000000004', null]]);
    const next = await t.call(view, 'quality.checksDue', { year: 2027 });
    assert.deepEqual(next.items.map((i) => i.shikakuId), ['K000000001', 'K000000002', 'K000000004']);
  });

  it('DQ-4: an EDIT user records the result; it shows on the list, a second record corrects it, and both are logged', async () => {
    assert.deepEqual(await t.call(edit, 'quality.recordCheck', { shikakuId: 'K000000004', year: 2026, result: 'unanswered', checkedOn: '2026-10-15' }), { corrected: false });
    assert.deepEqual(await t.call(edit, 'quality.recordCheck', { shikakuId: 'K000000004', year: 2026, result: 'eligible', checkedOn: '2026-11-02', note: '書類受領' }), { corrected: true });
    const due = await t.call(view, 'quality.checksDue', { year: 2026 });
    assert.deepEqual([due.total, due.checked], [2, 1]);
    assert.deepEqual(due.items.map((i) => [i.shikakuId, i.check]), [
      ['K000000001', null],
      ['K000000004', { result: 'eligible', checkedOn: '2026-11-02', recordedBy: 'genkyo.edit' }],
    ]);
    assert.deepEqual((await t.call(view, 'quality.checksDue', { year: 2027 })).checked, 0);
    const log = t.kura.audit.recent(5, 'quality.recordCheck').map((e) => [e.target, e.detail.result, e.detail.corrected, e.operator]);
    assert.deepEqual(log, [['K000000004', 'eligible', true, 'genkyo.edit'], ['K000000004', 'unanswered', false, 'genkyo.edit']]);
  });

  it('DQ-4: a check for someone not on that year\'s list is refused with a message naming the 資格ID and year', async () => {
    for (const id of ['K000000002', 'K000000003', 'K000000005']) {
      const r = await t.raw(edit, 'quality.recordCheck', { shikakuId: id, year: 2026, result: 'eligible', checkedOn: '2026-10-01' });
      assert.equal(!r.ok && r.error.code, 'dependant_check_not_due');
      assert.match(!r.ok ? r.error.ja : '', new RegExp(`${id}.*2026年度`));
    }
  });

  it('DQ-4: VIEW users cannot record results; NONE users cannot see the list', async () => {
    const r = await t.raw(view, 'quality.recordCheck', { shikakuId: 'K000000001', year: 2026, result: 'eligible', checkedOn: '2026-10-01' });
    assert.equal(!r.ok && r.error.code, 'forbidden');
    const none = await t.clerk('genkyo.none', 'NONE', []);
    const list = await t.raw(none, 'quality.checksDue', { year: 2026 });
    assert.equal(!list.ok && list.error.code, 'forbidden');
    assert.equal((t.kura.store.db.prepare("SELECT count(*) AS n FROM dependant_checks WHERE shikaku_id = 'K000000001'").get() as { n: number }).n, 0);
  });
});
