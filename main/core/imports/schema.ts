import type { Migration } from '../store';

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
