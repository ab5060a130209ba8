// RT-4: a refused qualification is recorded, and the My Number registered for that 資格ID is erased
// in the same transaction (the router does both). The clerk confirms first: it cannot be undone.
import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Field } from '../../ui/Field';
import { complain } from '../admin/controls';
import { ConfirmDialog } from './ConfirmDialog';
import { japanToday, rm, rt } from './text';

const SHIKAKU_ID = /^[A-Z0-9-]{1,20}$/;

export function RefusalScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [shikakuId, setShikakuId] = useState('');
  const [refusedOn, setRefusedOn] = useState(japanToday());
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);

  const ask = (e: FormEvent) => {
    e.preventDefault();
    if (!SHIKAKU_ID.test(shikakuId) || /^\d{12}$/.test(shikakuId)) return complain(rm('shikakuIdInvalid'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(refusedOn)) return complain(rm('dateRequired'));
    if (reason.trim() === '') return complain(rm('reasonRequired'));
    setConfirming(true);
  };

  const record = async () => {
    const done = await run(() => call('retention.recordRefusal', { shikakuId, refusedOn, reason }));
    setConfirming(false);
    if (!done) return;
    setShikakuId('');
    setReason('');
    useApp.getState().inform(rm(done.erased ? 'refusalDoneErased' : 'refusalDoneNone', { shikakuId: done.shikakuId }));
  };

  return (
    <section className="screen screen-retention" data-testid="retention-refusal">
      <div className="screen-head">
        <h2>{rt(lang, 'refusalTitle')}</h2>
      </div>
      <p className="lead">{rt(lang, 'refusalLead')}</p>
      <form className="panel-form narrow" onSubmit={ask} noValidate>
        <Field id="refusalShikakuId" label={rt(lang, 'colShikakuId')} value={shikakuId} onChange={(v) => setShikakuId(v.trim().toUpperCase())} maxLength={20} />
        <div className="field">
          <label htmlFor="refusalDate">{rt(lang, 'refusedOn')}</label>
          <input id="refusalDate" type="date" value={refusedOn} onChange={(e) => setRefusedOn(e.target.value)} />
        </div>
        <Field id="refusalReason" label={rt(lang, 'reason')} value={reason} onChange={setReason} maxLength={200} hint={rt(lang, 'reasonHint')} />
        <div className="actions">
          <button type="submit" className="primary" data-testid="refusal-submit" disabled={busy}>
            {rt(lang, 'record')}
          </button>
        </div>
      </form>
      {confirming ? (
        <ConfirmDialog title={rt(lang, 'refusalTitle')} confirmLabel={rt(lang, 'refusalYes')} cancelLabel={rt(lang, 'cancel')} busy={busy} testId="refusal-confirm" onConfirm={() => void record()} onCancel={() => setConfirming(false)}>
          <p>{rt(lang, 'refusalConfirm', { shikakuId })}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
