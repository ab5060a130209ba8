// RQ-3: leak incidents (管理責任者): each through the seven steps in order, the next step shown, and
// for a serious incident the immediate report to the commission (速報), flagged until it is recorded.
import { useEffect, useState } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { localTime } from '../media/format';
import { Tabs } from '../media/Tabs';
import { IncidentForm } from './IncidentForm';
import { IncidentPanel } from './IncidentPanel';
import { stepName, type Incident } from './labels';
import { REQUEST_TABS } from './tab-list';
import { rqt } from './text';

export function IncidentScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [rows, setRows] = useState<Incident[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = async () => {
    const r = await run(() => call('incident.list', {}));
    if (r) setRows(r);
  };
  useEffect(() => {
    void load();
  }, []);
  const afterChange = async (incidentId: string) => {
    setCreating(false);
    setSelected(incidentId);
    const r = await call('incident.list', {}).catch(() => null);
    if (r) setRows(r);
  };

  return (
    <section className="screen screen-requests" data-testid="incident-screen">
      <Tabs tabs={REQUEST_TABS} current="requests-incidents" />
      <div className="screen-head">
        <h2>{rqt(lang, 'incidentTitle')}</h2>
        <div className="head-actions">
          <button type="button" onClick={() => void load()}>
            {rqt(lang, 'reload')}
          </button>
          <button type="button" className="primary" data-testid="new-incident" onClick={() => setCreating(true)}>
            {rqt(lang, 'newIncident')}
          </button>
        </div>
      </div>
      <p className="lead">{rqt(lang, 'incidentLead')}</p>
      <div className="admin-layout rq-incident-layout">
        <div className="plain-table-wrap">
          <table className="plain-table selectable" data-testid="incident-table">
            <thead>
              <tr>
                <th>{rqt(lang, 'colIncidentId')}</th>
                <th>{rqt(lang, 'colTitle')}</th>
                <th>{rqt(lang, 'colDiscovered')}</th>
                <th>{rqt(lang, 'colNext')}</th>
                <th>{rqt(lang, 'colFlags')}</th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((i) => (
                <tr key={i.incidentId} data-incident-id={i.incidentId} className={i.incidentId === selected ? 'selected' : undefined} onClick={() => { setCreating(false); setSelected(i.incidentId); }}>
                  <td>{i.incidentId}</td>
                  <td className="wrap">{i.title}</td>
                  <td>{localTime(i.discoveredAt)}</td>
                  <td>{i.nextStep ? `${rqt(lang, 'stepN', { step: i.nextStep })} ${stepName(i.nextStep, lang)}` : rqt(lang, 'statusClosed')}</td>
                  <td>
                    {i.serious ? <span className="rq-flag rq-flag-warn">{rqt(lang, 'seriousFlag')}</span> : null}
                    {i.preliminaryDue ? <span className="rq-flag rq-flag-bad">{rqt(lang, 'preliminaryDue')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows !== null && rows.length === 0 ? <p className="table-note muted">{rqt(lang, 'noIncidents')}</p> : null}
        </div>
        <aside className="side-panel" data-testid="incident-panel">
          {creating ? <IncidentForm onDone={afterChange} onCancel={() => setCreating(false)} /> : null}
          {!creating && selected ? <IncidentPanel key={selected} incidentId={selected} onChanged={afterChange} /> : null}
          {!creating && !selected ? <p className="muted">{rqt(lang, 'choose')}</p> : null}
        </aside>
      </div>
    </section>
  );
}
