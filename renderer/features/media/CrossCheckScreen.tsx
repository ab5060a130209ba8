import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { FINDING_LABELS, label, localTime } from './format';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mt } from './text';

/** MD-9: the ledger set against the operation log; every mismatch is a finding for staff to review. */
export function CrossCheckScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [report, setReport] = useState<ChannelOutput<'media.crossCheck'> | null>(null);
  const check = async () => {
    const r = await run(() => call('media.crossCheck', {}));
    if (r) setReport(r);
  };

  return (
    <section className="screen screen-media" data-testid="media-crosscheck">
      <Tabs tabs={MEDIA_TABS} current="media-crosscheck" />
      <div className="screen-head">
        <h2>{mt(lang, 'crossCheckTitle')}</h2>
        <button type="button" className="primary" data-testid="run-crosscheck" disabled={busy} onClick={() => void check()}>
          {mt(lang, 'runCrossCheck')}
        </button>
      </div>
      <p className="muted small">{mt(lang, 'crossCheckLead')}</p>
      {report ? (
        <p className="result-count" data-testid="crosscheck-summary">
          {mt(lang, 'checkedAt', { at: localTime(report.checkedAt), count: report.findings.length })}
        </p>
      ) : null}
      {report && report.findings.length === 0 ? <p className="tag-ok">{mt(lang, 'noFindings')}</p> : null}
      {report && report.findings.length > 0 ? (
        <div className="plain-table-wrap">
          <table className="plain-table" data-testid="crosscheck-table">
            <thead>
              <tr>
                <th>{mt(lang, 'colFinding')}</th>
                <th>{mt(lang, 'colMediumId')}</th>
                <th>{mt(lang, 'colRequest')}</th>
                <th>{mt(lang, 'colAt')}</th>
                <th>{mt(lang, 'colLogSeq')}</th>
                <th>{mt(lang, 'colDetail')}</th>
              </tr>
            </thead>
            <tbody>
              {report.findings.map((f, i) => (
                <tr key={`${f.kind}-${f.requestId ?? ''}-${f.mediumId ?? ''}-${i}`} data-finding={f.kind}>
                  <td className="warn-text">{label(FINDING_LABELS, f.kind, lang)}</td>
                  <td>{f.mediumId ?? ''}</td>
                  <td>{f.requestId ?? ''}</td>
                  <td>{localTime(f.at)}</td>
                  <td>{f.logSeq ?? ''}</td>
                  <td className="wrap">{f.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
