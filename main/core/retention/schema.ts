import type { Migration } from '../store';

// Retention (50-59 with quality): RT-4 refusals and RT-1's purge index. No foreign keys to members: a
// revoked terminal's wipe (sync/wipe.ts) deletes members first; the services check a 資格ID before they write.
export const retentionMigrations: Migration[] = [
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
];
