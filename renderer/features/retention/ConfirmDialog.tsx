import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal question before an action that cannot be undone (a purge, an erasure). The confirm button
 * stays disabled until `ready` (e.g. a "checked the lists" box is ticked).
 */
export function ConfirmDialog({ title, children, confirmLabel, cancelLabel, ready = true, busy, testId, onConfirm, onCancel }: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  ready?: boolean;
  busy: boolean;
  testId: string;
  onConfirm(): void;
  onCancel(): void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  // The safe choice has the focus: Enter on an unread dialog cancels.
  useEffect(() => cancel.current?.focus(), []);
  return (
    <div className="dialog-backdrop" role="presentation">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <h3 id={`${testId}-title`}>{title}</h3>
        {children}
        <div className="actions">
          <button ref={cancel} type="button" onClick={onCancel}>
            {cancelLabel}
          </button>
          <button type="button" className="primary danger-fill" data-testid={`${testId}-yes`} disabled={!ready || busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
