import type { Migration } from '../store';

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
