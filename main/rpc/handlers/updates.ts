// BL-1: IT verifies an update package (from the data-center server or a registered medium) before the
// OS installer runs it. Kura only verifies; every verdict is in the operation log.
import { describeUpdateRefusal, loadUpdateKey, parseUpdateKey, verifyUpdatePackage, type UpdateKey, type UpdateVerdict } from '../../core/updates';
import type { Kura } from '../kura';
import { resourcePath } from '../resources';
import type { Handler } from '../router';
import { version as builtVersion } from '../../../package.json';

export type UpdateConfiguration = { publicKeyPem?: string; currentVersion?: string };
const configured = new WeakMap<Kura, UpdateConfiguration>();

/**
 * Tests pass a throwaway key and version. Without it the pinned key is resources/update-signing.pub
 * (the society's key, put there at build time) and the version is the one this build was made as.
 */
export function configureUpdates(kura: Kura, config: UpdateConfiguration): void {
  configured.set(kura, config);
}

function keyFor(kura: Kura): Promise<UpdateKey> {
  const pem = configured.get(kura)?.publicKeyPem;
  return pem === undefined ? loadUpdateKey(resourcePath('update-signing.pub')) : Promise.resolve(parseUpdateKey(pem));
}

export const verifyUpdate: Handler<'update.verify'> = async (call) => {
  const { kura, input } = call;
  const currentVersion = configured.get(kura)?.currentVersion ?? builtVersion;
  const loaded = await keyFor(kura);
  // No usable pinned key (missing, or the source tree's placeholder) means no update: fail closed.
  const verdict: UpdateVerdict = loaded.ok
    ? await verifyUpdatePackage({ packagePath: input.packagePath, manifestPath: input.manifestPath, key: loaded.key, currentVersion })
    : { ok: false, refusal: loaded.refusal, manifest: null };
  const manifest = verdict.manifest;
  const detail = { packagePath: input.packagePath, currentVersion, version: manifest?.version ?? null, sha256: manifest?.sha256 ?? null };
  if (!verdict.ok) {
    call.commit(() => undefined, { outcome: 'refused', target: manifest?.version ?? null, detail: { ...detail, reason: verdict.refusal.code } });
    return { ok: false as const, problem: describeUpdateRefusal(verdict.refusal) };
  }
  call.commit(() => undefined, { target: verdict.manifest.version, detail });
  return {
    ok: true as const, packagePath: verdict.packagePath, version: verdict.manifest.version, currentVersion,
    sha256: verdict.manifest.sha256, created: verdict.manifest.created,
  };
};

export const updateHandlers = { 'update.verify': verifyUpdate };
