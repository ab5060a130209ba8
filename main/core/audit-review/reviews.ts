// AU-3: administrators review the operation log periodically or on an incident, and each review is
// recorded: the period looked at, what the log held in it, whether the hash chain verified, findings.
import { KuraError } from '../../../shared/errors';
import type { AuditLog } from '../audit';
import type { Db } from '../store';

export type ReviewReason = 'periodic' | 'incident';
export type EventCount = { event: string; ok: number; refused: number; failed: number };
export type AuditReview = {
  id: number; reviewer: string; reviewedAt: string; reason: ReviewReason; from: string; to: string;
  entries: number; refused: number; chainOk: boolean; findings: string;
};

type Row = {
  id: number; reviewer: string; reviewed_at: string; reason: ReviewReason; range_from: string; range_to: string;
  entries: number; refused: number; chain_ok: number; findings: string;
};
const fromRow = (r: Row): AuditReview => ({
  id: r.id, reviewer: r.reviewer, reviewedAt: r.reviewed_at, reason: r.reason, from: r.range_from, to: r.range_to,
  entries: r.entries, refused: r.refused, chainOk: r.chain_ok === 1, findings: r.findings,
});

/**
 * What the log holds between from and to, by event and outcome: the reviewer's starting point.
 * Read-only over audit_log (the audit capability owns it and offers no range summary yet).
 */
export function summarizeLog(db: Db, from: string, to: string): EventCount[] {
  return db
    .prepare(
      `SELECT event,
              SUM(outcome = 'ok') AS ok, SUM(outcome = 'refused') AS refused, SUM(outcome = 'failed') AS failed
         FROM audit_log WHERE at >= ? AND at <= ? GROUP BY event ORDER BY event`,
    )
    .all(from, to) as EventCount[];
}

/** Inside the caller's transaction, with its log entry. The range must be ordered and not in the future. */
export function recordAuditReview(
  db: Db, audit: AuditLog,
  input: { reviewer: string; reason: ReviewReason; from: Date; to: Date; findings: string }, at: Date,
): { review: AuditReview; events: EventCount[] } {
  if (!(input.from.getTime() < input.to.getTime()) || input.to.getTime() > at.getTime()) throw new KuraError('review_range_invalid');
  const from = input.from.toISOString();
  const to = input.to.toISOString();
  const events = summarizeLog(db, from, to);
  const entries = events.reduce((n, e) => n + e.ok + e.refused + e.failed, 0);
  const refused = events.reduce((n, e) => n + e.refused, 0);
  const chainOk = audit.verify().ok;
  const info = db
    .prepare('INSERT INTO audit_reviews (reviewer, reviewed_at, reason, range_from, range_to, entries, refused, chain_ok, findings) VALUES (?,?,?,?,?,?,?,?,?)')
    .run(input.reviewer, at.toISOString(), input.reason, from, to, entries, refused, chainOk ? 1 : 0, input.findings);
  const review = fromRow(db.prepare('SELECT * FROM audit_reviews WHERE id = ?').get(Number(info.lastInsertRowid)) as Row);
  return { review, events };
}

export function listAuditReviews(db: Db, limit: number): AuditReview[] {
  return (db.prepare('SELECT * FROM audit_reviews ORDER BY id DESC LIMIT ?').all(limit) as Row[]).map(fromRow);
}
