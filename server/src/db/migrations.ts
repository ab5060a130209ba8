// The data center's schema, versioned like the terminal's: each migration runs once, in a transaction,
// and is recorded in schema_migrations. A second server starting at the same time waits on the lock.
import type { Pool } from 'pg';

export type ServerMigration = { version: number; name: string; sql: string };

export const serverMigrations: ServerMigration[] = [
  {
    version: 1,
    name: 'system of record',
    sql: `
-- One commit-ordered sequence for every replicated row: values are only ever taken while holding the
-- change lock (see sync/change-lock.ts), so a pull never serves a number a later commit could undercut.
CREATE SEQUENCE change_seq;

CREATE TABLE terminals (
  terminal_id TEXT PRIMARY KEY,
  enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  last_seen_at TIMESTAMPTZ,
  -- Highest mutation number applied for this terminal: retries below it are skipped, gaps above refused.
  applied_through BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE members (
  shikaku_id TEXT PRIMARY KEY,
  jigyosho_kigo TEXT NOT NULL,
  hihokensha_no TEXT NOT NULL,
  edaban TEXT NOT NULL,
  kubun INTEGER NOT NULL,
  zokugara INTEGER,
  kanji_name TEXT NOT NULL,
  kana_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex INTEGER NOT NULL,
  shutoku_date TEXT NOT NULL,
  soshitsu_date TEXT,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  change_seq BIGINT NOT NULL
);
CREATE INDEX members_change ON members(change_seq);

-- DP-2: ciphertext and blind index only; the data center holds no key that opens them.
CREATE TABLE mynumber_master (
  shikaku_id TEXT PRIMARY KEY,
  mynumber_enc BYTEA,
  blind_index BYTEA,
  sakujo_kubun INTEGER NOT NULL DEFAULT 0,
  koshin_tsuban INTEGER NOT NULL,
  koshin_bi TEXT NOT NULL,
  change_seq BIGINT NOT NULL
);
CREATE INDEX mynumber_change ON mynumber_master(change_seq);
-- One number, one person among live rows. Checked at commit, so a batch that moves a number from one
-- 資格ID to another is judged on its end state, not on the order its rows were written.
ALTER TABLE mynumber_master ADD CONSTRAINT mynumber_blind_unique
  EXCLUDE USING btree (blind_index WITH =) WHERE (sakujo_kubun = 0 AND blind_index IS NOT NULL) DEFERRABLE INITIALLY DEFERRED;

-- A stale 更新通番 or a number already held by someone else: both versions kept for a person with EDIT.
CREATE TABLE conflicts (
  id BIGSERIAL PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  mutation_seq BIGINT NOT NULL,
  entity TEXT NOT NULL,
  shikaku_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  server_version INTEGER,
  incoming JSONB NOT NULL,
  server_row JSONB,
  detected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_at TIMESTAMPTZ,
  resolved_by TEXT,
  UNIQUE (terminal_id, mutation_seq)
);
CREATE INDEX conflicts_open ON conflicts(detected_at) WHERE resolved_at IS NULL;

CREATE TABLE users (
  user_id TEXT PRIMARY KEY,
  employee_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  department TEXT,
  password_hash TEXT NOT NULL,
  disabled_at TEXT,
  retired_on TEXT,
  version INTEGER NOT NULL,
  change_seq BIGINT NOT NULL
);
CREATE TABLE grants (
  id BIGINT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(user_id),
  level TEXT NOT NULL CHECK (level IN ('NONE','VIEW','EDIT','LINK')),
  businesses TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  granted_by TEXT,
  granted_at TEXT NOT NULL,
  change_seq BIGINT NOT NULL
);
CREATE TABLE media_ledger (
  media_id TEXT PRIMARY KEY,
  body JSONB NOT NULL,
  revoked_at TEXT,
  version INTEGER NOT NULL,
  change_seq BIGINT NOT NULL
);

-- AU-2: each terminal's operation log, its signed checkpoints, and the alerts a fork or rollback raised.
CREATE TABLE log_entries (
  terminal_id TEXT NOT NULL,
  log_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  entry JSONB NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (terminal_id, log_id, seq)
);
CREATE TABLE checkpoints (
  id BIGSERIAL PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  log_id TEXT NOT NULL,
  seq BIGINT NOT NULL,
  head TEXT NOT NULL,
  signature TEXT NOT NULL,
  received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX checkpoints_log ON checkpoints(terminal_id, log_id, seq);
CREATE TABLE alerts (
  id BIGSERIAL PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  detail JSONB NOT NULL,
  raised_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
`,
  },
  {
    version: 2,
    name: 'conflict resolution',
    // Which version the person who resolved a conflict kept: the data center's, or the terminal's
    // (re-applied on the terminal as a new write, which reaches here as an ordinary mutation).
    sql: `ALTER TABLE conflicts ADD COLUMN resolution TEXT CHECK (resolution IN ('dataCenter', 'local'));`,
  },
  {
    version: 3,
    name: 'directory: users, grants and the media ledger',
    // The version-1 tables users/grants/media_ledger were never written; the directory keeps every
    // replicated table's rows in one place, each row as the terminal column list of
    // shared/sync/directory.ts (so a column added there needs no server migration).
    sql: `
DROP TABLE grants;
DROP TABLE media_ledger;
DROP TABLE users;

CREATE TABLE directory_rows (
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  row JSONB NOT NULL,
  -- Taken from change_seq under the change lock, like members (sync/change-lock.ts).
  change_seq BIGINT NOT NULL,
  written_by TEXT NOT NULL,
  written_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  PRIMARY KEY (entity, key)
);
CREATE INDEX directory_change ON directory_rows(change_seq);
CREATE INDEX directory_user_children ON directory_rows((row->>'user_id')) WHERE entity IN ('user_role', 'password_history', 'grant');
-- AC-1 / MD-2 at the data center: one user per employee number, one live ledger entry per device serial.
CREATE INDEX directory_employee_no ON directory_rows((row->>'employee_no')) WHERE entity = 'user' AND deleted = 0;
CREATE INDEX directory_live_serial ON directory_rows((row->>'serial')) WHERE entity = 'medium' AND deleted = 0 AND row->>'status' = 'active';

-- A stale version or a duplicate: the data center's row stays, the losing change is kept here.
CREATE TABLE directory_conflicts (
  id BIGSERIAL PRIMARY KEY,
  terminal_id TEXT NOT NULL,
  mutation_seq BIGINT NOT NULL,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  reason TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  server_version INTEGER,
  incoming JSONB NOT NULL,
  server_row JSONB,
  detected_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  resolved_at TIMESTAMPTZ,
  resolved_by TEXT,
  UNIQUE (terminal_id, mutation_seq)
);

-- The directory queue is numbered separately from the member queue.
ALTER TABLE terminals ADD COLUMN directory_applied_through BIGINT NOT NULL DEFAULT 0;
`,
  },
  {
    version: 4,
    name: 'organisation key relay',
    sql: `
-- architecture.md Keys: one key request per terminal (identity from its certificate) and, once an
-- administrator's terminal granted it, the organisation keys wrapped for the request's X25519 key.
-- The blob is cleared when its terminal fetches it; the data center never holds a key that opens it.
CREATE TABLE org_key_requests (
  terminal_id TEXT PRIMARY KEY,
  cert_serial TEXT NOT NULL,
  public_key_pem TEXT NOT NULL,
  requested_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  status TEXT NOT NULL CHECK (status IN ('pending','granted','delivered')),
  wrapped JSONB,
  granted_by TEXT,
  granted_at TIMESTAMPTZ,
  delivered_at TIMESTAMPTZ,
  CHECK ((status = 'granted') = (wrapped IS NOT NULL))
);
CREATE INDEX org_key_requests_pending ON org_key_requests(requested_at) WHERE status = 'pending';
`,
  },
];

const MIGRATION_LOCK = 0x6b757261; // 'kura'

export async function migrateServer(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    for (const m of [...serverMigrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(m.version)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
