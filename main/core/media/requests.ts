// MD-4: export requests. A clerk asks for specific data on a named medium with a reason; a manager
// approves or refuses; the status then follows the archive until its wipe is confirmed (MD-7).
import type { Business } from '../../../shared/codes';
import type { Db } from '../store';

export type ExportStatus = 'requested' | 'approved' | 'refused' | 'exported' | 'failed' | 'wiped' | 'wipe_confirmed';
export const EXPORT_SOURCES = ['members_mynumber'] as const;
export type ExportSource = (typeof EXPORT_SOURCES)[number];

export type ExportRequest = {
  requestId: string;
  mediumId: string;
  source: ExportSource;
  business: Business;
  recordCount: number;
  reason: string;
  status: ExportStatus;
  requestedBy: string;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  archiveName: string | null;
  archiveSha256: string | null;
  archiveBytes: number | null;
  exportedAt: string | null;
  failure: string | null;
  wipedBy: string | null;
  wipedAt: string | null;
  wipeConfirmedBy: string | null;
  wipeConfirmedAt: string | null;
};

type Row = {
  request_id: string; medium_id: string; source: ExportSource; business: Business; shikaku_ids: string; record_count: number; reason: string;
  status: ExportStatus; requested_by: string; requested_at: string; decided_by: string | null; decided_at: string | null; decision_note: string | null;
  archive_name: string | null; archive_sha256: string | null; archive_bytes: number | null; exported_at: string | null; failure: string | null;
  wiped_by: string | null; wiped_at: string | null; wipe_confirmed_by: string | null; wipe_confirmed_at: string | null;
};

function fromRow(r: Row): ExportRequest {
  return {
    requestId: r.request_id, mediumId: r.medium_id, source: r.source, business: r.business, recordCount: r.record_count, reason: r.reason,
    status: r.status, requestedBy: r.requested_by, requestedAt: r.requested_at, decidedBy: r.decided_by, decidedAt: r.decided_at,
    decisionNote: r.decision_note, archiveName: r.archive_name, archiveSha256: r.archive_sha256, archiveBytes: r.archive_bytes,
    exportedAt: r.exported_at, failure: r.failure, wipedBy: r.wiped_by, wipedAt: r.wiped_at, wipeConfirmedBy: r.wipe_confirmed_by,
    wipeConfirmedAt: r.wipe_confirmed_at,
  };
}

export class ExportRequests {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private at(): string {
    return this.now().toISOString();
  }

  create(input: { mediumId: string; source: ExportSource; business: Business; shikakuIds: readonly string[]; reason: string; requestedBy: string }): ExportRequest {
    const n = (this.db.prepare('SELECT count(*) AS n FROM export_requests').get() as { n: number }).n + 1;
    const requestId = `X-${String(n).padStart(5, '0')}`;
    this.db
      .prepare("INSERT INTO export_requests (request_id, medium_id, source, business, shikaku_ids, record_count, reason, status, requested_by, requested_at) VALUES (?,?,?,?,?,?,?, 'requested', ?, ?)")
      .run(requestId, input.mediumId, input.source, input.business, JSON.stringify(input.shikakuIds), input.shikakuIds.length, input.reason, input.requestedBy, this.at());
    return this.find(requestId)!;
  }

  find(requestId: string): ExportRequest | null {
    const row = this.db.prepare('SELECT * FROM export_requests WHERE request_id = ?').get(requestId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** The member list stays in the main process; the renderer sees only the count. */
  shikakuIds(requestId: string): string[] {
    const row = this.db.prepare('SELECT shikaku_ids FROM export_requests WHERE request_id = ?').get(requestId) as { shikaku_ids: string } | undefined;
    return row ? (JSON.parse(row.shikaku_ids) as string[]) : [];
  }

  list(filter: { status?: ExportStatus; requestedBy?: string } = {}): ExportRequest[] {
    const rows = this.db
      .prepare('SELECT * FROM export_requests WHERE (? IS NULL OR status = ?) AND (? IS NULL OR requested_by = ?) ORDER BY requested_at DESC, request_id DESC')
      .all(filter.status ?? null, filter.status ?? null, filter.requestedBy ?? null, filter.requestedBy ?? null) as Row[];
    return rows.map(fromRow);
  }

  decide(requestId: string, status: 'approved' | 'refused', decidedBy: string, note: string): void {
    this.db.prepare("UPDATE export_requests SET status = ?, decided_by = ?, decided_at = ?, decision_note = ? WHERE request_id = ? AND status IN ('requested','failed')").run(status, decidedBy, this.at(), note, requestId);
  }

  exported(requestId: string, archive: { name: string; sha256: string; bytes: number }): void {
    this.db
      .prepare("UPDATE export_requests SET status = 'exported', archive_name = ?, archive_sha256 = ?, archive_bytes = ?, exported_at = ?, failure = NULL WHERE request_id = ?")
      .run(archive.name, archive.sha256, archive.bytes, this.at(), requestId);
  }

  failed(requestId: string, failure: string): void {
    this.db.prepare("UPDATE export_requests SET status = 'failed', failure = ? WHERE request_id = ?").run(failure, requestId);
  }

  wiped(requestId: string, byUser: string): void {
    this.db.prepare("UPDATE export_requests SET status = 'wiped', wiped_by = ?, wiped_at = ? WHERE request_id = ?").run(byUser, this.at(), requestId);
  }

  wipeConfirmed(requestId: string, byUser: string): void {
    this.db.prepare("UPDATE export_requests SET status = 'wipe_confirmed', wipe_confirmed_by = ?, wipe_confirmed_at = ? WHERE request_id = ?").run(byUser, this.at(), requestId);
  }
}
