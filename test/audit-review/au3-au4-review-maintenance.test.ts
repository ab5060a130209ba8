// AU-3: administrators review the operation log periodically or on an incident, and each review is
// recorded (period, what the log held, chain check, findings), never with a My Number in it.
// AU-4: contractor maintenance is logged the same way: a session with company, workers and purpose,
// closed with the test runs performed, spanning the log entries of the work done during it.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

const HOUR = 3_600_000;

describe('AU-3: recorded reviews of the operation log', () => {
  let t: TestKura;
  let manager: Connection;
  let start: string;
  beforeAll(async () => {
    t = await startKura({ seed: 5 });
    start = t.clock.now().toISOString();
    manager = await t.manager();
  });
  afterAll(() => t.close());

  it('AU-3: a manager records a periodic review; it counts the entries and refusals of the period, checks the chain, and is listed', async () => {
    const clerk = await t.clerk('tanaka.hanako', 'NONE', []);
    const refused = await t.raw(clerk, 'audit.list', { limit: 5 });
    assert.equal(refused.ok ? '' : refused.error.code, 'forbidden');
    t.clock.advance(HOUR);
    const to = t.clock.now().toISOString();
    manager = await t.manager(); // one session per user, and an hour idle locks the screen: log in again
    const inLog = t.kura.audit.recent(10_000).filter((e) => e.at >= start && e.at <= to);
    const r = await t.call(manager, 'audit.recordReview', { reason: 'periodic', from: start, to, findings: '11月分点検：権限外の参照1件（tanaka.hanako、拒否済み）。問題なし。' });
    assert.equal(r.review.entries, inLog.length);
    assert.equal(r.review.refused, inLog.filter((e) => e.outcome === 'refused').length);
    assert.ok(r.review.refused >= 1);
    assert.equal(r.review.chainOk, true);
    assert.equal(r.review.reviewer, 'kanri.taro');
    assert.deepEqual(r.events.find((e) => e.event === 'audit.list'), { event: 'audit.list', ok: 0, refused: 1, failed: 0 });
    const listed = await t.call(manager, 'audit.reviews', {});
    assert.equal(listed.reviews[0]!.id, r.review.id);
    const entry = t.kura.audit.recent(5, 'audit.review')[0]!;
    assert.equal(entry.target, `audit-review-${r.review.id}`);
    assert.equal(entry.operator, 'kanri.taro');
    assert.equal(entry.detail.entries, r.review.entries);
  });

  it('AU-3: an incident review of a tampered log records that the chain does not verify', async () => {
    const db = t.kura.store.db;
    db.exec('SAVEPOINT tamper; DROP TRIGGER audit_no_update;');
    db.exec("UPDATE audit_log SET operator = 'someone.else' WHERE seq = 3");
    const r = await t.raw(manager, 'audit.recordReview', { reason: 'incident', from: start, to: t.clock.now().toISOString(), findings: '漏えい疑い事案の調査。' });
    const chainOk = r.ok ? (r.data as { review: { chainOk: boolean } }).review.chainOk : null;
    db.exec('ROLLBACK TO tamper; RELEASE tamper;');
    assert.equal(chainOk, false);
  });

  it('AU-3: a review holds no My Number, has a real period, and needs audit.review', async () => {
    const clerk = await t.clerk('sato.jiro', 'EDIT', ['tekiyo'], 'tekiyo');
    manager = await t.manager();
    const now = t.clock.now().toISOString();
    const before = (await t.call(manager, 'audit.reviews', {})).reviews.length;
    const withNumber = await t.raw(manager, 'audit.recordReview', { reason: 'incident', from: start, to: now, findings: '番号 123456789018 の照会を確認' });
    assert.equal(withNumber.ok ? '' : withNumber.error.code, 'free_text_has_number');
    const backwards = await t.raw(manager, 'audit.recordReview', { reason: 'periodic', from: now, to: start, findings: 'x' });
    assert.equal(backwards.ok ? '' : backwards.error.code, 'review_range_invalid');
    const future = await t.raw(manager, 'audit.recordReview', { reason: 'periodic', from: start, to: new Date(t.clock.t + HOUR).toISOString(), findings: 'x' });
    assert.equal(future.ok ? '' : future.error.code, 'review_range_invalid');
    const forbidden = await t.raw(clerk, 'audit.recordReview', { reason: 'periodic', from: start, to: now, findings: 'x' });
    assert.equal(forbidden.ok ? '' : forbidden.error.code, 'forbidden');
    assert.equal((await t.call(manager, 'audit.reviews', {})).reviews.length, before, 'no refused review was recorded');
    const reasons = t.kura.audit.recent(20, 'audit.review').filter((e) => e.outcome === 'refused').map((e) => e.detail.reason);
    assert.deepEqual(new Set(reasons), new Set(['free_text_has_number', 'review_range_invalid', 'forbidden']));
    assert.ok(t.kura.audit.recent(1000).every((e) => !JSON.stringify(e.detail).includes('123456789018')));
  });
});

describe('AU-4: contractor maintenance sessions and their test runs', () => {
  let t: TestKura;
  beforeAll(async () => {
    t = await startKura();
  });
  afterAll(() => t.close());

  it('AU-4: the supervising sysadmin opens a session, the work is logged as usual inside it, and the close records the test runs', async () => {
    const sysadmin = await t.clerk('joho.kanri', 'NONE', [], undefined, ['sysadmin']);
    const opened = await t.call(sysadmin, 'maintenance.record', { action: 'start', company: '株式会社 保守サービス', workers: '保守 一郎、保守 二郎', purpose: '端末OS更新後の動作確認' });
    const s = opened.session;
    assert.match(s.maintenanceId, /^MNT-\d{8}-[0-9A-F]{6}$/);
    assert.equal(s.supervisor, 'joho.kanri');
    assert.equal(s.endedAt, null);
    // Work during maintenance goes through the same router and the same log (AU-1).
    await t.call(sysadmin, 'audit.verify', {});
    await t.call(sysadmin, 'user.list', {});
    t.clock.advance(2 * HOUR - 1);
    const relogin = t.connect();
    await t.call(relogin, 'auth.login', { userId: 'joho.kanri', password: 'Clerk-pass-2026x' });
    const closed = await t.call(relogin, 'maintenance.record', {
      action: 'end', maintenanceId: s.maintenanceId, summary: 'OS更新後、ログイン・検索・帳票出力を確認。異常なし。',
      testRuns: [{ name: 'ログイン試験', result: 'pass' }, { name: '帳票出力試験', result: 'fail', note: 'プリンタ未接続。再試験予定。' }],
    });
    const c = closed.session;
    assert.ok(c.endedAt && c.endSeq !== null && c.endSeq > c.startSeq);
    assert.deepEqual(c.testRuns.map((r) => [r.name, r.result]), [['ログイン試験', 'pass'], ['帳票出力試験', 'fail']]);

    const log = t.kura.audit.recent(1000).reverse();
    const startEntry = log.find((e) => e.seq === c.startSeq)!;
    const endSeq = c.endSeq!;
    const endEntry = log.find((e) => e.seq === endSeq)!;
    assert.equal(startEntry.event, 'maintenance.record');
    assert.equal(startEntry.detail.action, 'start');
    assert.equal(startEntry.detail.company, '株式会社 保守サービス');
    assert.equal(endEntry.detail.action, 'end');
    assert.deepEqual(endEntry.detail.testRuns, [{ name: 'ログイン試験', result: 'pass' }, { name: '帳票出力試験', result: 'fail' }]);
    const during = log.filter((e) => e.seq > c.startSeq && e.seq < endSeq).map((e) => e.event);
    assert.ok(during.includes('audit.verify') && during.includes('auth.login'), `work inside the session is in its span: ${during.join(',')}`);

    const listed = await t.call(relogin, 'maintenance.list', {});
    assert.equal(listed.sessions[0]!.maintenanceId, s.maintenanceId);
    assert.equal(listed.sessions[0]!.testRuns.length, 2);
  });

  it('AU-4: a session closes once; only sysadmins record maintenance; no My Number in the record', async () => {
    const sysadmin = await t.clerk('joho.fuku', 'NONE', [], undefined, ['sysadmin']);
    const { session } = await t.call(sysadmin, 'maintenance.record', { action: 'start', company: '保守 株式会社', workers: '保守 三郎', purpose: '定期点検' });
    await t.call(sysadmin, 'maintenance.record', { action: 'end', maintenanceId: session.maintenanceId, summary: '完了', testRuns: [] });
    const again = await t.raw(sysadmin, 'maintenance.record', { action: 'end', maintenanceId: session.maintenanceId, summary: '再', testRuns: [] });
    assert.equal(again.ok ? '' : again.error.code, 'maintenance_not_found');
    const withNumber = await t.raw(sysadmin, 'maintenance.record', { action: 'start', company: '保守', workers: '保守 四郎', purpose: '番号 123456789018 の修正' });
    assert.equal(withNumber.ok ? '' : withNumber.error.code, 'free_text_has_number');
    const manager = await t.clerk('kanri.jiro', 'NONE', [], undefined, ['manager']);
    const forbidden = await t.raw(manager, 'maintenance.record', { action: 'start', company: '保守', workers: '保守 五郎', purpose: '点検' });
    assert.equal(forbidden.ok ? '' : forbidden.error.code, 'forbidden');
    const refusals = t.kura.audit.recent(50, 'maintenance.record').filter((e) => e.outcome === 'refused').map((e) => e.detail.reason);
    assert.deepEqual(new Set(refusals), new Set(['maintenance_not_found', 'free_text_has_number', 'forbidden']));
    assert.equal((await t.call(sysadmin, 'maintenance.list', {})).sessions.length, 2);
  });
});
