// DP-6: the directory (staff) conflicts of this terminal, read only, under the member conflicts. The data
// center's version already stands here, so there is no choice to offer; the router checks user.read.
// Errors go through the app's run() like the rest of the screen (a notice, never a stack trace).
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { formatTime } from '../../app/sync';
import { ct } from './text';

type DirectoryConflict = ChannelOutput<'sync.directoryConflicts.list'>['conflicts'][number];

const PAGE = 200;

export function DirectoryConflicts({ reloadToken }: { reloadToken: number }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [rows, setRows] = useState<DirectoryConflict[] | null>(null);
  const [more, setMore] = useState(false);

  const load = async (beforeSeq?: number): Promise<void> => {
    const r = await run(() => call('sync.directoryConflicts.list', { limit: PAGE, ...(beforeSeq === undefined ? {} : { beforeSeq }) }));
    if (!r) return;
    setRows((prev) => (beforeSeq === undefined ? r.conflicts : [...(prev ?? []), ...r.conflicts]));
    setMore(r.more);
  };
  useEffect(() => {
    void load();
  }, [reloadToken]);

  return (
    <section className="directory-conflicts" data-testid="directory-conflicts" aria-labelledby="directory-conflicts-title">
      <h3 id="directory-conflicts-title">{ct('ja', 'dirTitle')}</h3>
      <p className="subtitle muted small" lang="en">
        {ct('en', 'dirTitle')}
      </p>
      <p className="lead">{ct(lang, 'dirLead')}</p>
      {rows && rows.length === 0 ? <p className="table-note muted" data-testid="directory-conflicts-empty">{ct('ja', 'dirEmpty')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="plain-table compact directory-conflict-table" data-testid="directory-conflict-table">
          <thead>
            <tr>
              <th>{ct(lang, 'dirKind')}</th>
              <th>{ct(lang, 'dirKey')}</th>
              <th>{ct(lang, 'dirReason')}</th>
              <th>{ct(lang, 'dirServerVersion')}</th>
              <th>{ct(lang, 'dirDetectedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.seq} data-testid="directory-conflict-row" data-seq={c.seq} data-entity={c.entity} data-reason={c.reason}>
                <td>{ct(lang, `dirEntity_${c.entity}`)}</td>
                <td className="mono">{c.key}</td>
                <td>{ct(lang, `dirReason_${c.reason}`)}</td>
                <td>{c.serverVersion === null ? ct(lang, 'dirNoVersion') : c.serverVersion}</td>
                <td>{formatTime(c.detectedAt) ?? c.detectedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {more && rows ? (
        <button type="button" disabled={busy} onClick={() => void load(rows[rows.length - 1]?.seq)}>
          {ct(lang, 'dirMore')}
        </button>
      ) : null}
    </section>
  );
}
