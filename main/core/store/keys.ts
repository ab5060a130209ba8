// Key hierarchy of architecture.md: master key (wrapped by the keystore) → SQLCipher key (HKDF);
// organisation data key and blind-index key are random, kept wrapped inside the store.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { KuraError } from '../../../shared/errors';

export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `kura/${purpose}/v1`, 32));
}

export function sealWithKey(key: Buffer, plain: Buffer, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function openWithKey(key: Buffer, sealed: Buffer, aad: string): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    throw new KuraError('store_locked');
  }
}

/** The organisation keys every capability may need; they never leave the main process. */
export type OrgKeys = {
  /** AES-256-GCM key for 個人番号(暗号化) (DP-2). */
  dataKey: Buffer;
  /** HMAC-SHA256 key for the blind index (DP-2). */
  blindIndexKey: Buffer;
};
