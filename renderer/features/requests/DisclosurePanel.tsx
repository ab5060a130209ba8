// RQ-1: one request: its facts, its 経過, and the transitions its state allows (received → in review
// → answered, or withdrawn). The main process refuses any other transition (request_bad_state).
import { useEffect, useState } from 'react';
import type { ChannelInput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Select } from '../admin/controls';
import { localTime } from '../media/format';
import { Area } from './controls';
import { fetchQuietly } from './fetch';
import { History } from './History';
import { DECISION_LABELS, DISCLOSURE_STATUS_LABELS, FORM_LABELS, KIND_LABELS, type Disclosure, type RequestEvent } from './labels';
import { rqm, rqt } from './text';

type Decision = NonNullable<Disclosure['decision']>;

export function DisclosurePanel({ requestId, onChanged }: { requestId: string; onChanged(requestId: string): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [data, setData] = useState<{ request: Disclosure; events: RequestEvent[] } | null>(null);
  const [note, setNote] = useState('');
  const [decision, setDecision] = useState<Decision>('granted');
  const [answer, setAnswer] = useState('');

  const load = async () => {
    const r = await fetchQuietly(() => call('requests.disclosure.get', { requestId }));
    if (r) setData(r);
  };
  useEffect(() => {
    void load();
  }, [requestId]);

  const advance = async (input: ChannelInput<'requests.disclosure.advance'>) => {
    const r = await run(() => call('requests.disclosure.advance', input));
    if (!r) return;
    const label = DISCLOSURE_STATUS_LABELS[r.status];
    useApp.getState().inform({ ja: rqt('ja', 'advanced', { id: r.requestId, status: label.ja }), en: rqt('en', 'advanced', { id: r.requestId, status: label.en }) });
    setNote('');
    setAnswer('');
    await load();
    await onChanged(r.requestId);
  };
  const withNote = (action: 'review' | 'withdraw') => {
    if (!note.trim()) return complain(rqm('noteRequired'));
    void advance({ requestId, action, note });
  };
  const answerIt = () => {
    if (!answer.trim()) return complain(rqm('answerRequired'));
    void advance({ requestId, action: 'answer', decision, answer });
  };

  if (!data) return null;
  const r = data.request;
  const open = r.status === 'received' || r.status === 'in_review';
  return (
    <div className="panel-form" data-testid="disclosure-detail" data-status={r.status}>
      <h3>
        {rqt(lang, 'requestFacts', { id: r.requestId })}
        {r.overdue ? <span className="rq-flag rq-flag-bad">{rqt(lang, 'overdue')}</span> : null}
      </h3>
      <dl className="mini-facts">
        <div><dt>{rqt(lang, 'form')}</dt><dd>{FORM_LABELS[r.form][lang]}（{KIND_LABELS[r.kind][lang]}）</dd></div>
        <div><dt>{rqt(lang, 'requesterName')}</dt><dd>{r.requesterName}（{rqt(lang, r.requesterRelation === 'self' ? 'relationSelf' : 'relationAgent')}）</dd></div>
        <div><dt>{rqt(lang, 'identityCheck')}</dt><dd>{r.identityCheck}</dd></div>
        <div><dt>{rqt(lang, 'shikakuId')}</dt><dd>{r.shikakuId ?? rqt(lang, 'none')}</dd></div>
        <div><dt>{rqt(lang, 'receivedOn')}</dt><dd>{r.receivedOn}</dd></div>
        <div><dt>{rqt(lang, 'colDue')}</dt><dd className={r.overdue ? 'bad' : undefined} data-testid="disclosure-due">{r.dueOn}</dd></div>
        <div><dt>{rqt(lang, 'colStatus')}</dt><dd data-testid="disclosure-status">{DISCLOSURE_STATUS_LABELS[r.status][lang]}</dd></div>
        {r.decision ? <div><dt>{rqt(lang, 'decision')}</dt><dd>{DECISION_LABELS[r.decision][lang]}（{r.answeredOn}）</dd></div> : null}
      </dl>
      <p className="rq-content">{r.content}</p>
      {r.answer ? <p className="rq-content rq-answer">{r.answer}</p> : null}
      {r.status === 'in_review' ? (
        <>
          <h4>{rqt(lang, 'doAnswer')}</h4>
          <Select id="rqDecision" label={rqt(lang, 'decision')} value={decision} options={(Object.keys(DECISION_LABELS) as Decision[]).map((d) => ({ value: d, label: DECISION_LABELS[d][lang] }))} onChange={setDecision} />
          <Area id="rqAnswer" label={rqt(lang, 'answer')} value={answer} onChange={setAnswer} hint={rqt(lang, 'answerHint')} />
          <div className="actions">
            <button type="button" className="primary" data-testid="answer-disclosure" onClick={answerIt}>
              {rqt(lang, 'doAnswer')}
            </button>
          </div>
        </>
      ) : null}
      {open ? (
        <>
          <h4>{rqt(lang, 'note')}</h4>
          <Area id="rqNote" label={rqt(lang, 'note')} value={note} onChange={setNote} maxLength={2000} />
          <div className="actions">
            <button type="button" className="danger" data-testid="withdraw-disclosure" onClick={() => withNote('withdraw')}>
              {rqt(lang, 'withdraw')}
            </button>
            {r.status === 'received' ? (
              <button type="button" className="primary" data-testid="review-disclosure" onClick={() => withNote('review')}>
                {rqt(lang, 'startReview')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      <History events={data.events} />
      <p className="muted small">{localTime(r.createdAt)} {r.createdBy}</p>
    </div>
  );
}
