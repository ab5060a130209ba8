// Log review and contractor work (AU-3, AU-4): administrators record each review of the operation log,
// and contractor maintenance sessions (company, purpose, test runs) are recorded beside the log.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';

const instant = z.iso.datetime({ offset: true });
const text = (max: number) => z.string().trim().min(1).max(max);

export const eventCount = z.strictObject({ event: z.string(), ok: z.number().int(), refused: z.number().int(), failed: z.number().int() });

export const auditReview = z.strictObject({
  id: z.number().int(),
  reviewer: z.string(),
  reviewedAt: z.string(),
  reason: z.enum(['periodic', 'incident']),
  from: z.string(),
  to: z.string(),
  entries: z.number().int(),
  refused: z.number().int(),
  chainOk: z.boolean(),
  findings: z.string(),
});

export const testRun = z.strictObject({ name: text(200), result: z.enum(['pass', 'fail']), note: z.string().trim().max(1000).default('') });

export const maintenanceSession = z.strictObject({
  maintenanceId: z.string(),
  company: z.string(),
  workers: z.string(),
  purpose: z.string(),
  supervisor: z.string(),
  startedAt: z.string(),
  startSeq: z.number().int(),
  endedAt: z.string().nullable(),
  endSeq: z.number().int().nullable(),
  summary: z.string().nullable(),
  testRuns: z.array(z.strictObject({ name: z.string(), result: z.enum(['pass', 'fail']), note: z.string() })),
});

const maintenanceId = z.string().regex(/^MNT-\d{8}-[0-9A-F]{6}$/, 'maintenance ID');

export const auditReviewChannels = {
  /** AU-3: a review of the log over a period, periodic or on an incident, with what was found. */
  'audit.recordReview': {
    input: z.strictObject({ reason: z.enum(['periodic', 'incident']), from: instant, to: instant, findings: text(4000) }),
    output: z.strictObject({ review: auditReview, events: z.array(eventCount) }),
    access: 'audit.review',
    audit: 'audit.review',
  },
  'audit.reviews': {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.strictObject({ reviews: z.array(auditReview) }),
    access: 'audit.read',
    audit: null,
  },
  /** AU-4: the supervising administrator opens and closes a contractor's maintenance session. */
  'maintenance.record': {
    input: z.discriminatedUnion('action', [
      z.strictObject({ action: z.literal('start'), company: text(100), workers: text(200), purpose: text(1000) }),
      z.strictObject({ action: z.literal('end'), maintenanceId, summary: text(2000), testRuns: z.array(testRun).max(100) }),
    ]),
    output: z.strictObject({ session: maintenanceSession }),
    access: 'maintenance.record',
    audit: 'maintenance.record',
  },
  'maintenance.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.strictObject({ sessions: z.array(maintenanceSession) }),
    access: 'audit.read',
    audit: null,
  },
} satisfies Record<string, ChannelSpec>;
