// AU-3 (log reviews) and AU-4 (contractor maintenance sessions and their test runs).
export { listAuditReviews, recordAuditReview, summarizeLog, type AuditReview, type EventCount, type ReviewReason } from './reviews';
export { MaintenanceRecord, type MaintenanceSession, type TestRun } from './maintenance';
export { auditReviewMigrations } from './schema';
