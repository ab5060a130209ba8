// RT-1..RT-5 through the router. The day is the clock's (kura.now) Japan date, so a purge run and its
// dry run agree, and tests can name the day.
import { decide } from '../../core/access';
import { japanDate } from '../../core/kernel';
import { cancelQualificationRefusal, confirmQualificationRefusal, pendingRefusals, previewRetention, purgeExpired, recordQualificationRefusal } from '../../core/retention';
import type { Handler } from '../router';

/** RT-5: the dry run reads only; its log entry says how many would go, not which numbers. */
export const previewPurge: Handler<'retention.preview'> = ({ kura, input, now, note }) => {
  const plan = previewRetention(kura.store.db, kura.policy.retention, japanDate(now), input.limit);
  const listed = [plan.myNumbers, plan.refusals, ...plan.records];
  note({ detail: { asOf: plan.asOf, myNumbers: plan.myNumbers.count, refusals: plan.refusals.count, records: plan.records.map((r) => ({ label: r.label, count: r.count })) } });
  return { ...plan, truncated: listed.some((l) => l.count > l.targets.length) };
};

/**
 * RT-1, RT-4, RT-5: the purge, in one transaction with its log: one entry for the run (counts) and
 * one per erased or deleted record (its 資格ID or 枝番 as target, never a number).
 */
export const runPurge: Handler<'retention.run'> = ({ kura, now, subject, commit }) => {
  const today = japanDate(now);
  const entry = (event: string, target: string | null, detail: Record<string, unknown>) =>
    kura.audit.append({ operator: subject?.userId ?? null, terminal: kura.terminalName() ?? '(未設定)', business: subject?.declared ?? null, event, target, outcome: 'ok', detail });
  const plan = commit(
    () => {
      const done = purgeExpired(kura.store.db, kura.policy.retention, today, now.toISOString());
      for (const t of done.myNumbers.targets) entry('retention.purge.mynumber', t.shikakuId, { rule: 'RT-1', soshitsuDate: t.soshitsuDate, expiredOn: t.expiredOn });
      for (const t of done.refusals.targets) entry('retention.purge.mynumber', t.shikakuId, { rule: 'RT-4', refusedOn: t.refusedOn });
      for (const r of done.records) for (const t of r.targets) entry('retention.purge.record', t.subject, { rule: r.kind === 'joho_teikyo' ? 'RT-2' : 'RT-3', label: r.label, date: t.date });
      return done;
    },
    (done) => ({
      detail: {
        asOf: done.asOf,
        myNumbers: done.myNumbers.count,
        refusals: done.refusals.count,
        records: done.records.map((r) => ({ label: r.label, present: r.present, count: r.count })),
      },
    }),
  );
  return {
    asOf: plan.asOf,
    myNumbers: plan.myNumbers.count,
    refusals: plan.refusals.count,
    records: plan.records.map((r) => ({ label: r.label, present: r.present, count: r.count })),
  };
};

/** RT-4, first person: the refusal waits for a manager; nothing is erased here. */
export const recordRefusal: Handler<'retention.recordRefusal'> = ({ kura, input, now, subject, commit }) =>
  commit(() => recordQualificationRefusal(kura.store.db, input, subject!.userId, now.toISOString()), (r) => ({ target: r.shikakuId, detail: { refusedOn: r.refusedOn, status: 'pending' } }));

/** RT-4: what waits for a second person; an EDIT clerk in a declared business or a manager may look. */
export const listPendingRefusals: Handler<'retention.pendingRefusals'> = ({ kura, input, subject, require, note }) => {
  if (!decide(subject!, 'retention.confirm').allowed) require('retention.refusal');
  const refusals = pendingRefusals(kura.store.db, input.limit);
  note({ detail: { pending: refusals.length } });
  return { refusals };
};

/** RT-4, second person: a manager other than the recorder (and not the recorder's stand-in maker) confirms; the number is erased with it. */
export const confirmRefusal: Handler<'retention.confirmRefusal'> = ({ kura, input, now, subject, commit }) => {
  const done = commit(
    () => confirmQualificationRefusal(kura.store.db, input.shikakuId, subject!.userId, now.toISOString()),
    (r) => ({ target: input.shikakuId, detail: { recordedBy: r.refusal.recordedBy, refusedOn: r.refusal.refusedOn, erased: r.erased } }),
  );
  return { shikakuId: input.shikakuId, erased: done.erased };
};

/** RT-4: the recorder withdraws their own pending refusal, or a manager withdraws any; logged with the reason. */
export const cancelRefusal: Handler<'retention.cancelRefusal'> = ({ kura, input, now, subject, require, commit }) => {
  const manager = decide(subject!, 'retention.confirm').allowed;
  if (!manager) require('retention.refusal');
  commit(
    () => cancelQualificationRefusal(kura.store.db, input.shikakuId, subject!.userId, input.reason, now.toISOString(), manager),
    (r) => ({ target: input.shikakuId, detail: { recordedBy: r.recordedBy, refusedOn: r.refusedOn, reason: input.reason } }),
  );
  return { shikakuId: input.shikakuId };
};

export const retentionHandlers = {
  'retention.preview': previewPurge,
  'retention.run': runPurge,
  'retention.recordRefusal': recordRefusal,
  'retention.pendingRefusals': listPendingRefusals,
  'retention.confirmRefusal': confirmRefusal,
  'retention.cancelRefusal': cancelRefusal,
};
