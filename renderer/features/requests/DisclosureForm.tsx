// RQ-1: receiving a 様式1 or 様式2 request. The kind decides the form; the deadline is set by the main
// process from the day of receipt (resources/requests.json).
import { useState } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Input, Select } from '../admin/controls';
import { Area, missing } from './controls';
import { FORM_LABELS, japanToday, KIND_FORM, KIND_LABELS, type Disclosure } from './labels';
import { rqm, rqt } from './text';

export function DisclosureForm({ onDone, onCancel }: { onDone(requestId: string): Promise<void>; onCancel(): void }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [form, setForm] = useState<Disclosure['form']>('youshiki1');
  const [kind, setKind] = useState<Disclosure['kind']>('disclosure');
  const [requesterName, setRequesterName] = useState('');
  const [relation, setRelation] = useState<Disclosure['requesterRelation']>('self');
  const [identityCheck, setIdentityCheck] = useState('');
  const [shikakuId, setShikakuId] = useState('');
  const [content, setContent] = useState('');
  const [receivedOn, setReceivedOn] = useState(japanToday());
  const kinds = (Object.keys(KIND_FORM) as Disclosure['kind'][]).filter((k) => KIND_FORM[k] === form);

  const chooseForm = (f: Disclosure['form']) => {
    setForm(f);
    setKind((Object.keys(KIND_FORM) as Disclosure['kind'][]).find((k) => KIND_FORM[k] === f)!);
  };

  const submit = async () => {
    const empty = missing([
      [requesterName, rqt(lang, 'requesterName')],
      [identityCheck, rqt(lang, 'identityCheck')],
      [content, rqt(lang, 'content')],
      [receivedOn, rqt(lang, 'receivedOn')],
    ]);
    if (empty.length) return complain(rqm('fieldsRequired', { fields: empty.join('、') }));
    const r = await run(() =>
      call('requests.disclosure.receive', {
        form, kind, requesterName, requesterRelation: relation, identityCheck, shikakuId: shikakuId.trim() ? shikakuId.trim() : null, content, receivedOn,
      }),
    );
    if (!r) return;
    useApp.getState().inform(rqm('received', { id: r.requestId, due: r.dueOn }));
    await onDone(r.requestId);
  };

  return (
    <form className="panel-form" data-testid="disclosure-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{rqt(lang, 'newDisclosure')}</h3>
      <div className="grid-2">
        <Select id="rqForm" label={rqt(lang, 'form')} value={form} options={(['youshiki1', 'youshiki2'] as const).map((f) => ({ value: f, label: FORM_LABELS[f][lang] }))} onChange={chooseForm} />
        <Select id="rqKind" label={rqt(lang, 'kind')} value={kind} options={kinds.map((k) => ({ value: k, label: KIND_LABELS[k][lang] }))} onChange={setKind} />
        <Input id="rqRequester" label={rqt(lang, 'requesterName')} value={requesterName} onChange={setRequesterName} maxLength={100} />
        <Select id="rqRelation" label={rqt(lang, 'relation')} value={relation} options={[{ value: 'self', label: rqt(lang, 'relationSelf') }, { value: 'agent', label: rqt(lang, 'relationAgent') }]} onChange={setRelation} />
        <Input id="rqIdentity" label={rqt(lang, 'identityCheck')} value={identityCheck} onChange={setIdentityCheck} maxLength={200} hint={rqt(lang, 'identityHint')} wide />
        <Input id="rqShikakuId" label={rqt(lang, 'shikakuId')} value={shikakuId} onChange={setShikakuId} maxLength={20} />
        <Input id="rqReceivedOn" label={rqt(lang, 'receivedOn')} value={receivedOn} onChange={setReceivedOn} type="date" hint={rqt(lang, 'dueRule')} />
        <Area id="rqContent" label={rqt(lang, 'content')} value={content} onChange={setContent} hint={rqt(lang, 'noNumber')} />
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {rqt(lang, 'cancel')}
        </button>
        <button type="submit" className="primary" data-testid="receive-disclosure">
          {rqt(lang, 'receive')}
        </button>
      </div>
    </form>
  );
}
