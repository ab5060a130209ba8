// MD-9: the media ledger set against the operation log. Each side can be wrong on its own (a ledger
// edited by hand, a write through some other path); a mismatch between them is what staff review.
import { MEDIA_EVENTS } from '../../../shared/rpc/channels/media';
import type { AuditLog, AuditRow } from '../audit';
import type { MediaLedger, Movement } from './ledger';
import type { ExportRequests } from './requests';

export type CrossCheckKind = 'export_without_approval' | 'approval_without_export' | 'used_not_taken_out' | 'taken_out_not_returned' | 'export_not_wiped';
export type CrossCheckFinding = { kind: CrossCheckKind; mediumId: string | null; requestId: string | null; at: string; logSeq: number | null; detail: string };

const ALL = 10_000_000;

function step(row: AuditRow): string | null {
  return typeof row.detail.step === 'string' ? row.detail.step : null;
}
function detailString(row: AuditRow, key: string): string | null {
  const v = row.detail[key];
  return typeof v === 'string' ? v : null;
}

/** Was the medium out of its storage place at this moment, by the ledger's take-out/return rows? */
function takenOutAt(movements: readonly Movement[], mediumId: string, at: string): boolean {
  let out = false;
  for (const m of movements) {
    if (m.mediumId !== mediumId || m.at > at) continue;
    if (m.kind === 'take_out') out = true;
    else if (m.kind === 'return') out = false;
  }
  return out;
}

export function crossCheck(ledger: MediaLedger, requests: ExportRequests, audit: AuditLog): CrossCheckFinding[] {
  const findings: CrossCheckFinding[] = [];
  const approvals = audit.recent(ALL, MEDIA_EVENTS.approve).filter((r) => r.outcome === 'ok').reverse();
  const approvedBy = new Map<string, AuditRow>();
  const written = new Map<string, AuditRow>();
  for (const row of approvals) {
    if (!row.target) continue;
    if (step(row) === 'approved') approvedBy.set(row.target, row);
    if (step(row) === 'written') written.set(row.target, row);
  }
  const movements = ledger.movements();

  // 1. The log shows an archive written, but no approval by someone other than the requester.
  for (const [requestId, row] of written) {
    const request = requests.find(requestId);
    const approval = approvedBy.get(requestId);
    if (!approval || !request || approval.operator === request.requestedBy) {
      findings.push({ kind: 'export_without_approval', mediumId: detailString(row, 'mediumId'), requestId, at: row.at, logSeq: row.seq, detail: !approval ? 'no approval in the operation log' : 'approved by the requester' });
    }
  }
  // ... or the ledger says exported while the log has no approval (a row written outside the channel).
  for (const request of requests.list()) {
    if (!['exported', 'wiped', 'wipe_confirmed'].includes(request.status)) continue;
    if (!request.decidedBy || request.decidedBy === request.requestedBy || !approvedBy.has(request.requestId)) {
      if (findings.some((f) => f.kind === 'export_without_approval' && f.requestId === request.requestId)) continue;
      findings.push({ kind: 'export_without_approval', mediumId: request.mediumId, requestId: request.requestId, at: request.exportedAt ?? request.requestedAt, logSeq: null, detail: 'ledger shows an export without a logged approval' });
    }
  }
  // 2. Approved in the log, but nothing written afterwards.
  for (const [requestId, row] of approvedBy) {
    if (written.has(requestId)) continue;
    if (requests.find(requestId)?.status === 'refused') continue;
    findings.push({ kind: 'approval_without_export', mediumId: detailString(row, 'mediumId'), requestId, at: row.at, logSeq: row.seq, detail: `ledger status ${requests.find(requestId)?.status ?? 'missing'}` });
  }
  // 3. A medium written to or read from while the ledger had it in storage.
  const uses = [...written.values(), ...audit.recent(ALL, MEDIA_EVENTS.read).filter((r) => r.outcome === 'ok')];
  for (const row of uses) {
    const mediumId = row.event === MEDIA_EVENTS.read ? row.target : detailString(row, 'mediumId');
    if (!mediumId || takenOutAt(movements, mediumId, row.at)) continue;
    findings.push({ kind: 'used_not_taken_out', mediumId, requestId: row.event === MEDIA_EVENTS.read ? null : row.target, at: row.at, logSeq: row.seq, detail: row.event });
  }
  // 4. Take-outs still open.
  for (const medium of ledger.list()) {
    if (!medium.takenOut) continue;
    const last = [...movements].reverse().find((m) => m.mediumId === medium.mediumId && m.kind === 'take_out');
    findings.push({ kind: 'taken_out_not_returned', mediumId: medium.mediumId, requestId: null, at: last?.at ?? '', logSeq: null, detail: `${last?.byUser ?? ''}: ${last?.note ?? ''}` });
  }
  // 5. MD-7: archives written and not yet confirmed wiped.
  for (const request of requests.list()) {
    if (request.status !== 'exported' && request.status !== 'wiped') continue;
    findings.push({ kind: 'export_not_wiped', mediumId: request.mediumId, requestId: request.requestId, at: request.exportedAt ?? request.requestedAt, logSeq: null, detail: request.status });
  }
  return findings.sort((a, b) => a.at.localeCompare(b.at) || a.kind.localeCompare(b.kind));
}
