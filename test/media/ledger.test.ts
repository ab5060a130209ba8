// MD-1, MD-8: the media ledger records registration (with a signed token on the medium), take-out,
// return, revocation and disposal with a witness; each change is in the operation log.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TOKEN_FILE } from '../../main/core/media';
import { startMediaKit, type MediaKit } from './kit';

describe('media ledger (MD-1, MD-8)', () => {
  let k: MediaKit;
  beforeAll(async () => {
    k = await startMediaKit();
  });
  afterAll(() => k.close());

  it('MD-1: registering a stick records its identifiers, kind, holder and place, and writes a signed token binding serial, UUID and ledger ID', async () => {
    const drive = k.stick({ serial: 'AA11BB22CC33', fsUuid: '1234-ABCD' });
    const id = await k.register(drive);
    assert.match(id, /^M-\d{4}$/);
    const got = await k.t.call(k.admin, 'media.get', { mediumId: id });
    assert.ok(got.ok);
    assert.equal(got.medium.serial, 'AA11BB22CC33');
    assert.equal(got.medium.fsUuid, '1234-ABCD');
    assert.equal(got.medium.vendorId, '0781');
    assert.equal(got.medium.kind, 'usb_flash');
    assert.equal(got.medium.holder, '管理 太郎');
    assert.equal(got.medium.storagePlace, '本部 金庫A');
    assert.deepEqual(got.movements.map((m) => m.kind), ['register']);
    const token = JSON.parse(readFileSync(join(drive.mountPoint!, TOKEN_FILE), 'utf8')) as Record<string, string>;
    assert.equal(token.mediumId, id);
    assert.equal(token.serial, 'AA11BB22CC33');
    assert.equal(token.fsUuid, '1234-ABCD');
    assert.ok(token.signature && token.signature.length > 40);
    const entry = k.log('media.register').at(-1)!;
    assert.equal(entry.target, id);
    assert.equal(entry.outcome, 'ok');
  });

  it('MD-1: the same serial cannot be registered twice while the first entry is live', async () => {
    const drive = k.stick({ serial: 'DUPE0001' });
    await k.register(drive);
    const again = await k.t.call(k.admin, 'media.register', { driveId: drive.driveId, kind: 'usb_flash', label: 'x', holder: 'y', storagePlace: 'z' });
    assert.equal(again.ok, false);
    assert.equal(!again.ok && again.problem.code, 'already_registered');
    assert.equal(k.log('media.register').at(-1)!.outcome, 'refused');
  });

  it('MD-1: take-out and return are recorded in order; a second take-out before the return is refused', async () => {
    const id = await k.register(k.stick());
    const out = await k.t.call(k.admin, 'media.takeOut', { mediumId: id, purpose: '統合専用端末へ照会ファイル' });
    assert.ok(out.ok && out.medium.takenOut);
    const twice = await k.t.call(k.admin, 'media.takeOut', { mediumId: id, purpose: 'again' });
    assert.equal(!twice.ok && twice.problem.code, 'already_taken_out');
    const back = await k.t.call(k.admin, 'media.return', { mediumId: id, note: '返却' });
    assert.ok(back.ok && !back.medium.takenOut);
    const got = await k.t.call(k.admin, 'media.get', { mediumId: id });
    assert.ok(got.ok);
    assert.deepEqual(got.movements.map((m) => m.kind), ['register', 'take_out', 'return']);
    assert.equal(k.log('media.takeOut').filter((e) => e.target === id).map((e) => e.outcome).join(','), 'ok,refused');
  });

  it('MD-8: disposal needs a witness other than the operator, and records method and witness', async () => {
    const id = await k.register(k.stick());
    const alone = await k.t.call(k.admin, 'media.dispose', { mediumId: id, method: '物理破砕', witness: 'kanri.taro' });
    assert.equal(!alone.ok && alone.problem.code, 'witness_required');
    const done = await k.t.call(k.admin, 'media.dispose', { mediumId: id, method: '物理破砕', witness: '総務 花子' });
    assert.ok(done.ok);
    assert.equal(done.medium.status, 'disposed');
    assert.equal(done.medium.disposalWitness, '総務 花子');
    assert.equal(done.medium.disposalMethod, '物理破砕');
    const entry = k.log('media.dispose').at(-1)!;
    assert.equal(entry.outcome, 'ok');
    assert.equal(entry.detail.witness, '総務 花子');
  });

  it('MD-1: only the system administrator keeps the ledger (a clerk is refused and the refusal is logged)', async () => {
    const clerk = await k.clerk('ledger.clerk', 'LINK', ['renkei'], 'renkei');
    const drive = k.stick();
    const r = await k.t.raw(clerk, 'media.register', { driveId: drive.driveId, kind: 'usb_flash', label: 'x', holder: 'y', storagePlace: 'z' });
    assert.equal(!r.ok && r.error.code, 'forbidden');
    assert.equal(existsSync(join(drive.mountPoint!, TOKEN_FILE)), false);
    assert.equal(k.log('media.register').at(-1)!.outcome, 'refused');
  });
});
