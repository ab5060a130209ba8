// DQ-4: the year's 現況確認 of dependants: who is due on 1 April, who has been checked, and the result
// of each check (a second entry for the same year corrects the first; the router logs both).
import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { complain } from '../admin/controls';
import { Tabs } from '../media/Tabs';
import { QUALITY_TABS } from './tab-list';
import { qm, qt } from './text';

type Due = ChannelOutput<'quality.checksDue'>;
type Result = 'eligible' | 'ineligible' | 'unanswered';
const RESULTS: readonly Result[] = ['eligible', 'ineligible', 'unanswered'];

/** The Japan date, and the fiscal year (April to March) it falls in. */
function japanToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}
function fiscalYearOf(day: string): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

export function ChecksScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayRecord = usePermission('quality.check');
  const thisYear = fiscalYearOf(japanToday());
  const [year, setYear] = useState(thisYear);
  const [due, setDue] = useState<Due | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [result, setResult] = useState<Result>('eligible');
  const [checkedOn, setCheckedOn] = useState(japanToday());
  const [note, setNote] = useState('');

  const load = async (y = year) => {
    const d = await run(() => call('quality.checksDue', { year: y, limit: 500 }));
    if (d) setDue(d);
    return d !== undefined;
  };
  useEffect(() => {
    void load(year);
  }, [year]);

  const item = due?.items.find((i) => i.shikakuId === selected) ?? null;
  const choose = (shikakuId: string) => {
    setSelected(shikakuId);
    const chosen = due?.items.find((i) => i.shikakuId === shikakuId);
    setResult(chosen?.check?.result ?? 'eligible');
    setNote('');
  };

  const record = async (e: FormEvent) => {
    e.preventDefault();
    if (!item) return complain(qm('chooseRow'));
    const done = await run(() => call('quality.recordCheck', { shikakuId: item.shikakuId, year, result, checkedOn, note }));
    if (!done) return;
    if (!(await load())) return;
    useApp.getState().inform(qm(done.corrected ? 'checkCorrected' : 'checkRecorded', { shikakuId: item.shikakuId, year }));
  };

  return (
    <section className="screen screen-quality" data-testid="quality-checks">
      <Tabs tabs={QUALITY_TABS} current="quality-checks" />
      <div className="screen-head">
        <h2>{qt(lang, 'checksTitle')}</h2>
        <div className="head-actions">
          <div className="field inline-field">
            <label htmlFor="checkYear">{qt(lang, 'year')}</label>
            <select id="checkYear" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => (
                <option key={y} value={y}>
                  {qt(lang, 'yearOption', { year: y })}
                </option>
              ))}
            </select>
          </div>
          <button type="button" disabled={busy} onClick={() => void load()}>
            {qt(lang, 'reload')}
          </button>
        </div>
      </div>
      <p className="muted small">{qt(lang, 'checksLead')}</p>
      {due ? (
        <p className="quality-summary" data-testid="checks-summary">
          {qt(lang, 'checksSummary', { day: due.referenceDay, total: due.total, checked: due.checked, open: due.total - due.checked })}
        </p>
      ) : null}
      <div className="admin-layout">
        <div className="plain-table-wrap">
          {due && due.items.length === 0 ? <p className="table-note muted">{qt(lang, 'noneDue')}</p> : null}
          <table className="plain-table compact selectable" data-testid="checks-table">
            <thead>
              <tr>
                <th>{qt(lang, 'shikakuId')}</th>
                <th>{qt(lang, 'colHihokenshaNo')}</th>
                <th>{qt(lang, 'colEdaban')}</th>
                <th>{qt(lang, 'colName')}</th>
                <th>{qt(lang, 'colBirth')}</th>
                <th>{qt(lang, 'colResult')}</th>
                <th>{qt(lang, 'colCheckedOn')}</th>
                <th>{qt(lang, 'colBy')}</th>
              </tr>
            </thead>
            <tbody>
              {(due?.items ?? []).map((i) => (
                <tr key={i.shikakuId} data-shikaku-id={i.shikakuId} className={i.shikakuId === selected ? 'selected' : ''} onClick={() => choose(i.shikakuId)}>
                  <td>{i.shikakuId}</td>
                  <td>{i.hihokenshaNo}</td>
                  <td>{i.edaban}</td>
                  <td>{i.kanjiName}</td>
                  <td>{i.birthDate}</td>
                  <td className={i.check ? '' : 'status-locked'}>{i.check ? qt(lang, `result_${i.check.result}`) : qt(lang, 'unchecked')}</td>
                  <td>{i.check?.checkedOn ?? ''}</td>
                  <td>{i.check?.recordedBy ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {due && due.total > due.items.length ? <p className="table-note muted">{qt(lang, 'shownOf', { shown: due.items.length, total: due.total })}</p> : null}
        </div>
        <aside className="side-panel">
          <h3>{qt(lang, 'recordTitle')}</h3>
          {!mayRecord ? <p className="muted small">{qt(lang, 'noCheckRight')}</p> : null}
          {mayRecord && !item ? <p className="muted">{qt(lang, 'chooseRow')}</p> : null}
          {mayRecord && item ? (
            <form className="panel-form" onSubmit={record} noValidate data-testid="check-form">
              <dl className="mini-facts">
                <div>
                  <dt>{qt(lang, 'shikakuId')}</dt>
                  <dd>{item.shikakuId}</dd>
                </div>
                <div>
                  <dt>{qt(lang, 'colName')}</dt>
                  <dd>{item.kanjiName}</dd>
                </div>
              </dl>
              <div className="field">
                <label htmlFor="checkResult">{qt(lang, 'colResult')}</label>
                <select id="checkResult" value={result} onChange={(e) => setResult(e.target.value as Result)}>
                  {RESULTS.map((r) => (
                    <option key={r} value={r}>
                      {qt(lang, `result_${r}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="checkedOn">{qt(lang, 'checkedOn')}</label>
                <input id="checkedOn" type="date" value={checkedOn} onChange={(e) => setCheckedOn(e.target.value)} />
              </div>
              <div className="field">
                <label htmlFor="checkNote">{qt(lang, 'note')}</label>
                <input id="checkNote" value={note} maxLength={200} autoComplete="off" spellCheck={false} onChange={(e) => setNote(e.target.value)} />
                <div className="field-hint">{qt(lang, 'noteHint')}</div>
              </div>
              <div className="actions">
                <button type="submit" className="primary" data-testid="check-record" disabled={busy}>
                  {qt(lang, item.check ? 'correctCheck' : 'recordCheck')}
                </button>
              </div>
            </form>
          ) : null}
        </aside>
      </div>
    </section>
  );
}
