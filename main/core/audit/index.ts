export { AuditLog, assertNoMyNumber, GENESIS_HASH, type AuditRecord, type AuditRow, type AuditOutcome } from './log';
export { canonicalJson } from '../../../shared/audit';
