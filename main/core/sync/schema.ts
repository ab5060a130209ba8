import type { Migration } from '../store';

// Sync (issue 7, architecture.md Sync): the outbox is filled by triggers, so every local write to a
// synced table lands in it in the same transaction, whoever wrote it. A row in sync_applying silences
// the triggers while a pulled page is applied (the data center's rows are not local changes).
// Directory replication (12, 16): users, roles, password history, grants and the media ledger travel
// through their own queue beside the member outbox. The triggers that fill it are generated from
// shared/sync/directory.ts (store/directory-triggers.ts), not written here.
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
