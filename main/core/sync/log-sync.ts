// AU-2: on every sync the operation-log entries the data center lacks go up with a checkpoint signed by
// the terminal certificate key. The data center refuses a checkpoint behind or beside what it holds
// (rollback, fork), so truncating or rewriting the local log is found at the next contact.
import { sign } from 'node:crypto';
import { LOG_MAX_ENTRIES, SYNC_PATHS, checkpointMessage, logPushResponse, logStateResponse, type CheckpointWire, type LogEntryWire } from '../../../shared/sync/protocol';
import { GENESIS_HASH } from '../audit';
import type { Db } from '../store';
import { SyncFailure, failureFrom } from './failure';
import type { SyncIdentity } from './identity';
import { STATE_KEYS, readState } from './state';
import type { SyncTransport } from './transport';

type AuditRaw = {
  seq: number; at: string; operator: string | null; terminal: string; business: string | null; event: string;
  target: string | null; outcome: 'ok' | 'refused' | 'failed'; detail: string; prev_hash: string; hash: string;
};

function toWire(r: AuditRaw): LogEntryWire {
  return {
    seq: r.seq, at: r.at, operator: r.operator, terminal: r.terminal, business: r.business, event: r.event, target: r.target,
    outcome: r.outcome, detail: r.detail, prevHash: r.prev_hash, hash: r.hash,
  };
}

export function signCheckpoint(identity: SyncIdentity, c: Omit<CheckpointWire, 'signature'>): CheckpointWire {
  return { ...c, signature: sign(null, Buffer.from(checkpointMessage(c)), identity.keyPem).toString('base64') };
}

export async function pushLog(db: Db, transport: SyncTransport, identity: SyncIdentity): Promise<number> {
  const logId = readState(db, STATE_KEYS.logId);
  if (!logId) throw new SyncFailure('bad_response', 'sync is not configured');
  const res = await transport.send('GET', SYNC_PATHS.logState);
  if (res.status !== 200) throw failureFrom(res);
  const state = logStateResponse.safeParse(res.body);
  if (!state.success) throw new SyncFailure('bad_response', 'log state');
  // The log is read directly: the audit capability owns writing it, sync only ships what is there.
  const after = db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?');
  const head = (db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined) ?? { seq: 0, hash: GENESIS_HASH };
  let from = Math.min(state.data.seq, head.seq);
  for (;;) {
    const entries = (after.all(from, LOG_MAX_ENTRIES) as AuditRaw[]).map(toWire);
    const last = entries.at(-1);
    // With nothing new, the checkpoint restates the local head: the data center compares it with its own.
    const checkpoint = signCheckpoint(identity, { logId, seq: last?.seq ?? head.seq, head: last?.hash ?? head.hash });
    const sent = await transport.send('POST', SYNC_PATHS.log, { entries, checkpoint });
    if (sent.status !== 200) throw failureFrom(sent);
    const accepted = logPushResponse.safeParse(sent.body);
    if (!accepted.success) throw new SyncFailure('bad_response', 'log');
    if (!last || last.seq >= head.seq) return accepted.data.acceptedThrough;
    from = last.seq;
  }
}
