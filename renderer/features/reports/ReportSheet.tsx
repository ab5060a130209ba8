// DP-4: an opened report, laid out for printing (reports.css has the print stylesheet). Its lines live
// only in the screen's state: closing it, leaving the screen, a lock or a logout drops them. The numbers
// are marked like a revealed number, so they cannot be selected or copied (DP-3); paper is the one way out.
import type { ChannelOutput } from '../../../shared/rpc';
import { BUSINESS_LABELS } from '../../../shared/codes';
import { formatTime } from '../../app/sync';
import { useApp } from '../../app/store';
import { kubunLabel } from '../members/format';
import { pt } from './text';

export type OpenedReport = Extract<ChannelOutput<'report.open'>, { ok: true }>;

const grouped = (n: string) => n.replace(/^(\d{4})(\d{4})(\d{4})$/, '$1 $2 $3');

export function ReportSheet({ opened, onClose }: { opened: OpenedReport; onClose(): void }) {
  const lang = useApp((s) => s.lang);
  const user = useApp((s) => s.session?.user);
  const { report, lines } = opened;
  return (
    <section className="screen screen-reports report-open" data-testid="report-sheet">
      <div className="screen-head no-print">
        <h2>{report.title}</h2>
        <div className="head-actions">
          <button type="button" className="primary" data-testid="report-print" onClick={() => window.print()}>
            {pt(lang, 'print')}
          </button>
          <button type="button" data-testid="report-close" onClick={onClose}>
            {pt(lang, 'close')}
          </button>
        </div>
      </div>
      <div className="report-paper">
        <h1 className="report-title">{report.title}</h1>
        <p className="report-meta">
          {pt(lang, 'sheetMeta', {
            reportId: report.reportId,
            business: BUSINESS_LABELS[report.business][lang],
            created: formatTime(report.createdAt) ?? '',
            creator: user ? `${user.name}（${user.userId}）` : '',
            expires: formatTime(report.expiresAt) ?? '',
          })}
        </p>
        <p className="report-warning">{pt(lang, 'sheetWarning')}</p>
        <table className="report-table" data-testid="report-lines">
          <thead>
            <tr>
              <th>{pt(lang, 'colShikakuId')}</th>
              <th>{pt(lang, 'colEmployer')}</th>
              <th>{pt(lang, 'colHihokenshaNo')}</th>
              <th>{pt(lang, 'colEdaban')}</th>
              <th>{pt(lang, 'colKubun')}</th>
              <th>{pt(lang, 'colName')}</th>
              <th>{pt(lang, 'colKana')}</th>
              <th>{pt(lang, 'colBirth')}</th>
              <th>{pt(lang, 'colNumber')}</th>
              <th>{pt(lang, 'colVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.shikakuId} data-shikaku-id={l.shikakuId}>
                <td>{l.shikakuId}</td>
                <td>{l.jigyoshoKigo}</td>
                <td>{l.hihokenshaNo}</td>
                <td>{l.edaban}</td>
                <td>{kubunLabel(l.kubun, lang)}</td>
                <td>{l.kanjiName}</td>
                <td>{l.kanaName}</td>
                <td>{l.birthDate}</td>
                {l.myNumber ? (
                  <td className="report-number revealed" data-revealed="" data-testid="report-number" onCopy={(e) => e.preventDefault()} onContextMenu={(e) => e.preventDefault()}>
                    {grouped(l.myNumber)}
                  </td>
                ) : (
                  <td className="muted">{pt(lang, 'notRegistered')}</td>
                )}
                <td className="num">{l.version ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="report-meta">{pt(lang, 'rowsCount', { count: lines.length })}</p>
      </div>
    </section>
  );
}
