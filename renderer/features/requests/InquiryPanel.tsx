// RQ-2: one slip: rank, deadline, the chair flag, 経過, and what can be done now. The chair's decision
// is a manager's entry (incident.manage); answering waits for it on an escalated slip — the screen says
// so, and the main process refuses it anyway (inquiry_chair_decision_required).
import { useEffect, useState } from 'react';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { complain } from '../admin/controls';
import { localTime } from '../media/format';
import { ChairFlag } from './ChairFlag';
import { Area, CheckLine } from './controls';
import { fetchQuietly } from './fetch';
import { History } from './History';
import { CHANNEL_LABELS, INQUIRY_STATUS_LABELS, LEVEL_LABELS, type Inquiry, type RequestEvent } from './labels';
import { rqm, rqt } from './text';

export function InquiryPanel({ slipNo, onChanged }: { slipNo: string; onChanged(slipNo: string): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const isManager = usePermission('incident.manage');
  const [data, setData] = useState<{ slip: Inquiry; events: RequestEvent[] } | null>(null);
  const [note, setNote] = useState('');
  const [leak, setLeak] = useState(false);
  const [decision, setDecision] = useState('');
  const [answer, setAnswer] = useState('');

  const load = async () => {
    const r = await fetchQuietly(() => call('requests.inquiry.get', { slipNo }));
    if (r) setData(r);
  };
  useEffect(() => {
    void load();
  }, [slipNo]);
  const after = async (message: Parameters<typeof rqm>[0]) => {
    useApp.getState().inform(rqm(message, { id: slipNo }));
    setNote('');
    setLeak(false);
    setDecision('');
    setAnswer('');
    await load();
    await onChanged(slipNo);
  };

  const progress = async () => {
    if (!note.trim()) return complain(rqm('noteRequired'));
    if (await run(() => call('requests.inquiry.progress', { slipNo, note, seriousLeak: leak }))) await after('progressed');
  };
  const chair = async () => {
    if (!decision.trim()) return complain(rqm('fieldsRequired', { fields: rqt(lang, 'chairDecision') }));
    if (await run(() => call('requests.inquiry.chairDecision', { slipNo, decision }))) await after('chairRecorded');
  };
  const answerIt = async () => {
    if (!answer.trim()) return complain(rqm('answerRequired'));
    if (await run(() => call('requests.inquiry.answer', { slipNo, answer }))) await after('answeredInquiry');
  };

  if (!data) return null;
  const s = data.slip;
  const open = s.status !== 'answered';
  return (
    <div className="panel-form" data-testid="inquiry-detail" data-status={s.status}>
      <h3>
        {s.slipNo}
        <span className={`rq-rank rq-rank-${s.rank} rq-rank-badge`} data-testid="inquiry-rank">{s.rank}</span>
        <ChairFlag slip={s} />
      </h3>
      <dl className="mini-facts">
        <div><dt>{rqt(lang, 'colReceivedAt')}</dt><dd>{localTime(s.receivedAt)}（{CHANNEL_LABELS[s.channel][lang]}・{s.receivedBy}）</dd></div>
        <div><dt>{rqt(lang, 'requester')}</dt><dd>{s.requester}</dd></div>
        <div><dt>{rqt(lang, 'contact')}</dt><dd>{s.contact}</dd></div>
        <div><dt>{rqt(lang, 'priority')}・{rqt(lang, 'urgency')}</dt><dd>{LEVEL_LABELS[s.priority][lang]}・{LEVEL_LABELS[s.urgency][lang]}</dd></div>
        <div><dt>{rqt(lang, 'responseTeam')}</dt><dd>{s.responseTeam}</dd></div>
        <div><dt>{rqt(lang, 'colDue')}</dt><dd className={s.overdue ? 'bad' : undefined} data-testid="inquiry-due">{s.answerDue}{s.overdue ? `（${rqt(lang, 'overdue')}）` : ''}</dd></div>
        <div><dt>{rqt(lang, 'colStatus')}</dt><dd data-testid="inquiry-status">{INQUIRY_STATUS_LABELS[s.status][lang]}</dd></div>
      </dl>
      <p className="rq-content">{s.content}</p>
      {s.escalatedToChair ? (
        <div className={s.awaitingChair ? 'rq-alert' : 'rq-alert rq-alert-done'} data-testid="chair-box">
          <p>{rqt(lang, 'chairReported', { at: localTime(s.escalatedAt), by: s.escalatedBy ?? '' })}</p>
          {s.chairDecision ? (
            <p data-testid="chair-decision">
              <b>{rqt(lang, 'chairDecision')}</b>：{s.chairDecision}（{localTime(s.chairDecidedAt)}・{s.chairDecidedBy}）
            </p>
          ) : null}
          {s.awaitingChair && isManager ? (
            <>
              <Area id="iqChairDecision" label={rqt(lang, 'chairDecision')} value={decision} onChange={setDecision} maxLength={2000} hint={rqt(lang, 'chairDecisionHint')} />
              <div className="actions">
                <button type="button" className="primary" data-testid="record-chair" onClick={() => void chair()}>
                  {rqt(lang, 'recordChair')}
                </button>
              </div>
            </>
          ) : null}
          {s.awaitingChair && !isManager ? <p className="muted small">{rqt(lang, 'needsManager')}</p> : null}
        </div>
      ) : null}
      {s.answer ? <p className="rq-content rq-answer">{s.answer}（{localTime(s.answeredAt)}・{s.answeredBy}）</p> : null}
      {open ? (
        <>
          <h4>{rqt(lang, 'progress')}</h4>
          <Area id="iqNote" label={rqt(lang, 'note')} value={note} onChange={setNote} maxLength={2000} />
          {!s.escalatedToChair ? <CheckLine id="iqProgressLeak" label={rqt(lang, 'progressLeak')} checked={leak} onChange={setLeak} /> : null}
          <div className="actions">
            <button type="button" data-testid="progress-inquiry" onClick={() => void progress()}>
              {rqt(lang, 'progress')}
            </button>
          </div>
          <h4>{rqt(lang, 'answerInquiry')}</h4>
          {s.awaitingChair ? <p className="rq-blocked" data-testid="answer-blocked">{rqt(lang, 'answerBlocked')}</p> : null}
          <Area id="iqAnswer" label={rqt(lang, 'answer')} value={answer} onChange={setAnswer} />
          <div className="actions">
            <button type="button" className="primary" data-testid="answer-inquiry" onClick={() => void answerIt()}>
              {rqt(lang, 'answerInquiry')}
            </button>
          </div>
        </>
      ) : null}
      <History events={data.events} />
    </div>
  );
}
