// AU-3, AU-4: log reviews and contractor maintenance sessions through the router.
import { KuraError } from '../../../shared/errors';
import { looksLikeMyNumber } from '../../../shared/mynumber';
import { listAuditReviews, MaintenanceRecord, recordAuditReview } from '../../core/audit-review';
import type { Handler } from '../router';

/** AU-3: the log never holds a plaintext My Number, and neither do the records beside it (every text field, not only those the router checks). */
function assertNoNumber(field: string, ...texts: string[]): void {
  if (texts.some((t) => looksLikeMyNumber(t))) throw new KuraError('free_text_has_number', { field });
}

export const recordReview: Handler<'audit.recordReview'> = ({ kura, input, subject, now, commit }) => {
  assertNoNumber('所見 findings', input.findings);
  return commit(
    () => recordAuditReview(kura.store.db, kura.audit, { reviewer: subject!.userId, reason: input.reason, from: new Date(input.from), to: new Date(input.to), findings: input.findings }, now),
    (r) => ({
      target: `audit-review-${r.review.id}`,
      detail: { reason: r.review.reason, from: r.review.from, to: r.review.to, entries: r.review.entries, refused: r.review.refused, chainOk: r.review.chainOk },
    }),
  );
};

export const listReviews: Handler<'audit.reviews'> = ({ kura, input }) => ({ reviews: listAuditReviews(kura.store.db, input.limit) });

/** AU-4: start and end of a contractor's session, each an operation-log entry naming the session. */
export const recordMaintenance: Handler<'maintenance.record'> = ({ kura, input, subject, now, commit }) => {
  const record = new MaintenanceRecord(kura.store.db, kura.audit);
  if (input.action === 'start') {
    assertNoNumber('保守作業 maintenance', input.company, input.workers, input.purpose);
    const session = commit(() => record.start({ company: input.company, workers: input.workers, purpose: input.purpose, supervisor: subject!.userId }, now), (s) => ({
      target: s.maintenanceId, detail: { action: 'start', company: s.company, workers: s.workers, purpose: s.purpose },
    }));
    return { session };
  }
  assertNoNumber('保守作業 maintenance', input.summary, ...input.testRuns.flatMap((t) => [t.name, t.note]));
  const session = commit(() => record.end({ maintenanceId: input.maintenanceId, summary: input.summary, testRuns: input.testRuns }, now), (s) => ({
    target: s.maintenanceId,
    detail: { action: 'end', company: s.company, summary: s.summary, startSeq: s.startSeq, endSeq: s.endSeq, testRuns: s.testRuns.map((t) => ({ name: t.name, result: t.result })) },
  }));
  return { session };
};

export const listMaintenance: Handler<'maintenance.list'> = ({ kura, input }) => ({ sessions: new MaintenanceRecord(kura.store.db, kura.audit).list(input.limit) });

export const auditReviewHandlers = {
  'audit.recordReview': recordReview,
  'audit.reviews': listReviews,
  'maintenance.record': recordMaintenance,
  'maintenance.list': listMaintenance,
};
