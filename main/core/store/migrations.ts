// Versioned schema. A migration runs once, in a transaction, and is recorded in schema_migrations.
// Column names follow the glossary in README.md (shikaku_id = 資格ID, ...).
// Version ranges per capability keep parallel work apart: foundation 1-9, sync 10-19, imports 20-29,
// media 30-39, access administration 40-49, retention/linkage/requests 50+; 90: bulk My Number writes (number-queues.ts).
import { numberQueueMigrations } from './number-queues';

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
  {
    version: 41,
    name: 'password set by',
    sql: `
-- AC-1, AC-3: who set the current password (creation or reset); NULL once the user chose their own.
-- That person could use the ID as a stand-in, so they may not grant it a level or approve its exports.
ALTER TABLE users ADD COLUMN password_set_by TEXT;
-- Passwords still awaiting their first change were set by the last reset, or else by the creator.
UPDATE users SET password_set_by = COALESCE(
  (SELECT a.operator FROM audit_log a WHERE a.event = 'user.resetPassword' AND a.outcome = 'ok' AND a.target = users.user_id ORDER BY a.seq DESC LIMIT 1),
  created_by)
WHERE must_change_password = 1;
`,
  },
  {
    version: 43,
    name: 'password history set by',
    sql: `
-- AC-1, AC-3: who set each password (creation or reset); NULL when the holder chose it. Whoever ever
-- set an ID's password could have logged in as it and chosen the next one, so they stay barred for
-- good (standInMakers), and the row replicates with the directory so every terminal bars them.
ALTER TABLE password_history ADD COLUMN set_by TEXT;
-- Backfill, best effort from this terminal's operation log: each reset goes to the latest history row
-- of that user written at or before the reset's log entry (resets made at other terminals, unknown
-- here, stay NULL; their current password_set_by still counts).
UPDATE password_history SET set_by = (
  SELECT a.operator FROM audit_log a
  WHERE a.event = 'user.resetPassword' AND a.outcome = 'ok' AND a.target = password_history.user_id AND a.at >= password_history.changed_at
    AND NOT EXISTS (SELECT 1 FROM password_history n WHERE n.user_id = password_history.user_id AND n.changed_at <= a.at
      AND (n.changed_at > password_history.changed_at OR (n.changed_at = password_history.changed_at AND n.rowid > password_history.rowid)))
  ORDER BY a.seq DESC LIMIT 1);
-- The initial password (the user's first history row) was set by the creator.
UPDATE password_history SET set_by = (SELECT u.created_by FROM users u WHERE u.user_id = password_history.user_id AND u.created_at = password_history.changed_at)
WHERE set_by IS NULL AND rowid = (SELECT min(h.rowid) FROM password_history h WHERE h.user_id = password_history.user_id);
-- The current password, if not the holder's own choice (migration 41).
UPDATE password_history SET set_by = (SELECT u.password_set_by FROM users u WHERE u.user_id = password_history.user_id AND u.password_hash = password_history.password_hash)
WHERE set_by IS NULL;
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
  {
    version: 11,
    name: 'sync conflict resolution',
    // Both versions of a conflict for the person with EDIT who resolves it: the terminal's attempted row
    // (from the outbox entry being acknowledged) and the data center's row that won. A number is kept
    // as ciphertext and blind index only, as in the outbox (DP-2).
    sql: `
ALTER TABLE sync_conflicts ADD COLUMN base_version INTEGER;
ALTER TABLE sync_conflicts ADD COLUMN local_row TEXT;
ALTER TABLE sync_conflicts ADD COLUMN server_row TEXT;
ALTER TABLE sync_conflicts ADD COLUMN resolution TEXT CHECK (resolution IN ('dataCenter','local'));
ALTER TABLE sync_conflicts ADD COLUMN resolved_at TEXT;
ALTER TABLE sync_conflicts ADD COLUMN resolved_by TEXT;
-- When the data center confirmed it heard of the resolution; until then each sync run resends it.
ALTER TABLE sync_conflicts ADD COLUMN reported_at TEXT;
CREATE INDEX sync_conflicts_unreported ON sync_conflicts(seq) WHERE resolved_at IS NOT NULL AND reported_at IS NULL;
`,
  },
];

// Directory replication (issue 7, versions 12-14): users, roles, password history, grants and the media
// ledger travel through their own queue beside the member outbox. The triggers that fill it are
// generated from shared/sync/directory.ts (store/directory-triggers.ts), not written here.
export const directoryMigrations: Migration[] = [
  {
    version: 12,
    name: 'directory outbox',
    sql: `
CREATE TABLE directory_outbox (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  base_version INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  row TEXT NOT NULL,
  queued_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
);
CREATE INDEX directory_outbox_key ON directory_outbox(entity, key);
-- The version each directory row has reached here (local changes count up; pulled rows set it).
CREATE TABLE directory_versions (entity TEXT NOT NULL, key TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (entity, key)) WITHOUT ROWID;
CREATE TABLE directory_conflicts (
  seq INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  reason TEXT NOT NULL,
  server_version INTEGER,
  detected_at TEXT NOT NULL
);
-- A grant keeps one identity at every terminal (local integer ids differ between terminals).
ALTER TABLE grants ADD COLUMN uid TEXT;
UPDATE grants SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
CREATE UNIQUE INDEX grants_uid ON grants(uid);
CREATE TRIGGER grants_uid_assign AFTER INSERT ON grants WHEN NEW.uid IS NULL
BEGIN
  UPDATE grants SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
-- A password-history row is identified by its (salted, so unique) hash.
CREATE UNIQUE INDEX password_history_key ON password_history(user_id, password_hash);
`,
  },
  {
    version: 16,
    name: 'directory rows held back by a local duplicate',
    // One bad record never blocks the queue: a data-center row that collides here with a local row the
    // data center refused (the same employee number or device serial made offline at two terminals)
    // waits in this table, is counted as a conflict, and is tried again on every pull.
    sql: `
CREATE TABLE directory_blocked (
  entity TEXT NOT NULL,
  key TEXT NOT NULL,
  version INTEGER NOT NULL,
  deleted INTEGER NOT NULL,
  row TEXT NOT NULL,
  reason TEXT NOT NULL,
  blocked_at TEXT NOT NULL,
  PRIMARY KEY (entity, key)
) WITHOUT ROWID;
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

// Information linkage (60-69): 被保険者枝番, 情報提供等記録 (LK-1), 本人確認項目 (LK-2), inquiries (LK-3, LK-4).
export const linkageMigrations: Migration[] = [
  {
    version: 60,
    name: 'linkage',
    sql: `
-- LK-3: the member's code toward the intermediate server; never derived from the My Number.
CREATE TABLE hihokensha_edaban (
  shikaku_id TEXT PRIMARY KEY REFERENCES members(shikaku_id),
  edaban_code TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
-- LK-1: 情報提供等記録項目 (別添1, 12 items) as they were provided; kept 7 years (RT-2).
CREATE TABLE linkage_records (
  id INTEGER PRIMARY KEY,
  shori_no TEXT NOT NULL,
  shori_edaban TEXT NOT NULL,
  jimu_name TEXT NOT NULL,
  tetsuzuki_name TEXT NOT NULL,
  shokaisha_busho TEXT NOT NULL,
  teikyosha_busho TEXT NOT NULL,
  requested_at TEXT NOT NULL,
  provided_at TEXT,
  tokutei_name TEXT NOT NULL,
  fukaiji_code TEXT NOT NULL,
  kago_code TEXT NOT NULL,
  hihokensha_edaban TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  source TEXT NOT NULL,
  UNIQUE (shori_no, shori_edaban)
);
CREATE INDEX linkage_records_edaban ON linkage_records(hihokensha_edaban, requested_at);
CREATE INDEX linkage_records_requested ON linkage_records(requested_at);
CREATE INDEX linkage_records_tetsuzuki ON linkage_records(tetsuzuki_name, requested_at);
-- LK-2: 本人確認項目 (27 items). The 個人番号 (item 10) only as ciphertext + blind index; kept at most 1 year (RT-3).
CREATE TABLE identity_confirmations (
  id INTEGER PRIMARY KEY,
  batch_id TEXT NOT NULL,
  line_no INTEGER NOT NULL,
  items TEXT NOT NULL,
  mynumber_enc BLOB,
  blind_index BLOB,
  shikaku_id TEXT,
  match TEXT NOT NULL CHECK (match IN ('by_number','by_name_birth','conflict','ambiguous','unmatched','error')),
  problems TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE INDEX identity_confirmations_batch ON identity_confirmations(batch_id, line_no);
CREATE INDEX identity_confirmations_member ON identity_confirmations(shikaku_id);
-- LK-3/LK-4: inquiries toward the intermediate server; the 資格ID stays here, the file carries the 枝番.
CREATE TABLE linkage_inquiries (
  inquiry_id TEXT PRIMARY KEY,
  procedure_code TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  row_count INTEGER NOT NULL
);
CREATE TABLE linkage_inquiry_rows (
  inquiry_id TEXT NOT NULL REFERENCES linkage_inquiries(inquiry_id),
  row_no INTEGER NOT NULL,
  shikaku_id TEXT NOT NULL,
  hihokensha_edaban TEXT NOT NULL,
  answered_at TEXT,
  answer TEXT,
  PRIMARY KEY (inquiry_id, row_no),
  UNIQUE (inquiry_id, hihokensha_edaban)
);
`,
  },
];

// Requests, inquiries, incidents (70-79): RQ-1 様式1/様式2, RQ-2 受付票, RQ-3 漏えい事案.
export const requestMigrations: Migration[] = [
  {
    version: 70,
    name: 'requests',
    sql: `
CREATE TABLE disclosure_requests (
  request_id TEXT PRIMARY KEY,
  form TEXT NOT NULL CHECK (form IN ('youshiki1','youshiki2')),
  kind TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  requester_relation TEXT NOT NULL,
  identity_check TEXT NOT NULL,
  shikaku_id TEXT,
  content TEXT NOT NULL,
  received_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','in_review','answered','withdrawn')),
  decision TEXT,
  answer TEXT,
  answered_on TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX disclosure_requests_status ON disclosure_requests(status, due_on);
CREATE TABLE inquiries (
  slip_no TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  channel TEXT NOT NULL,
  requester TEXT NOT NULL,
  contact TEXT NOT NULL,
  content TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('high','medium','low')),
  urgency TEXT NOT NULL CHECK (urgency IN ('high','medium','low')),
  rank TEXT NOT NULL CHECK (rank IN ('A','B','C')),
  response_team TEXT NOT NULL,
  answer_due TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','in_progress','answered')),
  serious_leak INTEGER NOT NULL DEFAULT 0,
  escalated_at TEXT,
  escalated_by TEXT,
  chair_decision TEXT,
  chair_decided_at TEXT,
  chair_decided_by TEXT,
  answer TEXT,
  answered_at TEXT,
  answered_by TEXT
);
CREATE INDEX inquiries_status ON inquiries(status, answer_due);
-- One line per thing that happened to a request or an inquiry: the 経過 of the 受付票.
CREATE TABLE request_events (
  id INTEGER PRIMARY KEY,
  subject_id TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  kind TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX request_events_subject ON request_events(subject_id, id);
CREATE TABLE leak_incidents (
  incident_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  serious INTEGER NOT NULL,
  discovered_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','closed')),
  preliminary_at TEXT,
  preliminary_by TEXT,
  preliminary_notes TEXT
);
CREATE TABLE leak_incident_steps (
  incident_id TEXT NOT NULL REFERENCES leak_incidents(incident_id),
  step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 7),
  outcome TEXT NOT NULL CHECK (outcome IN ('done','not_applicable')),
  performed_by TEXT NOT NULL,
  performed_at TEXT NOT NULL,
  notes TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, step)
);
`,
  },
];

// reports, audit reviews, maintenance (80-89): DP-4 creator-only reports, AU-3 log reviews, AU-4 contractor work.
export const oversightMigrations: Migration[] = [
  {
    version: 80,
    name: 'reports',
    sql: `
-- DP-4: a report's record; its content lives encrypted in <dataDir>/reports/<file_name>.
CREATE TABLE reports (
  report_id TEXT PRIMARY KEY,
  creator TEXT NOT NULL,
  business TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  file_name TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX reports_creator ON reports(creator, created_at);
CREATE INDEX reports_expiry ON reports(expires_at);
`,
  },
  {
    version: 81,
    name: 'audit reviews and maintenance sessions',
    sql: `
-- AU-3: each review of the operation log: the range looked at, what the chain check said, findings.
CREATE TABLE audit_reviews (
  id INTEGER PRIMARY KEY,
  reviewer TEXT NOT NULL,
  reviewed_at TEXT NOT NULL,
  reason TEXT NOT NULL,
  range_from TEXT NOT NULL,
  range_to TEXT NOT NULL,
  entries INTEGER NOT NULL,
  refused INTEGER NOT NULL,
  chain_ok INTEGER NOT NULL,
  findings TEXT NOT NULL
);
-- AU-4: contractor (maintenance) work, bracketed by the operation-log sequence numbers it covers.
CREATE TABLE maintenance_sessions (
  maintenance_id TEXT PRIMARY KEY,
  company TEXT NOT NULL,
  workers TEXT NOT NULL,
  purpose TEXT NOT NULL,
  supervisor TEXT NOT NULL,
  started_at TEXT NOT NULL,
  start_seq INTEGER NOT NULL,
  ended_at TEXT,
  end_seq INTEGER,
  summary TEXT,
  test_runs TEXT NOT NULL DEFAULT '[]'
);
`,
  },
];

// Retention and data quality (50-59): RT-4 refusals, DQ-3 名寄せ links, DQ-4 現況確認, DQ-5 intermediate-server queue.
// No foreign keys to members: a revoked terminal's wipe (sync/wipe.ts) deletes members first; the
// services check that a 資格ID exists before they write.
export const retentionQualityMigrations: Migration[] = [
  {
    version: 50,
    name: 'retention',
    sql: `
-- RT-4: a refused qualification; its specific personal information is erased when this is recorded.
CREATE TABLE qualification_refusals (
  shikaku_id TEXT PRIMARY KEY,
  refused_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
-- RT-1: the purge finds members whose 資格喪失日 is past the period without reading every row.
CREATE INDEX members_soshitsu ON members(soshitsu_date) WHERE soshitsu_date IS NOT NULL;
`,
  },
  {
    version: 52,
    name: 'refusals need a second person',
    sql: `
-- RT-4 with two people: an EDIT clerk records a refusal (pending, nothing erased); a manager other
-- than the recorder confirms it, and only then is the number erased; a pending one can be cancelled.
-- Rows from before this version were erased by their recorder alone: confirmed, confirmed_by NULL.
CREATE TABLE qualification_refusals_v52 (
  id INTEGER PRIMARY KEY,
  shikaku_id TEXT NOT NULL,
  refused_on TEXT NOT NULL,
  reason TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending','confirmed','cancelled')),
  confirmed_by TEXT,
  confirmed_at TEXT,
  cancelled_by TEXT,
  cancelled_at TEXT,
  cancel_reason TEXT,
  CHECK (confirmed_by IS NULL OR confirmed_by <> recorded_by)
);
INSERT INTO qualification_refusals_v52 (shikaku_id, refused_on, reason, recorded_by, recorded_at, status, confirmed_at)
  SELECT shikaku_id, refused_on, reason, recorded_by, recorded_at, 'confirmed', recorded_at FROM qualification_refusals;
DROP TABLE qualification_refusals;
ALTER TABLE qualification_refusals_v52 RENAME TO qualification_refusals;
-- One open (pending or confirmed) refusal per 資格ID; cancelled ones stay as history.
CREATE UNIQUE INDEX qualification_refusals_open ON qualification_refusals(shikaku_id) WHERE status <> 'cancelled';
`,
  },
  {
    version: 51,
    name: 'data quality',
    sql: `
-- DQ-3: a confirmed link from a person's earlier record to their later one.
CREATE TABLE member_links (
  id INTEGER PRIMARY KEY,
  earlier_shikaku_id TEXT NOT NULL,
  later_shikaku_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('shikaku_change','nini_keizoku','tokurei_taishoku')),
  number_match TEXT NOT NULL CHECK (number_match IN ('same','not_compared')),
  confirmed_by TEXT NOT NULL,
  confirmed_at TEXT NOT NULL,
  CHECK (earlier_shikaku_id <> later_shikaku_id)
);
CREATE UNIQUE INDEX member_links_pair ON member_links(min(earlier_shikaku_id, later_shikaku_id), max(earlier_shikaku_id, later_shikaku_id));
CREATE INDEX member_links_earlier ON member_links(earlier_shikaku_id);
CREATE INDEX member_links_later ON member_links(later_shikaku_id);
CREATE INDEX members_birth_kana ON members(birth_date, kana_name);

-- DQ-4: one 現況確認 result per dependant and 年度.
CREATE TABLE dependant_checks (
  shikaku_id TEXT NOT NULL,
  fiscal_year INTEGER NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('eligible','ineligible','unanswered')),
  checked_on TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (shikaku_id, fiscal_year)
);

-- DQ-5: changes waiting for the intermediate server. 資格ID and kind only: never a number (LK-3).
-- Local writes only (rows pulled from the data center were queued where they were made); one pending
-- entry per record and kind is enough.
CREATE TABLE intermediate_queue (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  shikaku_id TEXT NOT NULL,
  change_kind TEXT NOT NULL CHECK (change_kind IN ('member_new','member_changed','mynumber_registered','mynumber_changed','mynumber_deleted')),
  queued_at TEXT NOT NULL,
  sent_at TEXT,
  sent_by TEXT
);
CREATE INDEX intermediate_queue_pending ON intermediate_queue(shikaku_id, change_kind) WHERE sent_at IS NULL;
CREATE TRIGGER intermediate_members_insert AFTER INSERT ON members WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at) SELECT NEW.shikaku_id, 'member_new', NEW.updated_at
  WHERE NOT EXISTS (SELECT 1 FROM intermediate_queue WHERE shikaku_id = NEW.shikaku_id AND change_kind = 'member_new' AND sent_at IS NULL);
END;
CREATE TRIGGER intermediate_members_update AFTER UPDATE ON members WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at) SELECT NEW.shikaku_id, 'member_changed', NEW.updated_at
  WHERE NOT EXISTS (SELECT 1 FROM intermediate_queue WHERE shikaku_id = NEW.shikaku_id AND change_kind = 'member_changed' AND sent_at IS NULL);
END;
CREATE TRIGGER intermediate_mynumber_insert AFTER INSERT ON mynumber_master WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at) SELECT NEW.shikaku_id, 'mynumber_registered', NEW.koshin_bi
  WHERE NOT EXISTS (SELECT 1 FROM intermediate_queue WHERE shikaku_id = NEW.shikaku_id AND change_kind = 'mynumber_registered' AND sent_at IS NULL);
END;
CREATE TRIGGER intermediate_mynumber_update AFTER UPDATE ON mynumber_master WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
BEGIN
  INSERT INTO intermediate_queue (shikaku_id, change_kind, queued_at)
  SELECT NEW.shikaku_id, k.kind, NEW.koshin_bi FROM (SELECT CASE
      WHEN NEW.sakujo_kubun = 1 THEN 'mynumber_deleted'
      WHEN OLD.sakujo_kubun = 1 THEN 'mynumber_registered'
      ELSE 'mynumber_changed' END AS kind) k
  WHERE NOT EXISTS (SELECT 1 FROM intermediate_queue WHERE shikaku_id = NEW.shikaku_id AND change_kind = k.kind AND sent_at IS NULL);
END;
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

/** Every capability's migrations, applied in version order. Add a capability's list here. */
export const migrations: Migration[] = [...foundationMigrations, ...syncMigrations, ...directoryMigrations, ...importMigrations, ...accessMigrations, ...mediaMigrations, ...linkageMigrations, ...requestMigrations, ...oversightMigrations, ...retentionQualityMigrations, ...orgKeyMigrations, ...numberQueueMigrations].sort((a, b) => a.version - b.version);
