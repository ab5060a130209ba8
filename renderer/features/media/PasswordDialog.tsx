import { useEffect, useRef } from 'react';
import { useApp } from '../../app/store';
import { mt } from './text';

export type Handover = { requestId: string; mediumId: string; archiveName: string; password: string; passwordBits: number };

/**
 * MD-10: the archive password, shown once for the approver to hand over by another route. It lives
 * only in the approval screen's component state: closing the dialog, leaving the screen, a lock or a
 * logout (each unmounts the work area) drops it, and no store or log ever holds it. It cannot be
 * selected or copied (the document's copy guard treats it like a revealed number).
 */
export function PasswordDialog({ handover, onClose }: { handover: Handover; onClose(): void }) {
  const lang = useApp((s) => s.lang);
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => closeButton.current?.focus(), []);

  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="handover-title" data-testid="password-dialog">
        <h3 id="handover-title">{mt(lang, 'passwordTitle')}</h3>
        <p>{mt(lang, 'passwordLead', { requestId: handover.requestId, mediumId: handover.mediumId, file: handover.archiveName })}</p>
        <p className="handover-password revealed" data-testid="export-password" data-revealed="" onCopy={(e) => e.preventDefault()} onContextMenu={(e) => e.preventDefault()}>
          {handover.password}
        </p>
        <p className="muted small">{mt(lang, 'passwordBits', { bits: handover.passwordBits })}</p>
        <div className="actions">
          <button ref={closeButton} type="button" className="primary" data-testid="password-done" onClick={onClose}>
            {mt(lang, 'passwordDone')}
          </button>
        </div>
      </div>
    </div>
  );
}
