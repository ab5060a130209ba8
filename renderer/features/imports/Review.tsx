import { useState } from 'react';
import { useApp, usePermission } from '../../app/store';
import { localTime } from '../media/format';
import { ReviewTable } from './ReviewTable';
import { useImports, type Filter, type ImportSummary } from './store';
import { imt, type ImportTextKey } from './text';

const STATUS: Record<ImportSummary['session']['status'], ImportTextKey> = { previewed: 'statusPreviewed', confirmed: 'statusConfirmed', abandoned: 'statusAbandoned' };
const KIND: Record<ImportSummary['session']['kind'], ImportTextKey> = { input: 'kindInput', update: 'kindUpdate', cancel: 'kindCancel' };

function same(a: Filter, b: Filter): boolean {
  return a.by === b.by && (a.by !== 'check' || (b.by === 'check' && a.code === b.code));
}

/** DQ-2: the file's results (filters per result and per check, per employer), then confirm or abandon. */
export function Review({ summary }: { summary: ImportSummary }) {
  const lang = useApp((s) => s.lang);
  const { session, byCheck, employers } = summary;
  const filter = useImports((s) => s.filter);
  const total = useImports((s) => s.total);
  const setFilter = useImports((s) => s.setFilter);
  const chips: { filter: Filter; text: string; tone: string }[] = [
    { filter: { by: 'all' }, text: `${imt(lang, 'filterAll')} ${session.counts.total.toLocaleString()}`, tone: '' },
    { filter: { by: 'error' }, text: `${imt(lang, 'filterErrors')} ${session.counts.error.toLocaleString()}`, tone: 'chip-error' },
    { filter: { by: 'warning' }, text: `${imt(lang, 'filterWarnings')} ${session.counts.warning.toLocaleString()}`, tone: 'chip-warning' },
  ];

  return (
    <div className="review" data-testid="import-review" data-import-id={session.importId} data-status={session.status}>
      <div className="review-facts">
        <dl className="facts">
          <div>
            <dt>{imt(lang, 'importId')}</dt>
            <dd data-testid="import-id">{session.importId}</dd>
          </div>
          <div>
            <dt>{imt(lang, 'kind')}</dt>
            <dd>{imt(lang, KIND[session.kind])}</dd>
          </div>
          <div>
            <dt>{imt(lang, 'encoding')}</dt>
            <dd data-testid="import-encoding">{session.encodingLabel}</dd>
          </div>
          <div>
            <dt>{imt(lang, 'status')}</dt>
            <dd data-testid="import-status">
              {imt(lang, STATUS[session.status])}・{imt(lang, session.sourceDeleted ? 'sourceDeleted' : 'sourceKept')}
            </dd>
          </div>
          <div>
            <dt>{imt(lang, 'colCreated')}</dt>
            <dd>
              {localTime(session.createdAt)} {session.createdBy}
            </dd>
          </div>
        </dl>
        <table className="plain-table compact employers" data-testid="employer-breakdown">
          <thead>
            <tr>
              <th>{imt(lang, 'colEmployer')}</th>
              <th>{imt(lang, 'colTotal')}</th>
              <th>{imt(lang, 'colOk')}</th>
              <th>{imt(lang, 'colWarning')}</th>
              <th>{imt(lang, 'colError')}</th>
            </tr>
          </thead>
          <tbody>
            {employers.map((e) => (
              <tr key={e.jigyoshoKigo}>
                <td>{e.jigyoshoKigo}</td>
                <td className="num">{e.total.toLocaleString()}</td>
                <td className="num">{e.ok.toLocaleString()}</td>
                <td className="num">{e.warning.toLocaleString()}</td>
                <td className="num">{e.error.toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="chips" role="group" aria-label={imt(lang, 'byCheck')} data-testid="filter-chips">
        {chips.map((c) => (
          <button key={c.filter.by} type="button" className={`chip ${c.tone} ${same(c.filter, filter) ? 'active' : ''}`} aria-pressed={same(c.filter, filter)} data-filter={c.filter.by} onClick={() => void setFilter(c.filter)}>
            {c.text}
          </button>
        ))}
        {byCheck.length > 0 ? <span className="chips-label">{imt(lang, 'byCheck')}：</span> : null}
        {byCheck.map((c) => {
          const f: Filter = { by: 'check', code: c.code };
          return (
            <button key={c.code} type="button" className={`chip chip-${c.severity} ${same(f, filter) ? 'active' : ''}`} aria-pressed={same(f, filter)} data-check={c.code} title={lang === 'ja' ? c.ja : c.en} onClick={() => void setFilter(f)}>
              <b>{c.count.toLocaleString()}</b> {lang === 'ja' ? c.ja : c.en}
            </button>
          );
        })}
        <span className="chips-count" data-testid="shown-rows">
          {imt(lang, 'shownRows', { count: total.toLocaleString() })}
        </span>
      </div>
      <ReviewTable />
      {session.status === 'previewed' ? <ConfirmBar summary={summary} /> : null}
    </div>
  );
}

function ConfirmBar({ summary }: { summary: ImportSummary }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const mayConfirm = usePermission('import.confirm');
  const working = useImports((s) => s.working);
  const confirm = useImports((s) => s.confirm);
  const abandon = useImports((s) => s.abandon);
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [asking, setAsking] = useState(false);
  const { counts } = summary.session;

  if (asking) {
    return (
      <div className="confirm-bar confirm-bar-danger" data-testid="abandon-ask">
        <span>{imt(lang, 'abandonAsk')}</span>
        <div className="actions">
          <button type="button" onClick={() => setAsking(false)}>
            {imt(lang, 'back')}
          </button>
          <button type="button" className="danger" data-testid="abandon-yes" disabled={busy} onClick={() => void abandon()}>
            {imt(lang, 'abandonYes')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="confirm-bar" data-testid="confirm-bar">
      <div className="confirm-text">
        {counts.warning > 0 && mayConfirm ? (
          <label className="check-line">
            <input type="checkbox" data-testid="accept-warnings" checked={acceptWarnings} onChange={(e) => setAcceptWarnings(e.target.checked)} />
            {imt(lang, 'acceptWarnings')}
          </label>
        ) : null}
        <span className="muted small">{mayConfirm ? imt(lang, 'confirmNote', { warn: acceptWarnings ? imt(lang, 'confirmNoteWarn') : '' }) : imt(lang, 'noConfirmRight')}</span>
      </div>
      <div className="actions">
        <button type="button" data-testid="abandon" disabled={busy} onClick={() => setAsking(true)}>
          {imt(lang, 'abandon')}
        </button>
        {mayConfirm ? (
          <button type="button" className="primary" data-testid="confirm-import" disabled={busy || counts.ok + (acceptWarnings ? counts.warning : 0) === 0} onClick={() => void confirm(acceptWarnings)}>
            {working === 'registering' ? imt(lang, 'registering') : imt(lang, 'confirm')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
