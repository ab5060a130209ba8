// LK-2: the J-LIS 本人確認 answer, imported by path and matched line by line. The screen gets whether
// a line carried a number, never the number (it stays encrypted in the main process, DP-2, AC-9).
import { useState } from 'react';
import type { z } from 'zod';
import type { identityRowView } from '../../../shared/rpc/channels/linkage';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Tabs } from '../media/Tabs';
import { PathImport } from './PathImport';
import { LINKAGE_TABS } from './tab-list';
import { lkm, lkt, type LinkageTextKey } from './text';

type Row = z.infer<typeof identityRowView>;
type Match = Row['match'];
const MATCHES: readonly Match[] = ['by_number', 'by_name_birth', 'conflict', 'ambiguous', 'unmatched', 'error'];
const matchKey = (m: Match): LinkageTextKey => `match_${m}`;
const CHECK: ReadonlySet<Match> = new Set(['conflict', 'ambiguous', 'unmatched', 'error']);

export function IdentityScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const declared = useApp((s) => s.session?.business ?? null);
  const [result, setResult] = useState<{ batchId: string; counts: Record<Match, number>; rows: Row[] } | null>(null);
  const [filter, setFilter] = useState<Match | null>(null);

  const importFile = async (path: string) => {
    const r = await run(() => call('linkage.identity.import', { path }));
    if (!r) return;
    setResult(r);
    setFilter(null);
    useApp.getState().inform(lkm('identityDone', { batchId: r.batchId, rows: r.rows.length }));
  };
  const rows = result?.rows.filter((r) => filter === null || r.match === filter) ?? [];

  return (
    <section className="screen screen-linkage" data-testid="linkage-identity">
      <Tabs tabs={LINKAGE_TABS} current="linkage-identity" />
      <div className="screen-head">
        <h2>{lkt(lang, 'identityTitle')}</h2>
      </div>
      {declared !== 'renkei' ? <p className="inline-problem">{lkt(lang, 'needRenkei')}</p> : null}
      <p className="lead">{lkt(lang, 'identityLead')}</p>
      <PathImport id="lkIdentityPath" title={lkt(lang, 'importIdentity')} hint={lkt(lang, 'identityHint')} button={lkt(lang, 'importIdentity')} onImport={importFile} />
      {result ? (
        <>
          <div className="chips" data-testid="identity-counts">
            <span className="chips-label">
              {lkt(lang, 'batch')} {result.batchId}
            </span>
            <button type="button" className={filter === null ? 'chip active' : 'chip'} onClick={() => setFilter(null)}>
              {lkt(lang, 'found', { count: result.rows.length })}
            </button>
            {MATCHES.map((m) => (
              <button key={m} type="button" data-match={m} className={`chip ${CHECK.has(m) && result.counts[m] ? 'chip-error' : ''} ${filter === m ? 'active' : ''}`} onClick={() => setFilter(m)}>
                {lkt(lang, matchKey(m))} {result.counts[m]}
              </button>
            ))}
          </div>
          <div className="plain-table-wrap">
            <table className="plain-table compact" data-testid="identity-rows">
              <thead>
                <tr>
                  <th>{lkt(lang, 'lineNo')}</th>
                  <th>{lkt(lang, 'colMatch')}</th>
                  <th>{lkt(lang, 'shikakuId')}</th>
                  <th>{lkt(lang, 'colName')}</th>
                  <th>{lkt(lang, 'colKana')}</th>
                  <th>{lkt(lang, 'colBirth')}</th>
                  <th>{lkt(lang, 'colHasNumber')}</th>
                  <th>{lkt(lang, 'problems')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.lineNo} data-line={r.lineNo} data-match={r.match} className={CHECK.has(r.match) ? 'lk-check-row' : undefined}>
                    <td className="num">{r.lineNo}</td>
                    <td className={`lk-match lk-match-${r.match}`}>{lkt(lang, matchKey(r.match))}</td>
                    <td>{r.shikakuId ?? ''}</td>
                    <td>{r.name}</td>
                    <td>{r.kanaName}</td>
                    <td>{r.birthDate ?? ''}</td>
                    <td>{lkt(lang, r.hasNumber ? 'hasNumber' : 'noNumberSent')}</td>
                    <td className="wrap">{r.problems.join('／')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
