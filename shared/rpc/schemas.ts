import { z } from 'zod';
import { BUSINESSES, PRIVILEGE_LEVELS, ROLES } from '../codes';

export const businessSchema = z.enum(BUSINESSES);
export const levelSchema = z.enum(PRIVILEGE_LEVELS);
export const roleSchema = z.enum(ROLES);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** 資格ID: the society's qualification ID. Never 12 digits, so it can never be mistaken for a My Number. */
export const shikakuIdSchema = z
  .string()
  .regex(/^[A-Z0-9-]{1,20}$/, '資格ID')
  .refine((s) => !/^\d{12}$/.test(s), '資格ID');
/** My Number as typed: normalisation and the check digit run in the service, so full-width input is accepted. */
export const myNumberInput = z.string().min(1).max(40);
export const userIdSchema = z.string().regex(/^[a-z][a-z0-9._-]{2,31}$/, 'user ID: 3-32 lower-case letters, digits, . _ -');
export const passwordSchema = z.string().min(1).max(256);

export const userSummary = z.strictObject({
  userId: z.string(),
  name: z.string(),
  employeeNo: z.string(),
  roles: z.array(roleSchema),
  level: levelSchema,
  businesses: z.array(businessSchema),
});
export type UserSummary = z.infer<typeof userSummary>;

/** What a user with mynumber.status sees of the number: whether one is registered, never the digits. */
export const myNumberStatus = z.strictObject({
  registered: z.boolean(),
  version: z.number().int().nullable(),
  updatedAt: z.string().nullable(),
});

export const memberSummary = z.strictObject({
  shikakuId: z.string(),
  jigyoshoKigo: z.string(),
  hihokenshaNo: z.string(),
  edaban: z.string(),
  kubun: z.number().int(),
  kanjiName: z.string(),
  kanaName: z.string(),
  birthDate: isoDate,
  sex: z.number().int(),
  /** Present only for users whose level reaches My Number in the declared business (AC-9). */
  myNumber: myNumberStatus.optional(),
});
export type MemberSummary = z.infer<typeof memberSummary>;

export const memberDetail = memberSummary.extend({
  zokugara: z.number().int().nullable(),
  shutokuDate: isoDate,
  soshitsuDate: isoDate.nullable(),
});
export type MemberDetail = z.infer<typeof memberDetail>;

export const auditEntry = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  operator: z.string().nullable(),
  terminal: z.string(),
  business: z.string().nullable(),
  event: z.string(),
  target: z.string().nullable(),
  outcome: z.enum(['ok', 'refused', 'failed']),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.infer<typeof auditEntry>;

export const sessionInfo = z.strictObject({
  user: userSummary,
  terminalName: z.string(),
  business: businessSchema.nullable(),
  permissions: z.array(z.string()),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  /** AC-8: the user has switched their own My Number access off for this session. */
  myNumberOff: z.boolean(),
  idleLockSeconds: z.number().int(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;
