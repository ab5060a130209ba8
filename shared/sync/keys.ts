// The organisation-key relay on the wire (architecture.md Keys): a new terminal posts its X25519
// enrolment public key, an administrator's terminal posts the organisation keys wrapped for that key,
// and the new terminal fetches the wrapped blob once. The data center only ever holds the wrapped blob:
// it has no key that opens it. Identity is the client certificate on both ends, never a body field.
import { z } from 'zod';
import { terminalIdSchema } from './protocol';

export const KEY_RELAY_PATHS = { request: '/keys/request', pending: '/keys/pending', grant: '/keys/grant', mine: '/keys/mine' } as const;

export const WRAPPED_ORG_KEYS_VERSION = 'kura-orgkeys-v1';
/** Ephemeral X25519 public key, AES-256-GCM iv/tag/body of data key ‖ blind-index key (64 bytes). */
export const wrappedOrgKeysSchema = z.strictObject({
  v: z.literal(WRAPPED_ORG_KEYS_VERSION),
  ephemeral: z.string().max(200),
  iv: z.string().regex(/^[0-9a-f]{24}$/),
  tag: z.string().regex(/^[0-9a-f]{32}$/),
  body: z.string().regex(/^[0-9a-f]{128}$/),
});
export type WrappedOrgKeys = z.infer<typeof wrappedOrgKeysSchema>;

/** An SPKI PEM (the receiver checks that it is X25519). */
export const enrolmentPublicKeyPem = z.string().max(400).startsWith('-----BEGIN PUBLIC KEY-----');

export const keyRequestBody = z.strictObject({ publicKeyPem: enrolmentPublicKeyPem });
export const keyRequestResponse = z.strictObject({ requestedAt: z.string().max(40) });

export const pendingKeyRequestWire = z.strictObject({ terminalId: terminalIdSchema, publicKeyPem: enrolmentPublicKeyPem, requestedAt: z.string().max(40) });
export type PendingKeyRequestWire = z.infer<typeof pendingKeyRequestWire>;
export const pendingKeyRequestsResponse = z.strictObject({ requests: z.array(pendingKeyRequestWire).max(1_000) });

/** The grant names the exact public key the administrator compared, so a replaced request is not served. */
export const keyGrantBody = z.strictObject({ terminalId: terminalIdSchema, publicKeyPem: enrolmentPublicKeyPem, wrapped: wrappedOrgKeysSchema });
export const keyGrantResponse = z.strictObject({ grantedAt: z.string().max(40) });

export const myKeysResponse = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('none') }),
  z.strictObject({ state: z.literal('pending'), requestedAt: z.string().max(40) }),
  /** Fetched once already: the blob is gone from the data center; the terminal asks again. */
  z.strictObject({ state: z.literal('delivered'), deliveredAt: z.string().max(40) }),
  z.strictObject({ state: z.literal('granted'), wrapped: wrappedOrgKeysSchema, grantedBy: terminalIdSchema, grantedAt: z.string().max(40) }),
]);
export type MyKeysResponse = z.infer<typeof myKeysResponse>;

export const KEY_RELAY_ERROR_CODES = ['key_request_not_found', 'key_request_self', 'invalid_key', 'invalid_body', 'terminal_revoked', 'internal'] as const;
export type KeyRelayErrorCode = (typeof KEY_RELAY_ERROR_CODES)[number];
export const keyRelayErrorResponse = z.strictObject({ error: z.enum(KEY_RELAY_ERROR_CODES), detail: z.string().max(500).optional() });
