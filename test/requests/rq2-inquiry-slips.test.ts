// RQ-2: every inquiry gets a reception slip (受付票) with content, response team, progress, 重要度 and
// 緊急度 ranked, and an answer deadline; a serious leak inquiry is reported to the chair (理事長) at
// once, flagged in the list, and cannot be answered until the chair's decision is recorded.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

describe('RQ-2: inquiry reception slips', () => {
  let t: TestKura;
  let clerk: Connection;
  let manager: Connection;
  const base = { channel: 'phone' as const, requester: '問合 太郎', contact: '03-0000-0000', content: '個人番号の利用目的を知りたい', responseTeam: '総務部 担当1名' };
  beforeAll(async () => {
    t = await startKura();
    clerk = await t.clerk('somu.edit', 'EDIT', ['tekiyo']);
    manager = await t.manager();
  });
  afterAll(() => t.close());

  it('RQ-2: a slip records content, team, rank from 重要度・緊急度, and the rank\'s deadline', async () => {
    const low = await t.call(clerk, 'requests.inquiry.receive', { ...base, priority: 'low', urgency: 'low' });
    assert.match(low.slipNo, /^UK-\d{6}$/);
    assert.deepEqual([low.rank, low.answerDue, low.status, low.escalatedToChair], ['C', '2026-12-08', 'open', false]);
    const mid = await t.call(clerk, 'requests.inquiry.receive', { ...base, priority: 'medium', urgency: 'low' });
    assert.deepEqual([mid.rank, mid.answerDue], ['B', '2026-11-29']);
    const high = await t.call(clerk, 'requests.inquiry.receive', { ...base, priority: 'low', urgency: 'high' });
    assert.deepEqual([high.rank, high.answerDue], ['A', '2026-11-25']);
    const set = await t.call(clerk, 'requests.inquiry.receive', { ...base, priority: 'low', urgency: 'low', answerDue: '2026-11-26' });
    assert.equal(set.answerDue, '2026-11-26');
    const past = await t.raw(clerk, 'requests.inquiry.receive', { ...base, priority: 'low', urgency: 'low', answerDue: '2026-11-01' });
    assert.ok(!past.ok && past.error.code === 'invalid_input');
  });

  it('RQ-2: progress lines are the 経過; the answer closes the slip and nothing is added after it', async () => {
    const s = await t.call(clerk, 'requests.inquiry.receive', { ...base, priority: 'medium', urgency: 'medium' });
    assert.equal((await t.call(clerk, 'requests.inquiry.progress', { slipNo: s.slipNo, note: '担当課に確認' })).status, 'in_progress');
    const answered = await t.call(clerk, 'requests.inquiry.answer', { slipNo: s.slipNo, answer: '利用目的を電話で説明' });
    assert.equal(answered.status, 'answered');
    const after = await t.raw(clerk, 'requests.inquiry.progress', { slipNo: s.slipNo, note: '追記' });
    assert.ok(!after.ok && after.error.code === 'request_bad_state');
    const slip = await t.call(clerk, 'requests.inquiry.get', { slipNo: s.slipNo });
    assert.deepEqual(slip.events.map((e) => e.kind), ['received', 'progress', 'answered']);
    assert.match(slip.events[0]!.note, /ランクB/);
  });

  it('RQ-2: a serious leak inquiry is escalated to the chair at once, flagged in the list, and waits for the decision', async () => {
    const s = await t.call(clerk, 'requests.inquiry.receive', { ...base, content: '自分の個人番号が外部に漏れているのではないか', priority: 'low', urgency: 'low', seriousLeak: true });
    assert.deepEqual([s.rank, s.escalatedToChair, s.awaitingChair, s.escalatedBy], ['A', true, true, 'somu.edit']);
    const list = await t.call(clerk, 'requests.inquiry.list', { openOnly: true });
    assert.equal(list[0]!.slipNo, s.slipNo, 'escalated slips come first');
    assert.equal(list[0]!.escalatedToChair, true);
    const early = await t.raw(clerk, 'requests.inquiry.answer', { slipNo: s.slipNo, answer: '調査中です' });
    assert.ok(!early.ok && early.error.code === 'inquiry_chair_decision_required');
    assert.match(early.error.ja, /理事長/);
    const byClerk = await t.raw(clerk, 'requests.inquiry.chairDecision', { slipNo: s.slipNo, decision: '調査' });
    assert.ok(!byClerk.ok && byClerk.error.code === 'forbidden', 'the chair\'s decision is recorded by a manager');
    const decided = await t.call(manager, 'requests.inquiry.chairDecision', { slipNo: s.slipNo, decision: '漏えい事案として調査し、結果を本人へ書面で回答する' });
    assert.deepEqual([decided.awaitingChair, decided.chairDecidedBy], [false, 'kanri.taro']);
    assert.equal((await t.call(clerk, 'requests.inquiry.answer', { slipNo: s.slipNo, answer: '調査結果を書面で回答' })).status, 'answered');
    const events = (await t.call(clerk, 'requests.inquiry.get', { slipNo: s.slipNo })).events.map((e) => e.kind);
    assert.deepEqual(events, ['received', 'escalated', 'chair_decision', 'answered']);
    const log = t.kura.store.db.prepare("SELECT detail FROM audit_log WHERE event = 'requests.inquiry.receive' AND target = ?").get(s.slipNo) as { detail: string };
    assert.equal(JSON.parse(log.detail).escalatedToChair, true);
  });

  it('RQ-2: a slip found to be about a serious leak later is escalated when flagged', async () => {
    const s = await t.call(clerk, 'requests.inquiry.receive', { ...base, priority: 'low', urgency: 'low' });
    const plain = await t.raw(manager, 'requests.inquiry.chairDecision', { slipNo: s.slipNo, decision: 'x' });
    assert.ok(!plain.ok && plain.error.code === 'inquiry_not_escalated');
    const flagged = await t.call(clerk, 'requests.inquiry.progress', { slipNo: s.slipNo, note: '書類の誤送付が判明', seriousLeak: true });
    assert.deepEqual([flagged.escalatedToChair, flagged.awaitingChair, flagged.rank], [true, true, 'A']);
    const r = await t.raw(clerk, 'requests.inquiry.answer', { slipNo: s.slipNo, answer: '回答' });
    assert.ok(!r.ok && r.error.code === 'inquiry_chair_decision_required');
  });

  it('RQ-2: a NONE user cannot take or read slips', async () => {
    const none = await t.clerk('somu.none', 'NONE', []);
    const r = await t.raw(none, 'requests.inquiry.receive', { ...base, priority: 'low', urgency: 'low' });
    assert.ok(!r.ok && r.error.code === 'forbidden');
    const l = await t.raw(none, 'requests.inquiry.list', {});
    assert.ok(!l.ok && l.error.code === 'forbidden');
  });
});
