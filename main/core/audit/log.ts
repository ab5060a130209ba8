// AU-1, AU-2, AU-3: the hash-chained operation log. Entries are written by the caller's transaction,
// so an action and its entry commit together. No entry may hold a plaintext My Number.
import { hash } from 'node:crypto';
import { containsTwelveDigits } from '../../../shared/mynumber';
import type { Db } from '../store';
import { canonicalJson, entryText as sharedEntryText, GENESIS_HASH } from '../../../shared/audit';

export type AuditOutcome = 'ok' | 'refused' | 'failed';

export type AuditRecord = {
  operator: string | null;
  terminal: string;
  business: string | null;
  event: string;
  target: string | null;
  outcome: AuditOutcome;
  detail: Record<string, unknown>;
};

export type AuditRow = AuditRecord & { seq: number; at: string; prevHash: string; hash: string };

export { GENESIS_HASH };

// Fields named one by one: an object spread here was a fifth of an entry's cost in a bulk write.
const entryText = (seq: number, at: string, r: AuditRecord, detailJson: string): string =>
  sharedEntryText({ seq, at, operator: r.operator, terminal: r.terminal, business: r.business, event: r.event, target: r.target, outcome: r.outcome }, detailJson);

// One-shot digest of the same UTF-8 bytes: half the cost of a Hash object per entry (issue 2).
function entryHash(prevHash: string, text: string): string {
  return hash('sha256', `${prevHash}\n${text}`, 'hex');
}

/** Refuses any entry that would put a 12-digit run (a possible My Number) into the log (AU-3, AC-9). */
export function assertNoMyNumber(record: AuditRecord): void {
  assertNoTwelveDigits(canonicalJson(record));
}

/**
 * Machine identifiers that the code itself puts into details (a USB serial, a volume UUID, a digest)
 * may contain 12 digits in a row by nature; they are the only values the scan passes over.
 */
const MACHINE_IDENTIFIER_KEYS = new Set(['serial', 'fsUuid', 'sha256']);

function withoutMachineIdentifiers(detail: Record<string, unknown>): Record<string, unknown> | null {
  if (!Object.keys(detail).some((k) => MACHINE_IDENTIFIER_KEYS.has(k))) return null;
  return Object.fromEntries(Object.entries(detail).filter(([k, v]) => !(MACHINE_IDENTIFIER_KEYS.has(k) && typeof v === 'string')));
}

function assertNoTwelveDigits(text: string): void {
  if (containsTwelveDigits(text)) throw new Error('operation log entry refused: it contains a 12-digit number');
}

export class AuditLog {
  private readonly lastStmt;
  private readonly insertStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.lastStmt = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    this.insertStmt = db.prepare(
      'INSERT INTO audit_log (seq, at, operator, terminal, business, event, target, outcome, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    );
  }

  /** Appends inside the caller's transaction (AU-1: same transaction as the action). */
  append(record: AuditRecord): number {
    const last = this.lastStmt.get() as { seq: number; hash: string } | undefined;
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.hash ?? GENESIS_HASH;
    const at = this.now().toISOString();
    const detailJson = canonicalJson(record.detail);
    const text = entryText(seq, at, record, detailJson);
    const scanned = withoutMachineIdentifiers(record.detail);
    assertNoTwelveDigits(scanned ? entryText(seq, at, record, canonicalJson(scanned)) : text);
    this.insertStmt.run(seq, at, record.operator, record.terminal, record.business, record.event, record.target, record.outcome, detailJson, prevHash, entryHash(prevHash, text));
    return seq;
  }

  recent(limit: number, event?: string): AuditRow[] {
    const rows = (event
      ? this.db.prepare('SELECT * FROM audit_log WHERE event = ? ORDER BY seq DESC LIMIT ?').all(event, limit)
      : this.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?').all(limit)) as RawRow[];
    return rows.map(fromRaw);
  }

  head(): { seq: number; hash: string } {
    const last = this.lastStmt.get() as { seq: number; hash: string } | undefined;
    return last ?? { seq: 0, hash: GENESIS_HASH };
  }

  /** AU-2: recomputes the chain; edits, deletions and reordering break it. Truncation needs checkpoints. */
  verify(): { ok: boolean; entries: number; firstBadSeq: number | null; reason: string | null } {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    let entries = 0;
    for (const raw of this.db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<RawRow>) {
      const row = fromRaw(raw);
      // The stored detail is hashed as stored: re-canonicalising would hide an edit that keeps the meaning.
      const text = entryText(row.seq, row.at, row, raw.detail);
      entries++;
      if (row.seq !== expectedSeq) return { ok: false, entries, firstBadSeq: row.seq, reason: 'sequence gap' };
      if (row.prevHash !== prevHash) return { ok: false, entries, firstBadSeq: row.seq, reason: 'chain broken' };
      if (entryHash(prevHash, text) !== row.hash) return { ok: false, entries, firstBadSeq: row.seq, reason: 'entry altered' };
      prevHash = row.hash;
      expectedSeq++;
    }
    return { ok: true, entries, firstBadSeq: null, reason: null };
  }
}

type RawRow = {
  seq: number; at: string; operator: string | null; terminal: string; business: string | null; event: string;
  target: string | null; outcome: AuditOutcome; detail: string; prev_hash: string; hash: string;
};

function fromRaw(r: RawRow): AuditRow {
  return {
    seq: r.seq, at: r.at, operator: r.operator, terminal: r.terminal, business: r.business, event: r.event,
    target: r.target, outcome: r.outcome, detail: JSON.parse(r.detail) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash,
  };
}
