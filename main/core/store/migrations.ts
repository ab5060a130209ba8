// Versioned schema. A migration runs once, in a transaction, and is recorded in schema_migrations.
// Column names follow the glossary in README.md (shikaku_id = 資格ID, ...).
// Version ranges per capability keep parallel work apart: foundation 1-9, sync 10-19, imports 20-29,
// media 30-39, access administration 40-49, retention/linkage/requests 50+.
export type Migration = { version: number; name: string; sql: string };

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
  {
    version: 2,
    name: 'kana-search-order',
    // カナ氏名 search returns rows in (kana, 資格ID) order: one index serves the range and the order,
    // so a common surname at 1M members does not sort tens of thousands of rows.
    sql: `
DROP INDEX members_kana;
CREATE INDEX members_kana ON members(kana_name, shikaku_id);
`,
  },
];

// imports (20-29): employer files (DQ-2), bulk update/cancel, 個人番号入力結果情報.
export const importMigrations: Migration[] = [
  {
    version: 20,
    name: 'imports',
    sql: `
-- One preview of one file. Nothing is registered until status becomes 'confirmed'.
CREATE TABLE import_sessions (
  import_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('input','update','cancel')),
  status TEXT NOT NULL CHECK (status IN ('previewed','confirmed','abandoned')),
  source_path TEXT NOT NULL,
  file_name TEXT NOT NULL,
  source_digest TEXT NOT NULL,
  format TEXT NOT NULL,
  encoding TEXT NOT NULL,
  total_rows INTEGER NOT NULL,
  ok_rows INTEGER NOT NULL,
  warning_rows INTEGER NOT NULL,
  error_rows INTEGER NOT NULL,
  business TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  finished_by TEXT,
  finished_at TEXT,
  accepted_warnings INTEGER NOT NULL DEFAULT 0,
  registered_rows INTEGER,
  source_deleted_at TEXT,
  -- The normalised numbers of all rows (12 ASCII bytes per row, in row order) as ONE AES-GCM
  -- ciphertext, erased on confirm or abandon: no plaintext on disk, one crypto operation per file.
  numbers_enc BLOB
);
-- Items 1-13 (never the number) and results 24-27 of each row.
CREATE TABLE import_rows (
  import_id TEXT NOT NULL REFERENCES import_sessions(import_id),
  row_no INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  jigyosho_kigo TEXT NOT NULL,
  hihokensha_no TEXT NOT NULL,
  kubun TEXT NOT NULL,
  zokugara TEXT NOT NULL,
  edaban TEXT NOT NULL,
  kanji_name TEXT NOT NULL,
  kana_name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL,
  gojitsu TEXT NOT NULL,
  has_number INTEGER NOT NULL,
  mikinyu_riyu TEXT NOT NULL,
  memo TEXT NOT NULL,
  remarks TEXT NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('ok','warning','error')),
  codes TEXT NOT NULL,
  message_ja TEXT NOT NULL,
  message_en TEXT NOT NULL,
  shikaku_id TEXT,
  birth_iso TEXT,
  expected_version INTEGER,
  PRIMARY KEY (import_id, row_no)
);
CREATE INDEX import_rows_result ON import_rows(import_id, result, row_no);
CREATE INDEX import_rows_employer ON import_rows(import_id, jigyosho_kigo, row_no);
-- 個人番号入力結果情報 (別添1, 12 items) plus where each row came from.
CREATE TABLE mynumber_input_results (
  id INTEGER PRIMARY KEY,
  input_date TEXT NOT NULL,
  registered_by TEXT NOT NULL,
  kigo_bango TEXT NOT NULL,
  mynumber_enc BLOB,
  mikinyu_riyu INTEGER,
  zokugara INTEGER,
  name TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex INTEGER,
  koshin_kubun INTEGER NOT NULL,
  todokesho_code TEXT NOT NULL,
  input_at TEXT NOT NULL,
  shikaku_id TEXT NOT NULL,
  import_id TEXT NOT NULL,
  row_no INTEGER NOT NULL
);
CREATE INDEX mynumber_input_results_member ON mynumber_input_results(shikaku_id, input_at);
CREATE INDEX mynumber_input_results_import ON mynumber_input_results(import_id, row_no);
`,
  },
];

/** Access administration (issue 4): the periodic reviews of the 割当状況一覧 (AC-6). */
export const accessMigrations: Migration[] = [
  {
    version: 40,
    name: 'access-reviews',
    sql: `
CREATE TABLE access_reviews (
  id INTEGER PRIMARY KEY,
  reviewer TEXT NOT NULL REFERENCES users(user_id),
  reviewed_at TEXT NOT NULL,
  findings TEXT NOT NULL,
  -- The list as the reviewer saw it (no My Number ever appears in it).
  snapshot TEXT NOT NULL
);
`,
  },
];

// Sync (issue 7, architecture.md Sync): the outbox is filled by triggers, so every local write to a
// synced table lands in it in the same transaction, whoever wrote it. A row in sync_applying silences
// the triggers while a pulled page is applied (the data center's rows are not local changes).
export const syncMigrations: Migration[] = [
  {
    version: 10,
    name: 'sync outbox and state',
    sql: `
CREATE TABLE sync_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL CHECK (entity IN ('member','mynumber')),
  shikaku_id TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  row TEXT NOT NULL,
  queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX sync_outbox_key ON sync_outbox(entity, shikaku_id);
CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE sync_applying (flag INTEGER NOT NULL);
CREATE TABLE sync_conflicts (
  seq INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  shikaku_id TEXT NOT NULL,
  reason TEXT NOT NULL,
  server_version INTEGER,
  detected_at TEXT NOT NULL
);

CREATE TRIGGER sync_members_insert AFTER INSERT ON members WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('member', NEW.shikaku_id, 0, json_object(
    'shikakuId', NEW.shikaku_id, 'jigyoshoKigo', NEW.jigyosho_kigo, 'hihokenshaNo', NEW.hihokensha_no, 'edaban', NEW.edaban,
    'kubun', NEW.kubun, 'zokugara', NEW.zokugara, 'kanjiName', NEW.kanji_name, 'kanaName', NEW.kana_name, 'birthDate', NEW.birth_date,
    'sex', NEW.sex, 'shutokuDate', NEW.shutoku_date, 'soshitsuDate', NEW.soshitsu_date, 'version', NEW.version,
    'updatedAt', NEW.updated_at, 'deleted', NEW.deleted));
END;
CREATE TRIGGER sync_members_update AFTER UPDATE ON members WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('member', NEW.shikaku_id, OLD.version, json_object(
    'shikakuId', NEW.shikaku_id, 'jigyoshoKigo', NEW.jigyosho_kigo, 'hihokenshaNo', NEW.hihokensha_no, 'edaban', NEW.edaban,
    'kubun', NEW.kubun, 'zokugara', NEW.zokugara, 'kanjiName', NEW.kanji_name, 'kanaName', NEW.kana_name, 'birthDate', NEW.birth_date,
    'sex', NEW.sex, 'shutokuDate', NEW.shutoku_date, 'soshitsuDate', NEW.soshitsu_date, 'version', NEW.version,
    'updatedAt', NEW.updated_at, 'deleted', NEW.deleted));
END;
-- DP-2: only ciphertext and blind index enter the outbox.
CREATE TRIGGER sync_mynumber_insert AFTER INSERT ON mynumber_master WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('mynumber', NEW.shikaku_id, 0, json_object(
    'shikakuId', NEW.shikaku_id,
    'mynumberEnc', CASE WHEN NEW.mynumber_enc IS NULL THEN NULL ELSE lower(hex(NEW.mynumber_enc)) END,
    'blindIndex', CASE WHEN NEW.blind_index IS NULL THEN NULL ELSE lower(hex(NEW.blind_index)) END,
    'sakujoKubun', NEW.sakujo_kubun, 'koshinTsuban', NEW.koshin_tsuban, 'koshinBi', NEW.koshin_bi));
END;
CREATE TRIGGER sync_mynumber_update AFTER UPDATE ON mynumber_master WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO sync_outbox (entity, shikaku_id, base_version, row) VALUES ('mynumber', NEW.shikaku_id, OLD.koshin_tsuban, json_object(
    'shikakuId', NEW.shikaku_id,
    'mynumberEnc', CASE WHEN NEW.mynumber_enc IS NULL THEN NULL ELSE lower(hex(NEW.mynumber_enc)) END,
    'blindIndex', CASE WHEN NEW.blind_index IS NULL THEN NULL ELSE lower(hex(NEW.blind_index)) END,
    'sakujoKubun', NEW.sakujo_kubun, 'koshinTsuban', NEW.koshin_tsuban, 'koshinBi', NEW.koshin_bi));
END;
`,
  },
];

// Media (issue 6): ledger (MD-1, MD-8), signing key for medium tokens (MD-2), export requests (MD-4, MD-7).
export const mediaMigrations: Migration[] = [
  {
    version: 30,
    name: 'media ledger and export requests',
    sql: `
CREATE TABLE media_signing_keys (key_id TEXT PRIMARY KEY, public_key TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE media (
  medium_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('usb_flash','external_disk','optical')),
  label TEXT NOT NULL,
  vendor_id TEXT,
  product_id TEXT,
  vendor TEXT NOT NULL,
  product TEXT NOT NULL,
  serial TEXT NOT NULL CHECK (serial <> ''),
  fs_uuid TEXT NOT NULL,
  holder TEXT NOT NULL,
  storage_place TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','revoked','disposed')),
  token_nonce TEXT NOT NULL,
  signing_key_id TEXT NOT NULL REFERENCES media_signing_keys(key_id),
  registered_by TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  revoked_by TEXT, revoked_at TEXT, revoke_reason TEXT,
  disposed_by TEXT, disposed_at TEXT, disposal_method TEXT, disposal_witness TEXT
);
-- MD-2: one live ledger entry per device serial.
CREATE UNIQUE INDEX media_serial_live ON media(serial) WHERE status = 'active';
CREATE TABLE media_movements (
  id INTEGER PRIMARY KEY,
  medium_id TEXT NOT NULL REFERENCES media(medium_id),
  kind TEXT NOT NULL CHECK (kind IN ('register','take_out','return','wipe','wipe_confirm','revoke','dispose')),
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  request_id TEXT,
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX media_movements_medium ON media_movements(medium_id, at);
CREATE TABLE export_requests (
  request_id TEXT PRIMARY KEY,
  medium_id TEXT NOT NULL REFERENCES media(medium_id),
  source TEXT NOT NULL,
  business TEXT NOT NULL,
  shikaku_ids TEXT NOT NULL,
  record_count INTEGER NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('requested','approved','refused','exported','failed','wiped','wipe_confirmed')),
  requested_by TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  decided_by TEXT, decided_at TEXT, decision_note TEXT,
  archive_name TEXT, archive_sha256 TEXT, archive_bytes INTEGER, exported_at TEXT, failure TEXT,
  wiped_by TEXT, wiped_at TEXT,
  wipe_confirmed_by TEXT, wipe_confirmed_at TEXT
);
CREATE INDEX export_requests_status ON export_requests(status, requested_at);
`,
  },
];

/** Every capability's migrations, applied in version order. Add a capability's list here. */
export const migrations: Migration[] = [...foundationMigrations, ...syncMigrations, ...importMigrations, ...accessMigrations, ...mediaMigrations].sort((a, b) => a.version - b.version);
