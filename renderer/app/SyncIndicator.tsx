// Issue 7, point 5: a small, always-visible line about the data-center link for every logged-in user.
import { useApp } from './store';
import { formatShortTime, useSync } from './sync';
import { t } from './text';

export function SyncIndicator() {
  const lang = useApp((s) => s.lang);
  const show = useApp((s) => s.show);
  const status = useSync((s) => s.status);
  if (!status) return null;
  const conflicts = status.conflicts.local + status.conflicts.dataCenter;
  const standalone = status.link === 'unconfigured';
  const last = formatShortTime(status.lastSyncAt) ?? t(lang, 'syncNever');
  const warn = status.link === 'error' || status.link === 'revoked' || status.loginsBlocked;
  return (
    <button
      type="button"
      className={`sync-indicator link-${status.link}${warn ? ' sync-warn' : ''}`}
      data-testid="sync-indicator"
      data-link={status.link}
      title={t(lang, 'syncTitle')}
      onClick={() => show('sync')}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span data-testid="sync-link">{t(lang, `link_${status.link}`)}</span>
      {standalone ? null : (
        <>
          <span className="sync-fact">
            {t(lang, 'syncLast')} <b data-testid="sync-last">{last}</b>
          </span>
          <span className="sync-fact">
            {t(lang, 'syncQueued')} <b data-testid="sync-queued">{status.queued.toLocaleString('ja-JP')}</b>
          </span>
          <span className={conflicts > 0 ? 'sync-fact sync-conflicts' : 'sync-fact'}>
            {t(lang, 'syncConflicts')} <b data-testid="sync-conflicts">{conflicts}</b>
          </span>
        </>
      )}
    </button>
  );
}
