// LK-3, LK-4: an inquiry for the intermediate server. The procedure list is what the main process
// offers this user (only their businesses' procedures); the file names people by 被保険者枝番 only,
// and is shown as it will be sent. Answers are entered per 枝番 and tied back through the inquiry.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain } from '../admin/controls';
import { Tabs } from '../media/Tabs';
import { AnswerEntry } from './AnswerEntry';
import { parseShikakuIds } from './parse';
import { LINKAGE_TABS } from './tab-list';
import { lkm, lkt } from './text';

type Procedure = ChannelOutput<'linkage.procedures'>[number];
type Built = ChannelOutput<'linkage.inquiry.build'>;

export function InquiryBuilderScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const declared = useApp((s) => s.session?.business ?? null);
  const [procedures, setProcedures] = useState<Procedure[] | null>(null);
  const [code, setCode] = useState('');
  const [idsText, setIdsText] = useState('');
  const [built, setBuilt] = useState<Built | null>(null);

  useEffect(() => {
    if (declared === 'renkei') void run(() => call('linkage.procedures', {})).then((p) => p && setProcedures(p));
  }, [declared]);
  const chosen = procedures?.find((p) => p.code === code) ?? null;

  const build = async () => {
    if (!chosen) return complain(lkm('procedureRequired'));
    const { ids, invalid } = parseShikakuIds(idsText);
    if (invalid.length) return complain(lkm('idsInvalid', { ids: invalid.slice(0, 5).join('、') }));
    if (!ids.length) return complain(lkm('idsRequired'));
    const r = await run(() => call('linkage.inquiry.build', { procedureCode: chosen.code, shikakuIds: ids }));
    if (!r) return;
    setBuilt(r);
    useApp.getState().inform(lkm('built', { inquiryId: r.inquiryId, rows: r.rows.length }));
  };
  const restart = () => {
    setBuilt(null);
    setIdsText('');
  };

  return (
    <section className="screen screen-linkage" data-testid="linkage-inquiry">
      <Tabs tabs={LINKAGE_TABS} current="linkage-inquiry" />
      <div className="screen-head">
        <h2>{lkt(lang, 'inquiryTitle')}</h2>
        {built ? (
          <button type="button" onClick={restart}>
            {lkt(lang, 'newInquiry')}
          </button>
        ) : null}
      </div>
      {declared !== 'renkei' ? <p className="inline-problem">{lkt(lang, 'needRenkei')}</p> : null}
      <p className="lead">{lkt(lang, 'inquiryLead')}</p>
      <div className="lk-builder">
        <div className="panel-form lk-choose">
          <div className="field">
            <label htmlFor="lkProcedureCode">{lkt(lang, 'step1')}</label>
            <select id="lkProcedureCode" value={code} disabled={built !== null} onChange={(e) => setCode(e.target.value)}>
              <option value="">{lkt(lang, 'chooseProcedure')}</option>
              {(procedures ?? []).map((p) => (
                <option key={p.code} value={p.code}>
                  {p.code} {p.tetsuzukiName}
                </option>
              ))}
            </select>
            {chosen ? <div className="field-hint" data-testid="procedure-facts">{lkt(lang, 'procedureFacts', { jimu: chosen.jimuName, tokutei: chosen.tokuteiName })}</div> : null}
            {procedures !== null && procedures.length === 0 ? <div className="field-hint bad">{lkt(lang, 'noProcedures')}</div> : null}
          </div>
          <div className="field">
            <label htmlFor="lkShikakuIds">{lkt(lang, 'step2')}</label>
            <textarea id="lkShikakuIds" name="lkShikakuIds" rows={4} value={idsText} spellCheck={false} disabled={built !== null} onChange={(e) => setIdsText(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="primary" data-testid="build-inquiry" disabled={built !== null} onClick={() => void build()}>
              {lkt(lang, 'build')}
            </button>
          </div>
        </div>
        <div className="panel-form lk-file">
          <h3>{lkt(lang, 'step3')}</h3>
          {built ? (
            <>
              <p className="muted small" data-testid="inquiry-id">
                {built.inquiryId}（{built.procedureCode}・{built.rows.length}）
              </p>
              <label className="field-hint" htmlFor="lkFileText">{lkt(lang, 'fileText')}</label>
              <textarea id="lkFileText" className="lk-file-text" data-testid="inquiry-file" readOnly value={built.file} rows={5} />
            </>
          ) : null}
        </div>
      </div>
      {built ? <AnswerEntry key={built.inquiryId} inquiryId={built.inquiryId} rows={built.rows} /> : null}
    </section>
  );
}
