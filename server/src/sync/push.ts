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

/** What deciding needs of a number row already at the data center (its full row is read only for a conflict). */
export type StoredNumber = Pick<MyNumberRowWire, 'koshinTsuban' | 'sakujoKubun' | 'blindIndex'>;

/**
 * Decides each fresh mutation against the current rows; pure, so the rules read in one place.
 * Issue 14: the data center's rows come in as versions only (a member's version; a number's 更新通番,
 * 削除区分 and blind index): reading and decoding 20,000 whole rows cost a quarter of a batch. A conflict
 * whose server row is the data center's stored one is listed in `storedRows` (its key) and gets that row
 * from `withStoredRows`; one against a row written earlier in the same batch carries that row at once.
 */
export function decideMutations(
  fresh: MutationWire[],
  memberVersions: Map<string, number>,
  myNumbers: Map<string, StoredNumber>,
  blindHolders: Map<string, string>,
): { members: Map<string, MemberRowWire>; myNumbers: Map<string, MyNumberRowWire>; conflicts: Conflict[]; storedRows: { members: Set<string>; myNumbers: Set<string> } } {
  const memberOut = new Map<string, MemberRowWire>();
  const myNumberOut = new Map<string, MyNumberRowWire>();
  const conflicts: Conflict[] = [];
  const storedRows = { members: new Set<string>(), myNumbers: new Set<string>() };
  for (const m of fresh) {
    if (m.entity === 'member') {
      const inBatch = memberOut.get(m.key);
      const version = inBatch ? inBatch.version : (memberVersions.get(m.key) ?? null);
      if ((version ?? 0) !== m.baseVersion) {
        if (!inBatch && version !== null) storedRows.members.add(m.key);
        conflicts.push({ seq: m.seq, entity: 'member', key: m.key, reason: 'stale_version', serverVersion: version, baseVersion: m.baseVersion, incoming: m.row, serverRow: inBatch ?? null });
        continue;
      }
      memberOut.set(m.key, m.row);
    } else {
      const inBatch = myNumberOut.get(m.key);
      const current = inBatch ?? myNumbers.get(m.key) ?? null;
      const lose = (reason: Conflict['reason']): void => {
        if (!inBatch && current) storedRows.myNumbers.add(m.key);
        conflicts.push({ seq: m.seq, entity: 'mynumber', key: m.key, reason, serverVersion: current?.koshinTsuban ?? null, baseVersion: m.baseVersion, incoming: m.row, serverRow: inBatch ?? null });
      };
      if ((current?.koshinTsuban ?? 0) !== m.baseVersion) {
        lose('stale_version');
        continue;
      }
      const live = m.row.sakujoKubun === 0 ? m.row.blindIndex : null;
      const holder = live ? blindHolders.get(live) : undefined;
      if (live && holder !== undefined && holder !== m.key) {
        // One number, one person: two terminals registered the same number offline to different people.
        lose('mynumber_taken');
        continue;
      }
      const before = current && current.sakujoKubun === 0 ? current.blindIndex : null;
      if (before) blindHolders.delete(before);
      if (live) blindHolders.set(live, m.key);
      myNumberOut.set(m.key, m.row);
    }
  }
  return { members: memberOut, myNumbers: myNumberOut, conflicts, storedRows };
}

/** The data center's whole rows for the conflicts that lost against them (read before this batch writes). */
async function withStoredRows(client: PoolClient, conflicts: Conflict[], keys: { members: Set<string>; myNumbers: Set<string> }): Promise<void> {
  if (keys.members.size === 0 && keys.myNumbers.size === 0) return;
  const rows = await loadRows(client, [...keys.members], [...keys.myNumbers]);
  for (const c of conflicts) {
    if (c.serverRow !== null) continue;
    if (c.entity === 'member' && keys.members.has(c.key)) c.serverRow = rows.members.get(c.key) ?? null;
    if (c.entity === 'mynumber' && keys.myNumbers.has(c.key)) c.serverRow = rows.myNumbers.get(c.key) ?? null;
  }
}

async function loadRows(client: PoolClient, memberKeys: string[], numberKeys: string[]): Promise<{ members: Map<string, MemberRowWire>; myNumbers: Map<string, MyNumberRowWire> }> {
  const members = new Map<string, MemberRowWire>();
  const myNumbers = new Map<string, MyNumberRowWire>();
  if (memberKeys.length) {
    const r = await client.query<MemberPgRow>(`SELECT ${MEMBER_SELECT} FROM members WHERE shikaku_id = ANY($1::text[])`, [memberKeys]);
    for (const row of r.rows) members.set(row.shikaku_id, memberFromPg(row));
  }
  if (numberKeys.length) {
    const r = await client.query<MyNumberPgRow>(`SELECT ${MYNUMBER_SELECT} FROM mynumber_master WHERE shikaku_id = ANY($1::text[])`, [numberKeys]);
    for (const row of r.rows) myNumbers.set(row.shikaku_id, myNumberFromPg(row));
  }
  return { members, myNumbers };
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
  const current = await loadRows(client, lost.filter((x) => x.m.entity === 'member').map((x) => x.m.key), lost.filter((x) => x.m.entity === 'mynumber').map((x) => x.m.key));
  return lost.map(({ m, reason }) => {
    const serverRow = m.entity === 'member' ? (current.members.get(m.key) ?? null) : (current.myNumbers.get(m.key) ?? null);
    const serverVersion = serverRow === null ? null : 'version' in serverRow ? serverRow.version : serverRow.koshinTsuban;
    return { seq: m.seq, entity: m.entity, key: m.key, reason, serverVersion, serverRow };
  });
}

/** The versions the batch is decided against (issue 14: the deciding columns only, by named statements). */
async function loadCurrent(client: PoolClient, fresh: MutationWire[]) {
  const memberKeys = [...new Set(fresh.filter((m) => m.entity === 'member').map((m) => m.key))];
  const numberKeys = [...new Set(fresh.filter((m) => m.entity === 'mynumber').map((m) => m.key))];
  const blinds = [...new Set(fresh.flatMap((m) => (m.entity === 'mynumber' && m.row.blindIndex ? [m.row.blindIndex] : [])))];
  const memberVersions = new Map<string, number>();
  const myNumbers = new Map<string, StoredNumber>();
  const blindHolders = new Map<string, string>();
  if (memberKeys.length) {
    const r = await client.query<{ shikaku_id: string; version: number }>({
      name: 'kura_push_member_versions',
      text: 'SELECT shikaku_id, version FROM members WHERE shikaku_id = ANY($1::text[])',
      values: [memberKeys],
    });
    for (const row of r.rows) memberVersions.set(row.shikaku_id, row.version);
  }
  if (numberKeys.length) {
    const r = await client.query<{ shikaku_id: string; koshin_tsuban: number; sakujo_kubun: number; blind_index: string | null }>({
      name: 'kura_push_number_versions',
      text: "SELECT shikaku_id, koshin_tsuban, sakujo_kubun, encode(blind_index, 'hex') AS blind_index FROM mynumber_master WHERE shikaku_id = ANY($1::text[])",
      values: [numberKeys],
    });
    for (const row of r.rows) {
      myNumbers.set(row.shikaku_id, { koshinTsuban: row.koshin_tsuban, sakujoKubun: row.sakujo_kubun, blindIndex: row.blind_index });
      if (row.sakujo_kubun === 0 && row.blind_index) blindHolders.set(row.blind_index, row.shikaku_id);
    }
  }
  if (blinds.length) {
    const r = await client.query<{ shikaku_id: string; blind: string }>({
      name: 'kura_push_blind_holders',
      text: "SELECT shikaku_id, encode(blind_index, 'hex') AS blind FROM mynumber_master WHERE blind_index = ANY(SELECT decode(b, 'hex') FROM unnest($1::text[]) AS b) AND sakujo_kubun = 0",
      values: [blinds],
    });
    for (const row of r.rows) blindHolders.set(row.blind, row.shikaku_id);
  }
  return { memberVersions, myNumbers, blindHolders };
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
    const decided = decideMutations(fresh, current.memberVersions, current.myNumbers, current.blindHolders);
    await withStoredRows(client, decided.conflicts, decided.storedRows);
    // Members before numbers: change_seq order is the order a new terminal applies them in. The number
    // row of a member written now (unless the batch writes that number too) moves behind it in the same
    // statement (issue 14: one pass over the batch's keys, not a second statement and array).
    await upsertMembers(client, [...decided.members.values()], { resequenceNumbersExcept: [...decided.myNumbers.keys()] });
    await upsertMyNumbers(client, [...decided.myNumbers.values()]);
    await recordConflicts(client, 'members', terminalId, decided.conflicts);
    await reorderAfterWrites(client, decided.myNumbers, decided.conflicts);
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
 * data center's version again), and its number row follows a re-served member, so a new terminal never
 * meets a number whose member it has not received yet (the numbers of the members written now were
 * moved behind them by upsertMembers).
 */
async function reorderAfterWrites(client: PoolClient, myNumbers: Map<string, MyNumberRowWire>, conflicts: Conflict[]): Promise<void> {
  const memberTouch = new Set(conflicts.filter((c) => c.entity === 'member' && c.serverRow).map((c) => c.key));
  if (memberTouch.size) await client.query("UPDATE members SET change_seq = nextval('change_seq') WHERE shikaku_id = ANY($1::text[])", [[...memberTouch]]);
  const numberTouch = new Set([...memberTouch, ...conflicts.filter((c) => c.entity === 'mynumber' && c.serverRow).map((c) => c.key)]);
  // A number written by this batch already has a fresh change_seq, unless its member was re-served after it.
  for (const key of myNumbers.keys()) if (!memberTouch.has(key)) numberTouch.delete(key);
  if (numberTouch.size) await client.query("UPDATE mynumber_master SET change_seq = nextval('change_seq') WHERE shikaku_id = ANY($1::text[])", [[...numberTouch]]);
}
