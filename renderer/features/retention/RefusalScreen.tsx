// RT-4 with two people: an EDIT clerk records a refused qualification (pending, nothing erased); a
// manager other than the recorder confirms it, and only then the router erases the My Number. A
// pending record can be cancelled with a reason. The buttons follow the rules; the router enforces them.
import { useEffect, useState, type FormEvent } from 'react';
import type { PendingRefusalOutput } from '../../../shared/rpc/channels/retention';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { Field } from '../../ui/Field';
import { complain } from '../admin/controls';
import { ConfirmDialog } from './ConfirmDialog';
import { japanToday, rm, rt } from './text';

const SHIKAKU_ID = /^[A-Z0-9-]{1,20}$/;

type Decision = { kind: 'confirm' | 'cancel'; refusal: PendingRefusalOutput };

export function RefusalScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const me = useApp((s) => s.session?.user.userId ?? '');
  const mayRecord = usePermission('retention.refusal');
  const mayConfirm = usePermission('retention.confirm');
  const [shikakuId, setShikakuId] = useState('');
  const [refusedOn, setRefusedOn] = useState(japanToday());
  const [reason, setReason] = useState('');
  const [pending, setPending] = useState<PendingRefusalOutput[] | null>(null);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [checked, setChecked] = useState(false);
  const [cancelReason, setCancelReason] = useState('');

  const load = async () => {
    const r = await run(() => call('retention.pendingRefusals', { limit: 200 }));
    if (r) setPending(r.refusals);
  };
  useEffect(() => {
    void load();
  }, []);

  const record = async (e: FormEvent) => {
    e.preventDefault();
    if (!SHIKAKU_ID.test(shikakuId) || /^\d{12}$/.test(shikakuId)) return complain(rm('shikakuIdInvalid'));
    if (!/^\d{4}-\d{2}-\d{2}$/.test(refusedOn)) return complain(rm('dateRequired'));
    if (reason.trim() === '') return complain(rm('reasonRequired'));
    const done = await run(() => call('retention.recordRefusal', { shikakuId, refusedOn, reason }));
    if (!done) return;
    setShikakuId('');
    setReason('');
    await load();
    useApp.getState().inform(rm('refusalDone', { shikakuId: done.shikakuId }));
  };

  const close = () => {
    setDecision(null);
    setChecked(false);
    setCancelReason('');
  };

  const decide = async () => {
    if (!decision) return;
    const target = decision.refusal.shikakuId;
    if (decision.kind === 'cancel' && cancelReason.trim() === '') return complain(rm('reasonRequired'));
    const message =
      decision.kind === 'confirm'
        ? await run(async () => {
            const r = await call('retention.confirmRefusal', { shikakuId: target });
            return rm(r.erased ? 'confirmedErased' : 'confirmedNone', { shikakuId: target });
          })
        : await run(async () => {
            await call('retention.cancelRefusal', { shikakuId: target, reason: cancelReason });
            return rm('cancelled', { shikakuId: target });
          });
    close();
    await load();
    if (message) useApp.getState().inform(message);
  };

  return (
    <section className="screen screen-retention" data-testid="retention-refusal">
      <div className="screen-head">
        <h2>{rt(lang, 'refusalTitle')}</h2>
      </div>
      <p className="lead">{rt(lang, 'refusalLead')}</p>
      <div className="refusal-body">
        {mayRecord ? (
          <form className="retention-panel refusal-form" onSubmit={(e) => void record(e)} noValidate>
            <h3>{rt(lang, 'recordTitle')}</h3>
            <p className="muted small">{rt(lang, 'recordHint')}</p>
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
        ) : null}
        <div className="retention-panel" data-testid="refusal-pending">
          <h3>
            {rt(lang, 'pendingTitle')} <span className="count-badge">{rt(lang, 'count', { count: pending?.length ?? 0 })}</span>
          </h3>
          <p className="muted small">{rt(lang, 'confirmRule')}</p>
          {pending && pending.length === 0 ? <p className="muted">{rt(lang, 'pendingNone')}</p> : null}
          {pending && pending.length > 0 ? (
            <div className="plain-table-wrap">
              <table className="plain-table compact">
                <thead>
                  <tr>
                    <th>{rt(lang, 'colShikakuId')}</th>
                    <th>{rt(lang, 'colRefusedOn')}</th>
                    <th>{rt(lang, 'reason')}</th>
                    <th>{rt(lang, 'colRecordedBy')}</th>
                    <th>{rt(lang, 'colRecordedAt')}</th>
                    <th>{rt(lang, 'colActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {pending.map((p) => {
                    const own = p.recordedBy === me;
                    return (
                      <tr key={p.shikakuId} data-shikaku-id={p.shikakuId}>
                        <td>{p.shikakuId}</td>
                        <td>{p.refusedOn}</td>
                        <td className="wrap">{p.reason}</td>
                        <td>{p.recordedBy}</td>
                        <td>{new Date(p.recordedAt).toLocaleString(lang === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo' })}</td>
                        <td className="row-actions">
                          {mayConfirm && !own ? (
                            <button type="button" className="primary" data-testid="refusal-confirm-open" disabled={busy} onClick={() => setDecision({ kind: 'confirm', refusal: p })}>
                              {rt(lang, 'confirmAction')}
                            </button>
                          ) : null}
                          {mayConfirm && own ? <span className="muted small">{rt(lang, 'ownRecord')}</span> : null}
                          {own || mayConfirm ? (
                            <button type="button" data-testid="refusal-cancel-open" disabled={busy} onClick={() => setDecision({ kind: 'cancel', refusal: p })}>
                              {rt(lang, 'cancelAction')}
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          ) : null}
        </div>
      </div>
      {decision?.kind === 'confirm' ? (
        <ConfirmDialog
          title={rt(lang, 'confirmEraseTitle')}
          confirmLabel={rt(lang, 'confirmEraseYes')}
          cancelLabel={rt(lang, 'back')}
          ready={checked}
          busy={busy}
          testId="refusal-confirm"
          onConfirm={() => void decide()}
          onCancel={close}
        >
          <p>{rt(lang, 'confirmErase', { shikakuId: decision.refusal.shikakuId, recordedBy: decision.refusal.recordedBy, reason: decision.refusal.reason })}</p>
          <label className="check">
            <input type="checkbox" data-testid="refusal-confirm-check" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            {rt(lang, 'confirmEraseCheck')}
          </label>
        </ConfirmDialog>
      ) : null}
      {decision?.kind === 'cancel' ? (
        <ConfirmDialog title={rt(lang, 'cancelTitle')} confirmLabel={rt(lang, 'cancelYes')} cancelLabel={rt(lang, 'back')} ready={cancelReason.trim() !== ''} busy={busy} testId="refusal-cancel" onConfirm={() => void decide()} onCancel={close}>
          <p>{rt(lang, 'cancelLead', { shikakuId: decision.refusal.shikakuId })}</p>
          <Field id="refusalCancelReason" label={rt(lang, 'cancelReason')} value={cancelReason} onChange={setCancelReason} maxLength={200} hint={rt(lang, 'cancelReasonHint')} />
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
