import { useEffect, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Message } from '../../../shared/i18n';
import type { driveView } from '../../../shared/rpc/channels/media';
import { call, toUiError } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { Field } from '../../ui/Field';
import { KIND_LABELS, sizeLabel } from './format';
import { runMedia } from './run';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mm, mt } from './text';

export type DriveView = z.infer<typeof driveView>;
const POLL_MS = 2000;

/** Polls the attached drives while the screen is open; a refusal (e.g. AC-12) is shown in place, once. */
export function useDrives(): { drives: DriveView[] | null; problem: Message | null; refresh(): Promise<void> } {
  const [drives, setDrives] = useState<DriveView[] | null>(null);
  const [problem, setProblem] = useState<Message | null>(null);
  const refresh = async () => {
    try {
      setDrives(await call('media.drives', {}));
      setProblem(null);
    } catch (e) {
      setProblem(toUiError(e));
    }
  };
  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, []);
  return { drives, problem, refresh };
}

/** MD-2, MD-3: each drive with its verdict; the system administrator registers new media here (MD-1). */
export function DrivesScreen() {
  const lang = useApp((s) => s.lang);
  const mayRegister = usePermission('media.ledger');
  const { drives, problem, refresh } = useDrives();
  const [registering, setRegistering] = useState<DriveView | null>(null);

  const identify = async (d: DriveView) => {
    const r = await runMedia(() => call('media.identify', { driveId: d.driveId }));
    if (r) useApp.getState().inform(mm('identified', { mediumId: r.medium.mediumId, label: r.medium.label }));
  };

  return (
    <section className="screen screen-media" data-testid="media-drives">
      <Tabs tabs={MEDIA_TABS} current="media-drives" />
      <div className="screen-head">
        <h2>{mt(lang, 'drivesTitle')}</h2>
      </div>
      <p className="muted small">{mt(lang, 'drivesLead')}</p>
      {problem ? (
        <p className="inline-problem" role="alert" data-testid="drives-problem">
          {problem[lang]}
        </p>
      ) : null}
      {drives !== null && drives.length === 0 && !problem ? <p className="muted">{mt(lang, 'noDrives')}</p> : null}
      {drives !== null && drives.length > 0 ? (
        <div className="plain-table-wrap table-grow-none">
          <table className="plain-table" data-testid="drives-table">
            <thead>
              <tr>
                <th>{mt(lang, 'colDrive')}</th>
                <th>{mt(lang, 'colDevice')}</th>
                <th>{mt(lang, 'colSerial')}</th>
                <th>{mt(lang, 'colUuid')}</th>
                <th>{mt(lang, 'colMount')}</th>
                <th>{mt(lang, 'colSize')}</th>
                <th>{mt(lang, 'colVerdict')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {drives.map((d) => (
                <tr key={d.driveId} data-drive-id={d.driveId} className={d.usable ? '' : 'row-refused'}>
                  <td>
                    {d.label || '-'}
                    <div className="muted small">{d.driveId}</div>
                  </td>
                  <td>
                    {d.vendor} {d.product}
                  </td>
                  <td>{d.serial || '-'}</td>
                  <td>{d.fsUuid || '-'}</td>
                  <td>{d.mountPoint ?? '-'}</td>
                  <td>{sizeLabel(d.sizeBytes)}</td>
                  <td className="wrap verdict" data-testid="drive-verdict">
                    {d.usable ? <span className="tag-ok">{mt(lang, 'usable', { mediumId: d.mediumId ?? '' })}</span> : (d.problem?.[lang] ?? '')}
                  </td>
                  <td className="cell-actions">
                    {d.usable ? (
                      <button type="button" onClick={() => void identify(d)}>
                        {mt(lang, 'identify')}
                      </button>
                    ) : null}
                    {!d.usable && d.problem?.code === 'not_registered' && mayRegister ? (
                      <button type="button" className="primary" data-testid="register-drive" onClick={() => setRegistering(d)}>
                        {mt(lang, 'registerMedium')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {registering ? (
        <RegisterForm
          drive={registering}
          onClose={() => setRegistering(null)}
          onDone={() => {
            setRegistering(null);
            void refresh();
          }}
        />
      ) : null}
    </section>
  );
}

function RegisterForm({ drive, onClose, onDone }: { drive: DriveView; onClose(): void; onDone(): void }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const [kind, setKind] = useState<'usb_flash' | 'external_disk' | 'optical'>('usb_flash');
  const [labelText, setLabel] = useState(drive.label);
  const [holder, setHolder] = useState(useApp.getState().session?.user.name ?? '');
  const [storagePlace, setStoragePlace] = useState('');
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await runMedia(() => call('media.register', { driveId: drive.driveId, kind, label: labelText, holder, storagePlace }));
    if (!r) return;
    onDone();
    useApp.getState().inform(mm('registeredAs', { mediumId: r.medium.mediumId }));
  };
  const ready = labelText.trim() !== '' && holder.trim() !== '' && storagePlace.trim() !== '';
  return (
    <form className="panel-form" onSubmit={(e) => void submit(e)} noValidate data-testid="register-form">
      <h3>{mt(lang, 'registerTitle', { drive: `${drive.vendor} ${drive.product}（${drive.serial}）` })}</h3>
      <p className="muted small">{mt(lang, 'registerLead')}</p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="mediumKind">{mt(lang, 'kind')}</label>
          <select id="mediumKind" value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {(['usb_flash', 'external_disk', 'optical'] as const).map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k][lang]}
              </option>
            ))}
          </select>
        </div>
        <Field id="mediumLabel" label={mt(lang, 'label')} value={labelText} onChange={setLabel} maxLength={64} />
        <Field id="mediumHolder" label={mt(lang, 'holder')} value={holder} onChange={setHolder} maxLength={64} />
        <Field id="mediumPlace" label={mt(lang, 'storagePlace')} value={storagePlace} onChange={setStoragePlace} maxLength={128} />
      </div>
      <div className="actions">
        <button type="button" onClick={onClose}>
          {mt(lang, 'cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy || !ready}>
          {mt(lang, 'registerMedium')}
        </button>
      </div>
    </form>
  );
}
