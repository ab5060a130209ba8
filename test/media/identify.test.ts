// MD-2, MD-3, AC-12: a medium is usable only when ledger, serial, UUID and signed token agree, the
// entry is active and the terminal is designated. Each refusal is named and logged.
import assert from 'node:assert/strict';
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TOKEN_FILE } from '../../main/core/media';
import { startMediaKit, type MediaKit } from './kit';

describe('identification before use (MD-2, MD-3, AC-12)', () => {
  let k: MediaKit;
  beforeAll(async () => {
    k = await startMediaKit();
  });
  afterAll(() => k.close());

  async function identify(driveId: string): Promise<{ code: string | null; mediumId: string | null }> {
    const r = await k.t.call(k.admin, 'media.identify', { driveId });
    const entry = k.log('media.identify').at(-1)!;
    // Every identification is in the log: refusals with their reason.
    assert.equal(entry.outcome, r.ok ? 'ok' : 'refused');
    if (!r.ok) assert.equal(entry.detail.reason, r.problem.code);
    return r.ok ? { code: null, mediumId: r.medium.mediumId } : { code: r.problem.code, mediumId: null };
  }

  it('MD-2: a registered stick whose ledger entry, serial, UUID and token agree is usable', async () => {
    const drive = k.stick();
    const id = await k.register(drive);
    assert.deepEqual(await identify(drive.driveId), { code: null, mediumId: id });
  });

  it('MD-2: a stick that reports no serial is refused (and cannot be registered)', async () => {
    const drive = k.stick({ serial: '' });
    assert.equal((await identify(drive.driveId)).code, 'no_serial');
    const r = await k.t.call(k.admin, 'media.register', { driveId: drive.driveId, kind: 'usb_flash', label: 'x', holder: 'y', storagePlace: 'z' });
    assert.equal(!r.ok && r.problem.code, 'no_serial');
    k.drives.remove(drive.driveId);
  });

  it('MD-2: two attached sticks with the same serial are both refused (a clone)', async () => {
    const original = k.stick({ serial: 'CLONE-SERIAL-1' });
    await k.register(original);
    const clone = k.stick({ serial: 'CLONE-SERIAL-1', fsUuid: original.fsUuid });
    copyFileSync(join(original.mountPoint!, TOKEN_FILE), join(clone.mountPoint!, TOKEN_FILE));
    assert.equal((await identify(original.driveId)).code, 'duplicate_serial');
    assert.equal((await identify(clone.driveId)).code, 'duplicate_serial');
    k.drives.remove(clone.driveId);
    assert.equal((await identify(original.driveId)).code, null);
  });

  it('MD-2: a genuine token copied onto another stick is refused as a copy', async () => {
    const original = k.stick();
    const id = await k.register(original);
    const other = k.stick({ serial: 'OTHER-STICK-9' });
    copyFileSync(join(original.mountPoint!, TOKEN_FILE), join(other.mountPoint!, TOKEN_FILE));
    assert.equal((await identify(other.driveId)).code, 'token_copied');
    // Copied onto a stick that is itself registered as another medium: still a copy.
    const registered = k.stick();
    await k.register(registered);
    copyFileSync(join(original.mountPoint!, TOKEN_FILE), join(registered.mountPoint!, TOKEN_FILE));
    assert.equal((await identify(registered.driveId)).code, 'token_copied');
    assert.equal((await identify(original.driveId)).mediumId, id);
  });

  it('MD-2: a reformatted volume (new UUID, token gone) is refused', async () => {
    const drive = k.stick();
    await k.register(drive);
    rmSync(join(drive.mountPoint!, TOKEN_FILE));
    k.drives.reformat(drive.driveId, 'NEW-UUID-77');
    assert.equal((await identify(drive.driveId)).code, 'reformatted');
  });

  it('MD-2: a token whose signature does not verify is refused; a missing token is refused', async () => {
    const drive = k.stick();
    await k.register(drive);
    const path = join(drive.mountPoint!, TOKEN_FILE);
    const token = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    writeFileSync(path, JSON.stringify({ ...token, nonce: 'f'.repeat(32) }));
    assert.equal((await identify(drive.driveId)).code, 'token_invalid');
    rmSync(path);
    assert.equal((await identify(drive.driveId)).code, 'token_missing');
  });

  it('MD-2: an unregistered stick is refused, for identification and as an export target', async () => {
    const drive = k.stick();
    assert.equal((await identify(drive.driveId)).code, 'not_registered');
  });

  it('MD-2: a revoked entry is refused even though stick and token still agree', async () => {
    const drive = k.stick();
    const id = await k.register(drive);
    const r = await k.t.call(k.admin, 'media.revoke', { mediumId: id, reason: '紛失届後に発見' });
    assert.ok(r.ok);
    assert.equal((await identify(drive.driveId)).code, 'revoked');
  });

  it('MD-3 / AC-12: on a terminal not designated for media every drive channel is refused and logged', async () => {
    const drive = k.stick();
    await k.register(drive);
    k.designate([]);
    try {
      for (const [channel, input] of [['media.identify', { driveId: drive.driveId }], ['media.drives', {}], ['media.register', { driveId: drive.driveId, kind: 'usb_flash', label: 'x', holder: 'y', storagePlace: 'z' }]] as const) {
        const r = await k.t.raw(k.admin, channel, input);
        assert.equal(!r.ok && r.error.code, 'terminal_not_designated', channel);
      }
      const entry = k.log('media.identify').at(-1)!;
      assert.equal(entry.outcome, 'refused');
      assert.equal(entry.detail.reason, 'terminal_not_designated');
      // The capability checks again: a caller that bypasses the router finds no usable drive either.
      const { mediaDesk } = await import('../../main/rpc/handlers/media');
      assert.deepEqual(await mediaDesk(k.t.kura).verdicts(), []);
    } finally {
      k.designate(['media']);
    }
  });
});
