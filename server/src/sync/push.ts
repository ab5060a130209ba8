// Push: a terminal's numbered mutations, applied in one transaction per batch. Numbers at or below the
// terminal's applied_through are skipped (a retried or duplicated batch is safe), a gap is refused, and
// a stale 更新通番 becomes a recorded conflict while the queue still advances.
import type { Pool, PoolClient } from 'pg';
import type { MemberRowWire, MutationWire, MyNumberRowWire, PushResponse } from '../../../shared/sync/protocol';
import { takeChangeLock } from './change-lock';
import { MEMBER_SELECT, MYNUMBER_SELECT, memberFromPg, myNumberFromPg, upsertMembers, upsertMyNumbers, type MemberPgRow, type MyNumberPgRow } from './rows';
import { recordConflicts } from './conflict-record';

export class SyncRefusal extends Error {
  constructor(
    readonly code: 'sync_gap' | 'invalid_body',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}

type Conflict = PushResponse['conflicts'][number] & { baseVersion: number; incoming: MemberRowWire | MyNumberRowWire; serverRow: MemberRowWire | MyNumberRowWire | null };

/** Decides each fresh mutation against the current rows; pure, so the rules read in one place. */
export function decideMutations(
  fresh: MutationWire[],
  members: Map<string, MemberRowWire>,
  myNumbers: Map<string, MyNumberRowWire>,
  blindHolders: Map<string, string>,
): { members: Map<string, MemberRowWire>; myNumbers: Map<string, MyNumberRowWire>; conflicts: Conflict[] } {
  const memberOut = new Map<string, MemberRowWire>();
  const myNumberOut = new Map<string, MyNumberRowWire>();
  const conflicts: Conflict[] = [];
  for (const m of fresh) {
    if (m.entity === 'member') {
      const current = memberOut.get(m.key) ?? members.get(m.key) ?? null;
      if ((current?.version ?? 0) !== m.baseVersion) {
        conflicts.push({ seq: m.seq, entity: 'member', key: m.key, reason: 'stale_version', serverVersion: current?.version ?? null, baseVersion: m.baseVersion, incoming: m.row, serverRow: current });
        continue;
      }
      memberOut.set(m.key, m.row);
    } else {
      const current = myNumberOut.get(m.key) ?? myNumbers.get(m.key) ?? null;
      if ((current?.koshinTsuban ?? 0) !== m.baseVersion) {
        conflicts.push({ seq: m.seq, entity: 'mynumber', key: m.key, reason: 'stale_version', serverVersion: current?.koshinTsuban ?? null, baseVersion: m.baseVersion, incoming: m.row, serverRow: current });
        continue;
      }
      const live = m.row.sakujoKubun === 0 ? m.row.blindIndex : null;
      const holder = live ? blindHolders.get(live) : undefined;
      if (live && holder !== undefined && holder !== m.key) {
        // One number, one person: two terminals registered the same number offline to different people.
        conflicts.push({ seq: m.seq, entity: 'mynumber', key: m.key, reason: 'mynumber_taken', serverVersion: current?.koshinTsuban ?? null, baseVersion: m.baseVersion, incoming: m.row, serverRow: current });
        continue;
      }
      const before = current && current.sakujoKubun === 0 ? current.blindIndex : null;
      if (before) blindHolders.delete(before);
      if (live) blindHolders.set(live, m.key);
      myNumberOut.set(m.key, m.row);
    }
  }
  return { members: memberOut, myNumbers: myNumberOut, conflicts };
}

/** The recorded conflicts of already-applied mutations, each with the data center's row as it is now. */
async function conflictsAgain(client: PoolClient, terminalId: string, applied: MutationWire[]): Promise<PushResponse['conflicts']> {
  if (applied.length === 0) return [];
  const r = await client.query<{ mutation_seq: string; reason: 'stale_version' | 'mynumber_taken' }>(
    'SELECT mutation_seq, reason FROM conflicts WHERE terminal_id = $1 AND mutation_seq = ANY($2::bigint[]) ORDER BY mutation_seq',
    [terminalId, applied.map((m) => m.seq)],
  );
  if (r.rows.length === 0) return [];
  const bySeq = new Map(applied.map((m) => [m.seq, m]));
  const lost = r.rows.map((row) => ({ m: bySeq.get(Number(row.mutation_seq))!, reason: row.reason }));
  const current = await loadCurrent(client, lost.map((x) => x.m));
  return lost.map(({ m, reason }) => {
    const serverRow = m.entity === 'member' ? (current.members.get(m.key) ?? null) : (current.myNumbers.get(m.key) ?? null);
    const serverVersion = serverRow === null ? null : 'version' in serverRow ? serverRow.version : serverRow.koshinTsuban;
    return { seq: m.seq, entity: m.entity, key: m.key, reason, serverVersion, serverRow };
  });
}

async function loadCurrent(client: PoolClient, fresh: MutationWire[]) {
  const memberKeys = [...new Set(fresh.filter((m) => m.entity === 'member').map((m) => m.key))];
  const numberKeys = [...new Set(fresh.filter((m) => m.entity === 'mynumber').map((m) => m.key))];
  const blinds = [...new Set(fresh.flatMap((m) => (m.entity === 'mynumber' && m.row.blindIndex ? [m.row.blindIndex] : [])))];
  const members = new Map<string, MemberRowWire>();
  const myNumbers = new Map<string, MyNumberRowWire>();
  const blindHolders = new Map<string, string>();
  if (memberKeys.length) {
    const r = await client.query<MemberPgRow>(`SELECT ${MEMBER_SELECT} FROM members WHERE shikaku_id = ANY($1::text[])`, [memberKeys]);
    for (const row of r.rows) members.set(row.shikaku_id, memberFromPg(row));
  }
  if (numberKeys.length) {
    const r = await client.query<MyNumberPgRow>(`SELECT ${MYNUMBER_SELECT} FROM mynumber_master WHERE shikaku_id = ANY($1::text[])`, [numberKeys]);
    for (const row of r.rows) {
      const wire = myNumberFromPg(row);
      myNumbers.set(row.shikaku_id, wire);
      if (wire.sakujoKubun === 0 && wire.blindIndex) blindHolders.set(wire.blindIndex, wire.shikakuId);
    }
  }
  if (blinds.length) {
    const r = await client.query<{ shikaku_id: string; blind: string }>(
      "SELECT shikaku_id, encode(blind_index, 'hex') AS blind FROM mynumber_master WHERE blind_index = ANY(SELECT decode(b, 'hex') FROM unnest($1::text[]) AS b) AND sakujo_kubun = 0",
      [blinds],
    );
    for (const row of r.rows) blindHolders.set(row.blind, row.shikaku_id);
  }
  return { members, myNumbers, blindHolders };
}

export async function applyPush(pool: Pool, terminalId: string, mutations: MutationWire[]): Promise<PushResponse> {
  const sorted = [...mutations].sort((a, b) => a.seq - b.seq);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.seq !== sorted[i - 1]!.seq + 1) throw new SyncRefusal('invalid_body', 'mutation numbers in a batch must be consecutive');
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await takeChangeLock(client);
    await client.query("INSERT INTO terminals (terminal_id) VALUES ($1) ON CONFLICT (terminal_id) DO NOTHING", [terminalId]);
    const t = await client.query<{ applied_through: string }>('SELECT applied_through FROM terminals WHERE terminal_id = $1 FOR UPDATE', [terminalId]);
    const appliedThrough = Number(t.rows[0]!.applied_through);
    const fresh = sorted.filter((m) => m.seq > appliedThrough);
    const skipped = sorted.length - fresh.length;
    if (fresh.length > 0 && fresh[0]!.seq !== appliedThrough + 1) {
      throw new SyncRefusal('sync_gap', `expected mutation ${appliedThrough + 1}, got ${fresh[0]!.seq}`);
    }
    // A resent batch (its reply was lost): the conflicts it made are told again, or the terminal would
    // never show them (the data center keeps them per terminal and mutation number).
    const resent = await conflictsAgain(client, terminalId, sorted.filter((m) => m.seq <= appliedThrough));
    if (fresh.length === 0) {
      await client.query('COMMIT');
      return { appliedThrough, applied: 0, skipped, conflicts: resent };
    }
    const current = await loadCurrent(client, fresh);
    const decided = decideMutations(fresh, current.members, current.myNumbers, current.blindHolders);
    // Members before numbers: change_seq order is the order a new terminal applies them in.
    await upsertMembers(client, [...decided.members.values()]);
    await upsertMyNumbers(client, [...decided.myNumbers.values()]);
    await recordConflicts(client, 'members', terminalId, decided.conflicts);
    await reorderAfterWrites(client, decided.members, decided.myNumbers, decided.conflicts);
    const last = fresh[fresh.length - 1]!.seq;
    await client.query('UPDATE terminals SET applied_through = $2, last_seen_at = now() WHERE terminal_id = $1', [terminalId, last]);
    await client.query('COMMIT');
    return {
      appliedThrough: last,
      applied: fresh.length - decided.conflicts.length,
      skipped,
      conflicts: [...resent, ...decided.conflicts.map(({ seq, entity, key, reason, serverVersion, serverRow }) => ({ seq, entity, key, reason, serverVersion, serverRow }))],
    };
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}


/**
 * Re-serves rows so pulls stay correct: a conflicted row goes out again (the losing terminal shows the
 * data center's version again), and a member written now is followed by its number row, so a new
 * terminal never meets a number whose member it has not received yet.
 */
async function reorderAfterWrites(client: PoolClient, members: Map<string, MemberRowWire>, myNumbers: Map<string, MyNumberRowWire>, conflicts: Conflict[]): Promise<void> {
  const memberTouch = [...new Set(conflicts.filter((c) => c.entity === 'member' && c.serverRow).map((c) => c.key))];
  if (memberTouch.length) await client.query("UPDATE members SET change_seq = nextval('change_seq') WHERE shikaku_id = ANY($1::text[])", [memberTouch]);
  const numberTouch = new Set([...members.keys(), ...memberTouch, ...conflicts.filter((c) => c.entity === 'mynumber' && c.serverRow).map((c) => c.key)]);
  for (const key of myNumbers.keys()) if (!memberTouch.includes(key)) numberTouch.delete(key);
  if (numberTouch.size) await client.query("UPDATE mynumber_master SET change_seq = nextval('change_seq') WHERE shikaku_id = ANY($1::text[])", [[...numberTouch]]);
}
