// The import session (preview) and its per-row results, in the store. No plaintext number is ever
// written: the normalised numbers of a file are one AES-GCM ciphertext bound to the import ID,
// erased once the import is confirmed or abandoned (DP-2, DP-5).
import { looksLikeMyNumber } from '../../../shared/mynumber';
import { decryptMyNumber, encryptMyNumber } from '../mynumber';
import type { Store } from '../store';
import { describe, resultOf, type CheckCode, type RowResult } from './checks';
import type { FileEncoding, FileFormat } from './read-file';
import type { ImportKind, RowFields } from './layouts';
import type { ValidatedRow } from './validate';

export type ImportStatus = 'previewed' | 'confirmed' | 'abandoned';

export type ImportSession = {
  importId: string;
  kind: ImportKind;
  status: ImportStatus;
  sourcePath: string;
  fileName: string;
  sourceDigest: string;
  format: FileFormat;
  encoding: FileEncoding;
  counts: { total: number; ok: number; warning: number; error: number };
  business: string;
  createdBy: string;
  createdAt: string;
  finishedBy: string | null;
  finishedAt: string | null;
  registeredRows: number | null;
  /** Whether the confirmation registered the 警告 rows as well as the OK rows. */
  acceptedWarnings: boolean;
  sourceDeletedAt: string | null;
};

/** A row as stored and shown: the employer's items (never the number itself, only whether one was given) and its result. */
export type StoredRow = Omit<RowFields, 'number'> & {
  rowNo: number;
  lineNo: number;
  hasNumber: boolean;
  result: RowResult;
  codes: CheckCode[];
  message: { ja: string; en: string };
  shikakuId: string | null;
  birthIso: string | null;
  expectedVersion: number | null;
};

export type RowFilter = { results?: RowResult[]; check?: CheckCode; jigyoshoKigo?: string };

type SessionRaw = {
  import_id: string; kind: ImportKind; status: ImportStatus; source_path: string; file_name: string; source_digest: string;
  format: FileFormat; encoding: FileEncoding; total_rows: number; ok_rows: number; warning_rows: number; error_rows: number;
  business: string; created_by: string; created_at: string; finished_by: string | null; finished_at: string | null;
  registered_rows: number | null; accepted_warnings: number; source_deleted_at: string | null;
};
type RowRaw = {
  row_no: number; line_no: number; jigyosho_kigo: string; hihokensha_no: string; kubun: string; zokugara: string; edaban: string;
  kanji_name: string; kana_name: string; birth_date: string; sex: string; gojitsu: string; has_number: number; mikinyu_riyu: string;
  memo: string; remarks: string; result: RowResult; codes: string; message_ja: string; message_en: string; shikaku_id: string | null;
  birth_iso: string | null; expected_version: number | null;
};

/** Free text (names, memo, 備考) may hold a number an employer typed in the wrong place: never kept. */
/** AC-9: a stored cell that could be read as a My Number (in any spacing or width) is not kept at all. */
export const redactNumbers = (text: string): string => (looksLikeMyNumber(text) ? '[個人番号の可能性があるため非表示]' : text);

const numbersAad = (importId: string): string => `import:${importId}`;
const NUMBER_WIDTH = 12;
const NO_NUMBER = ' '.repeat(NUMBER_WIDTH);

/** The numbers of a file, decrypted once, looked up by row. Dropped by the caller after use. */
export type FileNumbers = { of(rowNo: number): string | null };

function sessionOf(r: SessionRaw): ImportSession {
  return {
    importId: r.import_id, kind: r.kind, status: r.status, sourcePath: r.source_path, fileName: r.file_name, sourceDigest: r.source_digest,
    format: r.format, encoding: r.encoding, counts: { total: r.total_rows, ok: r.ok_rows, warning: r.warning_rows, error: r.error_rows },
    business: r.business, createdBy: r.created_by, createdAt: r.created_at, finishedBy: r.finished_by, finishedAt: r.finished_at,
    registeredRows: r.registered_rows, acceptedWarnings: r.accepted_warnings === 1, sourceDeletedAt: r.source_deleted_at,
  };
}

function rowOf(r: RowRaw): StoredRow {
  return {
    rowNo: r.row_no, lineNo: r.line_no, jigyoshoKigo: r.jigyosho_kigo, hihokenshaNo: r.hihokensha_no, kubun: r.kubun, zokugara: r.zokugara,
    edaban: r.edaban, kanjiName: r.kanji_name, kanaName: r.kana_name, birthDate: r.birth_date, sex: r.sex, gojitsu: r.gojitsu,
    hasNumber: r.has_number === 1, mikinyuRiyu: r.mikinyu_riyu, memo: r.memo, remarks: r.remarks, result: r.result,
    codes: r.codes.trim() === '' ? [] : (r.codes.trim().split(' ') as CheckCode[]), message: { ja: r.message_ja, en: r.message_en },
    shikakuId: r.shikaku_id, birthIso: r.birth_iso, expectedVersion: r.expected_version,
  };
}

const ROW_COLUMNS =
  'row_no, line_no, jigyosho_kigo, hihokensha_no, kubun, zokugara, edaban, kanji_name, kana_name, birth_date, sex, gojitsu, has_number, mikinyu_riyu, memo, remarks, result, codes, message_ja, message_en, shikaku_id, birth_iso, expected_version';

function filterSql(filter: RowFilter): { where: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  if (filter.results && filter.results.length > 0) {
    clauses.push(`result IN (${filter.results.map(() => '?').join(',')})`);
    params.push(...filter.results);
  }
  if (filter.check) {
    clauses.push("codes LIKE ? ESCAPE '\\'");
    params.push(`% ${filter.check.replace(/[\\%_]/g, (c) => `\\${c}`)} %`);
  }
  if (filter.jigyoshoKigo !== undefined) {
    clauses.push('jigyosho_kigo = ?');
    params.push(filter.jigyoshoKigo);
  }
  return { where: clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : '', params };
}

export class ImportSessionStore {
  constructor(private readonly store: Store) {}

  /** Writes the session and all its rows; the caller runs it inside the transaction that logs it. */
  save(session: ImportSession, rows: ValidatedRow[], onRow?: (done: number) => void): void {
    const db = this.store.db;
    db.prepare(
      `INSERT INTO import_sessions (import_id, kind, status, source_path, file_name, source_digest, format, encoding, total_rows, ok_rows, warning_rows, error_rows, business, created_by, created_at)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    ).run(
      session.importId, session.kind, session.status, session.sourcePath, session.fileName, session.sourceDigest, session.format, session.encoding,
      session.counts.total, session.counts.ok, session.counts.warning, session.counts.error, session.business, session.createdBy, session.createdAt,
    );
    const insert = db.prepare(`INSERT INTO import_rows (import_id, ${ROW_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`);
    const numbers: string[] = [];
    for (const row of rows) {
      const f = row.fields;
      const message = describe(row.findings);
      insert.run(
        session.importId, row.rowNo, row.lineNo, redactNumbers(f.jigyoshoKigo), redactNumbers(f.hihokenshaNo), redactNumbers(f.kubun),
        redactNumbers(f.zokugara), redactNumbers(f.edaban), redactNumbers(f.kanjiName), redactNumbers(f.kanaName), redactNumbers(f.birthDate),
        redactNumbers(f.sex), redactNumbers(f.gojitsu), row.hasNumber ? 1 : 0, redactNumbers(f.mikinyuRiyu),
        redactNumbers(f.memo), redactNumbers(f.remarks), resultOf(row.findings), ` ${row.findings.map((x) => x.code).join(' ')} `,
        message.ja, message.en, row.shikakuId, row.birthIso, row.expectedVersion,
      );
      numbers[row.rowNo - 1] = row.number ?? NO_NUMBER;
      if (onRow && row.rowNo % 1000 === 0) onRow(row.rowNo);
    }
    const sealed = encryptMyNumber(this.store.orgKeys, numbersAad(session.importId), Array.from(numbers, (n) => n ?? NO_NUMBER).join(''));
    db.prepare('UPDATE import_sessions SET numbers_enc = ? WHERE import_id = ?').run(sealed, session.importId);
  }

  /** Decrypts the file's numbers once (null when already erased). */
  numbers(importId: string): FileNumbers | null {
    const row = this.store.db.prepare('SELECT numbers_enc FROM import_sessions WHERE import_id = ?').get(importId) as { numbers_enc: Buffer | null } | undefined;
    if (!row?.numbers_enc) return null;
    const all = decryptMyNumber(this.store.orgKeys, numbersAad(importId), row.numbers_enc);
    return {
      of: (rowNo) => {
        const n = all.slice((rowNo - 1) * NUMBER_WIDTH, rowNo * NUMBER_WIDTH);
        return n.length === NUMBER_WIDTH && n !== NO_NUMBER ? n : null;
      },
    };
  }

  get(importId: string): ImportSession | null {
    const r = this.store.db.prepare('SELECT * FROM import_sessions WHERE import_id = ?').get(importId) as SessionRaw | undefined;
    return r ? sessionOf(r) : null;
  }

  list(limit: number): ImportSession[] {
    return (this.store.db.prepare('SELECT * FROM import_sessions ORDER BY created_at DESC, import_id DESC LIMIT ?').all(limit) as SessionRaw[]).map(sessionOf);
  }

  rows(importId: string, filter: RowFilter, offset: number, limit: number): { total: number; rows: StoredRow[] } {
    const { where, params } = filterSql(filter);
    const db = this.store.db;
    const total = (db.prepare(`SELECT count(*) AS n FROM import_rows WHERE import_id = ?${where}`).get(importId, ...params) as { n: number }).n;
    const rows = (db.prepare(`SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ?${where} ORDER BY row_no LIMIT ? OFFSET ?`).all(importId, ...params, limit, offset) as RowRaw[]).map(rowOf);
    return { total, rows };
  }

  /**
   * 行番号, 資格ID and check codes only, of the rows with these results, in row order: what a confirm
   * needs to name its numbers ahead (a fifth of the cost of reading whole rows). One open cursor: read
   * it to the end before writing on the connection (better-sqlite3 refuses a write while it is open).
   */
  *iterateRowKeys(importId: string, results: RowResult[]): Generator<{ rowNo: number; shikakuId: string | null; codes: string }> {
    const stmt = this.store.db.prepare(
      `SELECT row_no AS rowNo, shikaku_id AS shikakuId, codes FROM import_rows WHERE import_id = ? AND result IN (${results.map(() => '?').join(',')}) ORDER BY row_no`,
    );
    yield* stmt.iterate(importId, ...results) as IterableIterator<{ rowNo: number; shikakuId: string | null; codes: string }>;
  }

  /** In batches, not one open cursor: the caller writes on the same connection while it walks the rows. */
  *iterateRows(importId: string, results: RowResult[], batch = 5_000): Generator<StoredRow> {
    const stmt = this.store.db.prepare(
      `SELECT ${ROW_COLUMNS} FROM import_rows WHERE import_id = ? AND result IN (${results.map(() => '?').join(',')}) AND row_no > ? ORDER BY row_no LIMIT ?`,
    );
    let after = 0;
    for (;;) {
      const page = stmt.all(importId, ...results, after, batch) as RowRaw[];
      for (const r of page) yield rowOf(r);
      if (page.length < batch) return;
      after = page[page.length - 1]!.row_no;
    }
  }

  /** Per check code: how many rows failed it (the filters of the review screen). */
  countsByCheck(importId: string): Partial<Record<CheckCode, number>> {
    const counts: Partial<Record<CheckCode, number>> = {};
    for (const { codes } of this.store.db.prepare("SELECT codes FROM import_rows WHERE import_id = ? AND codes <> '  '").iterate(importId) as IterableIterator<{ codes: string }>) {
      for (const code of codes.trim().split(' ') as CheckCode[]) if (code) counts[code] = (counts[code] ?? 0) + 1;
    }
    return counts;
  }

  employers(importId: string): { jigyoshoKigo: string; total: number; ok: number; warning: number; error: number }[] {
    return this.store.db
      .prepare(
        `SELECT jigyosho_kigo AS jigyoshoKigo, count(*) AS total, sum(result = 'ok') AS ok, sum(result = 'warning') AS warning, sum(result = 'error') AS error
         FROM import_rows WHERE import_id = ? GROUP BY jigyosho_kigo ORDER BY jigyosho_kigo`,
      )
      .all(importId) as { jigyoshoKigo: string; total: number; ok: number; warning: number; error: number }[];
  }

  finish(importId: string, status: 'confirmed' | 'abandoned', by: string, at: string, registered: number | null, acceptedWarnings = false): void {
    const changed = this.store.db
      .prepare("UPDATE import_sessions SET status = ?, finished_by = ?, finished_at = ?, registered_rows = ?, accepted_warnings = ? WHERE import_id = ? AND status = 'previewed'")
      .run(status, by, at, registered, acceptedWarnings ? 1 : 0, importId);
    if (changed.changes !== 1) throw new Error(`import ${importId} is not awaiting confirmation`);
    // The numbers now live only in the master table (or nowhere): erase the preview's copy.
    this.store.db.prepare('UPDATE import_sessions SET numbers_enc = NULL WHERE import_id = ?').run(importId);
  }

  markSourceDeleted(importId: string, at: string): void {
    this.store.db.prepare('UPDATE import_sessions SET source_deleted_at = ? WHERE import_id = ?').run(at, importId);
  }

  /** Finished imports whose source file is still to be erased (a crash between commit and unlink). */
  pendingErasures(): ImportSession[] {
    return (this.store.db.prepare("SELECT * FROM import_sessions WHERE status <> 'previewed' AND source_deleted_at IS NULL").all() as SessionRaw[]).map(sessionOf);
  }
}
