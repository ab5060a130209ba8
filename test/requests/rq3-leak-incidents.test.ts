// RQ-3: a leak incident is tracked through the seven steps of the seed, in order, each with who,
// when and notes; the one exception is the seed's: a serious incident is reported to the commission
// immediately (速報), before the other steps.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

describe('RQ-3: leak incidents', () => {
  let t: TestKura;
  let manager: Connection;
  const at = '2026-11-24T09:00:00+09:00';
  const entry = (notes: string) => ({ performedBy: '管理 太郎', performedAt: at, notes });
  beforeAll(async () => {
    t = await startKura();
    manager = await t.manager();
  });
  afterAll(() => t.close());

  it('RQ-3: the seven steps are recorded in order, each with who, when and notes; step 7 closes the incident', async () => {
    const i = await t.call(manager, 'incident.open', { title: '書類の誤送付', summary: '被保険者証の写しを別の事業所へ送付', serious: false, discoveredAt: at });
    assert.match(i.incidentId, /^RK-\d{6}$/);
    assert.deepEqual([i.nextStep, i.steps.length, i.status, i.preliminaryDue], [1, 7, 'open', false]);
    const skip = await t.raw(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 3, ...entry('範囲') });
    assert.ok(!skip.ok && skip.error.code === 'incident_step_out_of_order');
    assert.match(skip.error.ja, /手順2/);
    const seven = await t.raw(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 7, ...entry('委員会') });
    assert.ok(!seven.ok && seven.error.code === 'incident_step_out_of_order');
    const pre = await t.raw(manager, 'incident.reportPreliminary', { incidentId: i.incidentId, ...entry('速報') });
    assert.ok(!pre.ok && pre.error.code === 'incident_preliminary_not_serious');
    for (const step of [1, 2, 3, 4]) await t.call(manager, 'incident.recordStep', { incidentId: i.incidentId, step, ...entry(`手順${step}`) });
    const twice = await t.raw(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 4, ...entry('again') });
    assert.ok(!twice.ok && twice.error.code === 'incident_step_recorded');
    await t.call(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 5, ...entry('本人へ書面で連絡') });
    await t.call(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 6, outcome: 'not_applicable', ...entry('二次被害のおそれがなく公表しない') });
    const closed = await t.call(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 7, ...entry('告示に基づく報告先へ報告') });
    assert.equal(closed.status, 'closed');
    assert.equal(closed.nextStep, null);
    assert.deepEqual(closed.steps.map((s) => s.outcome), ['done', 'done', 'done', 'done', 'done', 'not_applicable', 'done']);
    assert.deepEqual([closed.steps[0]!.performedBy, closed.steps[0]!.performedAt, closed.steps[0]!.notes, closed.steps[0]!.recordedBy], ['管理 太郎', at, '手順1', 'kanri.taro']);
    const after = await t.raw(manager, 'incident.markSerious', { incidentId: i.incidentId, reason: 'x' });
    assert.ok(!after.ok && after.error.code === 'request_bad_state');
  });

  it('RQ-3: only notifying people (5) and publishing (6) may be judged not applicable', async () => {
    const i = await t.call(manager, 'incident.open', { title: '誤廃棄', summary: '申請書の誤廃棄', serious: false, discoveredAt: at });
    const r = await t.raw(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 1, outcome: 'not_applicable', ...entry('不要') });
    assert.ok(!r.ok && r.error.code === 'incident_step_required');
    const future = await t.raw(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 1, ...entry('未来'), performedAt: '2027-01-01T09:00:00+09:00' });
    assert.ok(!future.ok && future.error.code === 'invalid_input');
  });

  it('RQ-3: a serious incident is reported to the commission at once, before the other steps; the full report still waits for them', async () => {
    const i = await t.call(manager, 'incident.open', { title: '端末の紛失', summary: '個人番号を含む媒体の紛失', serious: true, discoveredAt: at });
    assert.equal(i.preliminaryDue, true);
    assert.equal((await t.call(manager, 'incident.list', {}))[0]!.incidentId, i.incidentId, 'open serious incidents come first');
    const flash = await t.call(manager, 'incident.reportPreliminary', { incidentId: i.incidentId, ...entry('重大事態のおそれとして個人情報保護委員会へ速報') });
    assert.deepEqual([flash.preliminaryDue, flash.preliminary?.performedAt, flash.nextStep], [false, at, 1]);
    const twice = await t.raw(manager, 'incident.reportPreliminary', { incidentId: i.incidentId, ...entry('again') });
    assert.ok(!twice.ok && twice.error.code === 'request_bad_state');
    const full = await t.raw(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 7, ...entry('確報') });
    assert.ok(!full.ok && full.error.code === 'incident_step_out_of_order');
  });

  it('RQ-3: an incident found serious later may be reported at once from then on', async () => {
    const i = await t.call(manager, 'incident.open', { title: '誤送信', summary: 'メール誤送信', serious: false, discoveredAt: at });
    await t.call(manager, 'incident.recordStep', { incidentId: i.incidentId, step: 1, ...entry('報告') });
    const serious = await t.call(manager, 'incident.markSerious', { incidentId: i.incidentId, reason: '100人超の番号を含むと判明' });
    assert.equal(serious.preliminaryDue, true);
    assert.ok((await t.raw(manager, 'incident.reportPreliminary', { incidentId: i.incidentId, ...entry('速報') })).ok);
    const log = t.kura.store.db.prepare("SELECT event FROM audit_log WHERE target = ? ORDER BY seq").all(i.incidentId) as { event: string }[];
    assert.deepEqual(log.map((l) => l.event), ['incident.open', 'incident.recordStep', 'incident.markSerious', 'incident.reportPreliminary']);
  });

  it('RQ-3: incidents are the manager\'s: a clerk with EDIT can neither open nor record them', async () => {
    const clerk = await t.clerk('somu.edit', 'EDIT', ['tekiyo']);
    const r = await t.raw(clerk, 'incident.open', { title: 'x', summary: 'y', serious: false, discoveredAt: at });
    assert.ok(!r.ok && r.error.code === 'forbidden');
    const l = await t.raw(clerk, 'incident.list', {});
    assert.ok(!l.ok && l.error.code === 'forbidden');
  });
});
