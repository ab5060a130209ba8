import { useEffect, useState } from 'react';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { KIND_LABELS, label, localTime, MEDIUM_STATUS_LABELS, MOVEMENT_LABELS } from './format';
import { MovementForm } from './MovementForm';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mt } from './text';
import type { MediumView, MovementView } from './views';

/** MD-1, MD-8: the media ledger, each medium's movements, and the ledger keeper's records. Printable. */
export function LedgerScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const mayKeep = usePermission('media.ledger');
  const [media, setMedia] = useState<MediumView[] | null>(null);
  const [selected, setSelected] = useState<{ medium: MediumView; movements: MovementView[] } | null>(null);
  const [printedAt, setPrintedAt] = useState('');

  const load = async (keep?: string) => {
    const list = await run(() => call('media.list', {}));
    if (list) setMedia(list);
    const id = keep ?? selected?.medium.mediumId;
    if (id) await open(id);
  };
  const open = async (mediumId: string) => {
    const r = await run(() => call('media.get', { mediumId }));
    if (r?.ok) setSelected({ medium: r.medium, movements: r.movements });
  };
  useEffect(() => {
    void load();
  }, []);

  const print = () => {
    setPrintedAt(localTime(new Date().toISOString()));
    // The print stylesheet hides the menu, tabs and forms: the ledger and the selected history remain.
    setTimeout(() => window.print(), 0);
  };

  return (
    <section className="screen screen-media" data-testid="media-ledger">
      <Tabs tabs={MEDIA_TABS} current="media" />
      <div className="screen-head">
        <h2>{mt(lang, 'ledgerTitle')}</h2>
        <div className="actions no-print">
          <button type="button" onClick={() => void load()}>
            {mt(lang, 'reload')}
          </button>
          <button type="button" data-testid="print-ledger" onClick={print}>
            {mt(lang, 'print')}
          </button>
        </div>
      </div>
      {printedAt ? <p className="print-only">{mt(lang, 'printedAt', { at: printedAt })}</p> : null}
      {media !== null && media.length === 0 ? <p className="muted">{mt(lang, 'noMedia')}</p> : null}
      <div className="media-split">
        <div className="plain-table-wrap">
          <table className="plain-table" data-testid="ledger-table">
            <thead>
              <tr>
                <th>{mt(lang, 'colMediumId')}</th>
                <th>{mt(lang, 'colKind')}</th>
                <th>{mt(lang, 'colLabel')}</th>
                <th>{mt(lang, 'colSerial')}</th>
                <th>{mt(lang, 'colUuid')}</th>
                <th>{mt(lang, 'colHolder')}</th>
                <th>{mt(lang, 'colPlace')}</th>
                <th>{mt(lang, 'colStatus')}</th>
                <th>{mt(lang, 'colRegistered')}</th>
              </tr>
            </thead>
            <tbody>
              {(media ?? []).map((m) => (
                <tr
                  key={m.mediumId}
                  tabIndex={0}
                  className={selected?.medium.mediumId === m.mediumId ? 'clickable selected' : 'clickable'}
                  data-medium-id={m.mediumId}
                  onClick={() => void open(m.mediumId)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') void open(m.mediumId);
                  }}
                >
                  <td>{m.mediumId}</td>
                  <td>{label(KIND_LABELS, m.kind, lang)}</td>
                  <td>{m.label}</td>
                  <td>{m.serial}</td>
                  <td>{m.fsUuid}</td>
                  <td>{m.holder}</td>
                  <td>{m.storagePlace}</td>
                  <td>
                    {label(MEDIUM_STATUS_LABELS, m.status, lang)}
                    {m.status === 'active' ? `・${mt(lang, m.takenOut ? 'takenOut' : 'inStorage')}` : ''}
                  </td>
                  <td>
                    {localTime(m.registeredAt)}
                    <div className="muted small">{m.registeredBy}</div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <div className="media-detail" data-testid="medium-detail">
          {selected ? (
            <MediumDetail medium={selected.medium} movements={selected.movements} mayKeep={mayKeep} onChanged={() => load(selected.medium.mediumId)} />
          ) : (
            <p className="muted">{mt(lang, 'chooseMedium')}</p>
          )}
        </div>
      </div>
    </section>
  );
}

function MediumDetail({ medium, movements, mayKeep, onChanged }: { medium: MediumView; movements: MovementView[]; mayKeep: boolean; onChanged(): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  return (
    <>
      <h3>
        {medium.mediumId}：{medium.label}
      </h3>
      <p className="muted small">
        {medium.vendor} {medium.product}（{medium.vendorId ?? '-'}:{medium.productId ?? '-'}）
      </p>
      {medium.revokedAt ? <p className="warn-text">{mt(lang, 'revokedInfo', { at: localTime(medium.revokedAt), by: medium.revokedBy ?? '', reason: medium.revokeReason ?? '' })}</p> : null}
      {medium.disposedAt ? (
        <p className="warn-text">
          {mt(lang, 'disposedInfo', { at: localTime(medium.disposedAt), by: medium.disposedBy ?? '', method: medium.disposalMethod ?? '', witness: medium.disposalWitness ?? '' })}
        </p>
      ) : null}
      <h4>{mt(lang, 'movements')}</h4>
      <table className="plain-table compact" data-testid="movements-table">
        <thead>
          <tr>
            <th className="w-at">{mt(lang, 'colAt')}</th>
            <th className="w-kind">{mt(lang, 'colMovement')}</th>
            <th className="w-by">{mt(lang, 'colBy')}</th>
            <th>{mt(lang, 'colNote')}</th>
          </tr>
        </thead>
        <tbody>
          {movements.map((m) => (
            <tr key={m.id} data-movement={m.kind}>
              <td>{localTime(m.at)}</td>
              <td>{label(MOVEMENT_LABELS, m.kind, lang)}</td>
              <td>{m.byUser}</td>
              <td>
                {m.requestId ? <div className="small">{mt(lang, 'colRequest')} {m.requestId}</div> : null}
                {m.note}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {mayKeep ? <MovementForm medium={medium} onDone={onChanged} /> : null}
    </>
  );
}
