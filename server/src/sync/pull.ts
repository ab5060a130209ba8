// Pull: every replicated table carries the change_seq of its latest write; a page is the rows with the
// smallest change_seq above the cursor. All tables are read in ONE snapshot (REPEATABLE READ), so a page
// is a prefix of the commit order and the returned cursor never skips a row (see change-lock.ts).
import type { Pool } from 'pg';
import type { ChangeWire, PullResponse } from '../../../shared/sync/protocol';
import { MEMBER_SELECT, MYNUMBER_SELECT, memberFromPg, myNumberFromPg, type MemberPgRow, type MyNumberPgRow } from './rows';

export async function readChanges(pool: Pool, after: number, limit: number): Promise<PullResponse> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // limit + 1 from each table tells whether more rows remain beyond this page.
    const members = await client.query<MemberPgRow & { change_seq: string }>(
      `SELECT ${MEMBER_SELECT}, change_seq FROM members WHERE change_seq > $1 ORDER BY change_seq LIMIT $2`,
      [after, limit + 1],
    );
    const numbers = await client.query<MyNumberPgRow & { change_seq: string }>(
      `SELECT ${MYNUMBER_SELECT}, change_seq FROM mynumber_master WHERE change_seq > $1 ORDER BY change_seq LIMIT $2`,
      [after, limit + 1],
    );
    const open = await client.query<{ n: string; head: string }>(
      `SELECT (SELECT count(*) FROM conflicts WHERE resolved_at IS NULL) AS n,
              GREATEST((SELECT COALESCE(max(change_seq), 0) FROM members), (SELECT COALESCE(max(change_seq), 0) FROM mynumber_master)) AS head`,
    );
    await client.query('COMMIT');
    const merged: ChangeWire[] = [
      ...members.rows.map((r): ChangeWire => ({ seq: Number(r.change_seq), entity: 'member', row: memberFromPg(r) })),
      ...numbers.rows.map((r): ChangeWire => ({ seq: Number(r.change_seq), entity: 'mynumber', row: myNumberFromPg(r) })),
    ].sort((a, b) => a.seq - b.seq);
    const changes = merged.slice(0, limit);
    return {
      changes,
      next: changes.length ? changes[changes.length - 1]!.seq : after,
      more: merged.length > limit,
      head: Number(open.rows[0]!.head),
      openConflicts: Number(open.rows[0]!.n),
    };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
