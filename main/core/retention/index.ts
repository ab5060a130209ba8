export { previewRetention, purgeExpired, type RetentionPlan, type ExpiredNumber, type RefusedNumber } from './purge';
export { cancelQualificationRefusal, confirmQualificationRefusal, pendingRefusals, recordQualificationRefusal, type PendingRefusal, type Refusal } from './refusals';
export { myNumberEraser } from './erase';
export { monthsBefore, monthsAfter } from './dates';
export type { RecordRuleOutcome, RecordTarget } from './records';
export { retentionMigrations } from './schema';
