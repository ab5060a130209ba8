// The 経過 of a request or a slip: who did what and when, oldest first.
import { useApp } from '../../app/store';
import { localTime } from '../media/format';
import { EVENT_LABELS, type RequestEvent } from './labels';
import { rqt } from './text';

export function History({ events }: { events: readonly RequestEvent[] }) {
  const lang = useApp((s) => s.lang);
  return (
    <div className="rq-history" data-testid="rq-history">
      <h4>{rqt(lang, 'history')}</h4>
      <ol className="review-list">
        {events.map((e, i) => (
          <li key={i} data-event={e.kind}>
            <div className="review-meta">
              {localTime(e.at)}{'\u3000'}{e.byUser}{'\u3000'}<b>{EVENT_LABELS[e.kind]?.[lang] ?? e.kind}</b>
            </div>
            <div className="review-findings">{e.note}</div>
          </li>
        ))}
      </ol>
    </div>
  );
}
