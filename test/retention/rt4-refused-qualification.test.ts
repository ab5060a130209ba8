// RT-4: when qualification is refused, the specific personal information registered for it is deleted,
// by two people: an EDIT clerk records the refusal (nothing erased), a manager other than the recorder
// confirms it and only then the number is erased. A pending refusal can be cancelled, logged.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import type { Connection } from '../../main/rpc';
import { GOOD_PASSWORD, MANAGER, startKura, type TestKura } from '../helpers/kura';
import { addMembers, ciphertextOf, decryptedDatabasePages, member } from './kit';

const refusal = (shikakuId: string, reason = '収入要件を満たさないため認定せず') => ({ shikakuId, refusedOn: '2026-11-20', reason });

describe('RT-4: refused qualification, two people', () => {
  let t: TestKura;
  let edit: Connection;
  let status: (shikakuId: string) => unknown;
  beforeAll(async () => {
    t = await startKura();
    addMembers(t, [
      { m: member('F000000001', { kubun: 2, edaban: '01', shutokuDate: '2026-10-01' }), number: 21 },
      { m: member('F000000002', { kubun: 2, edaban: '02', shutokuDate: '2026-10-01' }), number: 22 },
      { m: member('F000000003', { kubun: 2, edaban: '03', shutokuDate: '2026-10-01' }), number: 23 },
      { m: member('F000000004', { kubun: 2, edaban: '04', shutokuDate: '2026-10-01' }), number: 24 },
      { m: member('F000000005', { kubun: 2, edaban: '05', shutokuDate: '2026-10-01' }), number: 25 },
    ]);
    edit = await t.clerk('hinin.edit', 'EDIT', ['tekiyo'], 'tekiyo');
    status = (shikakuId) => t.kura.store.db.prepare("SELECT status, recorded_by, confirmed_by FROM qualification_refusals WHERE shikaku_id = ? AND status <> 'cancelled'").get(shikakuId);
  });
  afterAll(() => t.close());

  it('RT-4: the first person records the refusal; nothing is erased yet, and it waits in the pending list', async () => {
    const r = await t.call(edit, 'retention.recordRefusal', refusal('F000000001'));
    assert.deepEqual({ ...r, recordedAt: undefined }, { shikakuId: 'F000000001', refusedOn: '2026-11-20', reason: '収入要件を満たさないため認定せず', recordedBy: 'hinin.edit', recordedAt: undefined });
    assert.ok(ciphertextOf(t, 'F000000001'), 'the number is still there');
    const pending = await t.call(edit, 'retention.pendingRefusals', {});
    assert.deepEqual(pending.refusals.map((p) => p.shikakuId), ['F000000001']);
    const entry = t.kura.audit.recent(1, 'retention.recordRefusal')[0];
    assert.deepEqual([entry?.target, entry?.outcome, entry?.detail.status], ['F000000001', 'ok', 'pending']);
    // RT-5: a pending refusal is not in the purge's dry run (the purge cannot do the second person's job).
    const plan = await t.call(await t.manager(), 'retention.preview', {});
    assert.equal(plan.refusals.count, 0);
  });

  it('RT-4: the recorder cannot confirm their own refusal, even holding the manager role', async () => {
    const both = await t.clerk('hinin.boss', 'EDIT', ['tekiyo'], 'tekiyo', ['manager']);
    await t.call(both, 'retention.recordRefusal', refusal('F000000002'));
    const self = await t.raw(both, 'retention.confirmRefusal', { shikakuId: 'F000000002' });
    assert.equal(!self.ok && self.error.code, 'refusal_self_confirm');
    assert.match(!self.ok ? self.error.ja : '', /記録者以外の管理責任者に確定を依頼してください/);
    assert.ok(ciphertextOf(t, 'F000000002'));
    const entry = t.kura.audit.recent(1, 'retention.confirmRefusal')[0];
    assert.deepEqual([entry?.operator, entry?.target, entry?.outcome, entry?.detail.reason], ['hinin.boss', 'F000000002', 'refused', 'refusal_self_confirm']);
  });

  it('RT-4: a second EDIT clerk cannot confirm (the manager confirms, as the responsible person)', async () => {
    const second = await t.clerk('hinin.edit2', 'EDIT', ['tekiyo'], 'tekiyo');
    const r = await t.raw(second, 'retention.confirmRefusal', { shikakuId: 'F000000001' });
    assert.equal(!r.ok && r.error.code, 'forbidden');
    assert.ok(ciphertextOf(t, 'F000000001'));
  });

  it('RT-4: a manager other than the recorder confirms, and only then the number is erased for good; the other dependant keeps theirs', async () => {
    const enc = ciphertextOf(t, 'F000000001')!;
    const r = await t.call(await t.manager(), 'retention.confirmRefusal', { shikakuId: 'F000000001' });
    assert.deepEqual(r, { shikakuId: 'F000000001', erased: true });
    const row = t.kura.store.db.prepare('SELECT mynumber_enc, blind_index, sakujo_kubun FROM mynumber_master WHERE shikaku_id = ?').get('F000000001');
    assert.deepEqual(row, { mynumber_enc: null, blind_index: null, sakujo_kubun: 1 });
    assert.deepEqual(status('F000000001'), { status: 'confirmed', recorded_by: 'hinin.edit', confirmed_by: MANAGER.userId });
    assert.ok(ciphertextOf(t, 'F000000003'));
    t.kura.store.db.pragma('wal_checkpoint(TRUNCATE)');
    assert.equal(decryptedDatabasePages(t.dir).includes(enc), false);
    const entry = t.kura.audit.recent(1, 'retention.confirmRefusal')[0];
    assert.deepEqual([entry?.operator, entry?.target, entry?.outcome, entry?.detail.recordedBy, entry?.detail.erased], [MANAGER.userId, 'F000000001', 'ok', 'hinin.edit', true]);
    const again = await t.raw(await t.manager(), 'retention.confirmRefusal', { shikakuId: 'F000000001' });
    assert.equal(!again.ok && again.error.code, 'refusal_not_pending');
  });

  it('RT-4, AC-3: the manager who created the recorder\'s ID cannot confirm (a stand-in\'s refusal); another manager can', async () => {
    // The manager makes an EDIT ID directly; another manager had to grant its level (AC-3).
    const manager = await t.manager();
    await t.call(manager, 'user.add', { userId: 'daiko.edit', employeeNo: 'R500', name: '代行 一', initialPassword: 'Initial-pass-2026' });
    const other = await t.clerk('hinin.kanri', 'NONE', [], undefined, ['manager']);
    await t.call(other, 'grant.set', { userId: 'daiko.edit', level: 'EDIT', businesses: ['tekiyo'], validFrom: '2026-11-24', reason: '適用課' });
    const standIn = t.connect();
    await t.call(standIn, 'auth.login', { userId: 'daiko.edit', password: 'Initial-pass-2026' });
    await t.call(standIn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });
    await t.call(standIn, 'session.declareBusiness', { business: 'tekiyo' });
    await t.call(standIn, 'retention.recordRefusal', refusal('F000000003'));

    const r = await t.raw(await t.manager(), 'retention.confirmRefusal', { shikakuId: 'F000000003' });
    assert.equal(!r.ok && r.error.code, 'refusal_stand_in_confirm');
    assert.ok(ciphertextOf(t, 'F000000003'));
    const otherAgain = t.connect();
    await t.call(otherAgain, 'auth.login', { userId: 'hinin.kanri', password: GOOD_PASSWORD });
    assert.deepEqual(await t.call(otherAgain, 'retention.confirmRefusal', { shikakuId: 'F000000003' }), { shikakuId: 'F000000003', erased: true });
  });

  it('RT-4, AC-3: an ID the recorder created cannot confirm the recorder\'s refusal (refused, logged, told what to do); an unrelated manager can', async () => {
    // R holds EDIT and both administrator roles; R makes M with the manager role and logs in as M.
    const r = await t.clerk('ryoho.both', 'EDIT', ['tekiyo'], 'tekiyo', ['manager', 'sysadmin']);
    await t.call(r, 'retention.recordRefusal', refusal('F000000005'));
    await t.call(r, 'user.add', { userId: 'kage.kakutei', employeeNo: 'R501', name: '影 確定', initialPassword: 'Initial-pass-2026', roles: ['manager'], reason: '確定者' });
    const asM = t.connect();
    await t.call(asM, 'auth.login', { userId: 'kage.kakutei', password: 'Initial-pass-2026' });
    await t.call(asM, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });

    const refused = await t.raw(asM, 'retention.confirmRefusal', { shikakuId: 'F000000005' });
    assert.equal(!refused.ok && refused.error.code, 'refusal_confirmer_made_by_recorder');
    assert.match(!refused.ok ? refused.error.ja : '', /記録者と関わりのない別の管理責任者に確定を依頼してください/);
    assert.ok(ciphertextOf(t, 'F000000005'), 'nothing erased');
    const entry = t.kura.audit.recent(1, 'retention.confirmRefusal')[0];
    assert.deepEqual([entry?.operator, entry?.target, entry?.outcome, entry?.detail.reason], ['kage.kakutei', 'F000000005', 'refused', 'refusal_confirmer_made_by_recorder']);

    assert.deepEqual(await t.call(await t.manager(), 'retention.confirmRefusal', { shikakuId: 'F000000005' }), { shikakuId: 'F000000005', erased: true });
  });

  it('RT-4: a pending refusal is cancelled by its recorder or a manager, with a reason, logged; nobody else may; then it can be recorded anew', async () => {
    const other = await t.clerk('hinin.edit3', 'EDIT', ['tekiyo'], 'tekiyo');
    const edit1 = t.connect();
    await t.call(edit1, 'auth.login', { userId: 'hinin.edit', password: GOOD_PASSWORD });
    await t.call(edit1, 'session.declareBusiness', { business: 'tekiyo' });
    await t.call(edit1, 'retention.recordRefusal', refusal('F000000004'));
    const byOther = await t.raw(other, 'retention.cancelRefusal', { shikakuId: 'F000000004', reason: '誤り' });
    assert.equal(!byOther.ok && byOther.error.code, 'refusal_cancel_not_allowed');
    const none = await t.clerk('hinin.none', 'NONE', []);
    const byNone = await t.raw(none, 'retention.cancelRefusal', { shikakuId: 'F000000004', reason: '誤り' });
    assert.equal(!byNone.ok && byNone.error.code, 'forbidden');
    const listNone = await t.raw(none, 'retention.pendingRefusals', {});
    assert.equal(!listNone.ok && listNone.error.code, 'forbidden');

    assert.deepEqual(await t.call(edit1, 'retention.cancelRefusal', { shikakuId: 'F000000004', reason: '資格IDの入力誤り' }), { shikakuId: 'F000000004' });
    const entry = t.kura.audit.recent(1, 'retention.cancelRefusal')[0];
    assert.deepEqual([entry?.operator, entry?.target, entry?.outcome, entry?.detail.reason], ['hinin.edit', 'F000000004', 'ok', '資格IDの入力誤り']);
    assert.ok(ciphertextOf(t, 'F000000004'));
    const confirmCancelled = await t.raw(await t.manager(), 'retention.confirmRefusal', { shikakuId: 'F000000004' });
    assert.equal(!confirmCancelled.ok && confirmCancelled.error.code, 'refusal_not_pending');

    await t.call(other, 'retention.recordRefusal', refusal('F000000004', '再審査の結果否認'));
    assert.deepEqual(await t.call(await t.manager(), 'retention.cancelRefusal', { shikakuId: 'F000000004', reason: '再審査中' }), { shikakuId: 'F000000004' });
    assert.ok(ciphertextOf(t, 'F000000004'));
    const history = t.kura.store.db.prepare("SELECT count(*) AS n FROM qualification_refusals WHERE shikaku_id = 'F000000004' AND status = 'cancelled'").get() as { n: number };
    assert.equal(history.n, 2, 'cancelled refusals stay as history');
  });

  it('RT-4: a number that reaches a confirmed refusal later is erased by the next purge', async () => {
    t.kura.store.transaction(() => t.kura.vault.register('F000000001', demoMyNumber(21)));
    const admin = await t.clerk('hinin.admin', 'NONE', [], undefined, ['sysadmin']);
    const plan = await t.call(admin, 'retention.preview', {});
    assert.deepEqual(plan.refusals, { count: 1, targets: [{ shikakuId: 'F000000001', refusedOn: '2026-11-20' }] });
    assert.equal((await t.call(admin, 'retention.run', { confirm: true })).refusals, 1);
    assert.equal(ciphertextOf(t, 'F000000001'), null);
    assert.equal((await t.call(admin, 'retention.run', { confirm: true })).refusals, 0);
  });

  it('RT-4: a second refusal for the same 資格ID, or one for an unknown 資格ID, is refused with a message', async () => {
    const edit1 = t.connect();
    await t.call(edit1, 'auth.login', { userId: 'hinin.edit', password: GOOD_PASSWORD });
    await t.call(edit1, 'session.declareBusiness', { business: 'tekiyo' });
    const again = await t.raw(edit1, 'retention.recordRefusal', refusal('F000000001', '重複'));
    assert.equal(!again.ok && again.error.code, 'refusal_exists');
    assert.match(!again.ok ? again.error.ja : '', /F000000001/);
    const unknown = await t.raw(edit1, 'retention.recordRefusal', refusal('F999999999', 'x'));
    assert.equal(!unknown.ok && unknown.error.code, 'member_not_found');
  });

  it('RT-4: NONE and VIEW users cannot record a refusal, nor an EDIT user without a declared business', async () => {
    const none = await t.clerk('hinin.none2', 'NONE', []);
    const view = await t.clerk('hinin.view', 'VIEW', ['tekiyo'], 'tekiyo');
    const undeclared = await t.clerk('hinin.edit4', 'EDIT', ['tekiyo']);
    const input = refusal('F000000004', 'x');
    for (const [conn, code] of [[none, 'forbidden'], [view, 'forbidden'], [undeclared, 'business_not_declared']] as const) {
      const r = await t.raw(conn, 'retention.recordRefusal', input);
      assert.equal(!r.ok && r.error.code, code);
    }
    assert.ok(ciphertextOf(t, 'F000000004'));
  });
});
