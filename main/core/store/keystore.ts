// DP-1: the terminal master key is only ever on disk wrapped by a keystore.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KuraError } from '../../../shared/errors';

export type KeystoreKind = 'safeStorage' | 'key-file';

/**
 * Wraps and unwraps the terminal master key. The production implementation is Electron's
 * safeStorage (main/electron/keystore.ts); it must throw keystore_unprotected when the OS cannot
 * protect the key, and the store then refuses to open (fail closed).
 */
export interface Keystore {
  readonly kind: KeystoreKind;
  /** Throws KuraError('keystore_unprotected') when the key could not be protected. */
  assertProtected(): void;
  wrap(plain: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

/**
 * Development and test keystore: the wrapping key sits in a file beside the store, so it protects
 * nothing against someone holding the disk. openStore refuses it in a packaged build (DP-1).
 */
export class KeyFileKeystore implements Keystore {
  readonly kind = 'key-file' as const;
  private readonly wrappingKey: Buffer;

  constructor(dir: string) {
    const file = join(dir, 'dev-keystore.key');
    if (!existsSync(file)) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    this.wrappingKey = readFileSync(file);
    if (this.wrappingKey.length !== 32) throw new KuraError('store_locked');
  }

  assertProtected(): void {
    // A key file is "available" for development; openStore decides whether it is acceptable.
  }

  wrap(plain: Buffer): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.wrappingKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  unwrap(wrapped: Buffer): Buffer {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.wrappingKey, wrapped.subarray(0, 12));
      decipher.setAuthTag(wrapped.subarray(12, 28));
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()]);
    } catch {
      throw new KuraError('store_locked');
    }
  }
}
