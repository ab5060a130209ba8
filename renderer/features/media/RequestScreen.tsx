import { useEffect, useState, type FormEvent } from 'react';
import { shikakuIdSchema } from '../../../shared/rpc/schemas';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { Field } from '../../ui/Field';
import type { MediumView } from './views';
import { RequestsTable, type ExportRequestView } from './RequestsTable';
import { runMedia } from './run';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mm, mt } from './text';

/** The IDs as typed (lines, commas, spaces, 全角 spaces), once each. */
export function parseShikakuIds(text: string): { ids: string[]; bad: string[] } {
  const tokens = [...new Set(text.split(/[\s,、，]+/).map((s) => s.trim().toUpperCase()).filter((s) => s !== ''))];
  return { ids: tokens.filter((s) => shikakuIdSchema.safeParse(s).success), bad: tokens.filter((s) => !shikakuIdSchema.safeParse(s).success) };
}

/** MD-4: a clerk names the medium, the members and the reason; the list shows the clerk's own requests. */
export function RequestScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  // Approvers and the ledger keeper are sent every request; a clerk only their own.
  const approver = usePermission('export.approve');
  const keeper = usePermission('media.ledger');
  const [media, setMedia] = useState<MediumView[]>([]);
  const [requests, setRequests] = useState<ExportRequestView[] | null>(null);
  const [mediumId, setMediumId] = useState('');
  const [idsText, setIdsText] = useState('');
  const [reason, setReason] = useState('');
  const parsed = parseShikakuIds(idsText);

  const load = async () => {
    const list = await run(() => call('media.list', {}));
    if (list) setMedia(list.filter((m) => m.status === 'active'));
    const mine = await run(() => call('export.list', {}));
    if (mine) setRequests(mine);
  };
  useEffect(() => {
    void load();
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await runMedia(() => call('export.request', { mediumId, shikakuIds: parsed.ids, reason }));
    if (!r) return;
    setIdsText('');
    setReason('');
    await load();
    useApp.getState().inform(mm('requested', { requestId: r.request.requestId, count: r.request.recordCount }));
  };
  const ready = mediumId !== '' && parsed.ids.length > 0 && parsed.bad.length === 0 && reason.trim() !== '';

  return (
    <section className="screen screen-media" data-testid="media-requests">
      <Tabs tabs={MEDIA_TABS} current="media-requests" />
      <h2>{mt(lang, 'requestTitle')}</h2>
      <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="muted small">{mt(lang, 'requestLead')}</p>
        <div className="request-grid">
          <div className="field">
            <label htmlFor="exportMedium">{mt(lang, 'medium')}</label>
            <select id="exportMedium" value={mediumId} onChange={(e) => setMediumId(e.target.value)}>
              <option value="">{mt(lang, 'selectMedium')}</option>
              {media.map((m) => (
                <option key={m.mediumId} value={m.mediumId}>
                  {m.mediumId} {m.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field field-ids">
            <label htmlFor="exportIds">{mt(lang, 'shikakuIds')}</label>
            <textarea id="exportIds" rows={3} value={idsText} spellCheck={false} autoComplete="off" onChange={(e) => setIdsText(e.target.value)} />
            <div className={parsed.bad.length > 0 ? 'field-hint check-bad' : 'field-hint'} data-testid="ids-count">
              {mt(lang, 'idsCount', { count: parsed.ids.length.toLocaleString() })}
              {parsed.bad.length > 0 ? ` × ${parsed.bad.slice(0, 3).join(', ')}` : ''}
            </div>
          </div>
          <Field id="exportReason" label={mt(lang, 'reason')} value={reason} onChange={setReason} maxLength={200} />
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !ready}>
            {mt(lang, 'submitRequest')}
          </button>
        </div>
      </form>
      <h3>{mt(lang, approver || keeper ? 'allRequests' : 'ownRequests')}</h3>
      {requests !== null && requests.length === 0 ? <p className="muted">{mt(lang, 'noRequests')}</p> : null}
      {requests !== null && requests.length > 0 ? <RequestsTable requests={requests} testId="own-requests" /> : null}
    </section>
  );
}
