import type { Migration } from '../store';

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
];
