// BL-1: the update manifest that IT signs offline with the society's Ed25519 update key. The signature
// covers the canonical JSON of the manifest (sorted keys, NFC strings), so whitespace or key order in
// the file never changes what was signed.
import { z } from 'zod';
import { canonicalJson } from '../../../shared/audit';

/** Plain MAJOR.MINOR.PATCH: the installer's version, compared numerically part by part. */
export const versionSchema = z.string().regex(/^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/, 'MAJOR.MINOR.PATCH');

export const updateManifestSchema = z.strictObject({
  /** The version the package installs. */
  version: versionSchema,
  /** sha256 of the package file, lowercase hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The lowest installed version this package may update directly (older ones need an intermediate update first). */
  minimumVersion: versionSchema,
  /** When IT built and signed it (ISO 8601). */
  created: z.iso.datetime({ offset: true }),
});
export type UpdateManifest = z.infer<typeof updateManifestSchema>;

/** The file beside the package: `<package>.manifest.json` holding the manifest and its base64 signature. */
export const signedManifestSchema = z.strictObject({
  manifest: updateManifestSchema,
  signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/, 'base64 Ed25519 signature'),
});
export type SignedManifest = z.infer<typeof signedManifestSchema>;

export const MANIFEST_SUFFIX = '.manifest.json';

/** The exact bytes the signature covers. */
export function manifestSigningText(manifest: UpdateManifest): Buffer {
  return Buffer.from(`kura-update-manifest/1\n${canonicalJson(manifest)}`, 'utf8');
}

/** -1, 0 or 1 as a is older than, the same as, or newer than b. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}
