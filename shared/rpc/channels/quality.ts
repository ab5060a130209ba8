// Data quality (DQ-3 名寄せ, DQ-4 現況確認, DQ-5 intermediate-server queue). No channel carries a number.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';
import { isoDate, shikakuIdSchema } from '../schemas';

const linkReason = z.enum(['shikaku_change', 'nini_keizoku', 'tokurei_taishoku']);
const recordView = {
  shikakuId: z.string(),
  jigyoshoKigo: z.string(),
  hihokenshaNo: z.string(),
  kubun: z.number().int(),
  kanjiName: z.string(),
  shutokuDate: isoDate,
  soshitsuDate: isoDate.nullable(),
};
const checkResult = z.enum(['eligible', 'ineligible', 'unanswered']);
const changeKind = z.enum(['member_new', 'member_changed', 'mynumber_registered', 'mynumber_changed', 'mynumber_deleted']);
const fiscalYear = z.number().int().min(2000).max(2100);

export const qualityChannels = {
  /** DQ-3: records that may be the same person (birth date + カナ氏名, and blind index when both hold a number). */
  'quality.linkCandidates': {
    input: z.strictObject({ shikakuId: shikakuIdSchema }),
    output: z.strictObject({ candidates: z.array(z.strictObject({ ...recordView, numberMatch: z.enum(['same', 'not_compared']) })) }),
    access: 'quality.link',
    audit: 'quality.linkCandidates',
  },
  /** DQ-3: an EDIT user confirms that the earlier record is the same person as the later one. */
  'quality.link': {
    input: z.strictObject({ earlierShikakuId: shikakuIdSchema, laterShikakuId: shikakuIdSchema, reason: linkReason }),
    output: z.strictObject({ numberMatch: z.enum(['same', 'not_compared']) }),
    access: 'quality.link',
    audit: 'quality.link',
  },
  /** DQ-3 "shown": the person's linked history, oldest first. */
  'quality.history': {
    input: z.strictObject({ shikakuId: shikakuIdSchema }),
    output: z.strictObject({
      records: z.array(
        z.strictObject({
          ...recordView,
          linkedBy: z.strictObject({ reason: linkReason, with: z.string(), confirmedBy: z.string(), confirmedAt: z.string() }).nullable(),
        }),
      ),
    }),
    access: 'quality.read',
    audit: 'quality.history',
  },
  /** DQ-4: the year's 現況確認 list of dependants, unchecked first. */
  'quality.checksDue': {
    input: z.strictObject({ year: fiscalYear, limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.strictObject({
      referenceDay: isoDate,
      total: z.number().int().min(0),
      checked: z.number().int().min(0),
      items: z.array(
        z.strictObject({
          shikakuId: z.string(), hihokenshaNo: z.string(), edaban: z.string(), kanjiName: z.string(), birthDate: isoDate,
          check: z.strictObject({ result: checkResult, checkedOn: isoDate, recordedBy: z.string() }).nullable(),
        }),
      ),
    }),
    access: 'quality.read',
    audit: 'quality.checksDue',
  },
  /** DQ-4: the result of one dependant's check (a second record for the year corrects the first, logged). */
  'quality.recordCheck': {
    input: z.strictObject({ shikakuId: shikakuIdSchema, year: fiscalYear, result: checkResult, checkedOn: isoDate, note: z.string().trim().max(200).default('') }),
    output: z.strictObject({ corrected: z.boolean() }),
    access: 'quality.check',
    audit: 'quality.recordCheck',
  },
  /** DQ-5: changes waiting for registration with the intermediate server (資格ID and kind only). */
  'quality.queuePending': {
    input: z.strictObject({ limit: z.number().int().min(1).max(5000).default(500) }),
    output: z.strictObject({ total: z.number().int().min(0), items: z.array(z.strictObject({ seq: z.number().int(), shikakuId: z.string(), changeKind, queuedAt: z.string() })) }),
    access: 'quality.queue',
    audit: 'quality.queuePending',
  },
  /** DQ-5: the entries registered with the intermediate server. */
  'quality.queueMarkSent': {
    input: z.strictObject({ seqs: z.array(z.number().int().min(1)).min(1).max(5000) }),
    output: z.strictObject({ marked: z.number().int().min(0), skipped: z.number().int().min(0) }),
    access: 'quality.queue',
    audit: 'quality.queueMarkSent',
  },
} satisfies Record<string, ChannelSpec>;
