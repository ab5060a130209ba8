// Both pushes (members/numbers and the directory) keep a losing change the same way: the incoming row
// and the data center's row, once per terminal mutation number, so a retried batch records nothing twice.
import type { PoolClient } from 'pg';

export type RecordedConflict = {
  seq: number;
  entity: string;
  key: string;
  reason: string;
  baseVersion: number;
  serverVersion: number | null;
  incoming: unknown;
  serverRow: unknown;
};

// Fixed table and column names (never from input): member conflicts name the 資格ID.
const TARGETS = {
  members: { table: 'conflicts', keyColumn: 'shikaku_id' },
  directory: { table: 'directory_conflicts', keyColumn: 'key' },
} as const;

export async function recordConflicts(client: PoolClient, target: keyof typeof TARGETS, terminalId: string, conflicts: readonly RecordedConflict[]): Promise<void> {
  if (conflicts.length === 0) return;
  const { table, keyColumn } = TARGETS[target];
  await client.query(
    `INSERT INTO ${table} (terminal_id, mutation_seq, entity, ${keyColumn}, reason, base_version, server_version, incoming, server_row)
     SELECT $1, u.seq, u.entity, u.key, u.reason, u.base, u.server_version, u.incoming::jsonb, u.server_row::jsonb
       FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::text[], $9::text[]) AS u(seq, entity, key, reason, base, server_version, incoming, server_row)
     ON CONFLICT (terminal_id, mutation_seq) DO NOTHING`,
    [
      terminalId, conflicts.map((c) => c.seq), conflicts.map((c) => c.entity), conflicts.map((c) => c.key), conflicts.map((c) => c.reason),
      conflicts.map((c) => c.baseVersion), conflicts.map((c) => c.serverVersion), conflicts.map((c) => JSON.stringify(c.incoming)),
      conflicts.map((c) => (c.serverRow ? JSON.stringify(c.serverRow) : null)),
    ],
  );
}
