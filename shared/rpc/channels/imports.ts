// Employer files (事業所配布用個人番号入力データ), bulk update and bulk cancel: preview, review,
// confirm or abandon, receipts (DQ-2, MD-5, MD-6, DP-5). No channel ever returns a My Number:
// a row says only whether the employer wrote one.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';

export const importIdSchema = z.string().regex(/^IMP-\d{8}-[A-Z]{6}$/, 'import ID');
export const importKindSchema = z.enum(['input', 'update', 'cancel']);
export const rowResultSchema = z.enum(['ok', 'warning', 'error']);
const message = z.strictObject({ ja: z.string(), en: z.string() });
/** A client-chosen token to poll progress with while a preview runs. */
const requestIdSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9-]{7,63}$/, 'request ID');
const checkCodeSchema = z.string().regex(/^[a-z0-9_]{1,40}$/, 'check code');

export const importSessionView = z.strictObject({
  importId: importIdSchema,
  kind: importKindSchema,
  status: z.enum(['previewed', 'confirmed', 'abandoned']),
  fileName: z.string(),
  format: z.enum(['csv', 'xlsx']),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'cp932', 'xlsx']),
  /** "Shift_JIS（CP932）", "UTF-8（BOM付き）" ...: which encoding the reader used. */
  encodingLabel: z.string(),
  counts: z.strictObject({ total: z.number().int(), ok: z.number().int(), warning: z.number().int(), error: z.number().int() }),
  createdBy: z.string(),
  createdAt: z.string(),
  finishedBy: z.string().nullable(),
  finishedAt: z.string().nullable(),
  registeredRows: z.number().int().nullable(),
  acceptedWarnings: z.boolean(),
  sourceDeleted: z.boolean(),
});
export type ImportSessionView = z.infer<typeof importSessionView>;

/** Items 1–13 (the number only as "written or not") and results 24–27 of one row. */
export const importRowView = z.strictObject({
  rowNo: z.number().int(),
  lineNo: z.number().int(),
  jigyoshoKigo: z.string(),
  hihokenshaNo: z.string(),
  kubun: z.string(),
  zokugara: z.string(),
  edaban: z.string(),
  kanjiName: z.string(),
  kanaName: z.string(),
  birthDate: z.string(),
  sex: z.string(),
  gojitsu: z.string(),
  hasNumber: z.boolean(),
  mikinyuRiyu: z.string(),
  memo: z.string(),
  remarks: z.string(),
  /** 24 判定結果 */
  result: rowResultSchema,
  resultLabel: message,
  /** 25, 26 判定結果詳細①② and every failed check. */
  codes: z.array(z.string()),
  /** 27 判定結果詳細 */
  message,
  shikakuId: z.string().nullable(),
});
export type ImportRowView = z.infer<typeof importRowView>;

export const importSummaryView = z.strictObject({
  session: importSessionView,
  /** Rows failing each check, with its name: the review screen's "per check" filter. */
  byCheck: z.array(z.strictObject({ code: z.string(), count: z.number().int(), severity: z.enum(['error', 'warning']), ja: z.string(), en: z.string() })),
  employers: z.array(z.strictObject({ jigyoshoKigo: z.string(), total: z.number().int(), ok: z.number().int(), warning: z.number().int(), error: z.number().int() })),
});

const progressView = z.strictObject({ phase: z.enum(['read', 'validate', 'save', 'register']), done: z.number().int(), total: z.number().int() });
const erasureView = { sourceDeleted: z.boolean(), sourceProblem: z.string().nullable() };

export const importChannels = {
  'imports.preview': {
    input: z.strictObject({
      /** Absolute path of the employer's file (later: a file on a registered medium). */
      path: z.string().min(2).max(4096).regex(/^(?:\/|[A-Za-z]:[\\/])/, 'absolute path'),
      kind: importKindSchema,
      requestId: requestIdSchema.optional(),
    }),
    output: z.discriminatedUnion('status', [
      importSummaryView.extend({ status: z.literal('ready'), firstRows: z.array(importRowView) }),
      z.strictObject({ status: z.literal('refused'), problem: z.strictObject({ code: z.string(), ja: z.string(), en: z.string() }) }),
    ]),
    access: 'import.preview',
    business: 'tekiyo',
    audit: 'imports.preview',
  },
  'imports.progress': {
    input: z.strictObject({ requestId: requestIdSchema }),
    output: z.strictObject({ progress: progressView.nullable() }),
    access: 'import.preview',
    business: 'tekiyo',
    audit: null,
  },
  'imports.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(50) }),
    output: z.strictObject({ imports: z.array(importSessionView) }),
    access: 'import.preview',
    business: 'tekiyo',
    audit: 'imports.list',
  },
  'imports.get': {
    input: z.strictObject({ importId: importIdSchema }),
    output: importSummaryView,
    access: 'import.preview',
    business: 'tekiyo',
    audit: 'imports.display',
  },
  'imports.rows': {
    input: z.strictObject({
      importId: importIdSchema,
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
      /** "Errors only" is ['error']. */
      results: z.array(rowResultSchema).max(3).optional(),
      check: checkCodeSchema.optional(),
    }),
    output: z.strictObject({ total: z.number().int(), rows: z.array(importRowView) }),
    access: 'import.preview',
    business: 'tekiyo',
    audit: 'imports.rows',
  },
  'imports.confirm': {
    input: z.strictObject({
      importId: importIdSchema,
      /** Register the 警告 rows as well (the clerk has reviewed them). */
      acceptWarnings: z.boolean().default(false),
      requestId: requestIdSchema.optional(),
    }),
    output: z.strictObject({
      registered: z.number().int(),
      corrected: z.number().int(),
      cancelled: z.number().int(),
      recordedWithoutNumber: z.number().int(),
      unchanged: z.number().int(),
      rejected: z.number().int(),
      ...erasureView,
    }),
    access: 'import.confirm',
    business: 'tekiyo',
    audit: 'imports.confirm',
  },
  'imports.abandon': {
    input: z.strictObject({ importId: importIdSchema }),
    output: z.strictObject(erasureView),
    access: 'import.preview',
    business: 'tekiyo',
    audit: 'imports.abandon',
  },
  'imports.receipt': {
    input: z.strictObject({ importId: importIdSchema }),
    output: z.strictObject({
      files: z.array(
        z.strictObject({ jigyoshoKigo: z.string(), receiptPdf: z.string(), errorCsv: z.string(), read: z.number().int(), accepted: z.number().int(), rejected: z.number().int() }),
      ),
    }),
    access: 'import.preview',
    business: 'tekiyo',
    audit: 'imports.receipt',
  },
} satisfies Record<string, ChannelSpec>;
