import type { Migration } from '../store';

// Reports (80-89 with audit reviews): DP-4 creator-only reports.
export const reportMigrations: Migration[] = [
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
];
