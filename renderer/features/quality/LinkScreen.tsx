// DQ-3: 名寄せ. Shows the linked history of a 資格ID and, for an EDIT user in a declared business, the
// records that may be the same person; linking one of them is a confirmed, logged decision with a reason.
import { useState, type FormEvent } from 'react';
import type { Lang } from '../../../shared/i18n';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp, usePermission } from '../../app/store';
import { Field } from '../../ui/Field';
import { complain } from '../admin/controls';
import { kubunLabel } from '../members/format';
import { Tabs } from '../media/Tabs';
import { QUALITY_TABS } from './tab-list';
import { qm, qt } from './text';

type HistoryRecord = ChannelOutput<'quality.history'>['records'][number];
type Candidate = ChannelOutput<'quality.linkCandidates'>['candidates'][number];
type Reason = 'shikaku_change' | 'nini_keizoku' | 'tokurei_taishoku';
const REASONS: readonly Reason[] = ['shikaku_change', 'nini_keizoku', 'tokurei_taishoku'];
const SHIKAKU_ID = /^[A-Z0-9-]{1,20}$/;

export function LinkScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayLink = usePermission('quality.link');
  const [query, setQuery] = useState('');
  const [shown, setShown] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryRecord[] | null>(null);
  const [candidates, setCandidates] = useState<Candidate[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [reason, setReason] = useState<Reason>('shikaku_change');

  const load = async (shikakuId: string) => {
    const h = await run(() => call('quality.history', { shikakuId }));
    if (!h) return false;
    setShown(shikakuId);
    setHistory(h.records);
    setChosen(null);
    if (mayLink) {
      const c = await run(() => call('quality.linkCandidates', { shikakuId }));
      setCandidates(c ? c.candidates : null);
    } else setCandidates(null);
    return true;
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!SHIKAKU_ID.test(query) || /^\d{12}$/.test(query)) return complain(qm('idInvalid'));
    void load(query);
  };

  const link = async () => {
    const current = history?.find((r) => r.shikakuId === shown);
    const other = candidates?.find((c) => c.shikakuId === chosen);
    if (!shown || !current || !other) return complain(qm('linkChoose'));
    // The record that began first is the earlier one, whichever of the two is on screen.
    const otherFirst = other.shutokuDate < current.shutokuDate || (other.shutokuDate === current.shutokuDate && other.shikakuId < current.shikakuId);
    const [earlier, later] = otherFirst ? [other.shikakuId, current.shikakuId] : [current.shikakuId, other.shikakuId];
    const done = await run(() => call('quality.link', { earlierShikakuId: earlier, laterShikakuId: later, reason }));
    if (!done) return;
    if (!(await load(shown))) return;
    const match = done.numberMatch === 'same' ? 'numberSame' : 'numberNotCompared';
    useApp.getState().inform({ ja: qt('ja', 'linked', { earlier, later, match: qt('ja', match) }), en: qt('en', 'linked', { earlier, later, match: qt('en', match) }) });
  };

  const linkText = (r: HistoryRecord) =>
    r.linkedBy ? qt(lang, 'linkedWith', { with: r.linkedBy.with, reason: qt(lang, `reason_${r.linkedBy.reason}`), by: r.linkedBy.confirmedBy, at: formatTime(r.linkedBy.confirmedAt) ?? '' }) : '';

  return (
    <section className="screen screen-quality" data-testid="quality-links">
      <Tabs tabs={QUALITY_TABS} current="quality" />
      <div className="screen-head">
        <h2>{qt(lang, 'linksTitle')}</h2>
      </div>
      <p className="muted small">{qt(lang, 'linksLead')}</p>
      <form className="filter-bar" onSubmit={submit} noValidate>
        <Field id="linkShikakuId" label={qt(lang, 'shikakuId')} value={query} onChange={(v) => setQuery(v.trim().toUpperCase())} maxLength={20} />
        <button type="submit" className="primary filter-button" disabled={busy}>
          {qt(lang, 'show')}
        </button>
      </form>
      {history ? (
        <div className="quality-panel" data-testid="link-history">
          <h3>{qt(lang, 'history')}</h3>
          <table className="plain-table compact">
            <RecordHead lang={lang} extra={qt(lang, 'colLink')} />
            <tbody>
              {history.map((r) => (
                <tr key={r.shikakuId} data-shikaku-id={r.shikakuId} className={r.shikakuId === shown ? 'selected' : ''}>
                  <RecordCells lang={lang} r={r} />
                  <td className="wrap">{r.shikakuId === shown && !r.linkedBy ? <span className="muted">{qt(lang, 'current')}</span> : linkText(r)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {history && !mayLink ? <p className="muted small">{qt(lang, 'noLinkRight')}</p> : null}
      {candidates ? (
        <div className="quality-panel" data-testid="link-candidates">
          <h3>{qt(lang, 'candidates')}</h3>
          {candidates.length === 0 ? (
            <p className="muted small">{qt(lang, 'noCandidates')}</p>
          ) : (
            <>
              <table className="plain-table compact selectable">
                <RecordHead lang={lang} extra={qt(lang, 'colNumber')} choose />
                <tbody>
                  {candidates.map((c) => (
                    <tr key={c.shikakuId} data-shikaku-id={c.shikakuId} className={c.shikakuId === chosen ? 'selected' : ''} onClick={() => setChosen(c.shikakuId)}>
                      <td>
                        <input type="radio" name="candidate" aria-label={c.shikakuId} checked={c.shikakuId === chosen} onChange={() => setChosen(c.shikakuId)} />
                      </td>
                      <RecordCells lang={lang} r={c} />
                      <td className={c.numberMatch === 'same' ? 'tag-ok' : 'muted'}>{qt(lang, c.numberMatch === 'same' ? 'numberSame' : 'numberNotCompared')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <div className="link-form">
                <div className="field">
                  <label htmlFor="linkReason">{qt(lang, 'reason')}</label>
                  <select id="linkReason" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
                    {REASONS.map((r) => (
                      <option key={r} value={r}>
                        {qt(lang, `reason_${r}`)}
                      </option>
                    ))}
                  </select>
                </div>
                <button type="button" className="primary" data-testid="link-confirm" disabled={busy || chosen === null} onClick={() => void link()}>
                  {qt(lang, 'link')}
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
    </section>
  );
}

function RecordHead({ lang, extra, choose }: { lang: Lang; extra: string; choose?: boolean }) {
  return (
    <thead>
      <tr>
        {choose ? <th aria-hidden="true" /> : null}
        <th>{qt(lang, 'shikakuId')}</th>
        <th>{qt(lang, 'colEmployer')}</th>
        <th>{qt(lang, 'colHihokenshaNo')}</th>
        <th>{qt(lang, 'colKubun')}</th>
        <th>{qt(lang, 'colName')}</th>
        <th>{qt(lang, 'colShutoku')}</th>
        <th>{qt(lang, 'colSoshitsu')}</th>
        <th>{extra}</th>
      </tr>
    </thead>
  );
}

function RecordCells({ lang, r }: { lang: Lang; r: Pick<HistoryRecord, 'shikakuId' | 'jigyoshoKigo' | 'hihokenshaNo' | 'kubun' | 'kanjiName' | 'shutokuDate' | 'soshitsuDate'> }) {
  return (
    <>
      <td>{r.shikakuId}</td>
      <td>{r.jigyoshoKigo}</td>
      <td>{r.hihokenshaNo}</td>
      <td>{kubunLabel(r.kubun, lang)}</td>
      <td>{r.kanjiName}</td>
      <td>{r.shutokuDate}</td>
      <td>{r.soshitsuDate ?? ''}</td>
    </>
  );
}
