// RT-5: retention periods are configuration (resources/policy.json → retention), checked here so a
// society can change a period but cannot configure one that breaks the assessment's promises.
import { z } from 'zod';

/** A table or column name from the policy file: it is put into SQL, so only plain identifiers pass. */
const sqlIdentifier = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'lower-case SQL identifier');

export const recordRuleSchema = z.strictObject({
  /** RT-2 情報提供等記録 (kept at least 7 years) or RT-3 本人確認項目 (kept at most 1 year). */
  kind: z.enum(['joho_teikyo', 'honin_kakunin']),
  label: z.string().min(1).max(40),
  table: sqlIdentifier,
  /** The date the period counts from (ISO YYYY-MM-DD or a timestamp starting with it). */
  dateColumn: sqlIdentifier,
  /** The column naming whose record it is (資格ID or 被保険者枝番), listed by the dry run. */
  subjectColumn: sqlIdentifier,
  keepMonths: z.number().int().min(1).max(600),
});
export type RecordRule = z.infer<typeof recordRuleSchema>;

export const retentionPolicySchema = z
  .strictObject({
    $comment: z.string().optional(),
    /** RT-1: the My Number is kept this many years after 資格喪失日, then erased. */
    myNumberYearsAfterLoss: z.number().int().min(1).max(30),
    records: z.array(recordRuleSchema),
  })
  .superRefine((policy, ctx) => {
    policy.records.forEach((rule, i) => {
      // RT-2: 情報提供等記録 must stay 7 years; RT-3: 本人確認項目 may stay 1 year at most.
      if (rule.kind === 'joho_teikyo' && rule.keepMonths < 84) {
        ctx.addIssue({ code: 'custom', path: ['records', i, 'keepMonths'], message: '情報提供等記録 must be kept at least 84 months (7 years)' });
      }
      if (rule.kind === 'honin_kakunin' && rule.keepMonths > 12) {
        ctx.addIssue({ code: 'custom', path: ['records', i, 'keepMonths'], message: '本人確認項目 may be kept at most 12 months (1 year)' });
      }
    });
  });
export type RetentionPolicy = z.infer<typeof retentionPolicySchema>;
