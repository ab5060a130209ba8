// AC-9, DP-3: masked by default; 表示 only with mynumber.reveal (the router logs every reveal, AU-1).
// The digits live in this component's state only, and go away after a short time, when the window
// loses focus, or when the clerk leaves the screen.
import { useCallback, useEffect, useState, type SyntheticEvent } from 'react';
import { MASKED_MY_NUMBER } from '../../../shared/mynumber';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { t } from '../../app/text';
import { dateLabel } from '../members/format';

export const REVEAL_SECONDS = 20;

type Status = { registered: boolean; version: number | null; updatedAt: string | null };

function grouped(digits: string): string {
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8)}`;
}

const refuse = (e: SyntheticEvent) => e.preventDefault();

export function MyNumberPanel({ shikakuId, status }: { shikakuId: string; status: Status }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayReveal = usePermission('mynumber.reveal');
  const [revealed, setRevealed] = useState<string | null>(null);
  const hide = useCallback(() => setRevealed(null), []);

  useEffect(() => {
    if (!revealed) return;
    const timer = window.setTimeout(hide, REVEAL_SECONDS * 1000);
    window.addEventListener('blur', hide);
    document.addEventListener('visibilitychange', hide);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('blur', hide);
      document.removeEventListener('visibilitychange', hide);
    };
  }, [revealed, hide]);
  useEffect(() => hide, [shikakuId, hide]);

  const reveal = async () => {
    const result = await run(() => call('mynumber.reveal', { shikakuId }));
    if (result) setRevealed(result.myNumber);
  };

  if (!status.registered) {
    return (
      <p className="mynumber-value muted" data-testid="mynumber-status">
        {t(lang, 'notRegistered')}
      </p>
    );
  }
  return (
    <div className="mynumber-panel">
      <div className="mynumber-line">
        {revealed ? (
          <span
            className="mynumber-value revealed"
            data-revealed=""
            data-testid="mynumber-revealed"
            onCopy={refuse}
            onCut={refuse}
            onContextMenu={refuse}
            onDragStart={refuse}
            onMouseDown={refuse}
          >
            {grouped(revealed)}
          </span>
        ) : (
          <span className="mynumber-value masked" data-testid="mynumber-masked">
            {MASKED_MY_NUMBER}
          </span>
        )}
        {mayReveal && !revealed ? (
          <button type="button" data-testid="reveal-button" disabled={busy} onClick={() => void reveal()}>
            {t(lang, 'reveal')}
          </button>
        ) : null}
        {revealed ? (
          <button type="button" onClick={hide}>
            {t(lang, 'hide')}
          </button>
        ) : null}
      </div>
      {revealed ? <p className="field-hint">{t(lang, 'revealNote', { seconds: REVEAL_SECONDS })}</p> : null}
      <p className="field-hint">
        {t(lang, 'version')} {status.version ?? ''}・{t(lang, 'updatedAt')} {dateLabel(status.updatedAt?.slice(0, 10) ?? null)}
      </p>
    </div>
  );
}
