// Issue 7: each open sync conflict with both versions side by side, and the choice of which one stays.
// The buttons mirror the session's rights (AC-11); the router decides every resolution and logs it.
// A number conflict shows registered or not, 更新通番, 更新日 and equality only, never digits (AC-9).
import { useEffect, useState } from 'react';
import { KUBUN, SEX } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { formatTime, useSync } from '../../app/sync';
import { DirectoryConflicts } from './DirectoryConflicts';
import { cm, ct, type ConflictTextKey } from './text';

type ConflictList = ChannelOutput<'sync.conflicts.list'>;
type Conflict = ConflictList['conflicts'][number];
type MemberConflict = Extract<Conflict, { entity: 'member' }>;
type NumberConflict = Extract<Conflict, { entity: 'mynumber' }>;
type MemberSide = NonNullable<MemberConflict['local']>;
type Row = { key: string; label: string; local: string; dataCenter: string };

const MEMBER_FIELDS: readonly (keyof MemberSide & ConflictTextKey)[] = [
  'kanjiName', 'kanaName', 'birthDate', 'sex', 'jigyoshoKigo', 'hihokenshaNo', 'edaban', 'kubun', 'shutokuDate', 'soshitsuDate', 'deleted', 'version', 'updatedAt',
];

function memberValue(lang: Lang, side: MemberSide | null, field: keyof MemberSide): string {
  if (!side) return ct(lang, 'noRow');
  const v = side[field];
  if (field === 'sex') return SEX[v as keyof typeof SEX] ?? String(v);
  if (field === 'kubun') return KUBUN[v as keyof typeof KUBUN] ?? String(v);
  if (field === 'deleted') return ct(lang, v ? 'deletedYes' : 'deletedNo');
  if (field === 'updatedAt') return formatTime(String(v)) ?? String(v);
  return v === null ? '—' : String(v);
}

function memberRows(lang: Lang, c: MemberConflict): Row[] {
  return MEMBER_FIELDS.map((f) => ({ key: f, label: ct(lang, f), local: memberValue(lang, c.local, f), dataCenter: memberValue(lang, c.dataCenter, f) }));
}

function numberRows(lang: Lang, c: NumberConflict): Row[] {
  const side = (s: NumberConflict['local'], f: 'registration' | 'version' | 'updatedAt'): string => {
    if (!s) return ct(lang, 'noRow');
    if (f === 'registration') return ct(lang, s.registered ? 'registered' : 'notRegistered');
    return f === 'version' ? String(s.version) : (formatTime(s.updatedAt) ?? s.updatedAt);
  };
  const same = c.sameNumber === null ? ct(lang, 'notComparable') : ct(lang, c.sameNumber ? 'same' : 'different');
  return [
    ...(['registration', 'version', 'updatedAt'] as const).map((f) => ({ key: f, label: ct(lang, f), local: side(c.local, f), dataCenter: side(c.dataCenter, f) })),
    { key: 'sameNumber', label: ct(lang, 'sameNumber'), local: same, dataCenter: same },
  ];
}

/** The data center 更新通番 on screen (0: it holds no row); a 'local' choice is written on top of it. */
function dataCenterVersion(c: Conflict): number {
  return c.dataCenter?.version ?? 0;
}

function ConflictCard({ c, canResolve, onResolve }: { c: Conflict; canResolve: boolean; onResolve: (c: Conflict, choice: 'dataCenter' | 'local') => void }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const rows = c.entity === 'member' ? memberRows(lang, c) : numberRows(lang, c);
  return (
    <article className="conflict-card" data-testid="conflict-card" data-seq={c.seq} data-shikaku-id={c.shikakuId}>
      <header className="conflict-head">
        <h3>
          {c.shikakuId} <span className="conflict-kind">{ct(lang, c.entity === 'member' ? 'kindMember' : 'kindNumber')}</span>
        </h3>
        <span className="conflict-reason">{ct(lang, `reason_${c.reason}`)}</span>
        <span className="muted small">{ct(lang, 'detected', { at: formatTime(c.detectedAt) ?? c.detectedAt, seq: c.seq })}</span>
      </header>
      <table className="plain-table compact conflict-table" data-testid="conflict-versions">
        <thead>
          <tr>
            <th>{ct(lang, 'field')}</th>
            <th>{ct(lang, 'local')}</th>
            <th>{ct(lang, 'dataCenter')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const differs = r.key !== 'sameNumber' && r.key !== 'version' && r.key !== 'updatedAt' && r.local !== r.dataCenter;
            return (
              <tr key={r.key} className={differs ? 'differs' : undefined} data-field={r.key}>
                <th scope="row">{r.label}</th>
                {r.key === 'sameNumber' ? (
                  <td colSpan={2} data-side="both">
                    {r.local}
                  </td>
                ) : (
                  <>
                    <td data-side="local">
                      {r.local}
                      {differs ? <span className="differs-tag">{ct(lang, 'differs')}</span> : null}
                    </td>
                    <td data-side="dataCenter">{r.dataCenter}</td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
      {c.resolution ? (
        <p className="conflict-resolved">{ct(lang, `resolution_${c.resolution}`, { by: c.resolvedBy ?? '', at: formatTime(c.resolvedAt) ?? '' })}</p>
      ) : canResolve ? (
        <div className="conflict-actions">
          <button type="button" data-testid="keep-data-center" disabled={busy} onClick={() => onResolve(c, 'dataCenter')}>
            {ct(lang, 'keepDataCenter')}
          </button>
          <button type="button" className="primary" data-testid="keep-local" disabled={busy || c.local === null} onClick={() => onResolve(c, 'local')}>
            {ct(lang, 'keepLocal')}
          </button>
          <span className="muted small">{ct(lang, 'keepLocalHint', { version: dataCenterVersion(c) })}</span>
        </div>
      ) : null}
    </article>
  );
}

export function ConflictsScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const show = useApp((s) => s.show);
  const refreshSync = useSync((s) => s.refresh);
  const [list, setList] = useState<ConflictList | null>(null);
  const [includeResolved, setIncludeResolved] = useState(false);
  // DP-6: staff directory conflicts are shown to whoever may read the staff directory (the router decides too).
  const staffReader = usePermission('user.read');
  const [reloadToken, setReloadToken] = useState(0);

  const load = async (withResolved = includeResolved): Promise<boolean> => {
    const r = await run(() => call('sync.conflicts.list', { includeResolved: withResolved }));
    if (r) setList(r);
    return r !== undefined;
  };
  useEffect(() => {
    void load();
  }, []);

  const resolve = async (c: Conflict, choice: 'dataCenter' | 'local') => {
    // expectedVersion: the data center version on screen; if it has moved on, the router refuses (conflict_stale).
    const done = await run(() => call('sync.conflicts.resolve', { seq: c.seq, choice, expectedVersion: dataCenterVersion(c) }));
    if (!done) {
      await load();
      return;
    }
    await load();
    await refreshSync();
    useApp.getState().inform(choice === 'local' ? cm('resolvedLocal', { shikakuId: c.shikakuId, version: done.version ?? '-' }) : cm('resolvedDataCenter', { shikakuId: c.shikakuId }));
  };

  const open = list?.conflicts.filter((c) => c.resolution === null).length ?? 0;
  return (
    <section className="screen screen-conflicts" data-testid="conflicts-screen">
      <div className="screen-head">
        <h2>{ct(lang, 'title')}</h2>
        <div className="head-actions">
          {list ? <span className="count-badge">{ct(lang, 'openCount', { count: open })}</span> : null}
          <label className="inline-check">
            <input
              type="checkbox"
              checked={includeResolved}
              onChange={(e) => {
                setIncludeResolved(e.target.checked);
                void load(e.target.checked);
              }}
            />
            {ct(lang, 'showResolved')}
          </label>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              void load();
              setReloadToken((n) => n + 1);
            }}
          >
            {ct(lang, 'reload')}
          </button>
          <button type="button" data-testid="back-to-sync" onClick={() => show('sync')}>
            {ct(lang, 'backToSync')}
          </button>
        </div>
      </div>
      <p className="lead">{ct(lang, 'lead')}</p>
      {list && !list.canResolve ? <p className="muted small" data-testid="conflicts-no-right">{ct(lang, 'noRight')}</p> : null}
      <div className="conflict-list">
        {list && list.conflicts.length === 0 ? <p className="table-note muted">{ct(lang, 'empty')}</p> : null}
        {list?.conflicts.map((c) => <ConflictCard key={c.seq} c={c} canResolve={list.canResolve} onResolve={(x, choice) => void resolve(x, choice)} />)}
      </div>
      {staffReader ? <DirectoryConflicts reloadToken={reloadToken} /> : null}
    </section>
  );
}
