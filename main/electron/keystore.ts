// DP-1: the terminal master key wrapped by the OS keystore (Electron safeStorage: DPAPI, Keychain,
// libsecret/kwallet). Fails closed: no protection, no start. On Linux, basic_text is a hard-coded
// password and 'unknown' means nothing is known about it, so neither counts as protected.
import type { SafeStorage } from 'electron';
import { KuraError } from '../../shared/errors';
import type { Keystore } from '../core/store';

export type SafeStorageApi = Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

const UNPROTECTED_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export class SafeStorageKeystore implements Keystore {
  readonly kind = 'safeStorage' as const;
  constructor(
    private readonly safeStorage: SafeStorageApi,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  assertProtected(): void {
    if (!this.safeStorage.isEncryptionAvailable()) throw new KuraError('keystore_unprotected');
    if (this.platform === 'linux' && UNPROTECTED_LINUX_BACKENDS.has(this.safeStorage.getSelectedStorageBackend())) {
      throw new KuraError('keystore_unprotected');
    }
  }

  wrap(plain: Buffer): Buffer {
    this.assertProtected();
    return this.safeStorage.encryptString(plain.toString('base64'));
  }

  unwrap(wrapped: Buffer): Buffer {
    this.assertProtected();
    let text: string;
    try {
      text = this.safeStorage.decryptString(wrapped);
    } catch {
      throw new KuraError('store_locked');
    }
    const key = Buffer.from(text, 'base64');
    if (key.length !== 32) throw new KuraError('store_locked');
    return key;
  }
}
