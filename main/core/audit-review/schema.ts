import type { Migration } from '../store';

// Audit reviews and maintenance (81): AU-3 log reviews, AU-4 contractor work.
export const auditReviewMigrations: Migration[] = [
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
