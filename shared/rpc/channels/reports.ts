// Report channels (DP-4): a report holding My Number is an encrypted file only its creator opens, with
// their password, and it is deleted when its keeping period (policy reports.keepHours) ends.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';
import { businessSchema, memberSummary, passwordSchema, shikakuIdSchema } from '../schemas';

const reportId = z.string().regex(/^RPT-\d{8}-[0-9A-F]{8}$/, 'report ID');
const problem = z.strictObject({ code: z.string(), ja: z.string(), en: z.string() });

export const reportSummary = z.strictObject({
  reportId: z.string(),
  kind: z.enum(['mynumber_list']),
  title: z.string(),
  business: businessSchema,
  rows: z.number().int().min(0),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type ReportSummary = z.infer<typeof reportSummary>;

/** One line of the 個人番号入力結果一覧: the member and the number registered now (null when none). */
export const reportLine = memberSummary.omit({ sex: true, myNumber: true }).extend({
  myNumber: z.string().nullable(),
  version: z.number().int().nullable(),
});
export type ReportLine = z.infer<typeof reportLine>;

export const reportChannels = {
  /** Needs mynumber.reveal in the declared business; the password is the creator's login password. */
  'report.create': {
    input: z.strictObject({
      kind: z.literal('mynumber_list').default('mynumber_list'),
      shikakuIds: z.array(shikakuIdSchema).min(1).max(1000),
      password: passwordSchema,
    }),
    output: reportSummary,
    access: 'mynumber.reveal',
    audit: 'report.create',
  },
  /** Only the creator, with the password; the content goes to the print path and nowhere else. */
  'report.open': {
    input: z.strictObject({ reportId, password: passwordSchema }),
    output: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), report: reportSummary, lines: z.array(reportLine) }),
      z.strictObject({ ok: z.literal(false), problem }),
    ]),
    access: 'mynumber.reveal',
    audit: 'report.open',
  },
  /** The caller's own reports still within their keeping period; no content. */
  'report.list': {
    input: z.strictObject({}),
    output: z.strictObject({ reports: z.array(reportSummary) }),
    access: 'session',
    audit: null,
  },
  /** Deletes expired reports (file and record). Any session may run it: it only removes what is due. */
  'report.purgeExpired': {
    input: z.strictObject({}),
    output: z.strictObject({ deleted: z.number().int().min(0) }),
    access: 'session',
    audit: 'report.purgeExpired',
  },
} satisfies Record<string, ChannelSpec>;
