// A virtual list: only the rows in view are in the DOM, so 10,000 results scroll as smoothly as 10.
// Row positions are set through React's style prop, which writes CSSOM properties; CSP style-src
// 'self' forbids style attributes in markup, not CSSOM writes, so no 'unsafe-inline' is needed.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { MemberSummary } from '../../../shared/rpc';
import { useApp } from '../../app/store';
import { t } from '../../app/text';
import { dateLabel, kubunLabel, sexLabel } from './format';

const ROW_HEIGHT = 34;

export function ResultTable({ members, showMyNumber, onOpen }: { members: MemberSummary[]; showMyNumber: boolean; onOpen(shikakuId: string): void }) {
  const lang = useApp((s) => s.lang);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: members.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });
  const gridClass = showMyNumber ? 'result-grid with-mynumber' : 'result-grid';

  return (
    <div className="result-table" role="table" aria-rowcount={members.length} data-testid="result-table">
      <div className={`${gridClass} result-head`} role="row">
        <span role="columnheader">{t(lang, 'colShikakuId')}</span>
        <span role="columnheader">{t(lang, 'colJigyosho')}</span>
        <span role="columnheader">{t(lang, 'colHihokenshaNo')}</span>
        <span role="columnheader">{t(lang, 'colEdaban')}</span>
        <span role="columnheader">{t(lang, 'colKubun')}</span>
        <span role="columnheader">{t(lang, 'colKanji')}</span>
        <span role="columnheader">{t(lang, 'colKana')}</span>
        <span role="columnheader">{t(lang, 'colBirth')}</span>
        <span role="columnheader">{t(lang, 'colSex')}</span>
        {showMyNumber ? <span role="columnheader">{t(lang, 'colMyNumber')}</span> : null}
      </div>
      <div className="result-body" ref={scroller} data-testid="result-body">
        <div className="result-spacer" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const m = members[item.index]!;
            return (
              <div
                key={m.shikakuId}
                role="row"
                tabIndex={0}
                className={`${gridClass} result-row`}
                data-shikaku-id={m.shikakuId}
                style={{ transform: `translateY(${item.start}px)` }}
                onClick={() => onOpen(m.shikakuId)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onOpen(m.shikakuId);
                }}
              >
                <span role="cell">{m.shikakuId}</span>
                <span role="cell">{m.jigyoshoKigo}</span>
                <span role="cell">{m.hihokenshaNo}</span>
                <span role="cell">{m.edaban}</span>
                <span role="cell">{kubunLabel(m.kubun, lang)}</span>
                <span role="cell">{m.kanjiName}</span>
                <span role="cell">{m.kanaName}</span>
                <span role="cell">{dateLabel(m.birthDate)}</span>
                <span role="cell">{sexLabel(m.sex, lang)}</span>
                {showMyNumber ? (
                  <span role="cell" className={m.myNumber?.registered ? 'tag tag-ok' : 'tag'}>
                    {m.myNumber?.registered ? t(lang, 'registered') : t(lang, 'notRegistered')}
                  </span>
                ) : null}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
