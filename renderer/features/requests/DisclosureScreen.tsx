// RQ-1: the register of 様式1・様式2 requests: received with a deadline, reviewed, answered or
// withdrawn; open requests past their deadline carry the overdue flag the main process computes.
import { useEffect, useState } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Tabs } from '../media/Tabs';
import { DisclosureForm } from './DisclosureForm';
import { DisclosurePanel } from './DisclosurePanel';
import { DISCLOSURE_STATUS_LABELS, FORM_LABELS, KIND_LABELS, type Disclosure } from './labels';
import { REQUEST_TABS } from './tab-list';
import { rqt } from './text';

type StatusFilter = Disclosure['status'] | '';

export function DisclosureScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [rows, setRows] = useState<Disclosure[] | null>(null);
  const [status, setStatus] = useState<StatusFilter>('');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = async (): Promise<void> => {
    const r = await run(() => call('requests.disclosure.list', { ...(status ? { status } : {}), overdueOnly }));
    if (r) setRows(r);
  };
  useEffect(() => {
    void load();
  }, [status, overdueOnly]);

  const afterChange = async (requestId: string): Promise<void> => {
    setCreating(false);
    setSelectedId(requestId);
    const r = await call('requests.disclosure.list', { ...(status ? { status } : {}), overdueOnly }).catch(() => null);
    if (r) setRows(r);
  };

  return (
    <section className="screen screen-requests" data-testid="disclosure-screen">
      <Tabs tabs={REQUEST_TABS} current="requests" />
      <div className="screen-head">
        <h2>{rqt(lang, 'disclosureTitle')}</h2>
        <div className="head-actions">
          <button type="button" onClick={() => void load()}>
            {rqt(lang, 'reload')}
          </button>
          <button type="button" className="primary" data-testid="new-disclosure" onClick={() => setCreating(true)}>
            {rqt(lang, 'newDisclosure')}
          </button>
        </div>
      </div>
      <p className="lead">{rqt(lang, 'disclosureLead')}</p>
      <div className="filter-bar">
        <div className="field">
          <label htmlFor="disclosureStatus">{rqt(lang, 'filterStatus')}</label>
          <select id="disclosureStatus" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
            <option value="">{rqt(lang, 'all')}</option>
            {(Object.keys(DISCLOSURE_STATUS_LABELS) as Disclosure['status'][]).map((s) => (
              <option key={s} value={s}>
                {DISCLOSURE_STATUS_LABELS[s][lang]}
              </option>
            ))}
          </select>
        </div>
        <label className="check rq-filter-check">
          <input type="checkbox" id="overdueOnly" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />
          {rqt(lang, 'overdueOnly')}
        </label>
      </div>
      <div className="admin-layout">
        <div className="plain-table-wrap">
          <table className="plain-table selectable" data-testid="disclosure-table">
            <thead>
              <tr>
                <th>{rqt(lang, 'colRequestId')}</th>
                <th>{rqt(lang, 'colForm')}</th>
                <th>{rqt(lang, 'colKind')}</th>
                <th>{rqt(lang, 'colRequester')}</th>
                <th>{rqt(lang, 'colReceived')}</th>
                <th>{rqt(lang, 'colDue')}</th>
                <th>{rqt(lang, 'colStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((r) => (
                <tr key={r.requestId} data-request-id={r.requestId} className={r.requestId === selectedId ? 'selected' : undefined} onClick={() => { setCreating(false); setSelectedId(r.requestId); }}>
                  <td>{r.requestId}</td>
                  <td>{FORM_LABELS[r.form][lang]}</td>
                  <td>{KIND_LABELS[r.kind][lang]}</td>
                  <td>{r.requesterName}</td>
                  <td>{r.receivedOn}</td>
                  <td className={r.overdue ? 'bad' : undefined}>
                    {r.dueOn}
                    {r.overdue ? <span className="rq-flag rq-flag-bad" data-testid="overdue-flag">{rqt(lang, 'overdue')}</span> : null}
                  </td>
                  <td>{DISCLOSURE_STATUS_LABELS[r.status][lang]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows !== null && rows.length === 0 ? <p className="table-note muted">{rqt(lang, 'noDisclosures')}</p> : null}
        </div>
        <aside className="side-panel" data-testid="disclosure-panel">
          {creating ? <DisclosureForm onDone={afterChange} onCancel={() => setCreating(false)} /> : null}
          {!creating && selectedId ? <DisclosurePanel key={selectedId} requestId={selectedId} onChanged={afterChange} /> : null}
          {!creating && !selectedId ? <p className="muted">{rqt(lang, 'choose')}</p> : null}
        </aside>
      </div>
    </section>
  );
}
