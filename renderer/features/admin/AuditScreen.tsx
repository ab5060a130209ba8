import { useEffect, useState } from 'react';
import type { AuditEntryView } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { t } from '../../app/text';

/** The log stores UTC; the clerk reads the terminal's local time. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** AU-3: the operation log as the router returns it (it never holds a plaintext My Number). */
export function AuditScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [entries, setEntries] = useState<AuditEntryView[] | null>(null);
  const load = async () => {
    const r = await run(() => call('audit.list', { limit: 100 }));
    if (r) setEntries(r.entries);
  };
  useEffect(() => {
    void load();
  }, []);

  return (
    <section className="screen screen-audit">
      <div className="screen-head">
        <h2>{t(lang, 'auditTitle')}</h2>
        <button type="button" onClick={() => void load()}>
          {t(lang, 'reload')}
        </button>
      </div>
      <div className="plain-table-wrap">
        <table className="plain-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t(lang, 'colSeq')}</th>
              <th>{t(lang, 'colAt')}</th>
              <th>{t(lang, 'colOperator')}</th>
              <th>{t(lang, 'terminal')}</th>
              <th>{t(lang, 'business')}</th>
              <th>{t(lang, 'colEvent')}</th>
              <th>{t(lang, 'colTarget')}</th>
              <th>{t(lang, 'colOutcome')}</th>
            </tr>
          </thead>
          <tbody>
            {(entries ?? []).map((e) => (
              <tr key={e.seq} className={e.outcome === 'ok' ? '' : 'row-refused'}>
                <td>{e.seq}</td>
                <td>{localTime(e.at)}</td>
                <td>{e.operator ?? ''}</td>
                <td>{e.terminal}</td>
                <td>{e.business ?? ''}</td>
                <td>{e.event}</td>
                <td>{e.target ?? ''}</td>
                <td>{e.outcome}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
