import type { Migration } from '../store';

// Who set each password (issue 4, AC-1, AC-3): numbered in the access administration range (40-49),
// where they were written, but they are the users table's own.
export const authMigrations: Migration[] = [
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
