// DP-4: the caller's own reports (the router lists only those, within their keeping period), making a
// 個人番号入力結果一覧 with the creator's password, and opening one with it. The password is component
// state only and is cleared as soon as it has been sent.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { BUSINESS_LABELS } from '../../../shared/codes';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp, usePermission } from '../../app/store';
import { complain } from '../admin/controls';
import { runMedia } from '../media/run';
import { ReportSheet, type OpenedReport } from './ReportSheet';
import { pm, pt } from './text';

type ReportSummary = ChannelOutput<'report.list'>['reports'][number];
const SHIKAKU_ID = /^[A-Z0-9-]{1,20}$/;

/** 資格IDs as typed: one a line, or separated by spaces or commas (full-width too). */
function parseIds(text: string): string[] {
  return [...new Set(text.toUpperCase().split(/[\s,、，]+/u).filter((s) => s !== ''))];
}

export function ReportsScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayCreate = usePermission('mynumber.reveal');
  const [reports, setReports] = useState<ReportSummary[] | null>(null);
  const [ids, setIds] = useState('');
  const [password, setPassword] = useState('');
  const [opening, setOpening] = useState<ReportSummary | null>(null);
  const [opened, setOpened] = useState<OpenedReport | null>(null);

  const load = async () => {
    const r = await run(() => call('report.list', {}));
    if (r) setReports(r.reports);
    return r !== undefined;
  };
  useEffect(() => {
    void load();
  }, []);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    const list = parseIds(ids);
    if (list.length === 0) return complain(pm('idsRequired'));
    const bad = list.filter((s) => !SHIKAKU_ID.test(s) || /^\d{12}$/.test(s));
    // A 12-digit entry is never echoed back: it may be a My Number typed in the wrong box.
    if (bad.length > 0) return complain(pm('idsInvalid', { ids: bad.map((s) => (/^\d{12}$/.test(s) ? '************' : s)).join(', ') }));
    if (list.length > 1000) return complain(pm('idsTooMany'));
    if (password === '') return complain(pm('passwordRequired'));
    const typed = password;
    setPassword('');
    const made = await run(() => call('report.create', { shikakuIds: list, password: typed }));
    if (!made) return;
    setIds('');
    if (!(await load())) return;
    useApp.getState().inform(pm('created', { reportId: made.reportId, rows: made.rows, expires: formatTime(made.expiresAt) ?? made.expiresAt }));
  };

  const open = async (reportId: string, typed: string) => {
    const r = await runMedia(() => call('report.open', { reportId, password: typed }));
    if (!r) return;
    setOpening(null);
    setOpened(r);
  };

  if (opened) return <ReportSheet opened={opened} onClose={() => setOpened(null)} />;

  const now = Date.now();
  return (
    <section className="screen screen-reports" data-testid="reports">
      <div className="screen-head">
        <h2>{pt(lang, 'title')}</h2>
        <button type="button" disabled={busy} onClick={() => void load()}>
          {pt(lang, 'reload')}
        </button>
      </div>
      <p className="lead">{pt(lang, 'lead')}</p>
      <div className="reports-layout">
        <div className="reports-list">
          <h3>{pt(lang, 'listTitle')}</h3>
          <p className="muted small">{pt(lang, 'listNote')}</p>
          {reports && reports.length === 0 ? <p className="muted" data-testid="reports-none">{pt(lang, 'none')}</p> : null}
          {reports && reports.length > 0 ? (
            <table className="plain-table compact" data-testid="reports-table">
              <thead>
                <tr>
                  <th>{pt(lang, 'colId')}</th>
                  <th>{pt(lang, 'colTitle')}</th>
                  <th>{pt(lang, 'colBusiness')}</th>
                  <th className="num">{pt(lang, 'colRows')}</th>
                  <th>{pt(lang, 'colCreated')}</th>
                  <th>{pt(lang, 'colExpires')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {reports.map((r) => (
                  <tr key={r.reportId} data-report-id={r.reportId}>
                    <td>{r.reportId}</td>
                    <td className="wrap">{r.title}</td>
                    <td>{BUSINESS_LABELS[r.business][lang]}</td>
                    <td className="num">{r.rows}</td>
                    <td>{formatTime(r.createdAt)}</td>
                    <td>
                      {formatTime(r.expiresAt)} <span className="muted">{pt(lang, 'remaining', { hours: Math.max(0, Math.ceil((Date.parse(r.expiresAt) - now) / 3_600_000)) })}</span>
                    </td>
                    <td className="cell-actions">
                      {mayCreate ? (
                        <button type="button" data-testid="report-open" onClick={() => setOpening(r)}>
                          {pt(lang, 'open')}
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
        <aside className="side-panel">
          <h3>{pt(lang, 'createTitle')}</h3>
          {mayCreate ? (
            <form className="panel-form" onSubmit={create} noValidate data-testid="report-create-form">
              <div className="field">
                <label htmlFor="reportIds">{pt(lang, 'shikakuIds')}</label>
                <textarea id="reportIds" rows={6} value={ids} spellCheck={false} autoComplete="off" onChange={(e) => setIds(e.target.value)} />
                <div className="field-hint">{pt(lang, 'shikakuIdsHint')}</div>
              </div>
              <div className="field">
                <label htmlFor="reportPassword">{pt(lang, 'password')}</label>
                <input id="reportPassword" type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
                <div className="field-hint">{pt(lang, 'passwordHint')}</div>
              </div>
              <div className="actions">
                <button type="submit" className="primary" data-testid="report-create" disabled={busy}>
                  {pt(lang, 'create')}
                </button>
              </div>
            </form>
          ) : (
            <p className="muted small">{pt(lang, 'noCreateRight')}</p>
          )}
        </aside>
      </div>
      {opening ? <OpenDialog report={opening} busy={busy} onOpen={(typed) => void open(opening.reportId, typed)} onCancel={() => setOpening(null)} /> : null}
    </section>
  );
}

/** Asks for the creator's password; the typed text is dropped when the dialog sends or closes. */
function OpenDialog({ report, busy, onOpen, onCancel }: { report: ReportSummary; busy: boolean; onOpen(password: string): void; onCancel(): void }) {
  const lang = useApp((s) => s.lang);
  const [password, setPassword] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password === '') return complain(pm('passwordRequired'));
    const typed = password;
    setPassword('');
    onOpen(typed);
  };
  return (
    <div className="dialog-backdrop" role="presentation">
      <form className="dialog" role="dialog" aria-modal="true" aria-labelledby="report-open-title" data-testid="report-open-dialog" onSubmit={submit} noValidate>
        <h3 id="report-open-title">{pt(lang, 'openTitle', { reportId: report.reportId })}</h3>
        <div className="field">
          <label htmlFor="reportOpenPassword">{pt(lang, 'openLead')}</label>
          <input ref={input} id="reportOpenPassword" type="password" value={password} autoComplete="off" onChange={(e) => setPassword(e.target.value)} />
        </div>
        <div className="actions">
          <button type="button" onClick={onCancel}>
            {pt(lang, 'cancel')}
          </button>
          <button type="submit" className="primary" data-testid="report-open-yes" disabled={busy}>
            {pt(lang, 'openYes')}
          </button>
        </div>
      </form>
    </div>
  );
}
