// Retention (RT-1..RT-5): the dry run, the purge and refused qualifications. Nothing here carries a
// number: targets are 資格ID (or 被保険者枝番 for 情報提供等記録) and dates.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';
import { isoDate, shikakuIdSchema } from '../schemas';

const count = z.number().int().min(0);
export const retentionPlan = z.strictObject({
  /** The day (Japan) the rules were applied for. */
  asOf: isoDate,
  myNumbers: z.strictObject({
    /** 資格喪失日 on or before this day means the period is over. */
    cutoff: isoDate,
    count,
    targets: z.array(z.strictObject({ shikakuId: z.string(), soshitsuDate: isoDate, expiredOn: isoDate })),
  }),
  refusals: z.strictObject({ count, targets: z.array(z.strictObject({ shikakuId: z.string(), refusedOn: isoDate })) }),
  records: z.array(
    z.strictObject({
      kind: z.enum(['joho_teikyo', 'honin_kakunin']),
      label: z.string(),
      table: z.string(),
      /** false: the table the policy names does not exist on this terminal (nothing to keep yet). */
      present: z.boolean(),
      cutoff: isoDate,
      count,
      targets: z.array(z.strictObject({ subject: z.string().nullable(), date: z.string() })),
    }),
  ),
});
export type RetentionPlanOutput = z.infer<typeof retentionPlan>;

/** RT-4: a refusal recorded by one person and not yet confirmed by a second (no number in it). */
export const pendingRefusal = z.strictObject({ shikakuId: z.string(), refusedOn: isoDate, reason: z.string(), recordedBy: z.string(), recordedAt: z.string() });
export type PendingRefusalOutput = z.infer<typeof pendingRefusal>;

export const retentionChannels = {
  /** RT-5: what a purge would erase today; changes nothing. */
  'retention.preview': {
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
    output: retentionPlan.extend({ truncated: z.boolean() }),
    access: 'retention.preview',
    audit: 'retention.preview',
  },
  /** RT-1..RT-5: erase and delete everything past its period; one log entry per run plus one per record. */
  'retention.run': {
    input: z.strictObject({ confirm: z.literal(true) }),
    output: z.strictObject({ asOf: isoDate, myNumbers: count, refusals: count, records: z.array(z.strictObject({ label: z.string(), present: z.boolean(), count })) }),
    access: 'retention.run',
    audit: 'retention.purge',
  },
  /** RT-4, first person (EDIT): qualification refused; pending until a manager confirms, nothing erased yet. */
  'retention.recordRefusal': {
    input: z.strictObject({ shikakuId: shikakuIdSchema, refusedOn: isoDate, reason: z.string().trim().min(1).max(200) }),
    output: pendingRefusal,
    access: 'retention.refusal',
    audit: 'retention.recordRefusal',
  },
  /** RT-4: refusals waiting for their second person; for EDIT clerks (retention.refusal) and managers (retention.confirm). */
  'retention.pendingRefusals': {
    input: z.strictObject({ limit: z.number().int().min(1).max(500).default(200) }),
    output: z.strictObject({ refusals: z.array(pendingRefusal) }),
    access: 'session',
    audit: 'retention.pendingRefusals',
  },
  /** RT-4, second person (a manager, never the recorder): confirms, and the My Number is erased in the same transaction. */
  'retention.confirmRefusal': {
    input: z.strictObject({ shikakuId: shikakuIdSchema }),
    output: z.strictObject({ shikakuId: z.string(), erased: z.boolean() }),
    access: 'retention.confirm',
    audit: 'retention.confirmRefusal',
  },
  /** RT-4: withdraws a pending refusal (its recorder, or a manager), with a reason; nothing was erased. */
  'retention.cancelRefusal': {
    input: z.strictObject({ shikakuId: shikakuIdSchema, reason: z.string().trim().min(1).max(200) }),
    output: z.strictObject({ shikakuId: z.string() }),
    access: 'session',
    audit: 'retention.cancelRefusal',
  },
} satisfies Record<string, ChannelSpec>;
