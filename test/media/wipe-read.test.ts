// MD-7: after use the gate wipes what it wrote and the responsible person confirms on the medium.
// MD-5: reading from media goes through identification, then the virus check; a finding stops it.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TOKEN_FILE } from '../../main/core/media';
import { configureMedia } from '../../main/rpc/handlers/media';
import type { Connection } from '../../main/rpc';
import { startMediaKit, type MediaKit } from './kit';

describe('wipe and confirm (MD-7), reading with a virus check (MD-5)', () => {
  let k: MediaKit;
  let clerk: Connection;
  beforeAll(async () => {
    k = await startMediaKit({ seed: 10 });
    clerk = await k.clerk('wipe.clerk', 'LINK', ['renkei'], 'renkei');
  });
  afterAll(() => k.close());

  it('MD-7: the gate overwrites and deletes the archive, the manager confirms the medium is empty, the ledger records both', async () => {
    const stick = k.stick();
    const mediumId = await k.register(stick);
    const req = await k.t.call(clerk, 'export.request', { mediumId, shikakuIds: ['Q000000001', 'Q000000002'], reason: '照会' });
    assert.ok(req.ok);
    const requestId = req.request.requestId;
    const early = await k.t.call(k.admin, 'media.wipeConfirm', { requestId });
    assert.equal(!early.ok && early.problem.code, 'not_wiped');
    const approved = await k.t.call(k.admin, 'export.approve', { requestId });
    assert.ok(approved.ok);
    const archive = join(stick.mountPoint!, approved.request.archiveName!);
    assert.ok(existsSync(archive));

    const wiped = await k.t.call(clerk, 'media.wipe', { requestId });
    assert.ok(wiped.ok && wiped.request.status === 'wiped');
    assert.equal(existsSync(archive), false);
    assert.deepEqual(readdirSync(stick.mountPoint!), [TOKEN_FILE]);

    // Something left on the stick (copied there by hand) stops the confirmation: nothing may be kept.
    writeFileSync(join(stick.mountPoint!, 'copy.csv'), 'x');
    const blocked = await k.t.call(k.admin, 'media.wipeConfirm', { requestId });
    assert.equal(!blocked.ok && blocked.problem.code, 'medium_not_empty');
    assert.equal(k.log('media.wipeConfirm').at(-1)!.outcome, 'refused');
    const { rmSync } = await import('node:fs');
    rmSync(join(stick.mountPoint!, 'copy.csv'));

    const confirmed = await k.t.call(k.admin, 'media.wipeConfirm', { requestId });
    assert.ok(confirmed.ok && confirmed.request.status === 'wipe_confirmed');
    assert.equal(confirmed.request.wipeConfirmedBy, 'kanri.taro');
    const got = await k.t.call(k.admin, 'media.get', { mediumId });
    assert.ok(got.ok);
    assert.deepEqual(got.movements.map((m) => m.kind), ['register', 'wipe', 'wipe_confirm']);
    assert.equal(k.log('media.wipe').at(-1)!.target, requestId);
  });

  it('MD-7: a clerk cannot confirm a wipe (only the responsible person)', async () => {
    const r = await k.t.raw(clerk, 'media.wipeConfirm', { requestId: 'X-00001' });
    assert.equal(!r.ok && r.error.code, 'forbidden');
  });

  it('MD-5: a clean file on a registered medium is read after the scan; the EICAR test file is stopped and logged', async () => {
    const stick = k.stick();
    const mediumId = await k.register(stick);
    mkdirSync(join(stick.mountPoint!, 'in'));
    writeFileSync(join(stick.mountPoint!, 'in', 'jigyosho.csv'), '資格ID,個人番号\r\n');
    writeFileSync(join(stick.mountPoint!, 'eicar.com'), 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*');
    const files = await k.t.call(clerk, 'media.files', { mediumId });
    assert.ok(files.ok);
    assert.deepEqual(files.files.map((f) => f.name), ['eicar.com', 'in/jigyosho.csv']);
    const before = k.scanner.scanned;
    const clean = await k.t.call(clerk, 'media.scan', { mediumId, path: 'in/jigyosho.csv' });
    assert.ok(clean.ok && clean.scanner === 'eicar-test');
    const infected = await k.t.call(clerk, 'media.scan', { mediumId, path: 'eicar.com' });
    assert.equal(!infected.ok && infected.problem.code, 'virus_found');
    assert.equal(k.scanner.scanned, before + 2);
    const entry = k.log('media.read').at(-1)!;
    assert.equal(entry.outcome, 'refused');
    assert.equal(entry.detail.reason, 'virus_found');
  });

  it('MD-5: nothing is read from outside the medium, from a medium that fails identification, or without a scanner', async () => {
    const stick = k.stick();
    const mediumId = await k.register(stick);
    writeFileSync(join(stick.mountPoint!, 'a.csv'), 'x');
    const before = k.scanner.scanned;
    for (const path of ['../a.csv', '/etc/passwd', TOKEN_FILE]) {
      const r = await k.t.call(clerk, 'media.scan', { mediumId, path });
      assert.equal(!r.ok && r.problem.code, 'bad_path', path);
    }
    k.drives.reformat(stick.driveId, 'FORMATTED-1');
    const reformatted = await k.t.call(clerk, 'media.scan', { mediumId, path: 'a.csv' });
    assert.equal(!reformatted.ok && reformatted.problem.code, 'reformatted');
    k.drives.reformat(stick.driveId, stick.fsUuid);
    assert.equal(k.scanner.scanned, before);
    configureMedia(k.t.kura, { drives: k.drives, scanner: null });
    try {
      const r = await k.t.call(clerk, 'media.scan', { mediumId, path: 'a.csv' });
      assert.equal(!r.ok && r.problem.code, 'scanner_unavailable');
    } finally {
      configureMedia(k.t.kura, { drives: k.drives, scanner: k.scanner });
    }
  });
});
