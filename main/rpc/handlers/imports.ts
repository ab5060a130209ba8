// Employer files through the router: every import step is a channel with its permission and its
// operation-log entry (AU-1). Imports are 適用 work: a user must have declared 適用 (AC-7), and
// confirming needs EDIT there. Nothing here returns a My Number.
import { KuraError } from '../../../shared/errors';
import type { ImportRowView, ImportSessionView } from '../../../shared/rpc/channels/imports';
import type { Subject } from '../../core/access';
import {
  CHECKS,
  ClamAvScanner,
  ENCODING_LABELS,
  ImportService,
  RESULT_LABELS,
  type Actor,
  type CheckCode,
  type Erasure,
  type FileScanner,
  type ImportLimits,
  type ImportProgress,
  type ImportSession,
  type ImportSummary,
  type ReceiptFont,
  type StoredRow,
} from '../../core/imports';
import type { Kura } from '../kura';
import { checkImportSource } from './source-path';
import type { Handler } from '../router';
import type { Connection } from '../session';

export type ImportConfiguration = {
  scanner?: FileScanner;
  limits?: Partial<ImportLimits>;
  receiptFont?: ReceiptFont;
  society?: string;
};

type Imports = { service: ImportService; progress: Map<string, ImportProgress> };
const perKura = new WeakMap<Kura, Imports>();
const configured = new WeakMap<Kura, ImportConfiguration>();
const PROGRESS_KEPT = 50;

/**
 * Sets the scanner and limits for a Kura (the composition root or a test calls it before the first
 * import). Without it, ClamAV runs with the system's definitions (KURA_CLAMAV_DB overrides), and
 * a terminal without definitions refuses every import (MD-5 fails closed).
 */
export function configureImports(kura: Kura, config: ImportConfiguration): void {
  configured.set(kura, config);
  perKura.delete(kura);
}

/** MD-5: the scanner every file read for an import passes through (employer files, linkage files). */
export function importScanner(kura: Kura): FileScanner {
  return configured.get(kura)?.scanner ?? new ClamAvScanner({ databasePath: process.env.KURA_CLAMAV_DB });
}

function importsOf(kura: Kura): Imports {
  let imports = perKura.get(kura);
  if (!imports) {
    const config = configured.get(kura) ?? {};
    const service = new ImportService({
      store: kura.store,
      vault: kura.vault,
      now: kura.now,
      scanner: importScanner(kura),
      limits: config.limits,
      receiptFont: config.receiptFont,
      society: config.society,
    });
    imports = { service, progress: new Map() };
    perKura.set(kura, imports);
    // DP-5: a file whose import finished but whose erasure was interrupted is erased now, once what was
    // registered from it is synced to disk (a crash may have left it in an unsynced WAL).
    const pending = service.pendingErasures();
    if (pending.length > 0 && kura.store.syncNow()) {
      for (const p of pending) recordErasure(kura, service, p.importId, service.eraseSource(p.importId), null, null, 'startup');
    }
  }
  return imports;
}

/** Imports are 適用 (enrolment) work; the router has already checked the permission and the declaration. */
function actorFor(subject: Subject | null): Actor {
  if (!subject || subject.declared !== 'tekiyo') throw new KuraError('business_not_assigned');
  return { userId: subject.userId, business: subject.declared };
}

function tracker(imports: Imports, requestId: string | undefined): ((p: ImportProgress) => void) | undefined {
  if (!requestId) return undefined;
  return (p) => {
    imports.progress.delete(requestId);
    imports.progress.set(requestId, p);
    if (imports.progress.size > PROGRESS_KEPT) imports.progress.delete(imports.progress.keys().next().value!);
  };
}

/** DP-5: the erasure (or why it failed) is its own log entry, after the commit that finished the import. */
function recordErasure(kura: Kura, service: ImportService, importId: string, erasure: Erasure, operator: string | null, business: string | null, origin: Connection['origin'] | 'startup'): Erasure {
  kura.store.transaction(() => {
    if (erasure.deleted) service.markSourceDeleted(importId);
    kura.audit.append({
      operator, terminal: kura.terminalName() ?? '(未設定)', business, event: 'imports.sourceDeleted', target: importId,
      outcome: erasure.deleted ? 'ok' : 'failed', detail: { origin, result: erasure.detail, error: erasure.error ?? null },
    });
  });
  return erasure;
}

const SOURCE_KEPT_UNTIL_SYNCED = '登録はディスクへの書き込みの完了を確認できるまで元ファイルを残しています。次回の起動時に自動で削除されます。';

const erasureView = (e: Erasure): { sourceDeleted: boolean; sourceProblem: string | null } => ({
  sourceDeleted: e.deleted,
  sourceProblem: e.deleted ? null : `元ファイルを削除できませんでした（${e.error ?? e.detail}）。手作業で削除し、システム管理責任者に報告してください。`,
});

function sessionView(s: ImportSession): ImportSessionView {
  return {
    importId: s.importId, kind: s.kind, status: s.status, fileName: s.fileName, format: s.format, encoding: s.encoding,
    encodingLabel: ENCODING_LABELS[s.encoding], counts: s.counts, createdBy: s.createdBy, createdAt: s.createdAt, finishedBy: s.finishedBy,
    finishedAt: s.finishedAt, registeredRows: s.registeredRows, acceptedWarnings: s.acceptedWarnings, sourceDeleted: s.sourceDeletedAt !== null,
  };
}

function rowView(r: StoredRow): ImportRowView {
  return {
    rowNo: r.rowNo, lineNo: r.lineNo, jigyoshoKigo: r.jigyoshoKigo, hihokenshaNo: r.hihokenshaNo, kubun: r.kubun, zokugara: r.zokugara,
    edaban: r.edaban, kanjiName: r.kanjiName, kanaName: r.kanaName, birthDate: r.birthDate, sex: r.sex, gojitsu: r.gojitsu,
    hasNumber: r.hasNumber, mikinyuRiyu: r.mikinyuRiyu, memo: r.memo, remarks: r.remarks, result: r.result, resultLabel: RESULT_LABELS[r.result],
    codes: r.codes, message: r.message, shikakuId: r.shikakuId,
  };
}

function summaryView(s: ImportSummary) {
  return {
    session: sessionView(s.session),
    byCheck: (Object.entries(s.byCheck) as [CheckCode, number][]).map(([code, count]) => ({ code, count, severity: CHECKS[code].severity, ja: CHECKS[code].ja, en: CHECKS[code].en })),
    employers: s.employers,
  };
}

function summaryOf(imports: Imports, importId: string): ImportSummary {
  const summary = imports.service.summary(importId);
  if (!summary) throw new KuraError('import_not_found', { importId });
  return summary;
}

export const previewImport: Handler<'imports.preview'> = async ({ kura, input, subject, commit }) => {
  const actor = actorFor(subject);
  // The source is read, shown and erased after the import (DP-5): it is taken by its real path
  // (symbolic links resolved), must be a regular file, and is never a file of the store itself.
  const source = await checkImportSource(kura, input.path);
  // MD-2: a file on a removable drive is read only from a registered, identified medium.
  if (!source.ok) {
    commit(() => null, { outcome: 'refused', detail: { kind: input.kind, problem: source.problem.code } });
    return { status: 'refused' as const, problem: source.message };
  }
  const realPath = source.path;
  const imports = importsOf(kura);
  const onProgress = tracker(imports, input.requestId);
  const prepared = await imports.service.prepare(realPath, input.kind, actor, onProgress);
  if (prepared.status === 'refused') {
    // MD-5: a finding (or a scan that could not run) stops the import and is logged as a refusal.
    commit(() => null, {
      outcome: 'refused',
      detail: { kind: input.kind, fileName: prepared.fileName, problem: prepared.problem.code, scanner: prepared.scanner, signature: prepared.signature },
    });
    return { status: 'refused' as const, problem: prepared.problem };
  }
  const session = commit(
    () => imports.service.save(prepared, onProgress),
    (s) => ({
      target: s.importId,
      detail: { kind: s.kind, fileName: s.fileName, format: s.format, encoding: s.encoding, digest: s.sourceDigest, scanner: prepared.scanner, ...s.counts },
    }),
  );
  const firstRows = imports.service.rows(session.importId, {}, 0, 100).rows.map(rowView);
  return { status: 'ready' as const, ...summaryView(summaryOf(imports, session.importId)), firstRows };
};

export const importProgress: Handler<'imports.progress'> = ({ kura, input }) => ({ progress: importsOf(kura).progress.get(input.requestId) ?? null });

export const listImports: Handler<'imports.list'> = ({ kura, input, subject, note }) => {
  actorFor(subject);
  const imports = importsOf(kura).service.list(input.limit).map(sessionView);
  note({ detail: { count: imports.length } });
  return { imports };
};

export const getImport: Handler<'imports.get'> = ({ kura, input, subject, note }) => {
  actorFor(subject);
  const summary = summaryView(summaryOf(importsOf(kura), input.importId));
  note({ target: input.importId });
  return summary;
};

export const importRows: Handler<'imports.rows'> = ({ kura, input, subject, note }) => {
  actorFor(subject);
  const imports = importsOf(kura);
  summaryOf(imports, input.importId);
  const check = input.check && Object.hasOwn(CHECKS, input.check) ? (input.check as CheckCode) : undefined;
  if (input.check && !check) throw new KuraError('invalid_input', { fields: 'check' });
  const page = imports.service.rows(input.importId, { results: input.results, check }, input.offset, input.limit);
  note({ target: input.importId, detail: { offset: input.offset, count: page.rows.length, results: input.results ?? null, check: check ?? null } });
  return { total: page.total, rows: page.rows.map(rowView) };
};

/** One transaction registers every accepted row with its log entry; then the source file is erased (DP-5). */
export const confirmImportFile: Handler<'imports.confirm'> = async ({ kura, input, subject, commit, conn }) => {
  const actor = actorFor(subject);
  const imports = importsOf(kura);
  const onProgress = tracker(imports, input.requestId);
  const result = commit(
    () => imports.service.confirm(input.importId, actor, { acceptWarnings: input.acceptWarnings, onProgress }),
    (r) => ({ target: input.importId, detail: { ...r, acceptWarnings: input.acceptWarnings } }),
  );
  // The source file is the other copy of these numbers: it goes only once the registrations are on
  // disk, not just committed (the bulk's checkpoint runs in the background), so no power cut loses both.
  // If it cannot be synced now, the file stays and the next start erases it (pendingErasures above).
  if (!(await kura.store.whenDurable())) return { ...result, sourceDeleted: false, sourceProblem: SOURCE_KEPT_UNTIL_SYNCED };
  const erasure = recordErasure(kura, imports.service, input.importId, imports.service.eraseSource(input.importId), actor.userId, actor.business, conn.origin);
  return { ...result, ...erasureView(erasure) };
};

export const abandonImport: Handler<'imports.abandon'> = ({ kura, input, subject, commit, conn }) => {
  const actor = actorFor(subject);
  const imports = importsOf(kura);
  commit(() => imports.service.abandon(input.importId, actor), { target: input.importId });
  const erasure = recordErasure(kura, imports.service, input.importId, imports.service.eraseSource(input.importId), actor.userId, actor.business, conn.origin);
  return erasureView(erasure);
};

export const importReceipt: Handler<'imports.receipt'> = async ({ kura, input, subject, note }) => {
  actorFor(subject);
  const files = await importsOf(kura).service.writeReceipts(input.importId);
  note({ target: input.importId, detail: { employers: files.length, read: files.reduce((n, f) => n + f.read, 0) } });
  return { files };
};

export const importHandlers = {
  'imports.preview': previewImport,
  'imports.progress': importProgress,
  'imports.list': listImports,
  'imports.get': getImport,
  'imports.rows': importRows,
  'imports.confirm': confirmImportFile,
  'imports.abandon': abandonImport,
  'imports.receipt': importReceipt,
};
