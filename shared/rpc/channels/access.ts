// Access administration (issue 4): users, effective-dated grants, roles, password resets, the
// assignment status list and its reviews, the My Number switch, terminal designations.
import { z } from 'zod';
import { DESIGNATIONS } from '../../codes';
import type { ChannelSpec } from '../spec';
import { businessSchema, isoDate, levelSchema, passwordSchema, roleSchema, sessionInfo, userIdSchema, userSummary } from '../schemas';

const ok = z.strictObject({ ok: z.literal(true) });
const reason = z.string().trim().min(1).max(200);
const designationSchema = z.enum(DESIGNATIONS);

export const grantView = z.strictObject({
  level: levelSchema,
  businesses: z.array(businessSchema),
  validFrom: isoDate,
  validTo: isoDate.nullable(),
});

export const assignmentRow = z.strictObject({
  userId: z.string(),
  name: z.string(),
  employeeNo: z.string(),
  department: z.string().nullable(),
  roles: z.array(roleSchema),
  current: grantView,
  /** Grants that start later (future-dated changes take effect by themselves, AC-4). */
  upcoming: z.array(grantView),
  status: z.enum(['active', 'locked', 'disabled', 'retired']),
  retiredOn: isoDate.nullable(),
  lastLoginAt: z.string().nullable(),
  passwordAgeDays: z.number().int(),
});
export type AssignmentRow = z.infer<typeof assignmentRow>;

export const accessChannels = {
  'terminal.get': {
    input: z.strictObject({}),
    output: z.strictObject({ name: z.string(), designations: z.array(designationSchema) }),
    access: 'session',
    audit: null,
  },
  'terminal.setDesignations': {
    input: z.strictObject({ designations: z.array(designationSchema), reason }),
    output: z.strictObject({ designations: z.array(designationSchema) }),
    access: 'terminal.admin',
    audit: 'terminal.setDesignations',
  },
  'user.update': {
    input: z.strictObject({ userId: userIdSchema, name: z.string().trim().min(1).max(64).optional(), department: z.string().trim().max(64).optional(), reason }),
    output: userSummary,
    access: 'user.admin',
    audit: 'user.update',
  },
  'user.setStatus': {
    input: z.strictObject({ userId: userIdSchema, action: z.enum(['disable', 'enable', 'unlock']), reason }),
    output: ok,
    access: 'user.admin',
    audit: 'user.setStatus',
  },
  'user.retire': {
    input: z.strictObject({ userId: userIdSchema, retiredOn: isoDate, reason }),
    output: ok,
    access: 'user.admin',
    audit: 'user.retire',
  },
  'user.resetPassword': {
    input: z.strictObject({ userId: userIdSchema, temporaryPassword: passwordSchema, reason }),
    output: ok,
    access: 'user.admin',
    audit: 'user.resetPassword',
  },
  'grant.set': {
    input: z.strictObject({
      userId: userIdSchema,
      level: levelSchema,
      businesses: z.array(businessSchema),
      validFrom: isoDate,
      validTo: isoDate.nullable().default(null),
      reason,
    }),
    output: z.strictObject({ current: grantView, upcoming: z.array(grantView) }),
    access: 'grant.set',
    audit: 'grant.set',
  },
  'role.set': {
    input: z.strictObject({ userId: userIdSchema, roles: z.array(roleSchema), reason }),
    output: userSummary,
    access: 'grant.set',
    audit: 'role.set',
  },
  'access.assignments': {
    input: z.strictObject({
      level: levelSchema.optional(),
      business: businessSchema.optional(),
      role: roleSchema.optional(),
      status: z.enum(['active', 'locked', 'disabled', 'retired']).optional(),
    }),
    output: z.strictObject({ rows: z.array(assignmentRow), asOf: isoDate }),
    access: 'user.read',
    audit: 'access.assignments',
  },
  'access.recordReview': {
    input: z.strictObject({ findings: z.string().trim().min(1).max(2000) }),
    output: z.strictObject({ reviewId: z.number().int(), reviewedAt: z.string() }),
    access: 'assignment.review',
    audit: 'access.review',
  },
  'access.reviews': {
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(20) }),
    output: z.strictObject({ reviews: z.array(z.strictObject({ id: z.number().int(), reviewer: z.string(), reviewedAt: z.string(), findings: z.string(), users: z.number().int() })) }),
    access: 'user.read',
    audit: null,
  },
  'session.setMyNumberAccess': {
    input: z.strictObject({ enabled: z.boolean() }),
    output: sessionInfo,
    access: 'session',
    audit: 'session.setMyNumberAccess',
  },
} satisfies Record<string, ChannelSpec>;
