// AU-3: an administrator reviews the operation log over a period (periodic, or on an incident) and
// records the findings; the router saves the period's counts and the hash-chain check with them.
import { useEffect, useState, type FormEvent } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp, usePermission } from '../../app/store';
import { complain, TextArea } from '../admin/controls';
import { Tabs } from '../media/Tabs';
import { REVIEW_TABS } from './tab-list';
import { vm, vt } from './text';

type Review = ChannelOutput<'audit.reviews'>['reviews'][number];
type Recorded = ChannelOutput<'audit.recordReview'>;
type Reason = 'periodic' | 'incident';

/** A datetime-local value (the terminal's local time) for a Date. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
function monthStart(offset: number): Date {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth() + offset, 1);
}
/** A datetime-local value as an instant with its offset, or null when it is not a time. */
function instant(value: string): string | null {
  const d = new Date(value);
  return value === '' || Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function ReviewScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayRecord = usePermission('audit.review');
  const [from, setFrom] = useState(localInput(monthStart(-1)));
  const [to, setTo] = useState(localInput(monthStart(0)));
  const [reason, setReason] = useState<Reason>('periodic');
  const [findings, setFindings] = useState('');
  const [recorded, setRecorded] = useState<Recorded | null>(null);
  const [reviews, setReviews] = useState<Review[] | null>(null);

  const load = async () => {
    const r = await run(() => call('audit.reviews', { limit: 50 }));
    if (r) setReviews(r.reviews);
    return r !== undefined;
  };
  useEffect(() => {
    void load();
  }, []);

  const period = (offset: number) => {
    setFrom(localInput(monthStart(offset)));
    setTo(localInput(offset === 0 ? new Date() : monthStart(offset + 1)));
  };

  const record = async (e: FormEvent) => {
    e.preventDefault();
    const start = instant(from);
    const end = instant(to);
    if (!start || !end || start >= end) return complain(vm('periodInvalid'));
    if (findings.trim() === '') return complain(vm('findingsRequired'));
    const done = await run(() => call('audit.recordReview', { reason, from: start, to: end, findings }));
    if (!done) return;
    setRecorded(done);
    setFindings('');
    if (!(await load())) return;
    useApp.getState().inform(vm('recorded', { entries: done.review.entries, refused: done.review.refused }));
  };

  return (
    <section className="screen screen-review" data-testid="log-review">
      <Tabs tabs={REVIEW_TABS} current="log-review" />
      <div className="screen-head">
        <h2>{vt(lang, 'reviewTitle')}</h2>
        <button type="button" disabled={busy} onClick={() => void load()}>
          {vt(lang, 'reload')}
        </button>
      </div>
      <p className="muted small">{vt(lang, 'reviewLead')}</p>
      <div className="review-layout">
        <div className="review-main">
          {mayRecord ? (
            <form className="panel-form review-period" onSubmit={record} noValidate data-testid="log-review-form">
              <div className="period-row">
                <div className="field">
                  <label htmlFor="reviewFrom">{vt(lang, 'from')}</label>
                  <input id="reviewFrom" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="reviewTo">{vt(lang, 'to')}</label>
                  <input id="reviewTo" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
                </div>
                <div className="field">
                  <label htmlFor="reviewReason">{vt(lang, 'reason')}</label>
                  <select id="reviewReason" value={reason} onChange={(e) => setReason(e.target.value as Reason)}>
                    <option value="periodic">{vt(lang, 'reason_periodic')}</option>
                    <option value="incident">{vt(lang, 'reason_incident')}</option>
                  </select>
                </div>
                <div className="button-row period-buttons">
                  <button type="button" onClick={() => period(-1)}>
                    {vt(lang, 'lastMonth')}
                  </button>
                  <button type="button" onClick={() => period(0)}>
                    {vt(lang, 'thisMonth')}
                  </button>
                </div>
              </div>
              <TextArea id="reviewFindings" label={vt(lang, 'findings')} value={findings} onChange={setFindings} placeholder={vt(lang, 'findingsHint')} />
              <div className="actions">
                <button type="submit" className="primary" data-testid="log-review-record" disabled={busy}>
                  {vt(lang, 'record')}
                </button>
              </div>
            </form>
          ) : (
            <p className="muted small">{vt(lang, 'noRecordRight')}</p>
          )}
          {recorded ? <Counts recorded={recorded} /> : null}
        </div>
        <div className="review-side" data-testid="log-review-history">
          <h3>{vt(lang, 'history')}</h3>
          {reviews && reviews.length === 0 ? <p className="muted">{vt(lang, 'noHistory')}</p> : null}
          <ol className="review-list">
            {(reviews ?? []).map((r) => (
              <li key={r.id} data-review-id={r.id}>
                <div className="review-meta">
                  {formatTime(r.reviewedAt)} {r.reviewer} {vt(lang, `reason_${r.reason}`)} <span className={r.chainOk ? 'tag-ok' : 'bad'}>{vt(lang, r.chainOk ? 'ok' : 'bad')}</span>
                </div>
                <div className="review-meta">{vt(lang, 'countsSummary', { from: formatTime(r.from) ?? r.from, to: formatTime(r.to) ?? r.to, entries: r.entries, refused: r.refused })}</div>
                <div className="review-findings">{r.findings}</div>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </section>
  );
}

function Counts({ recorded }: { recorded: Recorded }) {
  const lang = useApp((s) => s.lang);
  const { review, events } = recorded;
  return (
    <div className="review-counts" data-testid="log-review-counts">
      <h3>{vt(lang, 'counts')}</h3>
      <p>
        {vt(lang, 'countsSummary', { from: formatTime(review.from) ?? review.from, to: formatTime(review.to) ?? review.to, entries: review.entries, refused: review.refused })}{' '}
        <span className={review.chainOk ? 'tag-ok' : 'bad'}>{vt(lang, review.chainOk ? 'chainOk' : 'chainBad')}</span>
      </p>
      <div className="plain-table-wrap">
        <table className="plain-table compact">
          <thead>
            <tr>
              <th>{vt(lang, 'colEvent')}</th>
              <th className="num">{vt(lang, 'colOk')}</th>
              <th className="num">{vt(lang, 'colRefused')}</th>
              <th className="num">{vt(lang, 'colFailed')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.event} className={e.refused + e.failed > 0 ? 'row-refused' : ''}>
                <td>{e.event}</td>
                <td className="num">{e.ok}</td>
                <td className="num">{e.refused}</td>
                <td className="num">{e.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
