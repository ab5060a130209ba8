// Enrolment relay of the organisation keys (architecture.md Keys): the first terminal creates the My
// Number data key and the blind-index key; an administrator's enrolled terminal wraps them for a new
// terminal's X25519 public key, and the data center only ever relays the wrapped blob.
// Wrap: ephemeral X25519 → ECDH → HKDF-SHA256 (info names both public keys) → AES-256-GCM.
import { createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { WRAPPED_ORG_KEYS_VERSION as VERSION, wrappedOrgKeysSchema, type WrappedOrgKeys } from '../../../shared/sync/keys';
import type { OrgKeys } from '../store';

export { wrappedOrgKeysSchema, type WrappedOrgKeys };

/** The new terminal's enrolment key pair; the private half never leaves it (keep it in the store). */
export function enrolmentKeyPair(): { publicKeyPem: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

function kek(shared: Buffer, ephemeralPem: string, recipientPem: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `${VERSION}\n${ephemeralPem}\n${recipientPem}`, 32));
}

export function wrapOrgKeys(keys: OrgKeys, recipientPublicKeyPem: string): WrappedOrgKeys {
  const recipient = createPublicKey(recipientPublicKeyPem);
  if (recipient.asymmetricKeyType !== 'x25519') throw new Error('the enrolment key must be X25519');
  const eph = generateKeyPairSync('x25519');
  const ephemeralPem = eph.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const recipientPem = recipient.export({ type: 'spki', format: 'pem' }).toString();
  const key = kek(diffieHellman({ privateKey: eph.privateKey, publicKey: recipient }), ephemeralPem, recipientPem);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(VERSION));
  const body = Buffer.concat([cipher.update(Buffer.concat([keys.dataKey, keys.blindIndexKey])), cipher.final()]);
  return { v: VERSION, ephemeral: ephemeralPem, iv: iv.toString('hex'), tag: cipher.getAuthTag().toString('hex'), body: body.toString('hex') };
}

export function unwrapOrgKeys(raw: unknown, recipientPrivateKey: KeyObject): OrgKeys {
  const w = wrappedOrgKeysSchema.parse(raw);
  const recipientPem = createPublicKey(recipientPrivateKey).export({ type: 'spki', format: 'pem' }).toString();
  const key = kek(diffieHellman({ privateKey: recipientPrivateKey, publicKey: createPublicKey(w.ephemeral) }), w.ephemeral, recipientPem);
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(w.iv, 'hex'));
  decipher.setAAD(Buffer.from(VERSION));
  decipher.setAuthTag(Buffer.from(w.tag, 'hex'));
  const plain = Buffer.concat([decipher.update(Buffer.from(w.body, 'hex')), decipher.final()]);
  return { dataKey: plain.subarray(0, 32), blindIndexKey: plain.subarray(32, 64) };
}
