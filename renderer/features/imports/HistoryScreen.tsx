import { useEffect, useState } from 'react';
import type { ImportSessionView } from '../../../shared/rpc/channels/imports';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { localTime } from '../media/format';
import { Tabs } from '../media/Tabs';
import { useImports } from './store';
import { IMPORT_TABS } from './tab-list';
import { imt, type ImportTextKey } from './text';

const STATUS: Record<ImportSessionView['status'], ImportTextKey> = { previewed: 'statusPreviewed', confirmed: 'statusConfirmed', abandoned: 'statusAbandoned' };
const KIND: Record<ImportSessionView['kind'], ImportTextKey> = { input: 'kindInput', update: 'kindUpdate', cancel: 'kindCancel' };

/** Every import on this terminal: who read which file, what became of it, whether the source is gone. */
export function HistoryScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const declared = useApp((s) => s.session?.business ?? null);
  const open = useImports((s) => s.open);
  const [imports, setImports] = useState<ImportSessionView[] | null>(null);
  const load = async () => {
    const r = await run(() => call('imports.list', { limit: 100 }));
    if (r) setImports(r.imports);
  };
  useEffect(() => {
    if (declared === 'tekiyo') void load();
  }, [declared]);

  const openImport = async (importId: string) => {
    await open(importId);
    if (useImports.getState().summary?.session.importId === importId) useApp.getState().show('imports');
  };

  return (
    <section className="screen screen-imports" data-testid="imports-history">
      <Tabs tabs={IMPORT_TABS} current="imports-history" />
      <div className="screen-head">
        <h2>{imt(lang, 'historyTitle')}</h2>
        <button type="button" onClick={() => void load()}>
          {imt(lang, 'reload')}
        </button>
      </div>
      {declared !== 'tekiyo' ? <p className="inline-problem">{imt(lang, 'needTekiyo')}</p> : null}
      {imports !== null && imports.length === 0 ? <p className="muted">{imt(lang, 'noHistory')}</p> : null}
      {imports !== null && imports.length > 0 ? (
        <div className="plain-table-wrap">
          <table className="plain-table" data-testid="history-table">
            <thead>
              <tr>
                <th>{imt(lang, 'importId')}</th>
                <th>{imt(lang, 'colFile')}</th>
                <th>{imt(lang, 'colKind')}</th>
                <th>{imt(lang, 'encoding')}</th>
                <th>{imt(lang, 'colCounts')}</th>
                <th>{imt(lang, 'status')}</th>
                <th>{imt(lang, 'colCreated')}</th>
                <th>{imt(lang, 'colFinished')}</th>
                <th>{imt(lang, 'colRegistered')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {imports.map((s) => (
                <tr key={s.importId} data-import-id={s.importId}>
                  <td>{s.importId}</td>
                  <td>{s.fileName}</td>
                  <td>{imt(lang, KIND[s.kind])}</td>
                  <td>{s.encodingLabel}</td>
                  <td className="num">
                    {s.counts.ok.toLocaleString()} / {s.counts.warning.toLocaleString()} / {s.counts.error.toLocaleString()}
                  </td>
                  <td>
                    {imt(lang, STATUS[s.status])}
                    <div className="muted small">{imt(lang, s.sourceDeleted ? 'sourceDeleted' : 'sourceKept')}</div>
                  </td>
                  <td>
                    {localTime(s.createdAt)}
                    <div className="muted small">{s.createdBy}</div>
                  </td>
                  <td>
                    {localTime(s.finishedAt)}
                    <div className="muted small">{s.finishedBy ?? ''}</div>
                  </td>
                  <td className="num">{s.registeredRows?.toLocaleString() ?? ''}</td>
                  <td className="cell-actions">
                    <button type="button" onClick={() => void openImport(s.importId)}>
                      {imt(lang, 'open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
