// RT-4: when qualification is refused, the specific personal information registered for it is deleted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoMyNumber } from '../../main/core/mynumber';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addMembers, ciphertextOf, decryptedDatabasePages, member } from './kit';

describe('RT-4: refused qualification', () => {
  let t: TestKura;
  let edit: Connection;
  before(async () => {
    t = await startKura();
    addMembers(t, [
      { m: member('F000000001', { kubun: 2, edaban: '01', shutokuDate: '2026-10-01' }), number: 21 },
      { m: member('F000000002', { kubun: 2, edaban: '02', shutokuDate: '2026-10-01' }), number: 22 },
    ]);
    edit = await t.clerk('hinin.edit', 'EDIT', ['tekiyo'], 'tekiyo');
  });
  after(() => t.close());

  it('RT-4: recording the refusal erases the number at once; the other dependant keeps theirs', async () => {
    const enc = ciphertextOf(t, 'F000000001')!;
    const r = await t.call(edit, 'retention.recordRefusal', { shikakuId: 'F000000001', refusedOn: '2026-11-20', reason: '収入要件を満たさないため認定せず' });
    assert.deepEqual(r, { shikakuId: 'F000000001', erased: true });
    const row = t.kura.store.db.prepare('SELECT mynumber_enc, blind_index, sakujo_kubun FROM mynumber_master WHERE shikaku_id = ?').get('F000000001');
    assert.deepEqual(row, { mynumber_enc: null, blind_index: null, sakujo_kubun: 1 });
    assert.ok(ciphertextOf(t, 'F000000002'));
    t.kura.store.db.pragma('wal_checkpoint(TRUNCATE)');
    assert.equal(decryptedDatabasePages(t.dir).includes(enc), false);
    const entry = t.kura.audit.recent(5, 'retention.recordRefusal')[0];
    assert.equal(entry?.target, 'F000000001');
    assert.equal(entry?.outcome, 'ok');
  });

  it('RT-4: a number that reaches a refused record later is erased by the next purge', async () => {
    t.kura.store.transaction(() => t.kura.vault.register('F000000001', demoMyNumber(21)));
    const admin = await t.clerk('hinin.admin', 'NONE', [], undefined, ['sysadmin']);
    const plan = await t.call(admin, 'retention.preview', {});
    assert.deepEqual(plan.refusals, { count: 1, targets: [{ shikakuId: 'F000000001', refusedOn: '2026-11-20' }] });
    assert.equal((await t.call(admin, 'retention.run', { confirm: true })).refusals, 1);
    assert.equal(ciphertextOf(t, 'F000000001'), null);
    assert.equal((await t.call(admin, 'retention.run', { confirm: true })).refusals, 0);
  });

  it('RT-4: a second refusal for the same 資格ID, or one for an unknown 資格ID, is refused with a message', async () => {
    const again = await t.raw(edit, 'retention.recordRefusal', { shikakuId: 'F000000001', refusedOn: '2026-11-21', reason: '重複' });
    assert.equal(!again.ok && again.error.code, 'refusal_exists');
    assert.match(!again.ok ? again.error.ja : '', /F000000001/);
    const unknown = await t.raw(edit, 'retention.recordRefusal', { shikakuId: 'F999999999', refusedOn: '2026-11-21', reason: 'x' });
    assert.equal(!unknown.ok && unknown.error.code, 'member_not_found');
  });

  it('RT-4: NONE and VIEW users cannot record a refusal, nor an EDIT user without a declared business', async () => {
    const none = await t.clerk('hinin.none', 'NONE', []);
    const view = await t.clerk('hinin.view', 'VIEW', ['tekiyo'], 'tekiyo');
    const undeclared = await t.clerk('hinin.edit2', 'EDIT', ['tekiyo']);
    const input = { shikakuId: 'F000000002', refusedOn: '2026-11-20', reason: 'x' };
    for (const [conn, code] of [[none, 'forbidden'], [view, 'forbidden'], [undeclared, 'business_not_declared']] as const) {
      const r = await t.raw(conn, 'retention.recordRefusal', input);
      assert.equal(!r.ok && r.error.code, code);
    }
    assert.ok(ciphertextOf(t, 'F000000002'));
  });
});
