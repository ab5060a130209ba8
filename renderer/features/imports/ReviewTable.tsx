// The per-row results as a virtual list (like the member search): only rows in view are in the DOM,
// and pages of rows are fetched from the main process as they scroll into view.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { useApp } from '../../app/store';
import { kubunLabel } from '../members/format';
import { useImports } from './store';
import { imt } from './text';

const ROW_HEIGHT = 34;

export function ReviewTable() {
  const lang = useApp((s) => s.lang);
  const total = useImports((s) => s.total);
  const rows = useImports((s) => s.rows);
  const generation = useImports((s) => s.generation);
  const ensureRows = useImports((s) => s.ensureRows);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRows(first, last);
  }, [first, last, total, generation, ensureRows]);
  useEffect(() => {
    scroller.current?.scrollTo({ top: 0 });
  }, [generation]);

  return (
    <div className="result-table import-table" role="table" aria-rowcount={total} data-testid="import-rows">
      <div className="import-grid result-head" role="row">
        <span role="columnheader">{imt(lang, 'colRow')}</span>
        <span role="columnheader">{imt(lang, 'colEmployer')}</span>
        <span role="columnheader">{imt(lang, 'colHihokenshaNo')}</span>
        <span role="columnheader">{imt(lang, 'colKubun')}</span>
        <span role="columnheader">{imt(lang, 'colEdaban')}</span>
        <span role="columnheader">{imt(lang, 'colKanji')}</span>
        <span role="columnheader">{imt(lang, 'colKana')}</span>
        <span role="columnheader">{imt(lang, 'colBirth')}</span>
        <span role="columnheader">{imt(lang, 'colNumber')}</span>
        <span role="columnheader">{imt(lang, 'colResult')}</span>
        <span role="columnheader">{imt(lang, 'colDetail')}</span>
      </div>
      <div className="result-body" ref={scroller}>
        <div className="result-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const r = rows.get(item.index);
            const position = { transform: `translateY(${item.start}px)` };
            if (!r) {
              return (
                <div key={item.key} role="row" className="import-grid result-row import-row-loading" style={position}>
                  <span role="cell" className="muted">
                    {imt(lang, 'loadingRow')}
                  </span>
                </div>
              );
            }
            const kubun = Number(r.kubun);
            return (
              <div key={item.key} role="row" className={`import-grid result-row import-row result-${r.result}`} data-line={r.lineNo} data-result={r.result} style={position}>
                <span role="cell" className="num">
                  {r.lineNo}
                </span>
                <span role="cell">{r.jigyoshoKigo}</span>
                <span role="cell">{r.hihokenshaNo}</span>
                <span role="cell">{Number.isInteger(kubun) && r.kubun !== '' ? kubunLabel(kubun, lang) : r.kubun}</span>
                <span role="cell">{r.edaban}</span>
                <span role="cell" title={r.kanjiName}>
                  {r.kanjiName}
                </span>
                <span role="cell" title={r.kanaName}>
                  {r.kanaName}
                </span>
                <span role="cell">{r.birthDate}</span>
                {/* The number itself never reaches the screen: only whether the employer wrote one. */}
                <span role="cell" className={r.hasNumber ? 'tag tag-ok' : 'tag'} data-testid="has-number">
                  {imt(lang, r.hasNumber ? 'numberWritten' : 'numberBlank')}
                </span>
                <span role="cell" className={`result-badge badge-${r.result}`}>
                  {r.resultLabel[lang]}
                </span>
                <span role="cell" className="import-detail" title={r.message[lang]}>
                  {r.message[lang]}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
