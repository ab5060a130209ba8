import { useEffect, useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Field } from '../../ui/Field';
import { PasswordDialog, type Handover } from './PasswordDialog';
import { RequestsTable, type ExportRequestView } from './RequestsTable';
import { runMedia } from './run';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mm, mt } from './text';

/** MD-4, MD-10: a manager approves (the gate writes and verifies the archive) or refuses with a reason. */
export function ApprovalsScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [pending, setPending] = useState<ExportRequestView[] | null>(null);
  const [writing, setWriting] = useState<string | null>(null);
  const [refusing, setRefusing] = useState<string | null>(null);
  const [refuseReason, setRefuseReason] = useState('');
  // The one-time password: component state only, gone when the dialog closes (MD-10).
  const [handover, setHandover] = useState<Handover | null>(null);

  const load = async () => {
    const all = await run(() => call('export.list', {}));
    if (all) setPending(all.filter((r) => r.status === 'requested' || r.status === 'failed'));
  };
  useEffect(() => {
    void load();
  }, []);

  const approve = async (r: ExportRequestView) => {
    setWriting(r.requestId);
    const done = await runMedia(() => call('export.approve', { requestId: r.requestId }));
    setWriting(null);
    // A refusal stays on screen (run() would clear it): the list is reloaded only after a success.
    if (!done) return;
    await load();
    setHandover({ requestId: done.request.requestId, mediumId: done.request.mediumId, archiveName: done.request.archiveName ?? '', password: done.password, passwordBits: done.passwordBits });
  };

  const refuse = async (e: FormEvent) => {
    e.preventDefault();
    if (!refusing) return;
    const done = await runMedia(() => call('export.refuse', { requestId: refusing, reason: refuseReason }));
    if (!done) return;
    setRefusing(null);
    setRefuseReason('');
    await load();
    useApp.getState().inform(mm('refused', { requestId: done.request.requestId }));
  };

  return (
    <section className="screen screen-media" data-testid="media-approvals">
      <Tabs tabs={MEDIA_TABS} current="media-approvals" />
      <div className="screen-head">
        <h2>{mt(lang, 'approvalsTitle')}</h2>
        <button type="button" onClick={() => void load()}>
          {mt(lang, 'reload')}
        </button>
      </div>
      <p className="muted small">{mt(lang, 'approvalsLead')}</p>
      {pending !== null && pending.length === 0 ? <p className="muted">{mt(lang, 'noPending')}</p> : null}
      {pending !== null && pending.length > 0 ? (
        <RequestsTable
          requests={pending}
          testId="pending-requests"
          actions={(r) => (
            <>
              <button type="button" className="primary" data-testid="approve" disabled={busy} onClick={() => void approve(r)}>
                {writing === r.requestId ? mt(lang, 'writing') : mt(lang, 'approve')}
              </button>
              <button type="button" data-testid="refuse" disabled={busy} onClick={() => setRefusing(r.requestId)}>
                {mt(lang, 'refuse')}
              </button>
            </>
          )}
        />
      ) : null}
      {refusing ? (
        <form className="panel-form" onSubmit={(e) => void refuse(e)} noValidate>
          <h3>
            {mt(lang, 'refuse')}：{refusing}
          </h3>
          <Field id="refuseReason" label={mt(lang, 'refuseReason')} value={refuseReason} onChange={setRefuseReason} maxLength={200} autoFocus />
          <div className="actions">
            <button type="button" onClick={() => setRefusing(null)}>
              {mt(lang, 'cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || refuseReason.trim() === ''}>
              {mt(lang, 'refuse')}
            </button>
          </div>
        </form>
      ) : null}
      {handover ? <PasswordDialog handover={handover} onClose={() => setHandover(null)} /> : null}
    </section>
  );
}
