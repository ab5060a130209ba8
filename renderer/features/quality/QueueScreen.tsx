// DQ-5: changes waiting for registration with the intermediate server (中間サーバー等). The list holds
// only 資格ID and the kind of change; marking entries sent is logged with the range of sequence numbers.
import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { formatTime } from '../../app/sync';
import { useApp } from '../../app/store';
import { Tabs } from '../media/Tabs';
import { QUALITY_TABS } from './tab-list';
import { qm, qt } from './text';

type Pending = ChannelOutput<'quality.queuePending'>;

export function QueueScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [pending, setPending] = useState<Pending | null>(null);
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());

  const load = async () => {
    const p = await run(() => call('quality.queuePending', { limit: 500 }));
    if (p) {
      setPending(p);
      setChosen(new Set());
    }
    return p !== undefined;
  };
  useEffect(() => {
    void load();
  }, []);

  const items = pending?.items ?? [];
  const all = items.length > 0 && items.every((i) => chosen.has(i.seq));
  const toggle = (seq: number, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(seq);
    else next.delete(seq);
    setChosen(next);
  };

  const markSent = async () => {
    const done = await run(() => call('quality.queueMarkSent', { seqs: [...chosen] }));
    if (!done) return;
    if (!(await load())) return;
    useApp.getState().inform(qm('marked', { marked: done.marked, skipped: done.skipped }));
  };

  return (
    <section className="screen screen-quality" data-testid="quality-queue">
      <Tabs tabs={QUALITY_TABS} current="quality-queue" />
      <div className="screen-head">
        <h2>{qt(lang, 'queueTitle')}</h2>
        <div className="head-actions">
          {pending ? <span className="count-badge">{qt(lang, 'queueTotal', { total: pending.total })}</span> : null}
          <button type="button" disabled={busy} onClick={() => void load()}>
            {qt(lang, 'reload')}
          </button>
          <button type="button" className="primary" data-testid="queue-mark-sent" disabled={busy || chosen.size === 0} onClick={() => void markSent()}>
            {qt(lang, 'markSent', { count: chosen.size })}
          </button>
        </div>
      </div>
      <p className="muted small">{qt(lang, 'queueLead')}</p>
      <div className="plain-table-wrap">
        {pending && items.length === 0 ? <p className="table-note muted">{qt(lang, 'queueEmpty')}</p> : null}
        <table className="plain-table compact" data-testid="queue-table">
          <thead>
            <tr>
              <th>
                <input type="checkbox" aria-label={qt(lang, 'selectAll')} checked={all} onChange={(e) => setChosen(e.target.checked ? new Set(items.map((i) => i.seq)) : new Set())} />
              </th>
              <th>{qt(lang, 'colSeq')}</th>
              <th>{qt(lang, 'shikakuId')}</th>
              <th>{qt(lang, 'colKind')}</th>
              <th>{qt(lang, 'colQueuedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.seq} data-seq={i.seq}>
                <td>
                  <input type="checkbox" aria-label={String(i.seq)} checked={chosen.has(i.seq)} onChange={(e) => toggle(i.seq, e.target.checked)} />
                </td>
                <td className="num">{i.seq}</td>
                <td>{i.shikakuId}</td>
                <td>{qt(lang, `kind_${i.changeKind}`)}</td>
                <td>{formatTime(i.queuedAt) ?? i.queuedAt}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {pending && pending.total > items.length ? <p className="table-note muted">{qt(lang, 'shownOf', { shown: items.length, total: pending.total })}</p> : null}
      </div>
    </section>
  );
}
