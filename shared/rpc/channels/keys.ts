// The organisation-key relay (architecture.md Keys, issue 7): what the terminal admin screen and
// kura-admin `sync keys …` call. Only someone with terminal.admin may ask for, hand over or install
// keys; every change is in the operation log. No key material ever crosses this boundary: only
// fingerprints of enrolment public keys and the check value of the organisation keys.
import { z } from 'zod';
import { terminalIdSchema } from '../../sync/protocol';
import type { ChannelSpec } from '../spec';

/** SHA-256 of the enrolment public key, 80 bits as five groups of four hex digits. */
export const enrolmentFingerprintSchema = z.string().regex(/^[0-9A-F]{4}(?:-[0-9A-F]{4}){4}$/, 'fingerprint such as 1A2B-3C4D-5E6F-7081-92A3');

export const orgKeysStatusOutput = z.strictObject({
  origin: z.enum(['created', 'relayed']),
  /** Equal on two terminals exactly when they hold the same organisation keys. */
  checkValue: z.string().regex(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
  recordedAt: z.string(),
  relayedBy: z.string().nullable(),
  /** Created keys declared the organisation's: this is the first terminal and may grant them. */
  declaredFirst: z.strictObject({ declaredAt: z.string(), declaredBy: z.string() }).nullable(),
  /** Relayed keys could replace this terminal's own now (nothing sealed under them yet, none relayed). */
  installable: z.boolean(),
  /** This terminal's own open request while it waits for relayed keys. */
  request: z.strictObject({ fingerprint: enrolmentFingerprintSchema, requestedAt: z.string() }).nullable(),
});
export type OrgKeysStatusOutput = z.infer<typeof orgKeysStatusOutput>;

/**
 * The organisation's check value as a person types it from an enrolled terminal's screen or the key
 * record: case, hyphens and spaces are normalised by the core (normaliseCheckValue), which refuses
 * anything that is not 8 hex digits with a message saying where to read it.
 */
export const typedCheckValueSchema = z.string().trim().min(1).max(20);

export const pendingKeyRequestOutput = z.strictObject({ terminalId: z.string(), fingerprint: enrolmentFingerprintSchema, requestedAt: z.string() });
export type PendingKeyRequestOutput = z.infer<typeof pendingKeyRequestOutput>;

export const keyChannels = {
  'keys.status': { input: z.strictObject({}), output: orgKeysStatusOutput, access: 'terminal.admin', audit: null },
  /** New terminal: post its enrolment public key to the data center (the private key stays sealed here). */
  'keys.request': {
    input: z.strictObject({}),
    output: z.strictObject({ fingerprint: enrolmentFingerprintSchema, requestedAt: z.string() }),
    access: 'terminal.admin',
    audit: 'keys.request',
  },
  /** Administrator's terminal: other terminals' open requests, to compare fingerprints out of band. */
  'keys.pending': { input: z.strictObject({}), output: z.strictObject({ requests: z.array(pendingKeyRequestOutput) }), access: 'terminal.admin', audit: null },
  /** Administrator's terminal: wrap this terminal's organisation keys for the named request. */
  'keys.grant': {
    input: z.strictObject({ terminalId: terminalIdSchema, fingerprint: enrolmentFingerprintSchema }),
    output: z.strictObject({ terminalId: z.string(), fingerprint: enrolmentFingerprintSchema, grantedAt: z.string() }),
    access: 'terminal.admin',
    audit: 'keys.grant',
  },
  /**
   * New terminal: fetch and unwrap the granted keys, and install them only if their check value is the
   * organisation's (DP-2, DP-6: the blob is not authenticated); the enrolment private key is then erased.
   */
  'keys.install': { input: z.strictObject({ expectedCheckValue: typedCheckValueSchema }), output: orgKeysStatusOutput, access: 'terminal.admin', audit: 'keys.install' },
  /** First terminal: declare that the keys created here are the organisation's, so that it may grant them. */
  'keys.declareFirst': { input: z.strictObject({}), output: orgKeysStatusOutput, access: 'terminal.admin', audit: 'keys.declareFirst' },
} satisfies Record<string, ChannelSpec>;
