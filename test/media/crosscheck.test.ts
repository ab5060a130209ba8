// MD-9: the system administrator sets the media ledger against the operation log and sees each kind
// of mismatch: exports without approval, approvals without export, use without take-out, take-outs
// not returned (and, for MD-7, archives not yet confirmed wiped).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startMediaKit, type MediaKit } from './kit';

describe('cross-check of ledger and operation log (MD-9)', () => {
  let k: MediaKit;
  let clerk: Connection;
  beforeAll(async () => {
    k = await startMediaKit({ seed: 6 });
    clerk = await k.clerk('cross.clerk', 'LINK', ['renkei'], 'renkei');
  });
  afterAll(() => k.close());

  const findings = async () => (await k.t.call(k.admin, 'media.crossCheck', {})).findings;

  it('MD-9: a clean cycle (take-out, approved export, wipe confirmed, return) shows no mismatch', async () => {
    const stick = k.stick();
    const mediumId = await k.register(stick);
    await k.t.call(k.admin, 'media.takeOut', { mediumId, purpose: '統合専用端末' });
    k.t.clock.advance(1000);
    const req = await k.t.call(clerk, 'export.request', { mediumId, shikakuIds: ['Q000000001'], reason: '照会' });
    assert.ok(req.ok);
    assert.ok((await k.t.call(k.admin, 'export.approve', { requestId: req.request.requestId })).ok);
    assert.ok((await k.t.call(clerk, 'media.wipe', { requestId: req.request.requestId })).ok);
    assert.ok((await k.t.call(k.admin, 'media.wipeConfirm', { requestId: req.request.requestId })).ok);
    k.t.clock.advance(1000);
    await k.t.call(k.admin, 'media.return', { mediumId, note: '' });
    assert.deepEqual(await findings(), []);
    const entry = k.log('media.crossCheck').at(-1)!;
    assert.equal(entry.detail.findings, 0);
  });

  it('MD-9: use without take-out, a take-out not returned, and an archive not wiped are reported', async () => {
    const stick = k.stick();
    const mediumId = await k.register(stick);
    const req = await k.t.call(clerk, 'export.request', { mediumId, shikakuIds: ['Q000000002'], reason: '照会' });
    assert.ok(req.ok);
    assert.ok((await k.t.call(k.admin, 'export.approve', { requestId: req.request.requestId })).ok);
    const other = await k.register(k.stick());
    await k.t.call(k.admin, 'media.takeOut', { mediumId: other, purpose: '年金事務所' });
    const kinds = (await findings()).map((f) => `${f.kind}:${f.mediumId}`).sort();
    assert.deepEqual(kinds, [`export_not_wiped:${mediumId}`, `taken_out_not_returned:${other}`, `used_not_taken_out:${mediumId}`].sort());
  });

  it('MD-9: an export in the ledger or log with no approval, and an approval with no export, are reported', async () => {
    const stick = k.stick();
    const mediumId = await k.register(stick);
    await k.t.call(k.admin, 'media.takeOut', { mediumId, purpose: '照会' });
    k.t.clock.advance(1000);
    // An approval whose write never happened (the stick was pulled between approval and write).
    const a = await k.t.call(clerk, 'export.request', { mediumId, shikakuIds: ['Q000000003'], reason: '照会' });
    assert.ok(a.ok);
    const db = k.t.kura.store.db;
    k.t.kura.store.transaction(() => {
      db.prepare("UPDATE export_requests SET status = 'approved', decided_by = 'kanri.taro' WHERE request_id = ?").run(a.request.requestId);
      k.t.kura.audit.append({ operator: 'kanri.taro', terminal: '本部-端末01', business: null, event: 'export.approve', target: a.request.requestId, outcome: 'ok', detail: { step: 'approved', mediumId } });
    });
    // A ledger row that says "exported" although no approval was ever logged (written outside the gate).
    const b = await k.t.call(clerk, 'export.request', { mediumId, shikakuIds: ['Q000000004'], reason: '照会' });
    assert.ok(b.ok);
    db.prepare("UPDATE export_requests SET status = 'wipe_confirmed', exported_at = ? WHERE request_id = ?").run(k.t.clock.now().toISOString(), b.request.requestId);
    const found = (await findings()).filter((f) => f.requestId === a.request.requestId || f.requestId === b.request.requestId);
    assert.deepEqual(found.map((f) => `${f.kind}:${f.requestId}`).sort(), [`approval_without_export:${a.request.requestId}`, `export_without_approval:${b.request.requestId}`].sort());
  });

  it('MD-9: only the system administrator runs the cross-check', async () => {
    const r = await k.t.raw(clerk, 'media.crossCheck', {});
    assert.equal(!r.ok && r.error.code, 'forbidden');
  });
});
