import type { Migration } from '../store';

// The members capability's tables (its first, members, came with store migration 1).
export const memberMigrations: Migration[] = [
  {
    version: 2,
    name: 'kana-search-order',
    // カナ氏名 search returns rows in (kana, 資格ID) order: one index serves the range and the order,
    // so a common surname at 1M members does not sort tens of thousands of rows.
    sql: `
DROP INDEX members_kana;
CREATE INDEX members_kana ON members(kana_name, shikaku_id);
`,
  },
];
