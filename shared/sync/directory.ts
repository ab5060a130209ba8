// Directory replication (issue 7: "Users, grants and the media ledger come down the same way"): the
// tables that say who may log in, at what level, and which media are registered. Each table is ONE
// column list below; the terminal's triggers, its replica writer, the wire schemas and the server's
// checks are all derived from it, so adding a replicated column is one line here (plus the ALTER TABLE).
// Columns not listed stay local to a terminal: lockout counters, lock time, last login (AC-5), sessions.
import { z } from 'zod';
import { BUSINESSES, PRIVILEGE_LEVELS, ROLES } from '../codes';

const text = (max: number) => z.string().max(max);
const textOrNull = (max: number) => z.string().max(max).nullable();
const businessList = z.string().max(200).refine((v) => {
  try {
    const parsed: unknown = JSON.parse(v);
    return Array.isArray(parsed) && parsed.every((b) => (BUSINESSES as readonly unknown[]).includes(b));
  } catch {
    return false;
  }
}, 'a JSON array of business codes');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const timestamp = z.string().max(40);
const flag = z.number().int().min(0).max(1);
const userId = z.string().min(1).max(64);

/**
 * AC-5: the data center holds Argon2id hashes only. A password (or any other hash) in a password column
 * is refused at the boundary on both sides, so a bug can never carry one over the link.
 */
export const ARGON2ID_HASH = /^\$argon2id\$v=\d+\$(?:[mtp]=\d+,){2}[mtp]=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/;
const argon2idHash = z.string().max(512).regex(ARGON2ID_HASH, 'an Argon2id hash');

type Columns = Record<string, z.ZodTypeAny>;
type TableSpec = {
  /** Local (SQLite) table name. */
  table: string;
  /** Columns that identify a row at every terminal and at the data center. */
  key: readonly string[];
  /** Parent entity whose rewrite must be followed by this row in pull order (foreign key user_id). */
  childOf?: 'user';
  columns: Columns;
};

export const DIRECTORY_TABLES = {
  media_signing_key: {
    table: 'media_signing_keys',
    key: ['key_id'],
    columns: {
      key_id: z.string().regex(/^[0-9a-f]{16}$/),
      public_key: z.string().regex(/^[A-Za-z0-9+/=]{1,200}$/),
      created_at: timestamp,
    },
  },
  user: {
    table: 'users',
    key: ['user_id'],
    columns: {
      user_id: userId,
      employee_no: text(40),
      name: text(200),
      department: textOrNull(200),
      password_hash: argon2idHash,
      must_change_password: flag,
      password_changed_at: timestamp,
      disabled_at: timestamp.nullable(),
      retired_on: isoDate.nullable(),
      created_at: timestamp,
      created_by: textOrNull(64),
      // AC-3: who set the current password (a stand-in bar at every terminal); null once the holder changed it.
      password_set_by: textOrNull(64),
    },
  },
  user_role: {
    table: 'user_roles',
    key: ['user_id', 'role'],
    childOf: 'user',
    columns: { user_id: userId, role: z.enum(ROLES), granted_by: textOrNull(64), granted_at: timestamp },
  },
  password_history: {
    table: 'password_history',
    key: ['user_id', 'password_hash'],
    childOf: 'user',
    columns: { user_id: userId, password_hash: argon2idHash, changed_at: timestamp, set_by: textOrNull(64) },
  },
  grant: {
    table: 'grants',
    // A grant made at one terminal keeps its identity everywhere (local integer ids differ).
    key: ['uid'],
    childOf: 'user',
    columns: {
      uid: z.string().regex(/^[0-9a-f]{32}$/),
      user_id: userId,
      level: z.enum(PRIVILEGE_LEVELS),
      // Stored as a JSON array of business codes; anything else would break every terminal's grant lookup.
      businesses: businessList,
      valid_from: isoDate,
      valid_to: isoDate.nullable(),
      granted_by: textOrNull(64),
      granted_at: timestamp,
      reason: text(2000),
    },
  },
  medium: {
    table: 'media',
    key: ['medium_id'],
    columns: {
      medium_id: text(32),
      kind: z.enum(['usb_flash', 'external_disk', 'optical']),
      label: text(200),
      vendor_id: textOrNull(64),
      product_id: textOrNull(64),
      vendor: text(200),
      product: text(200),
      serial: z.string().min(1).max(128),
      fs_uuid: text(128),
      holder: text(200),
      storage_place: text(200),
      status: z.enum(['active', 'revoked', 'disposed']),
      token_nonce: z.string().regex(/^[0-9a-f]{32}$/),
      signing_key_id: z.string().regex(/^[0-9a-f]{16}$/),
      registered_by: text(64),
      registered_at: timestamp,
      revoked_by: textOrNull(64),
      revoked_at: timestamp.nullable(),
      revoke_reason: textOrNull(2000),
      disposed_by: textOrNull(64),
      disposed_at: timestamp.nullable(),
      disposal_method: textOrNull(2000),
      disposal_witness: textOrNull(200),
    },
  },
} as const satisfies Record<string, TableSpec>;

export type DirectoryEntity = keyof typeof DIRECTORY_TABLES;
/** Parents first: the order the data center numbers a batch's writes in, so a new terminal meets a user before its grants. */
export const DIRECTORY_ENTITIES = Object.keys(DIRECTORY_TABLES) as DirectoryEntity[];
export const directoryEntity = z.enum(DIRECTORY_ENTITIES as [DirectoryEntity, ...DirectoryEntity[]]);

export function tableSpec(entity: DirectoryEntity): TableSpec {
  return DIRECTORY_TABLES[entity];
}
export function columnNames(entity: DirectoryEntity): string[] {
  return Object.keys(DIRECTORY_TABLES[entity].columns);
}

const rowSchemas = new Map<DirectoryEntity, z.ZodType<Record<string, unknown>>>(DIRECTORY_ENTITIES.map((e) => [e, z.strictObject(DIRECTORY_TABLES[e].columns as Columns)]));
export function directoryRowSchema(entity: DirectoryEntity): z.ZodType<Record<string, unknown>> {
  return rowSchemas.get(entity)!;
}

/** The row's identity as one string (JSON array of its key columns), the same on both sides. */
export function directoryKey(entity: DirectoryEntity, row: Record<string, unknown>): string {
  return JSON.stringify(DIRECTORY_TABLES[entity].key.map((c) => row[c] ?? null));
}

// --- wire ---------------------------------------------------------------------------------------

const anyRow = z.record(z.string(), z.unknown());
/** The row must be exactly its entity's row (strict: an unlisted column, say a lockout counter, is refused). */
function rowMatchesEntity(m: { entity: DirectoryEntity; row: Record<string, unknown> }, ctx: z.RefinementCtx): void {
  const parsed = directoryRowSchema(m.entity).safeParse(m.row);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: ['row', ...issue.path.map(String)], message: issue.message });
  }
}

/** One local change, numbered per terminal from 1 without gaps (its own sequence, beside the member queue). */
export const directoryMutationWire = z
  .strictObject({
    seq: z.number().int().min(1),
    entity: directoryEntity,
    /** The version the terminal's change was based on (0: the row was new to it); the new version is base + 1. */
    baseVersion: z.number().int().min(0),
    /** A removal (a role taken away): the row is the state it had. */
    deleted: flag,
    row: anyRow,
  })
  .superRefine(rowMatchesEntity);
export type DirectoryMutationWire = z.infer<typeof directoryMutationWire>;

export const DIRECTORY_PUSH_MAX = 5_000;
export const directoryPushRequest = z.strictObject({ mutations: z.array(directoryMutationWire).min(1).max(DIRECTORY_PUSH_MAX) });

export const directoryConflictWire = z.strictObject({
  seq: z.number().int(),
  entity: directoryEntity,
  key: z.string().max(1000),
  // missing_parent: a role, password-history row or grant of a user the data center does not hold
  // (its user was refused as a duplicate): kept out, or every terminal would fail on it.
  // not_allowed: a user or ledger entry removed (nothing legitimate removes them; their rows hang on).
  // unauthorised: a level granted by someone the data center does not know as an active manager who
  // is neither the grantee nor the grantee's creator or password setter (AC-3, checked again here).
  reason: z.enum(['stale_version', 'duplicate', 'missing_parent', 'not_allowed', 'unauthorised']),
  serverVersion: z.number().int().nullable(),
});
export type DirectoryConflictWire = z.infer<typeof directoryConflictWire>;
export const directoryPushResponse = z.strictObject({
  appliedThrough: z.number().int().min(0),
  applied: z.number().int().min(0),
  skipped: z.number().int().min(0),
  conflicts: z.array(directoryConflictWire),
});
export type DirectoryPushResponse = z.infer<typeof directoryPushResponse>;

export const DIRECTORY_PULL_MAX = 5_000;
export const directoryPullQuery = z.strictObject({
  after: z.coerce.number().int().min(0),
  limit: z.coerce.number().int().min(1).max(DIRECTORY_PULL_MAX).default(1_000),
});
export const directoryChangeWire = z
  .strictObject({
    seq: z.number().int().min(1),
    entity: directoryEntity,
    /** The data center's version of the row. */
    version: z.number().int().min(1),
    deleted: flag,
    row: anyRow,
  })
  .superRefine(rowMatchesEntity);
export type DirectoryChangeWire = z.infer<typeof directoryChangeWire>;
export const directoryPullResponse = z.strictObject({
  changes: z.array(directoryChangeWire),
  next: z.number().int().min(0),
  more: z.boolean(),
  head: z.number().int().min(0),
  openConflicts: z.number().int().min(0),
});
export type DirectoryPullResponse = z.infer<typeof directoryPullResponse>;
