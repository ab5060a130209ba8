// Information linkage (情報連携) channels: 情報提供等記録 (LK-1), the J-LIS 本人確認 answer (LK-2),
// inquiry files by 被保険者枝番 and their answers (LK-3), and the procedures a user may choose (LK-4).
// All are 情報連携 work (business 'renkei', AC-7). No channel returns a My Number, and no item
// accepts 12 digits: the linkage path carries the 枝番, never the number.
import { z } from 'zod';
import { TWELVE_DIGIT_RUN } from '../../mynumber';
import type { ChannelSpec } from '../spec';
import { businessSchema, isoDate, shikakuIdSchema } from '../schemas';

const noTwelveDigits = (max: number) =>
  z.string().trim().max(max).refine((s) => !TWELVE_DIGIT_RUN.test(s), '12桁の数字は入力できません');
const required = (max: number) => noTwelveDigits(max).refine((s) => s.length > 0, '必須');
const absolutePath = z.string().min(2).max(4096).regex(/^(?:\/|[A-Za-z]:[\\/])/, 'absolute path');
const dateTime = z.string().regex(/^\d{4}[-/]?\d{2}[-/]?\d{2}[ T]?\d{2}:?\d{2}(?::?\d{2})?$/, '日時');
const edabanSchema = z.string().regex(/^[A-Z0-9]{1,20}$/, '被保険者枝番');
export const inquiryIdSchema = z.string().regex(/^SK-\d{8}-[A-Z]{6}$/, '照会ID');

/** The 12 items of 情報提供等記録 (別添1). */
export const provisionRecordInput = z.strictObject({
  shoriNo: required(40),
  shoriEdaban: required(10),
  jimuName: required(200),
  tetsuzukiName: required(200),
  shokaishaBusho: required(200),
  teikyoshaBusho: required(200),
  requestedAt: dateTime,
  providedAt: dateTime.nullable(),
  tokuteiName: required(200),
  fukaijiCode: noTwelveDigits(10),
  kagoCode: noTwelveDigits(10),
  hihokenshaEdaban: edabanSchema,
});

export const provisionRecordView = z.strictObject({
  id: z.number().int(),
  shoriNo: z.string(),
  shoriEdaban: z.string(),
  jimuName: z.string(),
  tetsuzukiName: z.string(),
  shokaishaBusho: z.string(),
  teikyoshaBusho: z.string(),
  requestedAt: z.string(),
  providedAt: z.string().nullable(),
  tokuteiName: z.string(),
  fukaijiCode: z.string(),
  kagoCode: z.string(),
  hihokenshaEdaban: z.string(),
  /** The member the 枝番 belongs to here; null when this store never issued it. */
  shikakuId: z.string().nullable(),
  addedBy: z.string(),
  addedAt: z.string(),
});

const count = z.number().int();
const lineErrors = z.array(z.strictObject({ lineNo: z.number().int(), problems: z.array(z.string()) }));

export const procedureView = z.strictObject({
  code: z.string(),
  jimuName: z.string(),
  tetsuzukiName: z.string(),
  tokuteiName: z.string(),
  businesses: z.array(businessSchema),
});

export const identityRowView = z.strictObject({
  lineNo: z.number().int(),
  match: z.enum(['by_number', 'by_name_birth', 'conflict', 'ambiguous', 'unmatched', 'error']),
  shikakuId: z.string().nullable(),
  name: z.string(),
  kanaName: z.string(),
  birthDate: z.string().nullable(),
  /** Whether J-LIS sent a number: the digits never leave the main process. */
  hasNumber: z.boolean(),
  problems: z.array(z.string()),
});

export const inquiryRowView = z.strictObject({
  rowNo: z.number().int(),
  hihokenshaEdaban: z.string(),
  jimuName: z.string(),
  tetsuzukiName: z.string(),
  tokuteiName: z.string(),
});

export const linkageChannels = {
  'linkage.procedures': {
    input: z.strictObject({}),
    output: z.array(procedureView),
    access: 'linkage.inquiry',
    business: 'renkei',
    audit: null,
  },
  'linkage.records.add': {
    input: z.union([z.strictObject({ path: absolutePath }), z.strictObject({ record: provisionRecordInput })]),
    output: z.strictObject({ read: z.number().int(), added: z.number().int(), duplicates: z.number().int(), errors: lineErrors }),
    access: 'linkage.records',
    business: 'renkei',
    audit: 'linkage.records.add',
  },
  'linkage.records.search': {
    input: z
      .strictObject({
        shikakuId: shikakuIdSchema.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
        procedure: z.string().trim().min(1).max(200).optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      })
      .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: '終了日は開始日以降' }),
    output: z.strictObject({ records: z.array(provisionRecordView), truncated: z.boolean() }),
    access: 'linkage.records',
    business: 'renkei',
    audit: 'linkage.records.search',
  },
  'linkage.identity.import': {
    input: z.strictObject({ path: absolutePath }),
    output: z.strictObject({
      batchId: z.string(),
      counts: z.strictObject({ by_number: count, by_name_birth: count, conflict: count, ambiguous: count, unmatched: count, error: count }),
      rows: z.array(identityRowView),
    }),
    access: 'linkage.inquiry',
    business: 'renkei',
    audit: 'linkage.identity.import',
  },
  'linkage.inquiry.build': {
    input: z.strictObject({ procedureCode: z.string().regex(/^[A-Z0-9]{2,10}$/, '事務手続コード'), shikakuIds: z.array(shikakuIdSchema).min(1).max(1000) }),
    output: z.strictObject({ inquiryId: inquiryIdSchema, procedureCode: z.string(), rows: z.array(inquiryRowView), file: z.string() }),
    access: 'linkage.inquiry',
    business: 'renkei',
    audit: 'linkage.inquiry.build',
  },
  'linkage.inquiry.answers': {
    input: z.strictObject({
      inquiryId: inquiryIdSchema,
      answers: z.array(z.strictObject({ hihokenshaEdaban: edabanSchema, content: z.string().min(1).max(4000) })).min(1).max(1000),
    }),
    output: z.array(z.strictObject({ hihokenshaEdaban: z.string(), outcome: z.enum(['matched', 'not_in_inquiry', 'already_answered', 'refused_number']), shikakuId: z.string().nullable() })),
    access: 'linkage.inquiry',
    business: 'renkei',
    audit: 'linkage.inquiry.answers',
  },
} satisfies Record<string, ChannelSpec>;
