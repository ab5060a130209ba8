// RQ-3: opening an incident: what happened, when it was discovered, whether it is (or may be) serious.
import { useState } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Input } from '../admin/controls';
import { Area, CheckLine, DateTimeInput, missing } from './controls';
import { localInputToIso, localNowInput } from './labels';
import { rqm, rqt } from './text';

export function IncidentForm({ onDone, onCancel }: { onDone(incidentId: string): Promise<void>; onCancel(): void }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const [discoveredAt, setDiscoveredAt] = useState(localNowInput());
  const [serious, setSerious] = useState(false);

  const submit = async () => {
    const empty = missing([[title, rqt(lang, 'title')], [summary, rqt(lang, 'summary')]]);
    const at = localInputToIso(discoveredAt);
    if (!at) empty.push(rqt(lang, 'discoveredAt'));
    if (empty.length || !at) return complain(rqm('fieldsRequired', { fields: empty.join('、') }));
    const r = await run(() => call('incident.open', { title, summary, serious, discoveredAt: at }));
    if (!r) return;
    useApp.getState().inform(rqm('incidentOpened', { id: r.incidentId }));
    await onDone(r.incidentId);
  };

  return (
    <form className="panel-form" data-testid="incident-form" noValidate onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h3>{rqt(lang, 'newIncident')}</h3>
      <Input id="icTitle" label={rqt(lang, 'title')} value={title} onChange={setTitle} maxLength={200} />
      <Area id="icSummary" label={rqt(lang, 'summary')} value={summary} onChange={setSummary} hint={rqt(lang, 'noNumber')} />
      <DateTimeInput id="icDiscoveredAt" label={rqt(lang, 'discoveredAt')} value={discoveredAt} onChange={setDiscoveredAt} />
      <CheckLine id="icSerious" label={rqt(lang, 'serious')} checked={serious} onChange={setSerious} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {rqt(lang, 'cancel')}
        </button>
        <button type="submit" className="primary" data-testid="open-incident">
          {rqt(lang, 'newIncident')}
        </button>
      </div>
    </form>
  );
}
