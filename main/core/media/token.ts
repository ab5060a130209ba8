// MD-2: the identification file written on a medium at registration. It binds device serial,
// filesystem UUID and ledger ID under an Ed25519 signature by the administrator key, so a token copied
// to another stick, or left on a reformatted one, no longer agrees with what the drive reports.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { deriveKey, openWithKey, sealWithKey, type Store } from '../store';

export const TOKEN_FILE = 'KURA-MEDIUM.TOKEN';
const FORMAT = 'kura-medium-token/1';
const KEYRING_NAME = 'media.signing';

export const tokenSchema = z.strictObject({
  format: z.literal(FORMAT),
  mediumId: z.string().min(1).max(32),
  serial: z.string().min(1).max(128),
  fsUuid: z.string().min(1).max(128),
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  signature: z.string().min(1).max(200),
});
export type MediumToken = z.infer<typeof tokenSchema>;
export type TokenBody = Omit<MediumToken, 'format' | 'signature' | 'keyId'>;

function signedText(t: TokenBody & { keyId: string }): Buffer {
  return Buffer.from([FORMAT, t.mediumId, t.serial, t.fsUuid, t.nonce, t.keyId].join('\n'), 'utf8');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The administrator signing key: generated at first use, the private half sealed in the store's
 * keyring (AES-GCM under a key derived from the organisation data key), the public half in the ledger.
 */
export class MediumSigner {
  private key: { id: string; privateKey: KeyObject } | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  private wrapKey(): Buffer {
    return deriveKey(this.store.orgKeys.dataKey, 'media-signing-wrap');
  }

  private load(): { id: string; privateKey: KeyObject } {
    if (this.key) return this.key;
    const db = this.store.db;
    const row = db.prepare('SELECT sealed FROM keyring WHERE name = ?').get(KEYRING_NAME) as { sealed: Buffer } | undefined;
    let privateKey: KeyObject;
    if (row) {
      privateKey = createPrivateKey({ key: openWithKey(this.wrapKey(), row.sealed, KEYRING_NAME), format: 'der', type: 'pkcs8' });
    } else {
      privateKey = generateKeyPairSync('ed25519').privateKey;
      const der = privateKey.export({ format: 'der', type: 'pkcs8' });
      const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
      const at = this.now().toISOString();
      db.prepare('INSERT INTO keyring (name, sealed, created_at) VALUES (?, ?, ?)').run(KEYRING_NAME, sealWithKey(this.wrapKey(), der, KEYRING_NAME), at);
      db.prepare('INSERT INTO media_signing_keys (key_id, public_key, created_at) VALUES (?, ?, ?)').run(keyIdOf(spki), spki.toString('base64'), at);
    }
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    this.key = { id: keyIdOf(spki), privateKey };
    return this.key;
  }

  /** Call inside a store transaction (first use inserts the key). */
  sign(body: TokenBody): MediumToken {
    const { id, privateKey } = this.load();
    const signature = sign(null, signedText({ ...body, keyId: id }), privateKey).toString('base64');
    return { format: FORMAT, ...body, keyId: id, signature };
  }

  /** Verifies against the public key the ledger holds for the token's key ID. */
  verify(token: MediumToken): boolean {
    const row = this.store.db.prepare('SELECT public_key FROM media_signing_keys WHERE key_id = ?').get(token.keyId) as { public_key: string } | undefined;
    if (!row) return false;
    const publicKey = createPublicKey({ key: Buffer.from(row.public_key, 'base64'), format: 'der', type: 'spki' });
    try {
      return verify(null, signedText(token), publicKey, Buffer.from(token.signature, 'base64'));
    } catch {
      return false;
    }
  }
}

function keyIdOf(spki: Buffer): string {
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

/** Parses token file bytes; null when absent or not a token (treated as "no token"). */
export function parseToken(bytes: Buffer | null): MediumToken | null {
  if (!bytes || bytes.length > 4096) return null;
  try {
    const parsed = tokenSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
