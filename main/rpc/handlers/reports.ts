// DP-4: creator-only reports through the router. The password asked at creation and at opening is the
// creator's login password: it is checked like a login (failures count toward the lockout, AC-5) and
// the report key is derived from it, so no one else (a manager included) can open the file.
import { BUSINESS_LABELS } from '../../../shared/codes';
import { KuraError, toWireError } from '../../../shared/errors';
import { applyLoginOutcome, checkLogin } from '../../core/auth';
import { ReportDesk, type ReportRecord } from '../../core/reports';
import type { Kura } from '../kura';
import type { Call, Handler } from '../router';

const desks = new WeakMap<Kura, ReportDesk>();

export function reportDesk(kura: Kura): ReportDesk {
  let desk = desks.get(kura);
  if (!desk) {
    desk = new ReportDesk({ store: kura.store, audit: kura.audit, members: kura.members, vault: kura.vault, now: kura.now, terminal: () => kura.terminalName() ?? '(未設定)' });
    desks.set(kura, desk);
  }
  return desk;
}

/**
 * DP-4: deletes expired reports (files and records, each logged as report.expired). The Electron shell
 * runs it on a timer; every report channel runs it first, so an expired report is never served.
 */
export function purgeExpiredReports(kura: Kura, operator: string | null = null): number {
  return reportDesk(kura).purgeExpired(operator).length;
}

const summary = (r: ReportRecord) => ({ reportId: r.reportId, kind: r.kind, title: r.title, business: r.business, rows: r.rows, createdAt: r.createdAt, expiresAt: r.expiresAt });

/** Checks the caller's own password without touching last-login; a wrong one counts as a failed login. */
async function checkOwnPassword<C extends 'report.create' | 'report.open'>(call: Call<C>, password: string): Promise<KuraError | null> {
  const { kura, now, conn } = call;
  const userId = call.subject!.userId;
  const checked = await checkLogin(kura.store.db, userId, password, kura.policy.password, now);
  if (checked.ok) return null;
  const outcome = kura.store.transaction(() => applyLoginOutcome(kura.store.db, userId, checked, kura.policy.password, now));
  if (!outcome.ok && outcome.error.code !== 'bad_credentials') {
    conn.end();
    return outcome.error;
  }
  return new KuraError('report_password_wrong');
}

export const createReport: Handler<'report.create'> = async (call) => {
  const { kura, input } = call;
  const subject = call.subject!;
  purgeExpiredReports(kura, subject.userId);
  const wrong = await checkOwnPassword(call, input.password);
  if (wrong) throw wrong;
  const desk = reportDesk(kura);
  const key = await desk.newKey(input.password);
  const record = call.commit(
    () => desk.create({ creator: subject.userId, business: subject.declared!, shikakuIds: input.shikakuIds, key, keepHours: kura.policy.reports.keepHours }),
    (r) => ({ target: r.reportId, detail: { kind: r.kind, rows: r.rows, shikakuIds: [...new Set(input.shikakuIds)], expiresAt: r.expiresAt } }),
  );
  return summary(record);
};

export const openReport: Handler<'report.open'> = async (call) => {
  const { kura, input } = call;
  const subject = call.subject!;
  purgeExpiredReports(kura, subject.userId);
  const refuse = (error: KuraError) => {
    call.commit(() => undefined, { outcome: 'refused', target: input.reportId, detail: { reason: error.code } });
    return { ok: false as const, problem: toWireError(error) };
  };
  const desk = reportDesk(kura);
  const record = desk.find(input.reportId);
  if (!record) return refuse(new KuraError('report_not_found', { reportId: input.reportId }));
  if (record.creator !== subject.userId) return refuse(new KuraError('report_creator_only', { reportId: record.reportId }));
  if (record.business !== subject.declared) {
    return refuse(new KuraError('report_business_mismatch', { reportId: record.reportId, business: BUSINESS_LABELS[record.business].ja }));
  }
  const wrong = await checkOwnPassword(call, input.password);
  if (wrong) return refuse(wrong);
  const opened = await desk.open(record, input.password);
  if (!opened.ok) {
    return refuse(opened.reason === 'wrong_key' ? new KuraError('report_password_changed', { reportId: record.reportId }) : new KuraError('report_not_found', { reportId: record.reportId }));
  }
  call.commit(() => undefined, { target: record.reportId, detail: { rows: opened.lines.length } });
  return { ok: true as const, report: summary(record), lines: opened.lines };
};

export const listReports: Handler<'report.list'> = ({ kura, subject }) => ({ reports: reportDesk(kura).listOwn(subject!.userId).map(summary) });

export const purgeReports: Handler<'report.purgeExpired'> = (call) => {
  const deleted = purgeExpiredReports(call.kura, call.subject!.userId);
  call.note({ detail: { deleted } });
  return { deleted };
};

export const reportHandlers = {
  'report.create': createReport,
  'report.open': openReport,
  'report.list': listReports,
  'report.purgeExpired': purgeReports,
};
