export { confirmLink, linkCandidates, linkedHistory, LINK_REASONS, type LinkCandidate, type LinkedRecord, type LinkReason, type NumberMatch } from './links';
export { dependantChecksDue, recordDependantCheck, CHECK_RESULTS, type CheckResult, type DueDependant } from './dependant-checks';
export { markRegistrationsSent, pendingRegistrations, CHANGE_KINDS, type ChangeKind, type QueuedChange } from './intermediate-queue';
export { qualityMigrations } from './schema';
