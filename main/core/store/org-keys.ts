// The organisation keys' life at this terminal (architecture.md Keys). The first terminal creates them
// (openStore); every other terminal installs the ones an administrator's terminal relayed to it, wrapped
// for its enrolment key. Both the keys and the enrolment private key rest in the keyring, sealed under
// a key derived from the terminal master key: never in a file, never in the clear (DP-1, DP-2).
import { createHash, createHmac } from 'node:crypto';
import { KuraError } from '../../../shared/errors';
import { openWithKey, sealWithKey, type OrgKeys } from './keys';
import type { Store } from './connection';

/** The keyring entries holding the organisation keys themselves: only this file writes them. */
export const ORG_KEY_NAMES = { data: 'org.data', blindIndex: 'org.blind-index' } as const;
/** Sealed under a key derived from the data key (media/token.ts), so it would not open after a swap. */
const MEDIA_SIGNING_KEY = 'media.signing';

// The master-derived wrap key of each open store; kept beside the store, not on it, so that nothing
// outside this capability can reach it.
const wrapKeys = new WeakMap<Store, Buffer>();

export function bindKeyring(store: Store, wrapKey: Buffer): void {
  wrapKeys.set(store, wrapKey);
}

export function releaseKeyring(store: Store): void {
  wrapKeys.get(store)?.fill(0);
  wrapKeys.delete(store);
}

function wrapKeyOf(store: Store): Buffer {
  const key = wrapKeys.get(store);
  if (!key) throw new KuraError('store_locked');
  return key;
}

function assertOwnSecretName(name: string): void {
  if (name.startsWith('org.') || name === MEDIA_SIGNING_KEY || !/^[a-z][a-z0-9.-]{2,63}$/.test(name)) throw new Error(`not a secret name: ${name}`);
}

/** Seals a secret (e.g. the enrolment private key) in the keyring; replaces one of the same name. */
export function keepSealedSecret(store: Store, name: string, secret: Buffer, now: Date): void {
  assertOwnSecretName(name);
  store.db
    .prepare('INSERT INTO keyring (name, sealed, created_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET sealed = excluded.sealed, created_at = excluded.created_at')
    .run(name, sealWithKey(wrapKeyOf(store), secret, name), now.toISOString());
}

export function readSealedSecret(store: Store, name: string): { secret: Buffer; createdAt: string } | null {
  assertOwnSecretName(name);
  const row = store.db.prepare('SELECT sealed, created_at FROM keyring WHERE name = ?').get(name) as { sealed: Buffer; created_at: string } | undefined;
  return row ? { secret: openWithKey(wrapKeyOf(store), row.sealed, name), createdAt: row.created_at } : null;
}

export function forgetSealedSecret(store: Store, name: string): void {
  assertOwnSecretName(name);
  // secure_delete is on (open.ts): the sealed bytes do not linger in a free page either.
  store.db.prepare('DELETE FROM keyring WHERE name = ?').run(name);
}

export type OrgKeysOrigin = {
  origin: 'created' | 'relayed';
  /** Short check value of the keys: equal on two terminals exactly when they hold the same keys. */
  checkValue: string;
  recordedAt: string;
  /** The administrator's terminal that granted them (relayed keys only). */
  relayedBy: string | null;
  /** Created keys only: an administrator declared this the organisation's first terminal (may grant). */
  declaredFirst: FirstTerminalDeclaration | null;
};

export type FirstTerminalDeclaration = { declaredAt: string; declaredBy: string };

/** A one-way check value (KCV) that lets two people compare keys by phone without revealing them. */
export function orgKeysCheckValue(keys: OrgKeys): string {
  const label = 'kura/org-keys/check-value/v1';
  const digest = createHash('sha256')
    .update(createHmac('sha256', keys.dataKey).update(label).digest())
    .update(createHmac('sha256', keys.blindIndexKey).update(label).digest())
    .digest('hex')
    .toUpperCase();
  return `${digest.slice(0, 4)}-${digest.slice(4, 8)}`;
}

/**
 * A check value as a person types it (case, hyphens and spaces as they come) in the form
 * orgKeysCheckValue prints, or null if it cannot be one.
 */
export function normaliseCheckValue(typed: string): string | null {
  const hex = typed.replace(/[\s\-‐－ー−]/g, '').toUpperCase();
  return /^[0-9A-F]{8}$/.test(hex) ? `${hex.slice(0, 4)}-${hex.slice(4, 8)}` : null;
}

/** meta key of this terminal's first-terminal declaration (JSON FirstTerminalDeclaration). */
const FIRST_TERMINAL_META = 'org_keys.first_terminal';

function firstTerminalDeclaration(store: Store): FirstTerminalDeclaration | null {
  const value = store.db.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(FIRST_TERMINAL_META) as string | undefined;
  if (value === undefined) return null;
  const parsed = JSON.parse(value) as Partial<FirstTerminalDeclaration>;
  return typeof parsed.declaredAt === 'string' && typeof parsed.declaredBy === 'string' ? { declaredAt: parsed.declaredAt, declaredBy: parsed.declaredBy } : null;
}

/**
 * DP-2, DP-6: whether this terminal's keys are the organisation's, and so may be handed to another
 * terminal: relayed to it, or created here on the terminal an administrator declared the first one.
 * A freshly installed terminal's own provisional keys are neither.
 */
export function holdsOrganisationKeys(store: Store): boolean {
  const origin = orgKeysOrigin(store);
  return origin.origin === 'relayed' || origin.declaredFirst !== null;
}

/**
 * Records that this terminal's created keys are the organisation's (the first terminal). Only while the
 * keys were created here and nothing was declared yet: the caller runs it inside its transaction.
 */
export function declareFirstTerminal(store: Store, declaredBy: string, now: Date): FirstTerminalDeclaration {
  const origin = orgKeysOrigin(store);
  if (origin.origin === 'relayed') throw new KuraError('org_keys_already_relayed', { relayedBy: origin.relayedBy ?? '-', at: origin.recordedAt });
  if (origin.declaredFirst) throw new KuraError('org_keys_first_declared', { by: origin.declaredFirst.declaredBy, at: origin.declaredFirst.declaredAt });
  const declaration = { declaredAt: now.toISOString(), declaredBy };
  store.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)').run(FIRST_TERMINAL_META, JSON.stringify(declaration));
  return declaration;
}

export function orgKeysOrigin(store: Store): OrgKeysOrigin {
  const row = store.db.prepare('SELECT origin, recorded_at, relayed_by FROM org_keys_origin WHERE id = 1').get() as
    | { origin: 'created' | 'relayed'; recorded_at: string; relayed_by: string | null }
    | undefined;
  if (!row) throw new KuraError('store_locked');
  const declaredFirst = row.origin === 'created' ? firstTerminalDeclaration(store) : null;
  return { origin: row.origin, checkValue: orgKeysCheckValue(store.orgKeys), recordedAt: row.recorded_at, relayedBy: row.relayed_by, declaredFirst };
}

/** What, in this replica, was sealed or blind-indexed under this terminal's own keys (DP-2). */
export type OrgKeysInUse = 'mynumber_master' | 'mynumber_outbox' | 'import_sessions' | 'mynumber_input_results' | 'identity_confirmations' | 'media_signing_key';

const IN_USE_LABELS: Record<OrgKeysInUse, string> = {
  mynumber_master: '登録した個人番号 / registered My Numbers',
  mynumber_outbox: '送信待ちの個人番号 / My Numbers waiting to be sent',
  import_sessions: '取込中ファイルの個人番号 / numbers of an import in progress',
  mynumber_input_results: '個人番号入力結果情報 / My Number input results',
  identity_confirmations: '本人確認項目の個人番号 / numbers in identity confirmations',
  media_signing_key: '媒体の署名鍵 / the media signing key',
};

const IN_USE_CHECKS: Record<OrgKeysInUse, string> = {
  mynumber_master: "SELECT 1 FROM org_keys_local_use WHERE what = 'mynumber_master'",
  mynumber_outbox: "SELECT 1 FROM sync_outbox WHERE entity = 'mynumber' LIMIT 1",
  import_sessions: 'SELECT 1 FROM import_sessions WHERE numbers_enc IS NOT NULL LIMIT 1',
  mynumber_input_results: 'SELECT 1 FROM mynumber_input_results WHERE mynumber_enc IS NOT NULL LIMIT 1',
  identity_confirmations: 'SELECT 1 FROM identity_confirmations WHERE mynumber_enc IS NOT NULL OR blind_index IS NOT NULL LIMIT 1',
  media_signing_key: `SELECT 1 FROM keyring WHERE name = '${MEDIA_SIGNING_KEY}'`,
};

export function orgKeysInUse(store: Store): OrgKeysInUse[] {
  return (Object.keys(IN_USE_CHECKS) as OrgKeysInUse[]).filter((what) => store.db.prepare(IN_USE_CHECKS[what]).get() !== undefined);
}

/** Throws the refusal a clerk can act on if relayed keys may not replace this terminal's keys now. */
export function assertOrgKeysInstallable(store: Store): void {
  const origin = orgKeysOrigin(store);
  if (origin.origin === 'relayed') throw new KuraError('org_keys_already_relayed', { relayedBy: origin.relayedBy ?? '-', at: origin.recordedAt });
  // The declared first terminal's keys are the organisation's: replacing them would orphan every grant.
  if (origin.declaredFirst) throw new KuraError('org_keys_first_declared', { by: origin.declaredFirst.declaredBy, at: origin.declaredFirst.declaredAt });
  const inUse = orgKeysInUse(store);
  // DP-2: anything sealed or indexed under the old keys would become unreadable, or unfindable, at once.
  if (inUse.length > 0) throw new KuraError('org_keys_in_use', { what: inUse.map((w) => IN_USE_LABELS[w]).join('、') });
}

export type InstallOrgKeysOptions = {
  /** The administrator's terminal that wrapped the keys for this one. */
  relayedBy: string;
  now: Date;
  /** Sealed secrets to erase in the same transaction (the enrolment private key). */
  forgetSecrets?: string[];
};

/**
 * Installs relayed organisation keys in place of this terminal's own: sealed and persisted, origin
 * recorded, and the open store's keys replaced. Refused once keys were relayed, and while anything is
 * sealed under the current keys. Runs its own transaction (not inside another one), so the in-memory
 * keys change only after the new ones are committed.
 */
export function installOrgKeys(store: Store, keys: OrgKeys, options: InstallOrgKeysOptions): OrgKeysOrigin {
  if (store.db.inTransaction) throw new Error('installOrgKeys runs its own transaction');
  if (keys.dataKey.length !== 32 || keys.blindIndexKey.length !== 32) throw new Error('organisation keys are 32 bytes each');
  const wrapKey = wrapKeyOf(store);
  store.transaction(() => {
    assertOrgKeysInstallable(store);
    const put = store.db.prepare('UPDATE keyring SET sealed = ?, created_at = ? WHERE name = ?');
    const at = options.now.toISOString();
    for (const [name, key] of [[ORG_KEY_NAMES.data, keys.dataKey], [ORG_KEY_NAMES.blindIndex, keys.blindIndexKey]] as const) {
      if (put.run(sealWithKey(wrapKey, key, name), at, name).changes !== 1) throw new KuraError('store_locked');
    }
    store.db.prepare("UPDATE org_keys_origin SET origin = 'relayed', recorded_at = ?, relayed_by = ? WHERE id = 1").run(at, options.relayedBy);
    for (const name of options.forgetSecrets ?? []) forgetSealedSecret(store, name);
  });
  // The same Buffers are overwritten rather than replaced, so every holder of store.orgKeys sees the
  // installed keys at once (and the old key bytes are gone from memory).
  store.orgKeys.dataKey.set(keys.dataKey);
  store.orgKeys.blindIndexKey.set(keys.blindIndexKey);
  return orgKeysOrigin(store);
}
