// DP-4: creator-only reports. A report is a record (creator, business, created, expires, file) and a
// sealed file under the data folder. Numbers are read through the vault inside the caller's
// transaction, so the report and its operation-log entry commit together (AU-1).
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import type { Business } from '../../../shared/codes';
import type { AuditLog } from '../audit';
import type { MemberRegistry } from '../members';
import type { MyNumberVault } from '../mynumber';
import type { Store } from '../store';
import { ReportFiles } from './files';
import { deriveReportKey, openSealedReport, saltOf, sealReport, type ReportKey } from './sealed-file';

export type ReportKind = 'mynumber_list';
export const REPORT_TITLES: Record<ReportKind, string> = { mynumber_list: '個人番号入力結果一覧' };

export type ReportRecord = {
  reportId: string; creator: string; business: Business; kind: ReportKind; title: string; rows: number;
  fileName: string; createdAt: string; expiresAt: string;
};

const lineSchema = z.strictObject({
  shikakuId: z.string(), jigyoshoKigo: z.string(), hihokenshaNo: z.string(), edaban: z.string(), kubun: z.number().int(),
  kanjiName: z.string(), kanaName: z.string(), birthDate: z.string(), myNumber: z.string().nullable(), version: z.number().int().nullable(),
});
export type ReportLine = z.infer<typeof lineSchema>;
const contentSchema = z.strictObject({ reportId: z.string(), lines: z.array(lineSchema) });

type Row = { report_id: string; creator: string; business: Business; kind: ReportKind; title: string; row_count: number; file_name: string; created_at: string; expires_at: string };
const fromRow = (r: Row): ReportRecord => ({
  reportId: r.report_id, creator: r.creator, business: r.business, kind: r.kind, title: r.title, rows: r.row_count,
  fileName: r.file_name, createdAt: r.created_at, expiresAt: r.expires_at,
});

export type ReportDeskDeps = {
  store: Store; audit: AuditLog; members: MemberRegistry; vault: MyNumberVault; now: () => Date;
  /** The terminal name for log entries written by the purge. */
  terminal: () => string;
};

export type OpenResult = { ok: true; lines: ReportLine[] } | { ok: false; reason: 'wrong_key' | 'file_missing' };

function newReportId(at: Date): string {
  const day = at.toISOString().slice(0, 10).replaceAll('-', '');
  return `RPT-${day}-${randomBytes(4).toString('hex').toUpperCase()}`;
}

export class ReportDesk {
  readonly files: ReportFiles;

  constructor(private readonly deps: ReportDeskDeps) {
    this.files = new ReportFiles(join(deps.store.dataDir, 'reports'));
  }

  /** The key for a new report: derived outside the transaction because Argon2id is slow on purpose. */
  newKey(password: string): Promise<ReportKey> {
    return deriveReportKey(password);
  }

  /**
   * Inside the caller's transaction: reads each member's number through the vault, seals the list and
   * records it. A member that does not exist refuses the whole report (member_not_found).
   */
  create(input: { creator: string; business: Business; shikakuIds: string[]; key: ReportKey; keepHours: number }): ReportRecord {
    const { store, members, vault, now } = this.deps;
    if (!store.db.inTransaction) throw new Error('ReportDesk.create must run inside the caller\u2019s transaction');
    const at = now();
    const ids = [...new Set(input.shikakuIds)];
    const lines: ReportLine[] = ids.map((id) => {
      const m = members.get(id);
      const status = vault.status(id);
      const number = status.registered ? vault.reveal(id) : null;
      return {
        shikakuId: m.shikakuId, jigyoshoKigo: m.jigyoshoKigo, hihokenshaNo: m.hihokenshaNo, edaban: m.edaban, kubun: m.kubun,
        kanjiName: m.kanjiName, kanaName: m.kanaName, birthDate: m.birthDate, myNumber: number?.myNumber ?? null, version: number?.version ?? null,
      };
    });
    const record: ReportRecord = {
      reportId: newReportId(at), creator: input.creator, business: input.business, kind: 'mynumber_list', title: REPORT_TITLES.mynumber_list,
      rows: lines.length, fileName: this.files.newName(), createdAt: at.toISOString(),
      expiresAt: new Date(at.getTime() + input.keepHours * 3_600_000).toISOString(),
    };
    const plaintext = Buffer.from(JSON.stringify({ reportId: record.reportId, lines }), 'utf8');
    this.files.write(record.fileName, sealReport(input.key, record.reportId, record.creator, plaintext));
    try {
      store.db
        .prepare('INSERT INTO reports (report_id, creator, business, kind, title, row_count, file_name, created_at, expires_at) VALUES (?,?,?,?,?,?,?,?,?)')
        .run(record.reportId, record.creator, record.business, record.kind, record.title, record.rows, record.fileName, record.createdAt, record.expiresAt);
    } catch (e) {
      this.files.remove(record.fileName);
      throw e;
    }
    return record;
  }

  find(reportId: string): ReportRecord | null {
    const row = this.deps.store.db.prepare('SELECT * FROM reports WHERE report_id = ?').get(reportId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The creator's reports still within their keeping period, newest first. */
  listOwn(creator: string): ReportRecord[] {
    const rows = this.deps.store.db.prepare('SELECT * FROM reports WHERE creator = ? AND expires_at > ? ORDER BY created_at DESC').all(creator, this.deps.now().toISOString()) as Row[];
    return rows.map(fromRow);
  }

  /** Decrypts with a key derived from the password given now; the caller has checked the creator. */
  async open(record: ReportRecord, password: string): Promise<OpenResult> {
    const file = this.files.read(record.fileName);
    const salt = file ? saltOf(file) : null;
    if (!file || !salt) return { ok: false, reason: 'file_missing' };
    const { key } = await deriveReportKey(password, salt);
    const plaintext = openSealedReport(key, record.reportId, record.creator, file);
    if (!plaintext) return { ok: false, reason: 'wrong_key' };
    // The report ID and creator are bound in as associated data, so this content is this record's.
    const content = contentSchema.parse(JSON.parse(plaintext.toString('utf8')));
    return { ok: true, lines: content.lines };
  }

  /**
   * DP-4: deletes every report past its keeping period, file first, then the record with its log
   * entry in one transaction (a record left by a crash is removed by the next run).
   */
  purgeExpired(operator: string | null): ReportRecord[] {
    const { store, audit, now, terminal } = this.deps;
    const due = (store.db.prepare('SELECT * FROM reports WHERE expires_at <= ? ORDER BY expires_at').all(now().toISOString()) as Row[]).map(fromRow);
    for (const r of due) {
      this.files.remove(r.fileName);
      store.transaction(() => {
        store.db.prepare('DELETE FROM reports WHERE report_id = ?').run(r.reportId);
        audit.append({
          operator, terminal: terminal(), business: r.business, event: 'report.expired', target: r.reportId, outcome: 'ok',
          detail: { creator: r.creator, createdAt: r.createdAt, expiresAt: r.expiresAt, rows: r.rows },
        });
      });
    }
    return due;
  }
}
