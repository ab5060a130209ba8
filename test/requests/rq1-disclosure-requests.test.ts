// RQ-1: disclosure / correction / suspension requests (様式1, 様式2) are recorded with a deadline and
// tracked to an answer: received → in review → answered (or withdrawn), never skipping the review.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

describe('RQ-1: disclosure and suspension requests', () => {
  let t: TestKura;
  let clerk: Connection;
  const base = { requesterName: '請求 花子', requesterRelation: 'self' as const, identityCheck: '運転免許証（窓口で確認）', content: '自分の特定個人情報の開示を求める', receivedOn: '2026-11-20' };
  beforeAll(async () => {
    t = await startKura();
    clerk = await t.clerk('somu.view', 'VIEW', ['tekiyo']);
  });
  afterAll(() => t.close());

  it('RQ-1: a 様式1 disclosure request is recorded with its deadline and tracked through review to an answer', async () => {
    const r = await t.call(clerk, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'disclosure', ...base });
    assert.match(r.requestId, /^KJ-\d{6}$/);
    assert.equal(r.status, 'received');
    assert.equal(r.dueOn, '2026-12-20');
    const early = await t.raw(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'answer', decision: 'granted', answer: '開示します' });
    assert.ok(!early.ok && early.error.code === 'request_bad_state', 'no answer without a review');
    await t.call(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'review', note: '保有情報を確認中' });
    const answered = await t.call(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'answer', decision: 'granted', answer: '保有個人データを書面で開示' });
    assert.equal(answered.status, 'answered');
    assert.equal(answered.answeredOn, '2026-11-24');
    const again = await t.raw(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'withdraw', note: 'x' });
    assert.ok(!again.ok && again.error.code === 'request_bad_state');
    const history = await t.call(clerk, 'requests.disclosure.get', { requestId: r.requestId });
    assert.deepEqual(history.events.map((e) => e.kind), ['received', 'in_review', 'answered']);
    assert.ok(history.events.every((e) => e.byUser === 'somu.view'));
    const log = t.kura.store.db.prepare("SELECT outcome, target FROM audit_log WHERE event LIKE 'requests.disclosure.%' AND target = ?").all(r.requestId) as { outcome: string }[];
    assert.deepEqual(log.map((l) => l.outcome), ['ok', 'ok', 'ok']);
  });

  it('RQ-1: the form must fit the kind: a suspension comes on 様式2, never 様式1', async () => {
    const wrong = await t.raw(clerk, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'suspension', ...base });
    assert.ok(!wrong.ok && wrong.error.code === 'request_form_mismatch');
    assert.match(wrong.error.ja, /様式2/);
    for (const kind of ['suspension', 'correction', 'erasure', 'provision_stop'] as const) {
      assert.equal((await t.call(clerk, 'requests.disclosure.receive', { form: 'youshiki2', kind, ...base })).form, 'youshiki2');
    }
  });

  it('RQ-1: refusing all or part needs its reason; a withdrawn request stays withdrawn', async () => {
    const r = await t.call(clerk, 'requests.disclosure.receive', { form: 'youshiki2', kind: 'suspension', ...base, requesterRelation: 'agent' });
    await t.call(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'review', note: '法令上の利用か確認' });
    const noReason = await t.raw(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'answer', decision: 'refused', answer: '不可' });
    assert.ok(!noReason.ok && noReason.error.code === 'request_reason_required');
    const ok = await t.call(clerk, 'requests.disclosure.advance', { requestId: r.requestId, action: 'answer', decision: 'refused', answer: '番号法第9条に基づく利用のため停止できません' });
    assert.equal(ok.decision, 'refused');
    const w = await t.call(clerk, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'disclosure', ...base });
    assert.equal((await t.call(clerk, 'requests.disclosure.advance', { requestId: w.requestId, action: 'withdraw', note: '本人より取下げ' })).status, 'withdrawn');
    const review = await t.raw(clerk, 'requests.disclosure.advance', { requestId: w.requestId, action: 'review', note: 'x' });
    assert.ok(!review.ok && review.error.code === 'request_bad_state');
  });

  it('RQ-1: an open request past its deadline is flagged overdue in the list; a future receipt date is refused', async () => {
    const late = await t.call(clerk, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'disclosure', ...base, receivedOn: '2026-10-01' });
    assert.equal(late.dueOn, '2026-10-31');
    assert.equal(late.overdue, true);
    const overdue = await t.call(clerk, 'requests.disclosure.list', { overdueOnly: true });
    assert.deepEqual(overdue.map((r) => r.requestId), [late.requestId]);
    const all = await t.call(clerk, 'requests.disclosure.list', {});
    assert.equal(all[0]!.requestId, late.requestId, 'the most urgent open request comes first');
    const future = await t.raw(clerk, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'disclosure', ...base, receivedOn: '2026-12-01' });
    assert.ok(!future.ok && future.error.code === 'invalid_input');
    const missing = await t.raw(clerk, 'requests.disclosure.get', { requestId: 'KJ-999999' });
    assert.ok(!missing.ok && missing.error.code === 'request_not_found');
  });

  it('RQ-1: a My Number is never written into a request; a NONE user cannot handle requests', async () => {
    const n = await t.raw(clerk, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'disclosure', ...base, content: '番号 123456789018 の開示' });
    assert.ok(!n.ok && n.error.code === 'invalid_input');
    assert.ok(!JSON.stringify(n).includes('123456789018'));
    const none = await t.clerk('somu.none', 'NONE', []);
    const r = await t.raw(none, 'requests.disclosure.receive', { form: 'youshiki1', kind: 'disclosure', ...base });
    assert.ok(!r.ok && r.error.code === 'forbidden');
    const list = await t.raw(none, 'requests.disclosure.list', {});
    assert.ok(!list.ok && list.error.code === 'forbidden');
  });
});
