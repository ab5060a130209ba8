// The import flow: scan (MD-5) → read → validate every row (DQ-2) → store the preview → a user with
// EDIT in 適用 confirms (one transaction) or abandons → the source file is erased (DP-5) → receipts
// per employer (MD-6). Writes happen only in the caller's transaction, which holds the log entry.
import { randomInt } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { KuraError } from '../../../shared/errors';
import type { MyNumberVault } from '../mynumber';
import type { Store } from '../store';
import { resultOf, type CheckCode, type RowResult } from './checks';
import { confirmImport, type ConfirmOptions, type ConfirmResult } from './confirm';
import { errorListCsv } from './error-list';
import { ImportFileError, type FileProblemCode } from './file-problems';
import type { ImportKind } from './layouts';
import { DEFAULT_LIMITS, type ImportLimits } from './limits';
import { MemberMatcher } from './member-match';
import { ENCODING_LABELS, parseImportBytes, readBytes, type ReadFile } from './read-file';
import { receiptFontFor, renderReceiptPdf, type ReceiptFont } from './receipt-pdf';
import type { FileScanner } from './scanner';
import { ImportSessionStore, redactNumbers, type ImportSession, type RowFilter, type StoredRow } from './session-store';
import { eraseSourceFile, type Erasure } from './source-file';
import { validateRecords, type ImportProgress, type ProgressListener, type ValidatedRow } from './validate';

export type ImportServiceOptions = {
  store: Store;
  vault: MyNumberVault;
  now: () => Date;
  scanner: FileScanner;
  limits?: Partial<ImportLimits>;
  receiptFont?: ReceiptFont;
  /** The society's name printed on receipts. */
  society?: string;
};

export type Actor = { userId: string; business: string };

export type Prepared =
  | { status: 'ready'; session: ImportSession; rows: ValidatedRow[]; scanner: string }
  | { status: 'refused'; problem: { code: FileProblemCode; ja: string; en: string }; fileName: string; scanner: string; signature: string | null };

export type ImportSummary = {
  session: ImportSession;
  byCheck: Partial<Record<CheckCode, number>>;
  employers: { jigyoshoKigo: string; total: number; ok: number; warning: number; error: number }[];
};

export type ReceiptFile = { jigyoshoKigo: string; receiptPdf: string; errorCsv: string; read: number; accepted: number; rejected: number };

const ID_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const MAX_ROWS_IN_RECEIPT = 1_000;

/** IMP-20261124-KQXRTA: letters after the date, so an import ID never looks like a My Number. */
function newImportId(at: Date): string {
  const day = at.toISOString().slice(0, 10).replace(/-/g, '');
  return `IMP-${day}-${Array.from({ length: 6 }, () => ID_LETTERS[randomInt(ID_LETTERS.length)]).join('')}`;
}

export class ImportService {
  readonly limits: ImportLimits;
  private readonly sessions: ImportSessionStore;
  private readonly matcher: MemberMatcher;

  constructor(private readonly options: ImportServiceOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.sessions = new ImportSessionStore(options.store);
    this.matcher = new MemberMatcher(options.store.db);
  }

  /** Everything up to the preview, without writing: the caller stores it with save() in its transaction. */
  async prepare(path: string, kind: ImportKind, actor: Actor, onProgress?: ProgressListener): Promise<Prepared> {
    const fileName = redactNumbers(basename(path));
    const refused = (e: ImportFileError, signature: string | null = null): Prepared => ({
      status: 'refused', problem: e.describe(), fileName, scanner: this.options.scanner.name, signature,
    });
    try {
      onProgress?.({ phase: 'read', done: 0, total: 0 });
      const read = await this.scanAndRead(path);
      if ('signature' in read) return refused(new ImportFileError('virus_found', { signature: read.signature }), read.signature);
      const rows = await validateRecords(read.records, {
        kind, limits: this.limits, matcher: this.matcher, vault: this.options.vault, encodingLabel: ENCODING_LABELS[read.encoding], onProgress,
      });
      const counts = { total: rows.length, ok: 0, warning: 0, error: 0 };
      for (const row of rows) counts[resultOf(row.findings)]++;
      const at = this.options.now();
      const session: ImportSession = {
        importId: newImportId(at), kind, status: 'previewed', sourcePath: path, fileName, sourceDigest: read.digest, format: read.format,
        encoding: read.encoding, counts, business: actor.business, createdBy: actor.userId, createdAt: at.toISOString(), finishedBy: null,
        finishedAt: null, registeredRows: null, acceptedWarnings: false, sourceDeletedAt: null,
      };
      return { status: 'ready', session, rows, scanner: this.options.scanner.name };
    } catch (e) {
      if (e instanceof ImportFileError) return refused(e);
      throw e;
    }
  }

  /** MD-5: the scanner sees the very bytes that will be parsed, before any parsing. The bytes die here. */
  private async scanAndRead(path: string): Promise<ReadFile | { signature: string }> {
    const bytes = readBytes(path, this.limits);
    const verdict = await this.options.scanner.scan(bytes);
    if (!verdict.clean) return { signature: verdict.signature };
    return parseImportBytes(bytes, this.limits);
  }

  /** Stores the preview (rows without plaintext numbers). Run inside the caller's transaction. */
  save(prepared: Extract<Prepared, { status: 'ready' }>, onProgress?: ProgressListener): ImportSession {
    const total = prepared.rows.length;
    this.sessions.save(prepared.session, prepared.rows, (done) => onProgress?.({ phase: 'save', done, total }));
    // The plaintext numbers held for validation are dropped with the rows once saved.
    for (const row of prepared.rows) row.number = null;
    return prepared.session;
  }

  get(importId: string): ImportSession | null {
    return this.sessions.get(importId);
  }

  list(limit: number): ImportSession[] {
    return this.sessions.list(limit);
  }

  summary(importId: string): ImportSummary | null {
    const session = this.sessions.get(importId);
    if (!session) return null;
    return { session, byCheck: this.sessions.countsByCheck(importId), employers: this.sessions.employers(importId) };
  }

  rows(importId: string, filter: RowFilter, offset: number, limit: number): { total: number; rows: StoredRow[] } {
    return this.sessions.rows(importId, filter, offset, limit);
  }

  /** Registers the accepted rows; all or none. Run inside the caller's transaction. */
  confirm(importId: string, actor: Actor, options: ConfirmOptions): ConfirmResult {
    return confirmImport({ store: this.options.store, vault: this.options.vault, sessions: this.sessions, now: this.options.now }, importId, actor.userId, options);
  }

  /** Nothing is registered; the preview's encrypted numbers are erased. Run inside the caller's transaction. */
  abandon(importId: string, actor: Actor): ImportSession {
    const session = this.sessions.get(importId);
    if (!session || session.status !== 'previewed') throw notPending(importId);
    this.sessions.finish(importId, 'abandoned', actor.userId, this.options.now().toISOString(), null);
    return this.sessions.get(importId)!;
  }

  /** DP-5: erases the source file of a finished import. The caller logs the outcome and calls markSourceDeleted. */
  eraseSource(importId: string): Erasure {
    const session = this.sessions.get(importId);
    if (!session || session.status === 'previewed') throw notPending(importId);
    return eraseSourceFile(session.sourcePath, session.sourceDigest);
  }

  markSourceDeleted(importId: string): void {
    this.sessions.markSourceDeleted(importId, this.options.now().toISOString());
  }

  /** Finished imports whose file is still there (the process stopped between commit and erase). */
  pendingErasures(): ImportSession[] {
    return this.sessions.pendingErasures();
  }

  /**
   * MD-6: one receipt PDF and one error list CSV per 事業所. They go to the store's data folder under
   * exports/ for now; the media capability will move them onto registered media through its export gate.
   */
  async writeReceipts(importId: string): Promise<ReceiptFile[]> {
    const session = this.sessions.get(importId);
    if (!session || session.status === 'previewed') throw notPending(importId);
    const dir = join(this.options.store.dataDir, 'exports', 'imports', importId);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const accepted: RowResult[] = session.status !== 'confirmed' ? [] : session.acceptedWarnings ? ['ok', 'warning'] : ['ok'];
    const files: ReceiptFile[] = [];
    const processedOn = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(session.finishedAt ?? session.createdAt));
    const font = receiptFontFor(this.options.receiptFont);
    for (const employer of this.sessions.employers(importId)) {
      const acceptedCount = accepted.reduce((n, r) => n + employer[r], 0);
      const notAccepted: RowResult[] = (['ok', 'warning', 'error'] as RowResult[]).filter((r) => !accepted.includes(r) && (session.status === 'confirmed' || r !== 'ok'));
      const listed = notAccepted.length > 0 ? this.sessions.rows(importId, { results: notAccepted, jigyoshoKigo: employer.jigyoshoKigo }, 0, 1_000_000) : { total: 0, rows: [] };
      const safeKigo = /^[0-9A-Za-z-]{1,20}$/.test(employer.jigyoshoKigo) ? employer.jigyoshoKigo : 'unknown';
      const receiptPdf = join(dir, `receipt-${safeKigo}.pdf`);
      const errorCsv = join(dir, `errors-${safeKigo}.csv`);
      const pdf = await renderReceiptPdf(
        {
          jigyoshoKigo: employer.jigyoshoKigo, importId, fileName: session.fileName, processedOn, outcome: session.status, read: employer.total,
          accepted: acceptedCount, rejected: employer.total - acceptedCount, rejectedRows: listed.rows.slice(0, MAX_ROWS_IN_RECEIPT),
          omitted: Math.max(0, listed.rows.length - MAX_ROWS_IN_RECEIPT), society: this.options.society ?? '健康保険組合',
        },
        font,
      );
      writeFileSync(receiptPdf, pdf, { mode: 0o600 });
      writeFileSync(errorCsv, errorListCsv(listed.rows), { mode: 0o600 });
      files.push({ jigyoshoKigo: employer.jigyoshoKigo, receiptPdf, errorCsv, read: employer.total, accepted: acceptedCount, rejected: employer.total - acceptedCount });
    }
    return files;
  }
}

/** The import is unknown, or already confirmed/abandoned (or, for receipts and erasure, not yet). */
const notPending = (importId: string): KuraError => new KuraError('import_not_found', { importId });

export type { ImportProgress };
