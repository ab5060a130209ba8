// LK-1: 情報提供等記録 — search by 資格ID (through the 被保険者枝番), date range of the request and
// procedure; and records added from the intermediate server's file. Each search is logged (AU-1).
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { provisionRecordView } from '../../../shared/rpc/channels/linkage';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Input } from '../admin/controls';
import { Tabs } from '../media/Tabs';
import { fetchQuietly } from '../requests/fetch';
import { PathImport } from './PathImport';
import { parseShikakuIds } from './parse';
import { LINKAGE_TABS } from './tab-list';
import { lkm, lkt } from './text';

type ProvisionRecord = z.infer<typeof provisionRecordView>;
type LineError = { lineNo: number; problems: string[] };
const LIMITS = [50, 200, 1000] as const;

/** The record times are stored as the file gave them (YYYY-MM-DDTHH:MM:SS, no zone): shown as they are. */
const when = (at: string | null): string => (at ? at.replace('T', ' ').slice(0, 16) : '');

export function RecordsScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const declared = useApp((s) => s.session?.business ?? null);
  const [shikakuId, setShikakuId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [procedure, setProcedure] = useState('');
  const [limit, setLimit] = useState<(typeof LIMITS)[number]>(200);
  const [result, setResult] = useState<{ records: ProvisionRecord[]; truncated: boolean } | null>(null);
  const [errors, setErrors] = useState<LineError[]>([]);

  /** quietly: after an import, keep the sentence that says what the import did. */
  const search = async (quietly = false) => {
    const id = shikakuId.trim() ? parseShikakuIds(shikakuId) : null;
    if (id && (id.invalid.length || id.ids.length !== 1)) return complain(lkm('shikakuIdInvalid'));
    const r = await (quietly ? fetchQuietly : run)(() =>
      call('linkage.records.search', { ...(id ? { shikakuId: id.ids[0] } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(procedure.trim() ? { procedure: procedure.trim() } : {}), limit }),
    );
    if (r) setResult(r);
  };
  useEffect(() => {
    if (declared === 'renkei') void search();
  }, [declared]);

  const importFile = async (path: string) => {
    const r = await run(() => call('linkage.records.add', { path }));
    if (!r) return;
    setErrors(r.errors);
    useApp.getState().inform(lkm('recordsAdded', { read: r.read, added: r.added, duplicates: r.duplicates, errors: r.errors.length }));
    await search(true);
  };

  const count = result ? lkt(lang, result.truncated ? 'truncated' : 'found', { count: result.records.length.toLocaleString() }) : '';
  return (
    <section className="screen screen-linkage" data-testid="linkage-records">
      <Tabs tabs={LINKAGE_TABS} current="linkage" />
      <div className="screen-head">
        <h2>{lkt(lang, 'recordsTitle')}</h2>
      </div>
      {declared !== 'renkei' ? <p className="inline-problem">{lkt(lang, 'needRenkei')}</p> : null}
      <p className="lead">{lkt(lang, 'recordsLead')}</p>
      <form className="filter-bar lk-search" noValidate onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <Input id="lkShikakuId" label={lkt(lang, 'shikakuId')} value={shikakuId} onChange={setShikakuId} maxLength={20} />
        <Input id="lkFrom" label={lkt(lang, 'from')} value={from} onChange={setFrom} type="date" />
        <Input id="lkTo" label={lkt(lang, 'to')} value={to} onChange={setTo} type="date" />
        <Input id="lkProcedure" label={lkt(lang, 'procedure')} value={procedure} onChange={setProcedure} maxLength={200} />
        <div className="field">
          <label htmlFor="lkLimit">{lkt(lang, 'limit')}</label>
          <select id="lkLimit" value={limit} onChange={(e) => setLimit(Number(e.target.value) as (typeof LIMITS)[number])}>
            {LIMITS.map((l) => (
              <option key={l} value={l}>
                {l.toLocaleString()}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary lk-search-button" data-testid="search-records">
          {lkt(lang, 'search')}
        </button>
        <p className="filter-count muted" data-testid="records-count">{count}</p>
      </form>
      <div className="plain-table-wrap">
        <table className="plain-table compact" data-testid="records-table">
          <thead>
            <tr>
              <th>{lkt(lang, 'colShori')}</th>
              <th>{lkt(lang, 'colTetsuzuki')}</th>
              <th>{lkt(lang, 'colJimu')}</th>
              <th>{lkt(lang, 'colShokai')}</th>
              <th>{lkt(lang, 'colTeikyo')}</th>
              <th>{lkt(lang, 'colRequested')}</th>
              <th>{lkt(lang, 'colProvided')}</th>
              <th>{lkt(lang, 'colTokutei')}</th>
              <th>{lkt(lang, 'colFukaiji')}</th>
              <th>{lkt(lang, 'colKago')}</th>
              <th>{lkt(lang, 'colEdaban')}</th>
              <th>{lkt(lang, 'shikakuId')}</th>
            </tr>
          </thead>
          <tbody>
            {(result?.records ?? []).map((r) => (
              <tr key={r.id} data-record-id={r.id}>
                <td>{r.shoriNo}-{r.shoriEdaban}</td>
                <td className="wrap">{r.tetsuzukiName}</td>
                <td className="wrap lk-long">{r.jimuName}</td>
                <td>{r.shokaishaBusho}</td>
                <td>{r.teikyoshaBusho}</td>
                <td>{when(r.requestedAt)}</td>
                <td>{when(r.providedAt)}</td>
                <td className="wrap">{r.tokuteiName}</td>
                <td>{r.fukaijiCode}</td>
                <td>{r.kagoCode}</td>
                <td>{r.hihokenshaEdaban}</td>
                <td>{r.shikakuId ?? lkt(lang, 'noNumberSent')}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {result && result.records.length === 0 ? <p className="table-note muted">{lkt(lang, 'noRecords')}</p> : null}
        {!result ? <p className="table-note muted">{lkt(lang, 'searchHint')}</p> : null}
      </div>
      <PathImport id="lkRecordsPath" title={lkt(lang, 'importRecords')} hint={lkt(lang, 'importRecordsHint')} button={lkt(lang, 'read')} onImport={importFile} />
      {errors.length ? <LineErrors errors={errors} /> : null}
    </section>
  );
}

function LineErrors({ errors }: { errors: readonly LineError[] }) {
  const lang = useApp((s) => s.lang);
  return (
    <div className="plain-table-wrap lk-errors">
      <table className="plain-table compact" data-testid="record-errors">
        <thead>
          <tr>
            <th>{lkt(lang, 'lineNo')}</th>
            <th>{lkt(lang, 'problems')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr key={e.lineNo} className="row-refused">
              <td className="num">{e.lineNo}</td>
              <td className="wrap">{e.problems.join('／')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
