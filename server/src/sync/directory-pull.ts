// Directory pull: the same rule as the member pull (pull.ts): rows carry the change_seq of their last
// write, taken under the change lock, and a page is read in ONE REPEATABLE READ snapshot, so the cursor
// it returns never skips a write that a slower transaction could still commit below it.
import type { Pool } from 'pg';
import type { DirectoryChangeWire, DirectoryEntity, DirectoryPullResponse } from '../../../shared/sync/directory';

export async function readDirectoryChanges(pool: Pool, after: number, limit: number): Promise<DirectoryPullResponse> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const rows = await client.query<{ entity: DirectoryEntity; version: number; deleted: number; row: Record<string, unknown>; change_seq: string }>(
      'SELECT entity, version, deleted, row, change_seq FROM directory_rows WHERE change_seq > $1 ORDER BY change_seq LIMIT $2',
      [after, limit + 1],
    );
    const meta = await client.query<{ head: string; n: string }>(
      'SELECT (SELECT COALESCE(max(change_seq), 0) FROM directory_rows) AS head, (SELECT count(*) FROM directory_conflicts WHERE resolved_at IS NULL) AS n',
    );
    await client.query('COMMIT');
    const changes: DirectoryChangeWire[] = rows.rows.slice(0, limit).map((r) => ({ seq: Number(r.change_seq), entity: r.entity, version: r.version, deleted: r.deleted, row: r.row }));
    return {
      changes,
      next: changes.length ? changes[changes.length - 1]!.seq : after,
      more: rows.rows.length > limit,
      head: Number(meta.rows[0]!.head),
      openConflicts: Number(meta.rows[0]!.n),
    };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}
