import { useApp } from '../../app/store';
import { Tabs } from '../media/Tabs';
import { ChooseFile } from './ChooseFile';
import { Receipts } from './Receipts';
import { Review } from './Review';
import { useImports, type Outcome, type Progress } from './store';
import { IMPORT_TABS } from './tab-list';
import { imt, type ImportTextKey } from './text';

const PHASES: Record<Progress['phase'], ImportTextKey> = { read: 'phaseRead', validate: 'phaseValidate', save: 'phaseSave', register: 'phaseRegister' };

/** Choose a file, watch it being read and checked, review, then confirm or abandon (DQ-2, DP-5). */
export function ImportScreen() {
  const lang = useApp((s) => s.lang);
  const declared = useApp((s) => s.session?.business ?? null);
  const summary = useImports((s) => s.summary);
  const working = useImports((s) => s.working);
  const outcome = useImports((s) => s.outcome);
  const reset = useImports((s) => s.reset);

  return (
    <section className="screen screen-imports" data-testid="imports-screen">
      <Tabs tabs={IMPORT_TABS} current="imports" />
      <div className="screen-head">
        <h2>{summary ? imt(lang, 'reviewTitle', { file: summary.session.fileName }) : imt(lang, 'title')}</h2>
        {summary && working === null ? (
          <button type="button" data-testid="new-import" onClick={reset}>
            {imt(lang, 'newImport')}
          </button>
        ) : null}
      </div>
      {/* AC-7: imports are 適用 work; the router refuses them in any other declared business. */}
      {declared !== 'tekiyo' ? <p className="inline-problem">{imt(lang, 'needTekiyo')}</p> : null}
      {declared === 'tekiyo' && !summary && working === null ? <ChooseFile /> : null}
      {working ? <ProgressPanel /> : null}
      {outcome ? <OutcomePanel outcome={outcome} /> : null}
      {summary && summary.session.status !== 'previewed' ? <Receipts /> : null}
      {summary ? <Review summary={summary} /> : null}
    </section>
  );
}

function ProgressPanel() {
  const lang = useApp((s) => s.lang);
  const working = useImports((s) => s.working);
  const progress = useImports((s) => s.progress);
  const ratio = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
  return (
    <div className="panel-form progress-panel" role="status" aria-live="polite" data-testid="import-progress">
      <strong>{imt(lang, working === 'registering' ? 'registering' : 'reading')}</strong>
      <span className="muted">
        {progress ? imt(lang, PHASES[progress.phase]) : imt(lang, 'progressStarting')}
        {progress && progress.total > 0 ? `：${imt(lang, 'progressOf', { done: progress.done.toLocaleString(), total: progress.total.toLocaleString() })}` : ''}
      </span>
      <progress max={1} value={progress && progress.total > 0 ? ratio : undefined} />
    </div>
  );
}

function OutcomePanel({ outcome }: { outcome: Outcome }) {
  const lang = useApp((s) => s.lang);
  const erasure = outcome.result;
  const figures: [ImportTextKey, number][] =
    outcome.kind === 'confirmed'
      ? [
          ['outRegistered', outcome.result.registered],
          ['outCorrected', outcome.result.corrected],
          ['outCancelled', outcome.result.cancelled],
          ['outWithoutNumber', outcome.result.recordedWithoutNumber],
          ['outUnchanged', outcome.result.unchanged],
          ['outRejected', outcome.result.rejected],
        ]
      : [];
  return (
    <div className="panel-form outcome" data-testid="import-outcome" data-outcome={outcome.kind}>
      <h3>{imt(lang, outcome.kind === 'confirmed' ? 'confirmedTitle' : 'abandonedTitle')}</h3>
      {figures.length > 0 ? (
        <dl className="facts">
          {figures.map(([key, n]) => (
            <div key={key} data-figure={key}>
              <dt>{imt(lang, key)}</dt>
              <dd>{n.toLocaleString()}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {/* DP-5: the source file is erased once the import ends; a failure says what to do. */}
      {erasure.sourceDeleted ? <p className="tag-ok" data-testid="source-erased">{imt(lang, 'sourceErased')}</p> : <p className="inline-problem">{erasure.sourceProblem}</p>}
    </div>
  );
}
