// BL-1: signed updates for air-gapped terminals (verify only; the OS installer installs).
export { compareVersions, manifestSigningText, MANIFEST_SUFFIX, signedManifestSchema, updateManifestSchema, versionSchema, type SignedManifest, type UpdateManifest } from './manifest';
export { describeUpdateRefusal, UPDATE_REFUSALS, type UpdateRefusal, type UpdateRefusalCode } from './refusals';
export { checkManifest, loadUpdateKey, manifestPathFor, parseUpdateKey, PLACEHOLDER_MARKER, verifyUpdatePackage, type UpdateKey, type UpdateVerdict } from './verify';
