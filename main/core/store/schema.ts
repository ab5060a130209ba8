// The store's own tables: the keyring and meta, and where the organisation keys came from (15).
// Migration 1 predates capabilities owning their tables: it also made the first tables of auth, access,
// members, mynumber and audit. It stays whole, here, because existing stores recorded it as one.
// Numbers stay apart by capability (foundation 1-9, sync 10-19, imports 20-29, media 30-39, access and
// auth 40-49, retention and quality 50-59, linkage 60-69, requests 70-79, reports and reviews 80-89,
// bulk My Number writes 90-99); the runner (migrate.ts) refuses two migrations with one number.
// Column names follow the glossary in README.md (shikaku_id = 資格ID, ...).
import type { Migration } from './migrate';

// The first schema (users, grants, members, mynumber_master, audit_log, keyring, meta).
export const foundationMigrations: Migration[] = [
  {
    version: 1,
    name: 'foundation',
    sql: `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE keyring (name TEXT PRIMARY KEY, sealed BLOB NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE users (
  user_id TEXT PRIMARY KEY,
  employee_no TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  department TEXT,
  password_hash TEXT NOT NULL,
  must_change_password INTEGER NOT NULL DEFAULT 1,
  password_changed_at TEXT NOT NULL,
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_at TEXT,
  disabled_at TEXT,
  retired_on TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
);
CREATE TABLE password_history (user_id TEXT NOT NULL REFERENCES users(user_id), password_hash TEXT NOT NULL, changed_at TEXT NOT NULL);
CREATE INDEX password_history_user ON password_history(user_id, changed_at);
CREATE TABLE user_roles (
  user_id TEXT NOT NULL REFERENCES users(user_id),
  role TEXT NOT NULL,
  granted_by TEXT,
  granted_at TEXT NOT NULL,
  PRIMARY KEY (user_id, role)
);
-- AC-2/AC-4: effective-dated privilege grants; valid_to is the transfer/retirement date (exclusive).
CREATE TABLE grants (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(user_id),
  level TEXT NOT NULL CHECK (level IN ('NONE','VIEW','EDIT','LINK')),
  businesses TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  granted_by TEXT,
  granted_at TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX grants_user ON grants(user_id, valid_from);

CREATE TABLE members (
  shikaku_id TEXT PRIMARY KEY,
  jigyosho_kigo TEXT NOT NULL,
  hihokensha_no TEXT NOT NULL,
  edaban TEXT NOT NULL,
  kubun INTEGER NOT NULL CHECK (kubun IN (1,2)),
  zokugara INTEGER,
  kanji_name TEXT NOT NULL,
  kana_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex INTEGER NOT NULL CHECK (sex IN (1,2)),
  shutoku_date TEXT NOT NULL,
  soshitsu_date TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX members_key ON members(jigyosho_kigo, hihokensha_no, kubun, edaban);
CREATE INDEX members_hihokensha ON members(hihokensha_no);
CREATE INDEX members_kana ON members(kana_name);

-- 別添1 master table: 資格ID, 個人番号(暗号化), 削除区分, 更新通番, 更新日 (DP-2).
CREATE TABLE mynumber_master (
  shikaku_id TEXT PRIMARY KEY REFERENCES members(shikaku_id),
  mynumber_enc BLOB,
  blind_index BLOB,
  sakujo_kubun INTEGER NOT NULL DEFAULT 0,
  koshin_tsuban INTEGER NOT NULL,
  koshin_bi TEXT NOT NULL
);
-- One number, one person: the blind index is unique among live rows.
CREATE UNIQUE INDEX mynumber_blind ON mynumber_master(blind_index) WHERE sakujo_kubun = 0;

-- AU-1/AU-2: hash-chained operation log.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT,
  terminal TEXT NOT NULL,
  business TEXT,
  event TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_event ON audit_log(event, seq);
-- Guards against bugs only; tamper evidence comes from the chain (reference.md).
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`,
  },
];

// The organisation-key relay (issue 7, architecture.md Keys; version 15 of the sync range).
export const orgKeyMigrations: Migration[] = [
  {
    version: 15,
    name: 'organisation key origin',
    sql: `
-- Where this terminal's organisation keys came from: created here (the first terminal), or relayed
-- from an administrator's terminal and installed. One row, written by the store.
CREATE TABLE org_keys_origin (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  origin TEXT NOT NULL CHECK (origin IN ('created','relayed')),
  recorded_at TEXT NOT NULL,
  relayed_by TEXT
);
-- DP-2: whether this terminal itself sealed or blind-indexed a My Number under its own keys. Relayed
-- keys may replace them only while nothing was: rows pulled from the data center (sync_applying set)
-- are sealed under the organisation keys and become readable once those are installed.
CREATE TABLE org_keys_local_use (what TEXT PRIMARY KEY, first_at TEXT NOT NULL);
CREATE TRIGGER org_keys_use_mynumber_insert AFTER INSERT ON mynumber_master
  WHEN (NEW.mynumber_enc IS NOT NULL OR NEW.blind_index IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT OR IGNORE INTO org_keys_local_use (what, first_at) VALUES ('mynumber_master', NEW.koshin_bi);
END;
CREATE TRIGGER org_keys_use_mynumber_update AFTER UPDATE OF mynumber_enc, blind_index ON mynumber_master
  WHEN (NEW.mynumber_enc IS NOT NULL OR NEW.blind_index IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT OR IGNORE INTO org_keys_local_use (what, first_at) VALUES ('mynumber_master', NEW.koshin_bi);
END;
-- A store older than this table cannot tell its own rows from pulled ones, so it counts them all.
INSERT INTO org_keys_local_use (what, first_at)
  SELECT 'mynumber_master', min(koshin_bi) FROM mynumber_master WHERE mynumber_enc IS NOT NULL OR blind_index IS NOT NULL HAVING count(*) > 0;
`,
  },
];
