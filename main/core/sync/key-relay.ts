// The organisation-key relay, terminal side (architecture.md Keys, DP-2, DP-6).
// New terminal: makes an X25519 enrolment key pair (the private half sealed in its store, never in a
// file, never sent), posts the public half to the data center, and later fetches the blob an
// administrator's terminal wrapped for it, unwraps it, installs the keys and forgets the private key.
// Administrator's terminal: lists pending requests with a fingerprint to compare out of band, and wraps
// its own organisation keys for the one the administrator picked. The data center only relays.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { KuraError } from '../../../shared/errors';
import {
  KEY_RELAY_PATHS, keyGrantResponse, keyRelayErrorResponse, keyRequestResponse, myKeysResponse, pendingKeyRequestsResponse, type KeyRelayErrorCode,
} from '../../../shared/sync/keys';
import {
  assertOrgKeysInstallable, declareFirstTerminal, holdsOrganisationKeys, installOrgKeys, keepSealedSecret, normaliseCheckValue, orgKeysCheckValue, orgKeysInUse,
  orgKeysOrigin, readSealedSecret, type FirstTerminalDeclaration, type OrgKeysOrigin, type Store,
} from '../store';
import { loadIdentity, type SyncIdentity } from './identity';
import { enrolmentKeyPair, unwrapOrgKeys, wrapOrgKeys } from './keywrap';
import { HttpsTransport, type SyncTransport } from './transport';

/** Keyring name of the sealed enrolment private key (PKCS#8 DER); present only while a request is open. */
export const ENROLMENT_SECRET = 'sync.enrolment-key';

/** A short, readable fingerprint of an enrolment public key (SHA-256 of its SPKI, 80 bits). */
export function enrolmentFingerprint(publicKeyPem: string): string {
  const spki = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(spki).digest('hex').slice(0, 20).toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

export type KeyRelayStatus = OrgKeysOrigin & {
  /** Relayed keys could replace this terminal's own now (nothing sealed under them yet, none relayed). */
  installable: boolean;
  /** This terminal's own open request, if it is waiting for relayed keys. */
  request: { fingerprint: string; requestedAt: string } | null;
};

function enrolmentPrivateKey(store: Store): { privateKey: KeyObject; requestedAt: string } | null {
  const sealed = readSealedSecret(store, ENROLMENT_SECRET);
  if (!sealed) return null;
  const privateKey = createPrivateKey({ key: sealed.secret, format: 'der', type: 'pkcs8' });
  sealed.secret.fill(0);
  return { privateKey, requestedAt: sealed.createdAt };
}

function publicPemOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

export function keyRelayStatus(store: Store): KeyRelayStatus {
  const pending = enrolmentPrivateKey(store);
  const origin = orgKeysOrigin(store);
  const installable = origin.origin === 'created' && origin.declaredFirst === null && orgKeysInUse(store).length === 0;
  return { ...origin, installable, request: pending ? { fingerprint: enrolmentFingerprint(publicPemOf(pending.privateKey)), requestedAt: pending.requestedAt } : null };
}

/** Opens a connection to the one configured data center for fn, and closes it afterwards (DP-6). */
export async function withKeyRelay<T>(store: Store, fn: (transport: SyncTransport, identity: SyncIdentity) => Promise<T>, makeTransport?: (identity: SyncIdentity) => SyncTransport): Promise<T> {
  const identity = loadIdentity(store.db);
  if (!identity) throw new KuraError('sync_not_configured');
  const transport = makeTransport?.(identity) ?? new HttpsTransport(identity, 15_000);
  try {
    return await fn(transport, identity);
  } finally {
    transport.close();
  }
}

async function exchange<T>(
  transport: SyncTransport,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  schema: z.ZodType<T>,
  refusals: Partial<Record<KeyRelayErrorCode, () => KuraError>> = {},
): Promise<T> {
  let res;
  try {
    res = await transport.send(method, path, body);
  } catch {
    throw new KuraError('key_relay_unreachable');
  }
  if (res.status === 200) {
    const parsed = schema.safeParse(res.body);
    if (parsed.success) return parsed.data;
    throw new KuraError('key_relay_unreachable');
  }
  const refusal = keyRelayErrorResponse.safeParse(res.body);
  const code = refusal.success ? refusal.data.error : null;
  if (code === 'terminal_revoked') throw new KuraError('key_relay_revoked');
  const mapped = code ? refusals[code] : undefined;
  throw mapped ? mapped() : new KuraError('key_relay_unreachable');
}

/**
 * New terminal: asks for the organisation keys. Refused up front if keys could not be installed anyway.
 * Asking again (e.g. after a lost delivery) re-sends the same public key.
 */
export async function requestOrgKeys(store: Store, transport: SyncTransport, now: Date): Promise<{ fingerprint: string; requestedAt: string }> {
  assertOrgKeysInstallable(store);
  const privateKey = enrolmentPrivateKey(store)?.privateKey ?? enrolmentKeyPair().privateKey;
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  store.transaction(() => keepSealedSecret(store, ENROLMENT_SECRET, der, now));
  der.fill(0);
  const publicKeyPem = publicPemOf(privateKey);
  await exchange(transport, 'POST', KEY_RELAY_PATHS.request, { publicKeyPem }, keyRequestResponse, {
    invalid_key: () => new KuraError('key_relay_unreachable'),
  });
  return { fingerprint: enrolmentFingerprint(publicKeyPem), requestedAt: now.toISOString() };
}

export type PendingKeyRequest = { terminalId: string; fingerprint: string; requestedAt: string };

async function pendingWithKeys(transport: SyncTransport, selfId: string): Promise<(PendingKeyRequest & { publicKeyPem: string })[]> {
  const { requests } = await exchange(transport, 'GET', KEY_RELAY_PATHS.pending, undefined, pendingKeyRequestsResponse);
  return requests
    .filter((r) => r.terminalId !== selfId)
    .flatMap((r) => {
      try {
        return [{ ...r, fingerprint: enrolmentFingerprint(r.publicKeyPem) }];
      } catch {
        return []; // not a key at all: never offered for a grant
      }
    });
}

/** Administrator's terminal: open requests of other terminals, with the fingerprint to compare. */
export async function pendingKeyRequests(transport: SyncTransport, selfId: string): Promise<PendingKeyRequest[]> {
  return (await pendingWithKeys(transport, selfId)).map(({ terminalId, fingerprint, requestedAt }) => ({ terminalId, fingerprint, requestedAt }));
}

/**
 * Administrator's terminal: wraps this terminal's organisation keys for the request the administrator
 * compared (terminal ID and fingerprint must both match) and hands the blob to the data center.
 */
export async function grantOrgKeys(store: Store, transport: SyncTransport, selfId: string, pick: { terminalId: string; fingerprint: string }): Promise<{ terminalId: string; fingerprint: string; grantedAt: string }> {
  // A terminal still waiting for relayed keys holds only its own provisional keys, not the organisation's.
  if (readSealedSecret(store, ENROLMENT_SECRET)) throw new KuraError('org_keys_awaiting');
  // DP-2, DP-6: nor are a terminal's created keys, unless an administrator declared it the first
  // terminal. Otherwise a fresh terminal could hand its provisional keys to a newcomer, which would then
  // seal numbers under keys nobody else holds.
  if (!holdsOrganisationKeys(store)) throw new KuraError('org_keys_not_organisation');
  if (pick.terminalId === selfId) throw new KuraError('key_request_self');
  const notFound = () => new KuraError('key_request_not_found', { terminalId: pick.terminalId, fingerprint: pick.fingerprint });
  const request = (await pendingWithKeys(transport, selfId)).find((r) => r.terminalId === pick.terminalId && r.fingerprint === pick.fingerprint);
  if (!request) throw notFound();
  const wrapped = wrapOrgKeys(store.orgKeys, request.publicKeyPem);
  const { grantedAt } = await exchange(transport, 'POST', KEY_RELAY_PATHS.grant, { terminalId: request.terminalId, publicKeyPem: request.publicKeyPem, wrapped }, keyGrantResponse, {
    key_request_not_found: notFound,
    key_request_self: () => new KuraError('key_request_self'),
  });
  return { terminalId: request.terminalId, fingerprint: request.fingerprint, grantedAt };
}

/**
 * Administrator: declares that this terminal's created keys are the organisation's (the first
 * terminal), so that it may grant them. Refused once keys were relayed, once declared, and while this
 * terminal itself waits for relayed keys. The caller runs it inside its logged transaction.
 */
export function declareFirstOrgKeys(store: Store, declaredBy: string, now: Date): FirstTerminalDeclaration {
  if (readSealedSecret(store, ENROLMENT_SECRET)) throw new KuraError('org_keys_awaiting');
  return declareFirstTerminal(store, declaredBy, now);
}

/**
 * New terminal: fetches the wrapped keys (once), unwraps, checks them against the organisation's check
 * value the administrator read from an enrolled terminal, installs them, and forgets the private key.
 */
export async function installRelayedOrgKeys(store: Store, transport: SyncTransport, now: Date, expectedCheckValue: string): Promise<OrgKeysOrigin> {
  const expected = normaliseCheckValue(expectedCheckValue);
  if (!expected) throw new KuraError('org_keys_check_invalid');
  // Checked before the fetch: the data center deletes the blob as it hands it over.
  assertOrgKeysInstallable(store);
  const pending = enrolmentPrivateKey(store);
  if (!pending) throw new KuraError('org_keys_no_request');
  const fingerprint = enrolmentFingerprint(publicPemOf(pending.privateKey));
  const mine = await exchange(transport, 'GET', KEY_RELAY_PATHS.mine, undefined, myKeysResponse);
  if (mine.state === 'none') throw new KuraError('org_keys_no_request');
  if (mine.state === 'pending') throw new KuraError('org_keys_not_granted', { fingerprint });
  if (mine.state === 'delivered') throw new KuraError('org_keys_delivery_lost');
  let keys;
  try {
    keys = unwrapOrgKeys(mine.wrapped, pending.privateKey);
  } catch {
    throw new KuraError('org_keys_unwrap_failed');
  }
  try {
    // DP-2, DP-6: the blob is not authenticated (any terminal certificate may answer a request), so the
    // keys are taken only if they are the organisation's. Checked before anything is written: on a
    // mismatch nothing is installed and the enrolment private key stays, so the terminal can ask again.
    const received = orgKeysCheckValue(keys);
    if (received !== expected) throw new KuraError('org_keys_check_mismatch', { expected, received, grantedBy: mine.grantedBy });
    return installOrgKeys(store, keys, { relayedBy: mine.grantedBy, now, forgetSecrets: [ENROLMENT_SECRET] });
  } finally {
    keys.dataKey.fill(0);
    keys.blindIndexKey.fill(0);
  }
}
