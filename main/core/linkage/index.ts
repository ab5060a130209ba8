// Information linkage: 情報提供等記録 (LK-1), 本人確認項目 from J-LIS (LK-2), inquiry files for the
// intermediate server by 被保険者枝番 (LK-3), and the procedure table that limits what a user may ask (LK-4).
export { chooseProcedure, loadProcedures, parseProcedures, permittedProcedures, procedureSchema, type Procedure } from './procedures';
export { EDABAN_PATTERN, edabanOf, ensureEdaban, shikakuIdOfEdaban } from './edaban';
export { readLinkageFile, type LinkageFile, type LinkageLine } from './linkage-file';
export { normalizeDateTime, ProvisionRecords, RECORD_ITEMS, RECORDS_HEADING, recordProblems, type ProvisionRecord, type RecordImportResult, type RecordSearch, type StoredProvisionRecord } from './records';
export { IDENTITY_HEADING, IDENTITY_ITEMS, IdentityConfirmations, parseBirthDate, type IdentityImport, type IdentityMatch, type IdentityRowResult } from './identity';
export { buildInquiry, matchAnswers, type Answer, type AnswerOutcome, type BuiltInquiry, type InquiryRow, type MatchedAnswer } from './inquiry';
export { linkageMigrations } from './schema';
