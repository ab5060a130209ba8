// LK-3: answers from the intermediate server, one per 被保険者枝番 of the inquiry. The main process ties
// each to its member through the inquiry row and refuses an answer carrying 12 digits.
import { useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain } from '../admin/controls';
import { lkm, lkt, type LinkageTextKey } from './text';

type Row = ChannelOutput<'linkage.inquiry.build'>['rows'][number];
type Outcome = ChannelOutput<'linkage.inquiry.answers'>[number];

export function AnswerEntry({ inquiryId, rows }: { inquiryId: string; rows: readonly Row[] }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});

  const save = async () => {
    const filled = rows.filter((r) => (answers[r.hihokenshaEdaban] ?? '').trim() && outcomes[r.hihokenshaEdaban]?.outcome !== 'matched');
    if (!filled.length) return complain(lkm('answersRequired'));
    const result = await run(() => call('linkage.inquiry.answers', { inquiryId, answers: filled.map((r) => ({ hihokenshaEdaban: r.hihokenshaEdaban, content: answers[r.hihokenshaEdaban]!.trim() })) }));
    if (!result) return;
    setOutcomes((o) => ({ ...o, ...Object.fromEntries(result.map((x) => [x.hihokenshaEdaban, x])) }));
    useApp.getState().inform(lkm('answersSaved', { count: result.length, matched: result.filter((x) => x.outcome === 'matched').length }));
  };

  return (
    <div className="panel-form lk-answers" data-testid="answer-entry">
      <h3>{lkt(lang, 'answersTitle')}</h3>
      <p className="muted small">{lkt(lang, 'answersLead')}</p>
      <div className="plain-table-wrap">
        <table className="plain-table compact">
          <thead>
            <tr>
              <th>{lkt(lang, 'rowNo')}</th>
              <th>{lkt(lang, 'colEdaban')}</th>
              <th>{lkt(lang, 'answerContent')}</th>
              <th>{lkt(lang, 'colMatch')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const outcome = outcomes[r.hihokenshaEdaban];
              return (
                <tr key={r.rowNo} data-edaban={r.hihokenshaEdaban}>
                  <td className="num">{r.rowNo}</td>
                  <td>{r.hihokenshaEdaban}</td>
                  <td className="lk-answer-cell">
                    <input
                      aria-label={`${lkt(lang, 'answerContent')} ${r.hihokenshaEdaban}`}
                      value={answers[r.hihokenshaEdaban] ?? ''}
                      maxLength={4000}
                      autoComplete="off"
                      spellCheck={false}
                      disabled={outcome?.outcome === 'matched'}
                      onChange={(e) => setAnswers((a) => ({ ...a, [r.hihokenshaEdaban]: e.target.value }))}
                    />
                  </td>
                  <td className={outcome && outcome.outcome !== 'matched' ? 'bad' : 'tag-ok'} data-testid="answer-outcome">
                    {outcome ? `${lkt(lang, `outcome_${outcome.outcome}` as LinkageTextKey)}${outcome.shikakuId ? `（${outcome.shikakuId}）` : ''}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="actions">
        <button type="button" className="primary" data-testid="save-answers" onClick={() => void save()}>
          {lkt(lang, 'saveAnswers')}
        </button>
      </div>
    </div>
  );
}
