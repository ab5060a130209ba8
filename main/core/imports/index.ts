// Employer files (事業所配布用個人番号入力データ), bulk update and bulk cancel: read, check every row
// (DQ-2), virus-check first (MD-5), register on confirmation only, erase the source (DP-5), receipts (MD-6).
export { ImportService, type Actor, type ImportServiceOptions, type ImportSummary, type Prepared, type ReceiptFile } from './service';
export { CHECKS, CHECK_CODES, RESULT_LABELS, describe, resultOf, type CheckCode, type Finding, type RowResult } from './checks';
export { FILE_PROBLEMS, ImportFileError, type FileProblemCode } from './file-problems';
export { DEFAULT_LIMITS, type ImportLimits } from './limits';
export { ClamAvScanner, type ClamAvOptions, type FileScanner, type ScanResult } from './scanner';
export { KOSHIN_KUBUN, TODOKESHO_CODES, type ConfirmOptions, type ConfirmResult } from './confirm';
export { csvCell, errorListCsv } from './error-list';
export { eraDateToIso } from './era-date';
export { parseImportBytes, ENCODING_LABELS, type FileEncoding, type FileFormat, type ReadFile } from './read-file';
export { DEFAULT_RECEIPT_FONT, RECEIPT_FONT_CANDIDATES, receiptFontFor, type ReceiptFont } from './receipt-pdf';
export type { ImportKind } from './layouts';
export type { ImportSession, ImportStatus, RowFilter, StoredRow } from './session-store';
export type { ImportProgress, ProgressListener } from './validate';
export { eraseSourceFile, type Erasure } from './source-file';
export { importMigrations } from './schema';
