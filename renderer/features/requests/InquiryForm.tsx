// RQ-2: a new 受付票. The rank follows from 重要度 and 緊急度 (shown before it is sent); a serious leak
// makes it A and reports it to the chair in the same transaction.
import { useState } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Input, Select } from '../admin/controls';
import { Area, CheckLine, missing } from './controls';
import { CHANNEL_LABELS, LEVEL_LABELS, type Inquiry } from './labels';
import { rqm, rqt } from './text';

type Level = Inquiry['priority'];
const LEVELS: readonly Level[] = ['high', 'medium', 'low'];

/** The same rule as the main process (main/core/requests/inquiries.ts rankOf), to show it while typing. */
function rankOf(priority: Level, urgency: Level, seriousLeak: boolean): Inquiry['rank'] {
  if (seriousLeak || priority === 'high' || urgency === 'high') return 'A';
  return priority === 'low' && urgency === 'low' ? 'C' : 'B';
}

export function InquiryForm({ onDone, onCancel }: { onDone(slipNo: string): Promise<void>; onCancel(): void }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [channel, setChannel] = useState<Inquiry['channel']>('phone');
  const [requester, setRequester] = useState('');
  const [contact, setContact] = useState('');
  const [content, setContent] = useState('');
  const [priority, setPriority] = useState<Level>('medium');
  const [urgency, setUrgency] = useState<Level>('medium');
  const [responseTeam, setResponseTeam] = useState('');
  const [answerDue, setAnswerDue] = useState('');
  const [seriousLeak, setSeriousLeak] = useState(false);
  const levels = LEVELS.map((l) => ({ value: l, label: LEVEL_LABELS[l][lang] }));

  const submit = async () => {
    const empty = missing([
      [requester, rqt(lang, 'requester')],
      [contact, rqt(lang, 'contact')],
      [content, rqt(lang, 'content')],
      [responseTeam, rqt(lang, 'responseTeam')],
    ]);
    if (empty.length) return complain(rqm('fieldsRequired', { fields: empty.join('、') }));
    const r = await run(() => call('requests.inquiry.receive', { channel, requester, contact, content, priority, urgency, responseTeam, answerDue: answerDue || null, seriousLeak }));
    if (!r) return;
    useApp.getState().inform(rqm('slipCreated', { id: r.slipNo, rank: r.rank, due: r.answerDue }));
    await onDone(r.slipNo);
  };

  return (
    <form className="panel-form" data-testid="inquiry-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{rqt(lang, 'newInquiry')}</h3>
      <div className="grid-2">
        <Select id="iqChannel" label={rqt(lang, 'channel')} value={channel} options={(Object.keys(CHANNEL_LABELS) as Inquiry['channel'][]).map((c) => ({ value: c, label: CHANNEL_LABELS[c][lang] }))} onChange={setChannel} />
        <Input id="iqRequester" label={rqt(lang, 'requester')} value={requester} onChange={setRequester} maxLength={100} />
        <Input id="iqContact" label={rqt(lang, 'contact')} value={contact} onChange={setContact} maxLength={200} wide />
        <Area id="iqContent" label={rqt(lang, 'content')} value={content} onChange={setContent} hint={rqt(lang, 'noNumber')} />
        <Select id="iqPriority" label={rqt(lang, 'priority')} value={priority} options={levels} onChange={setPriority} />
        <Select id="iqUrgency" label={rqt(lang, 'urgency')} value={urgency} options={levels} onChange={setUrgency} />
        <Input id="iqTeam" label={rqt(lang, 'responseTeam')} value={responseTeam} onChange={setResponseTeam} maxLength={200} hint={rqt(lang, 'responseTeamHint')} wide />
        <Input id="iqDue" label={rqt(lang, 'answerDue')} value={answerDue} onChange={setAnswerDue} type="date" />
        <div className="field rq-rank-preview">
          <span className="field-hint">{rqt(lang, 'colRank')}</span>
          <b className={`rq-rank rq-rank-${rankOf(priority, urgency, seriousLeak)}`} data-testid="rank-preview">{rankOf(priority, urgency, seriousLeak)}</b>
        </div>
      </div>
      <CheckLine id="iqSeriousLeak" label={rqt(lang, 'seriousLeak')} checked={seriousLeak} onChange={setSeriousLeak} />
      <p className="field-hint">{rqt(lang, 'rankRule')}</p>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {rqt(lang, 'cancel')}
        </button>
        <button type="submit" className="primary" data-testid="receive-inquiry">
          {rqt(lang, 'receive')}
        </button>
      </div>
    </form>
  );
}
