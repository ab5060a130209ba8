// Foundation channels: setup, login and session, members, My Number, users, operation log, demo.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';
import {
  auditEntry,
  businessSchema,
  levelSchema,
  memberDetail,
  memberSummary,
  myNumberInput,
  passwordSchema,
  roleSchema,
  sessionInfo,
  shikakuIdSchema,
  userIdSchema,
  userSummary,
} from '../schemas';

const empty = z.strictObject({});
const ok = z.strictObject({ ok: z.literal(true) });

export const foundationChannels = {
  'setup.status': {
    input: empty,
    output: z.strictObject({ initialized: z.boolean(), terminalName: z.string().nullable() }),
    access: 'public',
    audit: null,
  },
  'setup.init': {
    input: z.strictObject({
      terminalName: z.string().trim().min(1).max(64),
      manager: z.strictObject({
        userId: userIdSchema,
        employeeNo: z.string().trim().min(1).max(20),
        name: z.string().trim().min(1).max(64),
        department: z.string().trim().max(64).optional(),
        password: passwordSchema,
      }),
    }),
    output: ok,
    access: 'public',
    audit: 'setup.init',
  },
  'auth.login': {
    input: z.strictObject({ userId: z.string().min(1).max(64), password: passwordSchema }),
    output: sessionInfo,
    access: 'public',
    audit: 'auth.login',
  },
  'auth.logout': { input: empty, output: ok, access: 'public', audit: 'auth.logout', allowWhenRestricted: true },
  'auth.changePassword': {
    input: z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema }),
    output: sessionInfo,
    access: 'session',
    audit: 'auth.changePassword',
    allowWhenRestricted: true,
  },
  'session.get': { input: empty, output: sessionInfo, access: 'session', audit: null, allowWhenRestricted: true },
  'session.declareBusiness': {
    input: z.strictObject({ business: businessSchema }),
    output: sessionInfo,
    access: 'session',
    audit: 'session.declareBusiness',
  },
  'session.lock': { input: empty, output: ok, access: 'session', audit: 'session.lock', allowWhenRestricted: true },
  'session.unlock': {
    input: z.strictObject({ password: passwordSchema }),
    output: sessionInfo,
    access: 'session',
    audit: 'session.unlock',
    allowWhenRestricted: true,
  },
  'member.search': {
    input: z.strictObject({
      by: z.enum(['shikakuId', 'hihokenshaNo', 'kanaName', 'myNumber']),
      query: z.string().trim().min(1).max(64),
      limit: z.number().int().min(1).max(10000).default(200),
    }),
    output: z.strictObject({ members: z.array(memberSummary), truncated: z.boolean() }),
    access: 'member.search',
    audit: 'member.search',
  },
  'member.get': {
    input: z.strictObject({ shikakuId: shikakuIdSchema }),
    output: memberDetail,
    access: 'member.read',
    audit: 'member.display',
  },
  'mynumber.reveal': {
    input: z.strictObject({ shikakuId: shikakuIdSchema }),
    output: z.strictObject({ myNumber: z.string(), version: z.number().int() }),
    access: 'mynumber.reveal',
    audit: 'mynumber.reveal',
  },
  'mynumber.register': {
    input: z.strictObject({ shikakuId: shikakuIdSchema, myNumber: myNumberInput }),
    output: z.strictObject({ version: z.number().int(), warnings: z.array(z.string()) }),
    access: 'mynumber.register',
    audit: 'mynumber.register',
  },
  'mynumber.correct': {
    input: z.strictObject({
      shikakuId: shikakuIdSchema,
      myNumber: myNumberInput,
      expectedVersion: z.number().int().min(1),
      reason: z.string().trim().min(1).max(200),
    }),
    output: z.strictObject({ version: z.number().int(), warnings: z.array(z.string()) }),
    access: 'mynumber.correct',
    audit: 'mynumber.correct',
  },
  'user.list': {
    input: empty,
    output: z.strictObject({ users: z.array(userSummary) }),
    access: 'user.read',
    audit: 'user.list',
  },
  'user.add': {
    input: z.strictObject({
      userId: userIdSchema,
      employeeNo: z.string().trim().min(1).max(20),
      name: z.string().trim().min(1).max(64),
      department: z.string().trim().max(64).optional(),
      initialPassword: passwordSchema,
      roles: z.array(roleSchema).default([]),
      level: levelSchema.default('NONE'),
      businesses: z.array(businessSchema).default([]),
      reason: z.string().trim().max(200).default(''),
    }),
    output: userSummary,
    access: 'user.admin',
    audit: 'user.add',
  },
  'audit.list': {
    input: z.strictObject({ limit: z.number().int().min(1).max(1000).default(100), event: z.string().optional() }),
    output: z.strictObject({ entries: z.array(auditEntry) }),
    access: 'audit.read',
    audit: 'audit.list',
  },
  'audit.verify': {
    input: empty,
    output: z.strictObject({ ok: z.boolean(), entries: z.number().int(), firstBadSeq: z.number().int().nullable(), reason: z.string().nullable() }),
    access: 'audit.verify',
    audit: 'audit.verify',
  },
  'demo.seed': {
    input: z.strictObject({ members: z.number().int().min(1).max(2_000_000), withMyNumberRatio: z.number().min(0).max(1).default(0.9) }),
    output: z.strictObject({ members: z.number().int(), registered: z.number().int() }),
    access: 'demo.seed',
    audit: 'demo.seed',
  },
} satisfies Record<string, ChannelSpec>;
