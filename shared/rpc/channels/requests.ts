// Requests, inquiries and incidents (seed IV, III-7): 様式1・2 requests tracked to an answer (RQ-1),
// inquiry reception slips with escalation to the chair (RQ-2), leak incidents through seven steps
// (RQ-3). These hold names and contact details, never a My Number: no item accepts 12 digits.
import { z } from 'zod';
import { TWELVE_DIGIT_RUN } from '../../mynumber';
import type { ChannelSpec } from '../spec';
import { isoDate, shikakuIdSchema } from '../schemas';

const text = (max: number) =>
  z.string().trim().min(1).max(max).refine((s) => !TWELVE_DIGIT_RUN.test(s), '12桁の数字は入力できません（個人番号は記録しません）');
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/, '日時（ISO 8601、時差付き）');
export const disclosureIdSchema = z.string().regex(/^KJ-\d{6}$/, '依頼番号');
export const slipNoSchema = z.string().regex(/^UK-\d{6}$/, '受付番号');
export const incidentIdSchema = z.string().regex(/^RK-\d{6}$/, '事案番号');
const level3 = z.enum(['high', 'medium', 'low']);
const event = z.strictObject({ at: z.string(), byUser: z.string(), kind: z.string(), note: z.string() });

export const disclosureView = z.strictObject({
  requestId: disclosureIdSchema,
  form: z.enum(['youshiki1', 'youshiki2']),
  kind: z.enum(['disclosure', 'correction', 'suspension', 'erasure', 'provision_stop']),
  requesterName: z.string(),
  requesterRelation: z.enum(['self', 'agent']),
  identityCheck: z.string(),
  shikakuId: z.string().nullable(),
  content: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  status: z.enum(['received', 'in_review', 'answered', 'withdrawn']),
  decision: z.enum(['granted', 'partial', 'refused']).nullable(),
  answer: z.string().nullable(),
  answeredOn: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  overdue: z.boolean(),
});

export const inquiryView = z.strictObject({
  slipNo: slipNoSchema,
  receivedAt: z.string(),
  receivedBy: z.string(),
  channel: z.enum(['phone', 'letter', 'visit', 'email']),
  requester: z.string(),
  contact: z.string(),
  content: z.string(),
  priority: level3,
  urgency: level3,
  rank: z.enum(['A', 'B', 'C']),
  responseTeam: z.string(),
  answerDue: z.string(),
  status: z.enum(['open', 'in_progress', 'answered']),
  seriousLeak: z.boolean(),
  escalatedToChair: z.boolean(),
  escalatedAt: z.string().nullable(),
  escalatedBy: z.string().nullable(),
  awaitingChair: z.boolean(),
  chairDecision: z.string().nullable(),
  chairDecidedAt: z.string().nullable(),
  chairDecidedBy: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  overdue: z.boolean(),
});

const stepEntry = { performedBy: text(100), performedAt: dateTime, notes: text(2000) };
const stepView = z.strictObject({
  step: z.number().int(),
  name: z.string(),
  optional: z.boolean(),
  outcome: z.enum(['done', 'not_applicable']).nullable(),
  performedBy: z.string().nullable(),
  performedAt: z.string().nullable(),
  notes: z.string().nullable(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string().nullable(),
});
export const incidentView = z.strictObject({
  incidentId: incidentIdSchema,
  title: z.string(),
  summary: z.string(),
  serious: z.boolean(),
  discoveredAt: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'closed']),
  preliminary: z.strictObject({ performedBy: z.string(), performedAt: z.string(), notes: z.string() }).nullable(),
  preliminaryDue: z.boolean(),
  nextStep: z.number().int().nullable(),
  steps: z.array(stepView),
});

export const requestChannels = {
  'requests.disclosure.receive': {
    input: z.strictObject({
      form: z.enum(['youshiki1', 'youshiki2']),
      kind: z.enum(['disclosure', 'correction', 'suspension', 'erasure', 'provision_stop']),
      requesterName: text(100),
      requesterRelation: z.enum(['self', 'agent']),
      identityCheck: text(200),
      shikakuId: shikakuIdSchema.nullable().default(null),
      content: text(4000),
      receivedOn: isoDate,
    }),
    output: disclosureView,
    access: 'requests.handle',
    audit: 'requests.disclosure.receive',
  },
  'requests.disclosure.advance': {
    input: z.discriminatedUnion('action', [
      z.strictObject({ requestId: disclosureIdSchema, action: z.literal('review'), note: text(2000) }),
      z.strictObject({ requestId: disclosureIdSchema, action: z.literal('answer'), decision: z.enum(['granted', 'partial', 'refused']), answer: text(4000) }),
      z.strictObject({ requestId: disclosureIdSchema, action: z.literal('withdraw'), note: text(2000) }),
    ]),
    output: disclosureView,
    access: 'requests.handle',
    audit: 'requests.disclosure.advance',
  },
  'requests.disclosure.list': {
    input: z.strictObject({ status: z.enum(['received', 'in_review', 'answered', 'withdrawn']).optional(), overdueOnly: z.boolean().default(false) }),
    output: z.array(disclosureView),
    access: 'requests.handle',
    audit: null,
  },
  'requests.disclosure.get': {
    input: z.strictObject({ requestId: disclosureIdSchema }),
    output: z.strictObject({ request: disclosureView, events: z.array(event) }),
    access: 'requests.handle',
    audit: null,
  },
  'requests.inquiry.receive': {
    input: z.strictObject({
      channel: z.enum(['phone', 'letter', 'visit', 'email']),
      requester: text(100),
      contact: text(200),
      content: text(4000),
      priority: level3,
      urgency: level3,
      responseTeam: text(200),
      answerDue: isoDate.nullable().default(null),
      seriousLeak: z.boolean().default(false),
    }),
    output: inquiryView,
    access: 'requests.handle',
    audit: 'requests.inquiry.receive',
  },
  'requests.inquiry.progress': {
    input: z.strictObject({ slipNo: slipNoSchema, note: text(2000), seriousLeak: z.boolean().default(false) }),
    output: inquiryView,
    access: 'requests.handle',
    audit: 'requests.inquiry.progress',
  },
  'requests.inquiry.chairDecision': {
    input: z.strictObject({ slipNo: slipNoSchema, decision: text(2000) }),
    output: inquiryView,
    access: 'incident.manage',
    audit: 'requests.inquiry.chairDecision',
  },
  'requests.inquiry.answer': {
    input: z.strictObject({ slipNo: slipNoSchema, answer: text(4000) }),
    output: inquiryView,
    access: 'requests.handle',
    audit: 'requests.inquiry.answer',
  },
  'requests.inquiry.list': {
    input: z.strictObject({ openOnly: z.boolean().default(false) }),
    output: z.array(inquiryView),
    access: 'requests.handle',
    audit: null,
  },
  'requests.inquiry.get': {
    input: z.strictObject({ slipNo: slipNoSchema }),
    output: z.strictObject({ slip: inquiryView, events: z.array(event) }),
    access: 'requests.handle',
    audit: null,
  },
  'incident.open': {
    input: z.strictObject({ title: text(200), summary: text(4000), serious: z.boolean(), discoveredAt: dateTime }),
    output: incidentView,
    access: 'incident.manage',
    audit: 'incident.open',
  },
  'incident.markSerious': {
    input: z.strictObject({ incidentId: incidentIdSchema, reason: text(2000) }),
    output: incidentView,
    access: 'incident.manage',
    audit: 'incident.markSerious',
  },
  'incident.reportPreliminary': {
    input: z.strictObject({ incidentId: incidentIdSchema, ...stepEntry }),
    output: incidentView,
    access: 'incident.manage',
    audit: 'incident.reportPreliminary',
  },
  'incident.recordStep': {
    input: z.strictObject({ incidentId: incidentIdSchema, step: z.number().int().min(1).max(7), outcome: z.enum(['done', 'not_applicable']).default('done'), ...stepEntry }),
    output: incidentView,
    access: 'incident.manage',
    audit: 'incident.recordStep',
  },
  'incident.list': {
    input: z.strictObject({}),
    output: z.array(incidentView),
    access: 'incident.manage',
    audit: null,
  },
  'incident.get': {
    input: z.strictObject({ incidentId: incidentIdSchema }),
    output: incidentView,
    access: 'incident.manage',
    audit: null,
  },
} satisfies Record<string, ChannelSpec>;
