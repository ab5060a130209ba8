// AC-2: the level → permission table and the roles are data (resources/policy.json), validated here.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PRIVILEGE_LEVELS, ROLES, type PrivilegeLevel, type Role } from '../../../shared/codes';
import { PERMISSIONS, type Permission } from '../../../shared/rpc/permissions';
import { retentionPolicySchema } from '../kernel';

const permissionList = z.array(z.enum(PERMISSIONS));

export const policySchema = z.object({
  levels: z.strictObject(Object.fromEntries(PRIVILEGE_LEVELS.map((l) => [l, permissionList])) as Record<PrivilegeLevel, typeof permissionList>),
  roles: z.strictObject(Object.fromEntries(ROLES.map((r) => [r, permissionList])) as Record<Role, typeof permissionList>),
  session: z.strictObject({
    idleLockSeconds: z.number().int().min(30).max(3600),
    maxSessionHours: z.number().min(1).max(24),
  }),
  password: z.strictObject({
    minLength: z.number().int().min(8).max(128),
    requireLettersAndDigits: z.boolean(),
    historyCount: z.number().int().min(0).max(24),
    maxAgeDays: z.number().int().min(1).max(365),
    /** Wrong passwords tolerated; the next one locks the ID (AC-5). */
    maxFailedAttempts: z.number().int().min(1).max(20),
  }),
  sync: z.strictObject({
    /** AC-4: a terminal that has not synced for this long refuses logins (deactivations must reach it). */
    offlineGraceDays: z.number().int().min(1).max(90),
  }),
  /** DP-4: a report holding My Number is deleted this many hours after it was made. */
  reports: z.strictObject({ keepHours: z.number().int().min(1).max(720) }),
  /** RT-5: retention periods (validated against the assessment's promises in core/retention). */
  retention: retentionPolicySchema,
});

export type Policy = z.infer<typeof policySchema>;

export function parsePolicy(json: unknown): Policy {
  const policy = policySchema.parse(json);
  // NONE must never reach My Number, whatever the file says (AC-2).
  const leaking = policy.levels.NONE.filter((p) => p.startsWith('mynumber.'));
  if (leaking.length > 0) throw new Error(`policy: level NONE may not hold ${leaking.join(', ')}`);
  return policy;
}

export function loadPolicy(path: string): Policy {
  return parsePolicy(JSON.parse(readFileSync(path, 'utf8')) as unknown);
}

export function permissionsFor(policy: Policy, level: PrivilegeLevel, roles: readonly Role[]): Set<Permission> {
  const granted = new Set<Permission>(policy.levels[level]);
  for (const role of roles) for (const p of policy.roles[role]) granted.add(p);
  return granted;
}
