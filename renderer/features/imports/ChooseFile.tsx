import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { Field } from '../../ui/Field';
import { useDrives, type DriveView } from '../media/DrivesScreen';
import { sizeLabel } from '../media/format';
import { runMedia } from '../media/run';
import { useImports, type ImportKind } from './store';
import { imt, type ImportTextKey } from './text';

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/])/;
const KINDS: { kind: ImportKind; label: ImportTextKey }[] = [
  { kind: 'input', label: 'kindInput' },
  { kind: 'update', label: 'kindUpdate' },
  { kind: 'cancel', label: 'kindCancel' },
];

/**
 * The renderer cannot open local files (BL-2): the clerk names the file by its path on this terminal,
 * or picks it from a registered medium, and the main process reads and virus-checks it (MD-5).
 */
export function ChooseFile() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const mayUseMedia = usePermission('media.use');
  const preview = useImports((s) => s.preview);
  const [path, setPath] = useState('');
  const [kind, setKind] = useState<ImportKind>('input');
  const [picking, setPicking] = useState(false);
  const valid = ABSOLUTE.test(path.trim());

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) void preview(path.trim(), kind);
  };

  return (
    <>
      <form className="panel-form" onSubmit={submit} noValidate data-testid="choose-file">
        <p className="muted small">{imt(lang, 'lead')}</p>
        <div className="choose-grid">
          <div className="field">
            <label htmlFor="importKind">{imt(lang, 'kind')}</label>
            <select id="importKind" value={kind} onChange={(e) => setKind(e.target.value as ImportKind)}>
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {imt(lang, k.label)}
                </option>
              ))}
            </select>
          </div>
          <Field
            id="importPath"
            label={imt(lang, 'path')}
            value={path}
            onChange={setPath}
            maxLength={4096}
            autoFocus
            hint={path.trim() !== '' && !valid ? <span className="check-bad">{imt(lang, 'pathInvalid')}</span> : imt(lang, 'pathHint')}
          />
        </div>
        <div className="actions">
          {mayUseMedia ? (
            <button type="button" data-testid="pick-from-media" onClick={() => setPicking(!picking)}>
              {imt(lang, picking ? 'hideMedia' : 'fromMedia')}
            </button>
          ) : null}
          <button type="submit" className="primary" data-testid="preview-button" disabled={busy || !valid}>
            {imt(lang, 'preview')}
          </button>
        </div>
      </form>
      {picking ? <MediaPicker onPick={(p) => setPath(p)} /> : null}
    </>
  );
}

/** A path on the medium as the terminal's OS writes it (the mount point decides the separator). */
function pathOn(drive: DriveView, name: string): string {
  const mount = drive.mountPoint ?? '';
  const sep = /^[A-Za-z]:/.test(mount) ? '\\' : '/';
  return mount.endsWith(sep) ? `${mount}${name}` : `${mount}${sep}${name}`;
}

function MediaPicker({ onPick }: { onPick(path: string): void }) {
  const lang = useApp((s) => s.lang);
  const { drives, problem } = useDrives();
  const [open, setOpen] = useState<{ drive: DriveView; files: { name: string; sizeBytes: number }[] } | null>(null);
  const usable = (drives ?? []).filter((d) => d.usable && d.mediumId && d.mountPoint);

  const list = async (drive: DriveView) => {
    const r = await runMedia(() => call('media.files', { mediumId: drive.mediumId! }));
    if (r) setOpen({ drive, files: r.files });
  };

  return (
    <div className="panel-form media-picker" data-testid="media-picker">
      <p className="muted small">{imt(lang, 'mediaLead')}</p>
      {problem ? <p className="inline-problem">{problem[lang]}</p> : null}
      {drives !== null && usable.length === 0 && !problem ? <p className="muted">{imt(lang, 'noUsableMedia')}</p> : null}
      <div className="actions actions-left">
        {usable.map((d) => (
          <button key={d.driveId} type="button" className={open?.drive.driveId === d.driveId ? 'primary' : ''} onClick={() => void list(d)}>
            {d.mediumId} {d.label}
          </button>
        ))}
      </div>
      {open && open.files.length === 0 ? <p className="muted">{imt(lang, 'noFiles')}</p> : null}
      {open && open.files.length > 0 ? (
        <table className="plain-table compact" data-testid="media-files">
          <tbody>
            {open.files.map((f) => (
              <tr key={f.name}>
                <td>{f.name}</td>
                <td className="num">{sizeLabel(f.sizeBytes)}</td>
                <td className="cell-actions">
                  <button type="button" onClick={() => onPick(pathOn(open.drive, f.name))}>
                    {imt(lang, 'choose')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
