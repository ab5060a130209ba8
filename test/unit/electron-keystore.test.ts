// DP-1: the safeStorage keystore fails closed. 'electron'.safeStorage is mocked; the store is real.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { KuraError } from '../../shared/errors';
import { SafeStorageKeystore, type SafeStorageApi } from '../../main/electron/keystore';
import { openKura } from '../../main/rpc';

type Backend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

/** A stand-in for the OS keystore: reversible, and not the identity, so wrapping is real work. */
function fakeSafeStorage(available: boolean, backend: Backend): SafeStorageApi {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(`os:${Buffer.from(text).toString('hex')}`),
    decryptString: (data: Buffer) => {
      const s = data.toString();
      if (!s.startsWith('os:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(s.slice(3), 'hex').toString();
    },
  };
}

const isUnprotected = (e: unknown) => e instanceof KuraError && e.code === 'keystore_unprotected';

describe('safeStorage keystore (DP-1)', () => {
  it('DP-1: refuses when the OS keystore is unavailable', () => {
    const ks = new SafeStorageKeystore(fakeSafeStorage(false, 'gnome_libsecret'), 'linux');
    assert.throws(() => ks.assertProtected(), isUnprotected);
    assert.throws(() => ks.wrap(Buffer.alloc(32, 1)), isUnprotected);
    assert.throws(() => new SafeStorageKeystore(fakeSafeStorage(false, 'unknown'), 'win32').assertProtected(), isUnprotected);
  });

  it('DP-1: on Linux the basic_text and unknown backends do not count as protected', () => {
    for (const backend of ['basic_text', 'unknown'] as const) {
      const ks = new SafeStorageKeystore(fakeSafeStorage(true, backend), 'linux');
      assert.throws(() => ks.assertProtected(), isUnprotected, backend);
      assert.throws(() => ks.unwrap(Buffer.from('os:00')), isUnprotected, backend);
    }
    for (const backend of ['gnome_libsecret', 'kwallet5', 'kwallet6'] as const) {
      assert.doesNotThrow(() => new SafeStorageKeystore(fakeSafeStorage(true, backend), 'linux').assertProtected(), backend);
    }
  });

  it('DP-1: wraps and unwraps a 32-byte key; a foreign or damaged blob is store_locked', () => {
    const ks = new SafeStorageKeystore(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
    const key = Buffer.alloc(32, 7);
    const wrapped = ks.wrap(key);
    assert.notDeepEqual(wrapped, key);
    assert.deepEqual(ks.unwrap(wrapped), key);
    assert.throws(() => ks.unwrap(Buffer.from('garbage')), (e: unknown) => e instanceof KuraError && e.code === 'store_locked');
    assert.throws(() => ks.unwrap(ks.wrap(Buffer.alloc(16))), (e: unknown) => e instanceof KuraError && e.code === 'store_locked');
  });

  it('DP-1: a packaged Kura on basic_text refuses to open the store and writes no key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kura-ks-'));
    try {
      const keystore = new SafeStorageKeystore(fakeSafeStorage(true, 'basic_text'), 'linux');
      assert.throws(() => openKura({ dataDir: join(dir, 'store'), keystore, packaged: true }), isUnprotected);
      assert.equal(existsSync(join(dir, 'store', 'master.key.wrapped')), false);
      assert.equal(existsSync(join(dir, 'store', 'kura.db')), false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('DP-1: a packaged Kura with a protected OS keystore opens, and reopens with the same key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kura-ks-'));
    try {
      const keystore = new SafeStorageKeystore(fakeSafeStorage(true, 'gnome_libsecret'), 'linux');
      openKura({ dataDir: dir, keystore, packaged: true }).close();
      openKura({ dataDir: dir, keystore, packaged: true }).close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
