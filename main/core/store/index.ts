export { KeyFileKeystore, type Keystore, type KeystoreKind } from './keystore';
export { deriveKey, sealWithKey, openWithKey, type OrgKeys } from './keys';
export { openStore, openEncryptedDatabase, migrate, wrapStore, storeExists, STORE_FILES, type Store, type Db, type OpenStoreOptions } from './open';
export { type CheckpointReport } from './checkpointer';
export { withDeferredNumberQueues, type NoteNumberWrite, type NumberWriteKind } from './number-queues';
export {
  installOrgKeys, assertOrgKeysInstallable, orgKeysOrigin, orgKeysInUse, orgKeysCheckValue, keepSealedSecret, readSealedSecret, forgetSealedSecret,
  normaliseCheckValue, holdsOrganisationKeys, declareFirstTerminal, type FirstTerminalDeclaration,
  type OrgKeysOrigin, type OrgKeysInUse, type InstallOrgKeysOptions,
} from './org-keys';
