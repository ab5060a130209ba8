// Directory push (AC-4): a terminal's numbered changes to users, roles, password history, grants and
// the media ledger, applied in one transaction per batch. Numbers at or below the terminal's
// directory_applied_through are skipped (a retried or duplicated batch is safe), a gap is refused, and
// a stale version or a duplicate employee number / live device serial becomes a recorded conflict:
// the data center keeps its row and the queue still advances (one bad record never blocks it).
import type { Pool, PoolClient } from 'pg';
import { DIRECTORY_ENTITIES, directoryKey, tableSpec, type DirectoryEntity, type DirectoryMutationWire, type DirectoryPushResponse } from '../../../shared/sync/directory';
import { takeChangeLock } from './change-lock';
import { SyncRefusal } from './push';
import { recordConflicts } from './conflict-record';

type Stored = { version: number; deleted: number; row: Record<string, unknown>; changeSeq: number };
type Conflict = DirectoryPushResponse['conflicts'][number] & { baseVersion: number; incoming: Record<string, unknown>; serverRow: Record<string, unknown> | null };
type Write = { entity: DirectoryEntity; key: string; version: number; deleted: number; row: Record<string, unknown>; position: number };

const id = (entity: string, key: string): string => `${entity}\u001f${key}`;

/** What makes a row unique beyond its key: one user per employee number, one live medium per serial. */
function uniqueClaim(entity: DirectoryEntity, deleted: number, row: Record<string, unknown>): string | null {
  if (deleted) return null;
  if (entity === 'user') return `employee_no\u001f${String(row.employee_no)}`;
  if (entity === 'medium' && row.status === 'active') return `serial\u001f${String(row.serial)}`;
  return null;
}

/** The data center's row with the incoming deactivation applied, or null when it brings none. */
function withDeactivation(entity: DirectoryEntity, server: Record<string, unknown>, incoming: Record<string, unknown>): Record<string, unknown> | null {
  const columns =
    entity === 'user' ? (['disabled_at', 'retired_on'] as const).filter((c) => incoming[c] != null && server[c] == null) : [];
  const medium =
    entity === 'medium' && incoming.status !== 'active' && server.status === 'active'
      ? ['status', 'revoked_by', 'revoked_at', 'revoke_reason', 'disposed_by', 'disposed_at']
      : [];
  const taken = [...columns, ...medium];
  if (taken.length === 0) return null;
  return { ...server, ...Object.fromEntries(taken.map((c) => [c, incoming[c] ?? null])) };
}

/**
 * AC-3 at the data center: a level above NONE comes from an active manager (the data center's own
 * rows, not the terminal's word) who is not the grantee and neither created the grantee's ID nor set
 * its current password. A terminal certificate alone cannot hand out levels.
 */
function grantAuthorised(row: Record<string, unknown>, find: (ref: string) => Pick<Stored, 'deleted' | 'row'> | undefined): boolean {
  if (row.level === 'NONE') return true;
  const grantor = typeof row.granted_by === 'string' ? row.granted_by : null;
  if (!grantor || grantor === row.user_id) return false;
  const user = find(id('user', directoryKey('user', { user_id: grantor })));
  const role = find(id('user_role', directoryKey('user_role', { user_id: grantor, role: 'manager' })));
  const grantee = find(id('user', directoryKey('user', { user_id: row.user_id })));
  if (!user || user.deleted || user.row.disabled_at != null || !role || role.deleted) return false;
  return grantee !== undefined && grantee.row.created_by !== grantor && grantee.row.password_set_by !== grantor;
}

/** Decides each fresh mutation against the current rows; pure, so the rules read in one place. */
export function decideDirectory(
  fresh: readonly DirectoryMutationWire[],
  current: ReadonlyMap<string, Stored>,
  claims: Map<string, string>,
): { writes: Map<string, Write>; conflicts: Conflict[] } {
  const writes = new Map<string, Write>();
  const conflicts: Conflict[] = [];
  fresh.forEach((m, position) => {
    const key = directoryKey(m.entity, m.row);
    const ref = id(m.entity, key);
    const now = writes.get(ref) ?? current.get(ref) ?? null;
    const serverVersion = now?.version ?? null;
    const conflict = (reason: Conflict['reason']) =>
      conflicts.push({ seq: m.seq, entity: m.entity, key, reason, serverVersion, baseVersion: m.baseVersion, incoming: m.row, serverRow: now?.row ?? null });
    if ((serverVersion ?? 0) !== m.baseVersion) {
      // A deactivation (disabled, retired, medium revoked or disposed) is never lost to a concurrent
      // edit: it is merged into the data center's row, and the rest of the change is the conflict.
      const merged = now && !now.deleted ? withDeactivation(m.entity, now.row, m.row) : null;
      if (merged) writes.set(ref, { entity: m.entity, key, version: now!.version + 1, deleted: 0, row: merged, position });
      return conflict('stale_version');
    }
    if (m.deleted && (m.entity === 'user' || m.entity === 'medium')) return conflict('not_allowed');
    if (m.entity === 'grant' && !m.deleted && !grantAuthorised(m.row, (r) => writes.get(r) ?? current.get(r))) return conflict('unauthorised');
    const parentEntity = tableSpec(m.entity).childOf;
    if (parentEntity && !m.deleted) {
      const parentRef = id(parentEntity, directoryKey(parentEntity, m.row));
      const parent = writes.get(parentRef) ?? current.get(parentRef);
      if (!parent || parent.deleted) return conflict('missing_parent');
    }
    const claim = uniqueClaim(m.entity, m.deleted, m.row);
    const holder = claim ? claims.get(claim) : undefined;
    if (claim && holder !== undefined && holder !== ref) return conflict('duplicate');
    const before = now ? uniqueClaim(m.entity, now.deleted, now.row) : null;
    if (before && claims.get(before) === ref) claims.delete(before);
    if (claim) claims.set(claim, ref);
    writes.set(ref, { entity: m.entity, key, version: m.baseVersion + 1, deleted: m.deleted, row: m.row, position });
  });
  return { writes, conflicts };
}

async function loadCurrent(client: PoolClient, fresh: readonly DirectoryMutationWire[]): Promise<{ current: Map<string, Stored>; claims: Map<string, string> }> {
  // The rows themselves, and the users their children hang on (a child needs its user held here).
  const wanted = fresh.flatMap((m) => {
    const parent = tableSpec(m.entity).childOf;
    const own = [m.entity, directoryKey(m.entity, m.row)] as const;
    const rows: (readonly [DirectoryEntity, string])[] = parent ? [own, [parent, directoryKey(parent, m.row)] as const] : [own];
    // A grant is judged on its grantor's user row and manager role (grantAuthorised).
    if (m.entity === 'grant' && typeof m.row.granted_by === 'string') {
      rows.push(['user', directoryKey('user', { user_id: m.row.granted_by })], ['user_role', directoryKey('user_role', { user_id: m.row.granted_by, role: 'manager' })]);
    }
    return rows;
  });
  const refs = [...new Map(wanted.map(([entity, key]) => [id(entity, key), [entity, key] as const])).values()];
  const current = new Map<string, Stored>();
  const r = await client.query<{ entity: string; key: string; version: number; deleted: number; row: Record<string, unknown>; change_seq: string }>(
    'SELECT d.entity, d.key, d.version, d.deleted, d.row, d.change_seq FROM directory_rows d JOIN unnest($1::text[], $2::text[]) AS u(entity, key) ON d.entity = u.entity AND d.key = u.key',
    [refs.map((x) => x[0]), refs.map((x) => x[1])],
  );
  for (const row of r.rows) current.set(id(row.entity, row.key), { version: row.version, deleted: row.deleted, row: row.row, changeSeq: Number(row.change_seq) });
  const claims = new Map<string, string>();
  const employeeNos = [...new Set(fresh.filter((m) => m.entity === 'user').map((m) => String(m.row.employee_no)))];
  const serials = [...new Set(fresh.filter((m) => m.entity === 'medium').map((m) => String(m.row.serial)))];
  if (employeeNos.length) {
    const q = await client.query<{ key: string; v: string }>("SELECT key, row->>'employee_no' AS v FROM directory_rows WHERE entity = 'user' AND deleted = 0 AND row->>'employee_no' = ANY($1::text[])", [employeeNos]);
    for (const row of q.rows) claims.set(`employee_no\u001f${row.v}`, id('user', row.key));
  }
  if (serials.length) {
    const q = await client.query<{ key: string; v: string }>(
      "SELECT key, row->>'serial' AS v FROM directory_rows WHERE entity = 'medium' AND deleted = 0 AND row->>'status' = 'active' AND row->>'serial' = ANY($1::text[])",
      [serials],
    );
    for (const row of q.rows) claims.set(`serial\u001f${row.v}`, id('medium', row.key));
  }
  return { current, claims };
}

export async function applyDirectoryPush(pool: Pool, terminalId: string, mutations: readonly DirectoryMutationWire[]): Promise<DirectoryPushResponse> {
  const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.seq !== sorted[i - 1]!.seq + 1) throw new SyncRefusal('invalid_body', 'directory mutation numbers in a batch must be consecutive');
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await takeChangeLock(client);
    await client.query('INSERT INTO terminals (terminal_id) VALUES ($1) ON CONFLICT (terminal_id) DO NOTHING', [terminalId]);
    const t = await client.query<{ n: string }>('SELECT directory_applied_through AS n FROM terminals WHERE terminal_id = $1 FOR UPDATE', [terminalId]);
    const appliedThrough = Number(t.rows[0]!.n);
    const fresh = sorted.filter((m) => m.seq > appliedThrough);
    const skipped = sorted.length - fresh.length;
    if (fresh.length > 0 && fresh[0]!.seq !== appliedThrough + 1) {
      throw new SyncRefusal('sync_gap', `expected directory mutation ${appliedThrough + 1}, got ${fresh[0]!.seq}`);
    }
    if (fresh.length === 0) {
      await client.query('COMMIT');
      return { appliedThrough, applied: 0, skipped, conflicts: [] };
    }
    const { current, claims } = await loadCurrent(client, fresh);
    const decided = decideDirectory(fresh, current, claims);
    const writes = [...decided.writes.values()];
    if (writes.length) {
      await client.query(
        `INSERT INTO directory_rows (entity, key, version, deleted, row, change_seq, written_by)
         SELECT u.entity, u.key, u.version, u.deleted, u.row::jsonb, 0, $6 FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[]) AS u(entity, key, version, deleted, row)
         ON CONFLICT (entity, key) DO UPDATE SET version = EXCLUDED.version, deleted = EXCLUDED.deleted, row = EXCLUDED.row, written_by = EXCLUDED.written_by, written_at = now()`,
        [writes.map((w) => w.entity), writes.map((w) => w.key), writes.map((w) => w.version), writes.map((w) => w.deleted), writes.map((w) => JSON.stringify(w.row)), terminalId],
      );
    }
    await recordConflicts(client, 'directory', terminalId, decided.conflicts);
    await renumber(client, writes, decided.conflicts, current);
    const last = fresh[fresh.length - 1]!.seq;
    await client.query('UPDATE terminals SET directory_applied_through = $2, last_seen_at = now() WHERE terminal_id = $1', [terminalId, last]);
    await client.query('COMMIT');
    return {
      appliedThrough: last,
      applied: fresh.length - decided.conflicts.length,
      skipped,
      conflicts: decided.conflicts.map(({ seq, entity, key, reason, serverVersion }) => ({ seq, entity, key, reason, serverVersion })),
    };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}


/**
 * Gives the rows of this batch their change numbers, parents first (signing keys, users, then the rows
 * pointing at a user, then media), so a new terminal pulling from zero never meets a grant before its
 * user. A user rewritten now is followed again by its roles, password history and grants; a row that
 * won a conflict goes out again so the losing terminal shows the data center's version. Within an
 * entity the original order is kept (a later grant of the same day stays later).
 */
async function renumber(client: PoolClient, writes: Write[], conflicts: Conflict[], current: ReadonlyMap<string, Stored>): Promise<void> {
  const written = new Set(writes.map((w) => id(w.entity, w.key)));
  const again = new Map<string, { entity: DirectoryEntity; key: string; changeSeq: number }>();
  for (const c of conflicts) {
    const ref = id(c.entity, c.key);
    const stored = current.get(ref);
    if (stored && !written.has(ref)) again.set(ref, { entity: c.entity, key: c.key, changeSeq: stored.changeSeq });
  }
  const users = [...writes.filter((w) => w.entity === 'user').map((w) => w.row.user_id), ...[...again.values()].filter((a) => a.entity === 'user').map((a) => current.get(id(a.entity, a.key))!.row.user_id)];
  if (users.length) {
    const children = DIRECTORY_ENTITIES.filter((e) => tableSpec(e).childOf === 'user');
    const r = await client.query<{ entity: DirectoryEntity; key: string; change_seq: string }>(
      "SELECT entity, key, change_seq FROM directory_rows WHERE entity = ANY($1::text[]) AND row->>'user_id' = ANY($2::text[])",
      [children, users.map(String)],
    );
    for (const row of r.rows) {
      const ref = id(row.entity, row.key);
      if (!written.has(ref)) again.set(ref, { entity: row.entity, key: row.key, changeSeq: Number(row.change_seq) });
    }
  }
  const order: { entity: DirectoryEntity; key: string }[] = [];
  for (const e of DIRECTORY_ENTITIES) {
    order.push(...[...again.values()].filter((a) => a.entity === e).sort((a, b) => a.changeSeq - b.changeSeq));
    order.push(...writes.filter((w) => w.entity === e).sort((a, b) => a.position - b.position));
  }
  if (order.length === 0) return;
  // Consecutive numbers (the change lock is held), handed out in the order decided here.
  const n = await client.query<{ n: string }>("SELECT nextval('change_seq') AS n FROM generate_series(1, $1)", [order.length]);
  const seqs = n.rows.map((r) => Number(r.n)).sort((a, b) => a - b);
  await client.query(
    'UPDATE directory_rows d SET change_seq = u.seq FROM unnest($1::text[], $2::text[], $3::bigint[]) AS u(entity, key, seq) WHERE d.entity = u.entity AND d.key = u.key',
    [order.map((o) => o.entity), order.map((o) => o.key), seqs],
  );
}
