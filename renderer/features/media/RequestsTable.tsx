import type { ReactNode } from 'react';
import type { z } from 'zod';
import { BUSINESS_LABELS } from '../../../shared/codes';
import type { exportRequestView } from '../../../shared/rpc/channels/media';
import { useApp } from '../../app/store';
import { EXPORT_STATUS_LABELS, label, localTime } from './format';
import { mt } from './text';

export type ExportRequestView = z.infer<typeof exportRequestView>;

/** Export requests as the requester, the approver and the wipe screen see them; `actions` adds buttons per row. */
export function RequestsTable({ requests, actions, testId }: { requests: ExportRequestView[]; actions?: (r: ExportRequestView) => ReactNode; testId: string }) {
  const lang = useApp((s) => s.lang);
  return (
    <div className="plain-table-wrap">
      <table className="plain-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{mt(lang, 'colRequest')}</th>
            <th>{mt(lang, 'medium')}</th>
            <th>{mt(lang, 'colRecords')}</th>
            <th>{mt(lang, 'colReason')}</th>
            <th>{mt(lang, 'colRequestedBy')}</th>
            <th>{mt(lang, 'colStatus')}</th>
            <th>{mt(lang, 'colDecision')}</th>
            <th>{mt(lang, 'colArchive')}</th>
            {actions ? <th /> : null}
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.requestId} data-request-id={r.requestId} data-status={r.status}>
              <td>{r.requestId}</td>
              <td>{r.mediumId}</td>
              <td className="num">
                {r.recordCount.toLocaleString()}
                <div className="muted small">{BUSINESS_LABELS[r.business][lang]}</div>
              </td>
              <td className="wrap">{r.reason}</td>
              <td>
                {r.requestedBy}
                <div className="muted small">{localTime(r.requestedAt)}</div>
              </td>
              <td>
                {label(EXPORT_STATUS_LABELS, r.status, lang)}
                {r.failure ? <div className="warn-text small">{r.failure}</div> : null}
              </td>
              <td>
                {r.decidedBy ?? ''}
                <div className="muted small">{localTime(r.decidedAt)}</div>
                {r.status === 'refused' && r.decisionNote ? <div className="small wrap">{r.decisionNote}</div> : null}
              </td>
              <td>
                {r.archiveName ?? ''}
                {r.wipedBy ? <div className="muted small">{mt(lang, 'colWiped')}：{r.wipedBy} {localTime(r.wipedAt)}</div> : null}
                {r.wipeConfirmedBy ? <div className="muted small">{mt(lang, 'wipeConfirm')}：{r.wipeConfirmedBy} {localTime(r.wipeConfirmedAt)}</div> : null}
              </td>
              {actions ? <td className="cell-actions">{actions(r)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
