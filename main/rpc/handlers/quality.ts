// DQ-3, DQ-4, DQ-5 through the router; every call is logged against the record it concerns.
import { confirmLink, dependantChecksDue, linkCandidates, linkedHistory, markRegistrationsSent, pendingRegistrations, recordDependantCheck } from '../../core/quality';
import type { Handler } from '../router';

export const findLinkCandidates: Handler<'quality.linkCandidates'> = ({ kura, input, note }) => {
  const candidates = linkCandidates(kura.store.db, input.shikakuId);
  note({ target: input.shikakuId, detail: { candidates: candidates.length } });
  return { candidates };
};

export const linkRecords: Handler<'quality.link'> = ({ kura, input, now, subject, commit }) =>
  commit(
    () => confirmLink(kura.store.db, input, subject!.userId, now.toISOString()),
    (r) => ({ target: input.laterShikakuId, detail: { earlier: input.earlierShikakuId, reason: input.reason, numberMatch: r.numberMatch } }),
  );

export const linkHistory: Handler<'quality.history'> = ({ kura, input, note }) => {
  const records = linkedHistory(kura.store.db, input.shikakuId);
  note({ target: input.shikakuId, detail: { records: records.length } });
  return { records };
};

export const checksDue: Handler<'quality.checksDue'> = ({ kura, input, note }) => {
  const due = dependantChecksDue(kura.store.db, input.year, input.limit);
  note({ detail: { year: input.year, total: due.total, checked: due.checked } });
  return due;
};

export const recordCheck: Handler<'quality.recordCheck'> = ({ kura, input, now, subject, commit }) =>
  commit(
    () => recordDependantCheck(kura.store.db, input, subject!.userId, now.toISOString()),
    (r) => ({ target: input.shikakuId, detail: { year: input.year, result: input.result, corrected: r.corrected } }),
  );

export const queuePending: Handler<'quality.queuePending'> = ({ kura, input, note }) => {
  const pending = pendingRegistrations(kura.store.db, input.limit);
  note({ detail: { total: pending.total, listed: pending.items.length } });
  return pending;
};

export const queueMarkSent: Handler<'quality.queueMarkSent'> = ({ kura, input, now, subject, commit }) =>
  commit(
    () => markRegistrationsSent(kura.store.db, input.seqs, subject!.userId, now.toISOString()),
    (r) => ({ detail: { marked: r.marked, skipped: r.skipped, first: Math.min(...input.seqs), last: Math.max(...input.seqs) } }),
  );

export const qualityHandlers = {
  'quality.linkCandidates': findLinkCandidates,
  'quality.link': linkRecords,
  'quality.history': linkHistory,
  'quality.checksDue': checksDue,
  'quality.recordCheck': recordCheck,
  'quality.queuePending': queuePending,
  'quality.queueMarkSent': queueMarkSent,
};
