// RQ-2: 問合せ受付票. Each slip has its rank and deadline; a serious-leak inquiry carries the flag of
// the report to the chair (理事長) until and after the manager records the chair's decision.
import { useEffect, useState } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { localTime } from '../media/format';
import { Tabs } from '../media/Tabs';
import { ChairFlag } from './ChairFlag';
import { InquiryForm } from './InquiryForm';
import { InquiryPanel } from './InquiryPanel';
import { CHANNEL_LABELS, INQUIRY_STATUS_LABELS, type Inquiry } from './labels';
import { REQUEST_TABS } from './tab-list';
import { rqt } from './text';

export function InquiryScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [rows, setRows] = useState<Inquiry[] | null>(null);
  const [openOnly, setOpenOnly] = useState(false);
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const load = async () => {
    const r = await run(() => call('requests.inquiry.list', { openOnly }));
    if (r) setRows(r);
  };
  useEffect(() => {
    void load();
  }, [openOnly]);
  const afterChange = async (slipNo: string) => {
    setCreating(false);
    setSelected(slipNo);
    const r = await call('requests.inquiry.list', { openOnly }).catch(() => null);
    if (r) setRows(r);
  };

  return (
    <section className="screen screen-requests" data-testid="inquiry-screen">
      <Tabs tabs={REQUEST_TABS} current="requests-inquiries" />
      <div className="screen-head">
        <h2>{rqt(lang, 'inquiryTitle')}</h2>
        <div className="head-actions">
          <label className="check">
            <input type="checkbox" id="inquiryOpenOnly" checked={openOnly} onChange={(e) => setOpenOnly(e.target.checked)} />
            {rqt(lang, 'openOnly')}
          </label>
          <button type="button" onClick={() => void load()}>
            {rqt(lang, 'reload')}
          </button>
          <button type="button" className="primary" data-testid="new-inquiry" onClick={() => setCreating(true)}>
            {rqt(lang, 'newInquiry')}
          </button>
        </div>
      </div>
      <p className="lead">{rqt(lang, 'inquiryLead')}</p>
      <div className="admin-layout">
        <div className="plain-table-wrap">
          <table className="plain-table selectable" data-testid="inquiry-table">
            <thead>
              <tr>
                <th>{rqt(lang, 'colSlipNo')}</th>
                <th>{rqt(lang, 'colReceivedAt')}</th>
                <th>{rqt(lang, 'colChannel')}</th>
                <th>{rqt(lang, 'requester')}</th>
                <th>{rqt(lang, 'colRank')}</th>
                <th>{rqt(lang, 'colDue')}</th>
                <th>{rqt(lang, 'colStatus')}</th>
                <th>{rqt(lang, 'colFlags')}</th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((s) => (
                <tr key={s.slipNo} data-slip-no={s.slipNo} className={s.slipNo === selected ? 'selected' : undefined} onClick={() => { setCreating(false); setSelected(s.slipNo); }}>
                  <td>{s.slipNo}</td>
                  <td>{localTime(s.receivedAt)}</td>
                  <td>{CHANNEL_LABELS[s.channel][lang]}</td>
                  <td>{s.requester}</td>
                  <td className={`rq-rank rq-rank-${s.rank}`}>{s.rank}</td>
                  <td className={s.overdue ? 'bad' : undefined}>{s.answerDue}</td>
                  <td>{INQUIRY_STATUS_LABELS[s.status][lang]}</td>
                  <td>
                    <ChairFlag slip={s} />
                    {s.overdue ? <span className="rq-flag rq-flag-bad">{rqt(lang, 'overdue')}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {rows !== null && rows.length === 0 ? <p className="table-note muted">{rqt(lang, 'noInquiries')}</p> : null}
        </div>
        <aside className="side-panel" data-testid="inquiry-panel">
          {creating ? <InquiryForm onDone={afterChange} onCancel={() => setCreating(false)} /> : null}
          {!creating && selected ? <InquiryPanel key={selected} slipNo={selected} onChanged={afterChange} /> : null}
          {!creating && !selected ? <p className="muted">{rqt(lang, 'choose')}</p> : null}
        </aside>
      </div>
    </section>
  );
}
