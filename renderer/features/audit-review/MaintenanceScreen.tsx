// AU-4: the supervising administrator records a contractor's maintenance session: who, for what, when
// it started and ended (each an operation-log entry, so the work is the log between them), and the
// test runs done before handing the terminal back.
import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp, usePermission } from '../../app/store';
import { complain, Input, TextArea } from '../admin/controls';
import { Tabs } from '../media/Tabs';
import { REVIEW_TABS } from './tab-list';
import { vm, vt } from './text';

type Session = ChannelOutput<'maintenance.list'>['sessions'][number];
type TestRow = { key: number; name: string; result: 'pass' | 'fail'; note: string };

let rowKey = 0;
const newRow = (): TestRow => ({ key: ++rowKey, name: '', result: 'pass', note: '' });

export function MaintenanceScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayRecord = usePermission('maintenance.record');
  const [sessions, setSessions] = useState<Session[] | null>(null);
  const [company, setCompany] = useState('');
  const [workers, setWorkers] = useState('');
  const [purpose, setPurpose] = useState('');

  const load = async () => {
    const r = await run(() => call('maintenance.list', { limit: 50 }));
    if (r) setSessions(r.sessions);
    return r !== undefined;
  };
  useEffect(() => {
    void load();
  }, []);

  const start = async (e: FormEvent) => {
    e.preventDefault();
    if (company.trim() === '' || workers.trim() === '' || purpose.trim() === '') return complain(vm('startRequired'));
    const done = await run(() => call('maintenance.record', { action: 'start', company, workers, purpose }));
    if (!done) return;
    setCompany('');
    setWorkers('');
    setPurpose('');
    if (!(await load())) return;
    useApp.getState().inform(vm('started', { id: done.session.maintenanceId }));
  };

  const open = (sessions ?? []).filter((s) => s.endedAt === null);
  return (
    <section className="screen screen-review" data-testid="maintenance">
      <Tabs tabs={REVIEW_TABS} current="maintenance" />
      <div className="screen-head">
        <h2>{vt(lang, 'maintenanceTitle')}</h2>
        <button type="button" disabled={busy} onClick={() => void load()}>
          {vt(lang, 'reload')}
        </button>
      </div>
      <p className="muted small">{vt(lang, 'maintenanceLead')}</p>
      {mayRecord ? (
        <div className="maintenance-forms">
          <form className="panel-form" onSubmit={start} noValidate data-testid="maintenance-start">
            <h3>{vt(lang, 'startTitle')}</h3>
            <Input id="mntCompany" label={vt(lang, 'company')} value={company} onChange={setCompany} maxLength={100} />
            <Input id="mntWorkers" label={vt(lang, 'workers')} value={workers} onChange={setWorkers} maxLength={200} />
            <TextArea id="mntPurpose" label={vt(lang, 'purpose')} value={purpose} onChange={setPurpose} />
            <div className="actions">
              <button type="submit" className="primary" disabled={busy}>
                {vt(lang, 'start')}
              </button>
            </div>
          </form>
          <div className="panel-form maintenance-open">
            <h3>{vt(lang, 'openSessions')}</h3>
            {open.length === 0 ? <p className="muted">{vt(lang, 'noOpen')}</p> : null}
            {open.map((s) => (
              <EndForm key={s.maintenanceId} session={s} onEnded={load} />
            ))}
          </div>
        </div>
      ) : (
        <p className="muted small">{vt(lang, 'noMaintenanceRight')}</p>
      )}
      <div className="plain-table-wrap maintenance-history">
        <table className="plain-table compact" data-testid="maintenance-table">
          <thead>
            <tr>
              <th>{vt(lang, 'colId')}</th>
              <th>{vt(lang, 'company')}</th>
              <th>{vt(lang, 'workers')}</th>
              <th>{vt(lang, 'purpose')}</th>
              <th>{vt(lang, 'colSupervisor')}</th>
              <th>{vt(lang, 'colStarted')}</th>
              <th>{vt(lang, 'colEnded')}</th>
              <th>{vt(lang, 'colLog')}</th>
              <th>{vt(lang, 'colTests')}</th>
              <th>{vt(lang, 'summary')}</th>
            </tr>
          </thead>
          <tbody>
            {(sessions ?? []).map((s) => (
              <tr key={s.maintenanceId} data-maintenance-id={s.maintenanceId}>
                <td>{s.maintenanceId}</td>
                <td>{s.company}</td>
                <td className="wrap">{s.workers}</td>
                <td className="wrap">{s.purpose}</td>
                <td>{s.supervisor}</td>
                <td>{formatTime(s.startedAt)}</td>
                <td>{s.endedAt ? formatTime(s.endedAt) : <span className="status-locked">{vt(lang, 'inProgress')}</span>}</td>
                <td>
                  {s.startSeq}〜{s.endSeq ?? ''}
                </td>
                <td>{s.endedAt ? vt(lang, 'testsSummary', { pass: s.testRuns.filter((t) => t.result === 'pass').length, fail: s.testRuns.filter((t) => t.result === 'fail').length }) : ''}</td>
                <td className="wrap">{s.summary ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {sessions && sessions.length === 0 ? <p className="table-note muted">{vt(lang, 'noSessions')}</p> : null}
      </div>
    </section>
  );
}

/** Ends one open session with its summary and the test runs done (each named, pass or fail). */
function EndForm({ session, onEnded }: { session: Session; onEnded(): Promise<boolean> }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [summary, setSummary] = useState('');
  const [tests, setTests] = useState<TestRow[]>(() => [newRow()]);
  const change = (key: number, patch: Partial<TestRow>) => setTests(tests.map((t) => (t.key === key ? { ...t, ...patch } : t)));

  const end = async (e: FormEvent) => {
    e.preventDefault();
    if (summary.trim() === '') return complain(vm('summaryRequired'));
    if (tests.some((t) => t.name.trim() === '')) return complain(vm('testNameRequired'));
    const testRuns = tests.map(({ name, result, note }) => ({ name, result, note }));
    const done = await run(() => call('maintenance.record', { action: 'end', maintenanceId: session.maintenanceId, summary, testRuns }));
    if (!done) return;
    if (!(await onEnded())) return;
    useApp.getState().inform(vm('ended', { id: done.session.maintenanceId, count: done.session.testRuns.length }));
  };

  return (
    <form className="end-form" onSubmit={end} noValidate data-testid="maintenance-end">
      <h4>{vt(lang, 'endTitle', { id: session.maintenanceId })}</h4>
      <p className="muted small">
        {session.company}（{session.workers}）{formatTime(session.startedAt)}
      </p>
      <Input id={`mntSummary-${session.maintenanceId}`} label={vt(lang, 'summary')} value={summary} onChange={setSummary} maxLength={2000} />
      <fieldset className="test-runs">
        <legend>{vt(lang, 'testRuns')}</legend>
        {tests.map((t, i) => (
          <div key={t.key} className="test-row">
            <input aria-label={`${vt(lang, 'testName')} ${i + 1}`} placeholder={vt(lang, 'testName')} value={t.name} maxLength={200} autoComplete="off" spellCheck={false} onChange={(e) => change(t.key, { name: e.target.value })} />
            <select aria-label={`${vt(lang, 'testResult')} ${i + 1}`} value={t.result} onChange={(e) => change(t.key, { result: e.target.value === 'fail' ? 'fail' : 'pass' })}>
              <option value="pass">{vt(lang, 'pass')}</option>
              <option value="fail">{vt(lang, 'fail')}</option>
            </select>
            <input aria-label={`${vt(lang, 'testNote')} ${i + 1}`} placeholder={vt(lang, 'testNote')} value={t.note} maxLength={1000} autoComplete="off" spellCheck={false} onChange={(e) => change(t.key, { note: e.target.value })} />
            <button type="button" onClick={() => setTests(tests.filter((x) => x.key !== t.key))}>
              {vt(lang, 'removeTest')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setTests([...tests, newRow()])}>
          {vt(lang, 'addTest')}
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {vt(lang, 'end')}
        </button>
      </div>
    </form>
  );
}
