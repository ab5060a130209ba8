// Pull: every replicated table carries the change_seq of its latest write; a page is the rows with the
// smallest change_seq above the cursor. All tables are read in ONE snapshot (a single statement), so a
// page is a prefix of the commit order and the returned cursor never skips a row (see change-lock.ts).
//
// Issue 14: one statement and one round trip per page. PostgreSQL merges the two tables by change_seq
// (each read through its change_seq index, limit + 1 rows to tell whether more remain) and writes the
// page's JSON itself, in the wire format of shared/sync/protocol.ts (the terminal checks every row with
// that schema): the server neither builds nor stringifies an object per row.
//
// The page's rows reach json_agg already in change_seq order (merged from the two indexes, numbered
// in that order, and ordered so): json_agg(... ORDER BY change_seq) sorted the ~8 MB of a 20,000-row
// page's JSON once more, past work_mem on disk, and took about half of a page's time (EXPLAIN ANALYZE,
// issue 14). A page's order is not what the terminal relies on for correctness (it checks the range
// and applies a page set-wise), but the order is still change order.
import type { Pool } from 'pg';
import type { PullResponse } from '../../../shared/sync/protocol';

const PAGE_SQL = `
WITH picked AS (
  SELECT * FROM (
    (SELECT change_seq, json_build_object('seq', change_seq, 'entity', 'member', 'row', json_build_object(
        'shikakuId', shikaku_id, 'jigyoshoKigo', jigyosho_kigo, 'hihokenshaNo', hihokensha_no, 'edaban', edaban, 'kubun', kubun, 'zokugara', zokugara,
        'kanjiName', kanji_name, 'kanaName', kana_name, 'birthDate', birth_date, 'sex', sex, 'shutokuDate', shutoku_date, 'soshitsuDate', soshitsu_date,
        'version', version, 'updatedAt', updated_at, 'deleted', deleted)) AS change
       FROM members WHERE change_seq > $1 ORDER BY change_seq LIMIT $2 + 1)
    UNION ALL
    (SELECT change_seq, json_build_object('seq', change_seq, 'entity', 'mynumber', 'row', json_build_object(
        'shikakuId', shikaku_id, 'mynumberEnc', encode(mynumber_enc, 'hex'), 'blindIndex', encode(blind_index, 'hex'),
        'sakujoKubun', sakujo_kubun, 'koshinTsuban', koshin_tsuban, 'koshinBi', koshin_bi)) AS change
       FROM mynumber_master WHERE change_seq > $1 ORDER BY change_seq LIMIT $2 + 1)
  ) AS both_tables ORDER BY change_seq LIMIT $2 + 1
), numbered AS (
  SELECT change_seq, change, row_number() OVER (ORDER BY change_seq) AS n FROM picked ORDER BY change_seq
)
SELECT COALESCE(json_agg(change) FILTER (WHERE n <= $2), '[]')::text AS changes,
       COALESCE(max(change_seq) FILTER (WHERE n <= $2), $1) AS next,
       count(*) > $2 AS more,
       GREATEST((SELECT COALESCE(max(change_seq), 0) FROM members), (SELECT COALESCE(max(change_seq), 0) FROM mynumber_master)) AS head,
       (SELECT count(*) FROM conflicts WHERE resolved_at IS NULL) AS open
  FROM numbered`;

/** A page as the JSON text of a PullResponse, ready to send. */
export async function readChangesJson(pool: Pool, after: number, limit: number): Promise<string> {
  const r = await pool.query<{ changes: string; next: string; more: boolean; head: string; open: string }>({ name: 'kura_pull_page', text: PAGE_SQL, values: [after, limit] });
  const row = r.rows[0]!;
  return `{"changes":${row.changes},"next":${Number(row.next)},"more":${row.more},"head":${Number(row.head)},"openConflicts":${Number(row.open)}}`;
}

export async function readChanges(pool: Pool, after: number, limit: number): Promise<PullResponse> {
  return JSON.parse(await readChangesJson(pool, after, limit)) as PullResponse;
}
