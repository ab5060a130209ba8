// The terminal's side of enrolment: the ONE data-center URL it may talk to (DP-6), the pinned CA, and
// its client certificate and key, kept inside the encrypted store (never as loose files).
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { terminalIdSchema } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { STATE_KEYS, readState, writeState } from './state';

/** https only, no credentials, path, query or fragment: the origin is the whole of what is configured. */
export const serverUrlSchema = z
  .string()
  .url()
  .refine((s) => {
    const u = new URL(s);
    return u.protocol === 'https:' && !u.username && !u.password && (u.pathname === '/' || u.pathname === '') && !u.search && !u.hash;
  }, 'an https:// origin such as https://kura-dc.example.lan:8443');

const pem = (label: string) => z.string().max(20_000).includes(`-----BEGIN ${label}`);

export const syncIdentitySchema = z.strictObject({
  terminalId: terminalIdSchema,
  serverUrl: serverUrlSchema,
  caPem: pem('CERTIFICATE'),
  certPem: pem('CERTIFICATE'),
  keyPem: pem('PRIVATE KEY'),
});
export type SyncIdentity = z.infer<typeof syncIdentitySchema>;

/** Checks that the key matches the certificate and the certificate names this terminal, then stores it. */
export function configureSync(db: Db, raw: unknown, now: Date): SyncIdentity {
  const identity = syncIdentitySchema.parse(raw);
  const cert = new X509Certificate(identity.certPem);
  if (!cert.checkPrivateKey(createPrivateKey(identity.keyPem))) throw new Error('the private key does not belong to the certificate');
  if (!cert.verify(new X509Certificate(identity.caPem).publicKey)) throw new Error('the certificate was not issued by the given CA');
  if (/^CN=(.+)$/m.exec(cert.subject)?.[1] !== identity.terminalId) throw new Error('the certificate does not name this terminal');
  db.transaction(() => {
    writeState(db, STATE_KEYS.identity, JSON.stringify(identity));
    if (!readState(db, STATE_KEYS.configuredAt)) writeState(db, STATE_KEYS.configuredAt, now.toISOString());
    if (!readState(db, STATE_KEYS.logId)) writeState(db, STATE_KEYS.logId, randomBytes(16).toString('hex'));
  }).immediate();
  return identity;
}

export function loadIdentity(db: Db): SyncIdentity | null {
  const raw = readState(db, STATE_KEYS.identity);
  return raw ? syncIdentitySchema.parse(JSON.parse(raw)) : null;
}
