// RT-1..RT-5: the dry run (what a purge would erase today: 資格ID and dates, never a number) and the
// purge itself, run by the system administrator after a confirmation. Both go through the router,
// which logs the dry run as counts and the purge as one entry per erased record.
import { useEffect, useState } from 'react';
import type { Lang } from '../../../shared/i18n';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp, usePermission } from '../../app/store';
import { ConfirmDialog } from './ConfirmDialog';
import { rm, rt } from './text';

type Plan = ChannelOutput<'retention.preview'>;

const RULES: Record<Plan['records'][number]['kind'], string> = { joho_teikyo: 'RT-2', honin_kakunin: 'RT-3' };

export function RetentionScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const mayRun = usePermission('retention.run');
  const [plan, setPlan] = useState<Plan | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [checked, setChecked] = useState(false);

  const load = async () => {
    const p = await run(() => call('retention.preview', { limit: 200 }));
    if (p) setPlan(p);
  };
  useEffect(() => {
    void load();
  }, []);

  const purge = async () => {
    const done = await run(() => call('retention.run', { confirm: true }));
    setConfirming(false);
    setChecked(false);
    if (!done) return;
    await load();
    const records = done.records.reduce((n, r) => n + r.count, 0);
    useApp.getState().inform(rm('done', { asOf: done.asOf, myNumbers: done.myNumbers, refusals: done.refusals, records }));
  };

  const due = plan ? plan.myNumbers.count + plan.refusals.count + plan.records.reduce((n, r) => n + r.count, 0) : 0;

  return (
    <section className="screen screen-retention" data-testid="retention">
      <div className="screen-head">
        <h2>{rt(lang, 'title')}</h2>
        <div className="head-actions">
          <button type="button" data-testid="retention-preview" disabled={busy} onClick={() => void load()}>
            {rt(lang, 'reload')}
          </button>
          {mayRun ? (
            <button type="button" className="primary" data-testid="retention-run" disabled={busy || !plan || due === 0} onClick={() => setConfirming(true)}>
              {rt(lang, 'run')}
            </button>
          ) : null}
        </div>
      </div>
      <p className="lead">{rt(lang, 'lead')}</p>
      {!mayRun ? <p className="muted small">{rt(lang, 'noRunRight')}</p> : null}
      {plan ? (
        <div className="retention-body">
          <div className="retention-panel" data-testid="retention-mynumbers">
            <h3>
              {rt(lang, 'myNumbers')} <span className="count-badge">{rt(lang, 'count', { count: plan.myNumbers.count })}</span>
            </h3>
            <p className="muted small">
              {rt(lang, 'asOf')} {plan.asOf} {rt(lang, 'myNumbersRule', { cutoff: plan.myNumbers.cutoff })}
            </p>
            <TargetTable
              lang={lang}
              heads={[rt(lang, 'colShikakuId'), rt(lang, 'colSoshitsu'), rt(lang, 'colExpired')]}
              rows={plan.myNumbers.targets.map((t) => [t.shikakuId, t.soshitsuDate, t.expiredOn])}
              count={plan.myNumbers.count}
            />
          </div>
          <div className="retention-side">
            <div className="retention-panel" data-testid="retention-refusals">
              <h3>
                {rt(lang, 'refusals')} <span className="count-badge">{rt(lang, 'count', { count: plan.refusals.count })}</span>
              </h3>
              <p className="muted small">{rt(lang, 'refusalsRule')}</p>
              <TargetTable lang={lang} heads={[rt(lang, 'colShikakuId'), rt(lang, 'colRefusedOn')]} rows={plan.refusals.targets.map((t) => [t.shikakuId, t.refusedOn])} count={plan.refusals.count} />
            </div>
            <div className="retention-panel" data-testid="retention-records">
              <h3>{rt(lang, 'records')}</h3>
              <table className="plain-table compact">
                <thead>
                  <tr>
                    <th>{rt(lang, 'colRecord')}</th>
                    <th>{rt(lang, 'colCutoff')}</th>
                    <th className="num">{rt(lang, 'colCount')}</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.records.map((r) => (
                    <tr key={r.kind} data-kind={r.kind}>
                      <td>{r.label}</td>
                      <td className="wrap">{r.present ? rt(lang, 'recordRule', { cutoff: r.cutoff, rule: RULES[r.kind] }) : <span className="muted">{rt(lang, 'noTable')}</span>}</td>
                      <td className="num">{r.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        </div>
      ) : null}
      {confirming && plan ? (
        <ConfirmDialog
          title={rt(lang, 'confirmTitle')}
          confirmLabel={rt(lang, 'confirmYes')}
          cancelLabel={rt(lang, 'cancel')}
          ready={checked}
          busy={busy}
          testId="retention-confirm"
          onConfirm={() => void purge()}
          onCancel={() => {
            setConfirming(false);
            setChecked(false);
          }}
        >
          <p>{rt(lang, 'confirmLead')}</p>
          <ul className="confirm-list">
            <li>{rt(lang, 'confirmMyNumbers', { count: plan.myNumbers.count + plan.refusals.count, refusals: plan.refusals.count })}</li>
            {plan.records.map((r) => (
              <li key={r.kind}>{rt(lang, 'confirmRecords', { label: r.label, count: r.count })}</li>
            ))}
          </ul>
          <label className="check">
            <input type="checkbox" data-testid="retention-confirm-check" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
            {rt(lang, 'confirmCheck')}
          </label>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}

/** A list of targets (資格ID and dates): the preview never carries more than that. */
function TargetTable({ lang, heads, rows, count }: { lang: Lang; heads: string[]; rows: string[][]; count: number }) {
  if (count === 0) return <p className="muted small">{rt(lang, 'nothing')}</p>;
  return (
    <div className="plain-table-wrap">
      <table className="plain-table compact">
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.join('|')} data-shikaku-id={r[0]}>
              {r.map((c, i) => (
                <td key={i}>{c}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {count > rows.length ? <p className="table-note muted">{rt(lang, 'truncated', { shown: rows.length, count })}</p> : null}
    </div>
  );
}
