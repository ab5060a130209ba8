export { SyncEngine, type SyncEngineOptions, type SyncRun } from './engine';
export { configureSync, loadIdentity, serverUrlSchema, syncIdentitySchema, type SyncIdentity } from './identity';
export { HttpsTransport, type SyncTransport, type TransportResponse } from './transport';
export { pushOutbox, type PushResult } from './push';
export { pullChanges, pullCursor, type PullProgress, type PullResult } from './pull';
export { pushLog, signCheckpoint } from './log-sync';
export { queuedCount, pendingMutations } from './outbox';
export { syncStatus, syncGraceExceeded, DEFAULT_OFFLINE_GRACE_DAYS, type SyncStatus, type LinkState } from './status';
export { SyncFailure, type SyncFailureCode } from './failure';
export { replicaChecksum } from './checksum';
export { wipeReplica } from './wipe';
export { enrolmentKeyPair, wrapOrgKeys, unwrapOrgKeys, wrappedOrgKeysSchema, type WrappedOrgKeys } from './keywrap';
export { syncDirectory, directoryCursor, directoryQueuedCount, pendingDirectoryMutations, type DirectoryRunResult } from './directory-sync';
export { listDirectoryConflicts, displayDirectoryKey, type DirectoryConflict } from './directory-conflicts';
export { listConflicts, openConflictCount, reportResolutions, resolveConflict, type ConflictChoice, type ConflictResolution, type SyncConflict } from './conflicts';
export {
  requestOrgKeys, pendingKeyRequests, grantOrgKeys, installRelayedOrgKeys, declareFirstOrgKeys, keyRelayStatus, withKeyRelay, enrolmentFingerprint, ENROLMENT_SECRET,
  type KeyRelayStatus, type PendingKeyRequest,
} from './key-relay';
export { syncMigrations } from './schema';
