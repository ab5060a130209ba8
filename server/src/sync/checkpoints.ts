// AU-2 at the data center: each sync brings the log entries the server has not seen and a checkpoint
// signed with the terminal's certificate key. The server recomputes the chain from its stored head;
// a checkpoint behind what it already holds is a rollback, one that does not extend it is a fork.
// Both are refused and raised as an alert (written even though the sync itself is rolled back).
import { verify, type KeyObject } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { checkpointMessage, type CheckpointWire, type LogEntryWire } from '../../../shared/sync/protocol';
import { GENESIS_HASH, entryHash } from '../audit/chain';

export class LogRefusal extends Error {
  constructor(
    readonly code: 'log_rollback' | 'log_fork' | 'log_chain_broken' | 'bad_signature' | 'invalid_body',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
  /** Tampering signs raise an alert; a merely incomplete request does not. */
  get alerts(): boolean {
    return this.code !== 'invalid_body';
  }
}

type Head = { logId: string | null; seq: number; hash: string };

async function storedHead(client: PoolClient | Pool, terminalId: string): Promise<Head> {
  const r = await client.query<{ log_id: string; seq: string; hash: string }>(
    'SELECT log_id, seq, hash FROM log_entries WHERE terminal_id = $1 ORDER BY seq DESC LIMIT 1',
    [terminalId],
  );
  const c = await client.query<{ log_id: string; seq: string; head: string }>(
    'SELECT log_id, seq, head FROM checkpoints WHERE terminal_id = $1 ORDER BY seq DESC, id DESC LIMIT 1',
    [terminalId],
  );
  const entry = r.rows[0];
  const cp = c.rows[0];
  if (entry) return { logId: entry.log_id, seq: Number(entry.seq), hash: entry.hash };
  if (cp) return { logId: cp.log_id, seq: Number(cp.seq), hash: cp.head };
  return { logId: null, seq: 0, hash: GENESIS_HASH };
}

export async function logState(pool: Pool, terminalId: string): Promise<{ logId: string | null; seq: number }> {
  const head = await storedHead(pool, terminalId);
  return { logId: head.logId, seq: head.seq };
}

/** Checks entries and checkpoint against what the server holds; returns the new head or throws LogRefusal. */
export function checkExtension(head: Head, entries: LogEntryWire[], cp: CheckpointWire): void {
  if (head.logId !== null && head.logId !== cp.logId) throw new LogRefusal('log_fork', `log ${cp.logId} replaces log ${head.logId}`);
  if (cp.seq < head.seq) throw new LogRefusal('log_rollback', `checkpoint at ${cp.seq} is behind the ${head.seq} entries already held`);
  let seq = head.seq;
  let hash = head.hash;
  for (const e of entries) {
    if (e.seq <= head.seq) continue; // already held (a retried sync); the head comparison below catches a change.
    if (e.seq !== seq + 1) throw new LogRefusal('invalid_body', `entry ${e.seq} follows ${seq}`);
    if (e.prevHash !== hash) throw new LogRefusal('log_fork', `entry ${e.seq} does not continue the held chain`);
    if (entryHash(e) !== e.hash) throw new LogRefusal('log_chain_broken', `entry ${e.seq} does not match its hash`);
    seq = e.seq;
    hash = e.hash;
  }
  if (cp.seq === head.seq && cp.head !== head.hash) throw new LogRefusal('log_fork', `checkpoint at ${cp.seq} names a different head`);
  if (cp.seq !== seq) throw new LogRefusal('invalid_body', `checkpoint at ${cp.seq} but entries reach ${seq}`);
  if (cp.head !== hash) throw new LogRefusal('log_fork', `checkpoint head differs from the chain at ${seq}`);
}

export async function acceptLog(pool: Pool, terminalId: string, publicKey: KeyObject, entries: LogEntryWire[], cp: CheckpointWire): Promise<number> {
  try {
    if (!verify(null, Buffer.from(checkpointMessage(cp)), publicKey, Buffer.from(cp.signature, 'base64'))) {
      throw new LogRefusal('bad_signature', 'checkpoint signature does not verify with the terminal certificate');
    }
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`log:${terminalId}`]);
      const head = await storedHead(client, terminalId);
      checkExtension(head, entries, cp);
      const fresh = entries.filter((e) => e.seq > head.seq);
      if (fresh.length) {
        await client.query(
          `INSERT INTO log_entries (terminal_id, log_id, seq, entry, hash)
           SELECT $1, $2, u.seq, u.entry::jsonb, u.hash FROM unnest($3::bigint[], $4::text[], $5::text[]) AS u(seq, entry, hash)`,
          [terminalId, cp.logId, fresh.map((e) => e.seq), fresh.map((e) => JSON.stringify(e)), fresh.map((e) => e.hash)],
        );
      }
      await client.query('INSERT INTO checkpoints (terminal_id, log_id, seq, head, signature) VALUES ($1, $2, $3, $4, $5)', [terminalId, cp.logId, cp.seq, cp.head, cp.signature]);
      await client.query('COMMIT');
      return cp.seq;
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  } catch (e) {
    if (e instanceof LogRefusal && e.alerts) {
      await pool.query('INSERT INTO alerts (terminal_id, kind, detail) VALUES ($1, $2, $3)', [terminalId, e.code, JSON.stringify({ detail: e.detail, checkpoint: { logId: cp.logId, seq: cp.seq, head: cp.head } })]);
    }
    throw e;
  }
}
