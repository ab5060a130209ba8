import type { Migration } from '../store';

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
