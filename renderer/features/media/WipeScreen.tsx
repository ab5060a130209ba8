import { useEffect, useState } from 'react';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { RequestsTable, type ExportRequestView } from './RequestsTable';
import { runMedia } from './run';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mm, mt } from './text';

const SHOWN = new Set(['exported', 'wiped', 'wipe_confirmed']);

/** MD-7: the gate wipes what it wrote (overwrite, then delete); the responsible person confirms on the medium. */
export function WipeScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayConfirm = usePermission('export.approve');
  const [requests, setRequests] = useState<ExportRequestView[] | null>(null);

  const load = async () => {
    const all = await run(() => call('export.list', {}));
    if (all) setRequests(all.filter((r) => SHOWN.has(r.status)));
  };
  useEffect(() => {
    void load();
  }, []);

  const wipe = async (requestId: string) => {
    const r = await runMedia(() => call('media.wipe', { requestId }));
    if (!r) return;
    await load();
    useApp.getState().inform(mm('wiped', { requestId }));
  };
  const confirm = async (requestId: string) => {
    const r = await runMedia(() => call('media.wipeConfirm', { requestId }));
    if (!r) return;
    await load();
    useApp.getState().inform(mm('wipeConfirmed', { requestId }));
  };

  return (
    <section className="screen screen-media" data-testid="media-wipe">
      <Tabs tabs={MEDIA_TABS} current="media-wipe" />
      <div className="screen-head">
        <h2>{mt(lang, 'wipeTitle')}</h2>
        <button type="button" onClick={() => void load()}>
          {mt(lang, 'reload')}
        </button>
      </div>
      <p className="muted small">{mt(lang, 'wipeLead')}</p>
      {requests !== null && requests.length === 0 ? <p className="muted">{mt(lang, 'noWipe')}</p> : null}
      {requests !== null && requests.length > 0 ? (
        <RequestsTable
          requests={requests}
          testId="wipe-requests"
          actions={(r) => (
            <>
              {r.status === 'exported' ? (
                <button type="button" className="primary" data-testid="wipe" disabled={busy} onClick={() => void wipe(r.requestId)}>
                  {mt(lang, 'wipe')}
                </button>
              ) : null}
              {r.status === 'wiped' && mayConfirm ? (
                <button type="button" className="primary" data-testid="wipe-confirm" disabled={busy} onClick={() => void confirm(r.requestId)}>
                  {mt(lang, 'wipeConfirm')}
                </button>
              ) : null}
            </>
          )}
        />
      ) : null}
    </section>
  );
}
