// BL-1: an update is handed to the OS installer only after its manifest signature verifies against the
// pinned public key, the package matches the signed sha256, and the version moves forward from a
// version the manifest allows. The same check serves packages from the data-center server and from
// registered media: it is a function over files, and it never installs anything itself.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { compareVersions, manifestSigningText, MANIFEST_SUFFIX, signedManifestSchema, versionSchema, type UpdateManifest } from './manifest';
import type { UpdateRefusal, UpdateRefusalCode } from './refusals';

/** Marks the key file shipped in the source tree; the build machine replaces the file with the society's key. */
export const PLACEHOLDER_MARKER = 'KURA-PLACEHOLDER-UPDATE-KEY';

export type UpdateKey = { ok: true; key: KeyObject } | { ok: false; refusal: UpdateRefusal };
export type UpdateVerdict =
  | { ok: true; packagePath: string; manifest: UpdateManifest }
  | { ok: false; refusal: UpdateRefusal; manifest: UpdateManifest | null };

const refuse = (code: UpdateRefusalCode, params: Record<string, string> = {}): UpdateRefusal => ({ code, params });

/** Reads the pinned key: a PEM Ed25519 public key; the placeholder (or anything else) fails closed. */
export function parseUpdateKey(pemText: string): UpdateKey {
  if (pemText.includes(PLACEHOLDER_MARKER)) return { ok: false, refusal: refuse('update_key_placeholder') };
  const block = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(pemText);
  if (!block) return { ok: false, refusal: refuse('update_key_missing') };
  try {
    const key = createPublicKey(block[0]);
    if (key.asymmetricKeyType !== 'ed25519') return { ok: false, refusal: refuse('update_key_missing') };
    return { ok: true, key };
  } catch {
    return { ok: false, refusal: refuse('update_key_missing') };
  }
}

export async function loadUpdateKey(path: string): Promise<UpdateKey> {
  try {
    return parseUpdateKey(await readFile(path, 'utf8'));
  } catch {
    return { ok: false, refusal: refuse('update_key_missing') };
  }
}

export function manifestPathFor(packagePath: string): string {
  return `${packagePath}${MANIFEST_SUFFIX}`;
}

/** Checks a signed manifest's bytes: form (zod), signature, then the version path rules. */
export function checkManifest(manifestBytes: Buffer, key: KeyObject, currentVersion: string): { ok: true; manifest: UpdateManifest } | { ok: false; refusal: UpdateRefusal; manifest: UpdateManifest | null } {
  let json: unknown;
  try {
    json = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    return { ok: false, refusal: refuse('update_manifest_malformed', { fields: 'JSON' }), manifest: null };
  }
  const parsed = signedManifestSchema.safeParse(json);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(manifest)'))].join(', ');
    return { ok: false, refusal: refuse('update_manifest_malformed', { fields }), manifest: null };
  }
  const { manifest, signature } = parsed.data;
  // Nothing in the manifest is believed before the signature holds.
  if (!verify(null, manifestSigningText(manifest), key, Buffer.from(signature, 'base64'))) {
    return { ok: false, refusal: refuse('update_signature_invalid'), manifest: null };
  }
  const current = versionSchema.parse(currentVersion);
  const step = compareVersions(manifest.version, current);
  if (step < 0) return { ok: false, refusal: refuse('update_downgrade', { version: manifest.version, current }), manifest };
  if (step === 0) return { ok: false, refusal: refuse('update_same_version', { version: manifest.version }), manifest };
  if (compareVersions(current, manifest.minimumVersion) < 0) {
    return { ok: false, refusal: refuse('update_below_minimum', { minimum: manifest.minimumVersion, current }), manifest };
  }
  return { ok: true, manifest };
}

async function sha256OfFile(path: string): Promise<string | null> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch {
    return null;
  }
  return hash.digest('hex');
}

/**
 * BL-1: verifies a package and its `<package>.manifest.json` (or manifestPath) against the pinned key.
 * On success the caller hands `packagePath` to the OS installer, whose own code-signature check
 * (Authenticode / codesign) is the second lock on the same file.
 */
export async function verifyUpdatePackage(options: { packagePath: string; manifestPath?: string; key: KeyObject; currentVersion: string }): Promise<UpdateVerdict> {
  const manifestPath = options.manifestPath ?? manifestPathFor(options.packagePath);
  let manifestBytes: Buffer;
  try {
    manifestBytes = await readFile(manifestPath);
  } catch {
    return { ok: false, refusal: refuse('update_manifest_missing'), manifest: null };
  }
  const checked = checkManifest(manifestBytes, options.key, options.currentVersion);
  if (!checked.ok) return checked;
  const actual = await sha256OfFile(options.packagePath);
  if (actual === null) return { ok: false, refusal: refuse('update_package_unreadable'), manifest: checked.manifest };
  if (actual !== checked.manifest.sha256) return { ok: false, refusal: refuse('update_hash_mismatch'), manifest: checked.manifest };
  return { ok: true, packagePath: options.packagePath, manifest: checked.manifest };
}
