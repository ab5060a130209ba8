// A person on a terminal resolved a conflict the data center recorded for that terminal: the data
// center marks it resolved (who, when, which version was kept). Only the calling terminal's own
// conflicts are touched (identity from its certificate), and the first report wins, so a terminal
// that lost the reply can send the same resolutions again.
import type { Pool } from 'pg';
import type { ConflictResolutionWire, ConflictsResolvedResponse } from '../../../shared/sync/protocol';

export async function recordResolutions(pool: Pool, terminalId: string, resolutions: ConflictResolutionWire[]): Promise<ConflictsResolvedResponse> {
  const marked = await pool.query<{ mutation_seq: string }>(
    `UPDATE conflicts c SET resolved_at = COALESCE(c.resolved_at, u.at::timestamptz), resolved_by = COALESCE(c.resolved_by, u.by),
            resolution = COALESCE(c.resolution, u.resolution)
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[]) AS u(seq, resolution, by, at)
      WHERE c.terminal_id = $1 AND c.mutation_seq = u.seq
     RETURNING c.mutation_seq`,
    [terminalId, resolutions.map((r) => r.seq), resolutions.map((r) => r.resolution), resolutions.map((r) => r.resolvedBy), resolutions.map((r) => r.resolvedAt)],
  );
  const recorded = new Set(marked.rows.map((r) => Number(r.mutation_seq)));
  const seqs = [...new Set(resolutions.map((r) => r.seq))];
  return { recorded: seqs.filter((s) => recorded.has(s)), unknown: seqs.filter((s) => !recorded.has(s)) };
}
