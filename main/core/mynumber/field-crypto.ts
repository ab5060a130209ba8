// DP-2: 個人番号(暗号化) is AES-256-GCM bound to its 資格ID; equality lookups use a keyed HMAC blind index.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { OrgKeys } from '../store';

/** The AAD binds a ciphertext to its 資格ID; bulk-sealer.ts's worker builds the same one. */
export const AAD_PREFIX = 'kura:mynumber:v1:';
const aadFor = (shikakuId: string): Buffer => Buffer.from(`${AAD_PREFIX}${shikakuId}`, 'utf8');
/** IV (12) + GCM tag (16) + the 12 digits: every sealed number has this length. */
export const SEALED_BYTES = 12 + 16 + 12;

// Random 96-bit IVs drawn from a pooled CSPRNG buffer: one randomBytes call per 4,096 encryptions
// instead of one each (it was the largest cost of a bulk registration). Each IV is used once.
const IV_BYTES = 12;
const POOL_IVS = 4096;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;
function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_BYTES * POOL_IVS);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

export function encryptMyNumber(keys: OrgKeys, shikakuId: string, myNumber: string): Buffer {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', keys.dataKey, iv);
  cipher.setAAD(aadFor(shikakuId));
  const body = Buffer.concat([cipher.update(myNumber, 'ascii'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Throws if the ciphertext was moved to another 資格ID or altered (GCM tag and AAD). */
export function decryptMyNumber(keys: OrgKeys, shikakuId: string, sealed: Buffer): string {
  const decipher = createDecipheriv('aes-256-gcm', keys.dataKey, sealed.subarray(0, 12));
  decipher.setAAD(aadFor(shikakuId));
  decipher.setAuthTag(sealed.subarray(12, 28));
  return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('ascii');
}

export function blindIndex(keys: OrgKeys, myNumber: string): Buffer {
  return createHmac('sha256', keys.blindIndexKey).update(myNumber, 'ascii').digest();
}
