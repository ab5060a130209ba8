// Issue 7, point 5: the details behind the banner's sync indicator, and the progress of a large pull.
import { useEffect, useState } from 'react';
import type { Message } from '../../../shared/i18n';
import { call } from '../client';
import { useApp } from '../store';
import { formatTime, useSync } from '../sync';
import { t } from '../text';

export function SyncScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const show = useApp((s) => s.show);
  // AC-11: the way to the conflict screen mirrors the right the router checks (member.read).
  const canSeeConflicts = useApp((s) => s.session?.permissions.includes('member.read') ?? false);
  const status = useSync((s) => s.status);
  const checkedAt = useSync((s) => s.checkedAt);
  const refresh = useSync((s) => s.refresh);
  const [result, setResult] = useState<Message | null>(null);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  if (!status) return null;

  const { cursor, head } = status.pull;
  const percent = head > 0 ? Math.floor((Math.min(cursor, head) * 100) / head) : 100;
  const pullText = head === 0 ? t(lang, 'syncPullNone') : cursor >= head ? t(lang, 'syncPullDone', { cursor: cursor.toLocaleString('ja-JP'), head: head.toLocaleString('ja-JP') }) : t(lang, 'syncPullRunning', { cursor: cursor.toLocaleString('ja-JP'), head: head.toLocaleString('ja-JP'), percent });
  const canSync = status.link !== 'unconfigured' && status.link !== 'revoked';

  const syncNow = async () => {
    setResult(null);
    const r = await run(() => call('sync.run', {}));
    if (!r) return;
    if (r.ok) inform(r.message ?? { ja: t('ja', 'syncDone'), en: t('en', 'syncDone') });
    else setResult(r.message);
    await refresh();
  };

  return (
    <section className="screen screen-sync" data-testid="sync-screen">
      <div className="screen-head">
        <h2>{t(lang, 'syncTitle')}</h2>
        <div className="head-actions">
          <span className="muted small">{checkedAt ? t(lang, 'syncChecked', { time: formatTime(new Date(checkedAt).toISOString())?.slice(11) ?? '' }) : null}</span>
          {canSync ? (
            <button type="button" className="primary" disabled={busy} onClick={() => void syncNow()}>
              {t(lang, 'syncNow')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="lead">{status.link === 'unconfigured' ? t(lang, 'syncUnconfiguredNote') : t(lang, 'syncLead')}</p>
      {status.link === 'revoked' ? <p className="alert-line" role="alert">{t(lang, 'syncRevoked')}</p> : null}
      {status.loginsBlocked && status.link !== 'revoked' ? <p className="alert-line" role="alert">{t(lang, 'syncLoginsBlocked')}</p> : null}
      {result ? <p className="alert-line" role="alert">{result[lang]}</p> : null}
      <dl className="facts-list">
        <div>
          <dt>{t(lang, 'syncLink')}</dt>
          <dd className={`link-text link-${status.link}`} data-testid="sync-detail-link">
            <span className="sync-dot" aria-hidden="true" />
            {t(lang, `link_${status.link}`)}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'syncLast')}</dt>
          <dd>{formatTime(status.lastSyncAt) ?? t(lang, 'syncNever')}</dd>
        </div>
        <div>
          <dt>{t(lang, 'syncLastAttempt')}</dt>
          <dd>{formatTime(status.lastAttemptAt) ?? t(lang, 'none')}</dd>
        </div>
        <div>
          <dt>{t(lang, 'syncQueuedLong')}</dt>
          <dd data-testid="sync-detail-queued">{status.queued.toLocaleString('ja-JP')}</dd>
        </div>
        <div>
          <dt>{t(lang, 'syncConflictsLocal')}</dt>
          <dd className={status.conflicts.local > 0 ? 'bad' : undefined}>
            {status.conflicts.local}
            {canSeeConflicts ? (
              <button type="button" className="inline-action" data-testid="open-conflicts" onClick={() => show('sync-conflicts')}>
                {t(lang, 'syncConflictsOpen')}
              </button>
            ) : null}
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'syncConflictsCenter')}</dt>
          <dd className={status.conflicts.dataCenter > 0 ? 'bad' : undefined}>{status.conflicts.dataCenter}</dd>
        </div>
        <div>
          <dt>{t(lang, 'syncPull')}</dt>
          <dd className="pull-cell">
            <progress max={Math.max(head, 1)} value={head === 0 ? 1 : Math.min(cursor, head)} data-testid="sync-pull-bar" />
            <span data-testid="sync-pull-text">{pullText}</span>
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'syncGrace')}</dt>
          <dd>{t(lang, 'syncGraceDays', { days: status.graceDays })}</dd>
        </div>
        {status.lastError ? (
          <div>
            <dt>{t(lang, 'syncLastError')}</dt>
            <dd className="bad">{status.lastError[lang]}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
