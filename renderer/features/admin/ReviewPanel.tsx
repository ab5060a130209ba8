// AC-6: the manager's periodic review of the assignment list (who, when, findings), and its history.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp } from '../../app/store';
import { complain, TextArea } from './controls';
import { am, at } from './text';

type Review = ChannelOutput<'access.reviews'>['reviews'][number];

export function ReviewPanel({ canRecord }: { canRecord: boolean }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const [reviews, setReviews] = useState<Review[] | null>(null);
  const [findings, setFindings] = useState('');
  useEffect(() => {
    void run(() => call('access.reviews', { limit: 20 })).then((r) => {
      if (r) setReviews(r.reviews);
    });
  }, [run]);

  const record = async () => {
    if (findings.trim() === '') return complain(am('findingsRequired'));
    const recorded = await run(() => call('access.recordReview', { findings }));
    if (!recorded) return;
    setFindings('');
    const list = await run(() => call('access.reviews', { limit: 20 }));
    if (list) setReviews(list.reviews);
    inform(am('reviewDone', { count: list?.reviews.find((r) => r.id === recorded.reviewId)?.users ?? 0 }));
  };

  return (
    <aside className="review-panel no-print" data-testid="review-panel">
      <h3>{at(lang, 'reviewTitle')}</h3>
      {canRecord ? (
        <div className="review-form">
          <TextArea id="reviewFindings" label={at(lang, 'findings')} value={findings} onChange={setFindings} placeholder={at(lang, 'findingsHint')} />
          <div className="actions">
            <button type="button" className="primary" data-testid="record-review" disabled={busy} onClick={() => void record()}>
              {at(lang, 'recordReview')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="review-history">
        <h4>{at(lang, 'reviewHistory')}</h4>
        {reviews && reviews.length === 0 ? <p className="muted">{at(lang, 'noReviews')}</p> : null}
        <ol className="review-list" data-testid="review-history">
          {(reviews ?? []).map((r) => (
            <li key={r.id}>
              <div className="review-meta">
                {formatTime(r.reviewedAt)} {r.reviewer} {at(lang, 'rows', { count: r.users })}
              </div>
              <div className="review-findings">{r.findings}</div>
            </li>
          ))}
        </ol>
      </div>
    </aside>
  );
}
