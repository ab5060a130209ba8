import type { Migration } from '../store';

// Data quality (51, in the retention range): DQ-3 名寄せ links, DQ-4 現況確認, DQ-5 intermediate-server queue.
// No foreign keys to members: a revoked terminal's wipe (sync/wipe.ts) deletes members first.
export const qualityMigrations: Migration[] = [
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
