export { KeyFileKeystore, type Keystore, type KeystoreKind } from './keystore';
export { deriveKey, sealWithKey, openWithKey, type OrgKeys } from './keys';
export { openStore, storeExists, STORE_FILES, type OpenStoreOptions } from './open';
export { openEncryptedDatabase, wrapStore, type Store, type Db } from './connection';
export { migrate, type Migration } from './migrate';
export { foundationMigrations, orgKeyMigrations } from './schema';
export { type CheckpointReport } from './checkpointer';
export { withDeferredNumberQueues, numberQueueMigrations, type NoteNumberWrite, type NumberWriteKind } from './number-queues';
export {
  installOrgKeys, assertOrgKeysInstallable, orgKeysOrigin, orgKeysInUse, orgKeysCheckValue, keepSealedSecret, readSealedSecret, forgetSealedSecret,
  normaliseCheckValue, holdsOrganisationKeys, declareFirstTerminal, type FirstTerminalDeclaration,
  type OrgKeysOrigin, type OrgKeysInUse, type InstallOrgKeysOptions,
} from './org-keys';
