// RQ-3: one incident: the seven steps in order with who, when and what; the next step preselected.
// Any step can be chosen, because the rule is the main process's: a step before its predecessor is
// refused there (incident_step_out_of_order) and the clerk reads that sentence.
import { useEffect, useState } from 'react';
import type { Message } from '../../../shared/i18n';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Input } from '../admin/controls';
import { localTime } from '../media/format';
import { fetchQuietly } from './fetch';
import { stepName, type Incident } from './labels';
import { useEntry } from './StepEntry';
import { rqm, rqt } from './text';

type Outcome = 'done' | 'not_applicable';

export function IncidentPanel({ incidentId, onChanged }: { incidentId: string; onChanged(incidentId: string): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [incident, setIncident] = useState<Incident | null>(null);
  const [step, setStep] = useState(1);
  const [outcome, setOutcome] = useState<Outcome>('done');
  const [reason, setReason] = useState('');
  const stepEntry = useEntry('icStep');
  const preliminary = useEntry('icPre');

  const show = (i: Incident) => {
    setIncident(i);
    setStep(i.nextStep ?? 7);
    setOutcome('done');
  };
  useEffect(() => {
    void fetchQuietly(() => call('incident.get', { incidentId })).then((i) => i && show(i));
  }, [incidentId]);
  const after = async (i: Incident, message: Message) => {
    useApp.getState().inform(message);
    show(i);
    await onChanged(i.incidentId);
  };

  const record = async () => {
    const entry = stepEntry.entry();
    if (!entry) return;
    const i = await run(() => call('incident.recordStep', { incidentId, step, outcome, ...entry }));
    if (!i) return;
    stepEntry.clear();
    await after(i, { ja: rqt('ja', 'stepRecorded', { step, name: stepName(step, 'ja') }), en: rqt('en', 'stepRecorded', { step, name: stepName(step, 'en') }) });
  };
  const report = async () => {
    const entry = preliminary.entry();
    if (!entry) return;
    const i = await run(() => call('incident.reportPreliminary', { incidentId, ...entry }));
    if (i) await after(i, rqm('preliminaryRecorded', { id: incidentId }));
  };
  const markSerious = async () => {
    if (!reason.trim()) return complain(rqm('fieldsRequired', { fields: rqt(lang, 'reason') }));
    const i = await run(() => call('incident.markSerious', { incidentId, reason }));
    if (i) await after(i, rqm('markedSerious', { id: incidentId }));
  };

  if (!incident) return null;
  const optional = incident.steps.find((s) => s.step === step)?.optional ?? false;
  return (
    <div className="panel-form" data-testid="incident-detail" data-next-step={incident.nextStep ?? ''}>
      <h3>
        {incident.incidentId} {incident.title}
        {incident.serious ? <span className="rq-flag rq-flag-warn" data-testid="serious-flag">{rqt(lang, 'seriousFlag')}</span> : null}
      </h3>
      <p className="rq-content">{incident.summary}</p>
      <p className="muted small">
        {rqt(lang, 'discoveredAt')}：{localTime(incident.discoveredAt)}{'\u3000'}{rqt(lang, 'colStatus')}：{rqt(lang, incident.status === 'open' ? 'statusOpen' : 'statusClosed')}
      </p>
      {incident.serious ? (
        <div className={incident.preliminaryDue ? 'rq-alert' : 'rq-alert rq-alert-done'} data-testid="preliminary-box">
          <h4>{rqt(lang, 'preliminaryTitle')}</h4>
          {incident.preliminary ? (
            <p data-testid="preliminary-done">
              {rqt(lang, 'preliminaryDone', { at: localTime(incident.preliminary.performedAt), by: incident.preliminary.performedBy })}
            </p>
          ) : (
            <>
              <p className="rq-blocked">{rqt(lang, 'preliminaryDue')}</p>
              {preliminary.fields}
              <div className="actions">
                <button type="button" className="primary" data-testid="report-preliminary" onClick={() => void report()}>
                  {rqt(lang, 'reportPreliminary')}
                </button>
              </div>
            </>
          )}
        </div>
      ) : null}
      <h4>{rqt(lang, 'steps')}</h4>
      <ol className="rq-steps" data-testid="incident-steps">
        {incident.steps.map((s) => (
          <li key={s.step} data-step={s.step} className={s.outcome ? `rq-step rq-step-${s.outcome}` : s.step === incident.nextStep ? 'rq-step rq-step-next' : 'rq-step'}>
            <div className="rq-step-name">
              <b>{rqt(lang, 'stepN', { step: s.step })}</b> {stepName(s.step, lang)}
              {s.optional ? <span className="muted small">{rqt(lang, 'optional')}</span> : null}
            </div>
            {s.outcome ? (
              <div className="rq-step-entry small">
                {s.outcome === 'not_applicable' ? `${rqt(lang, 'naShort')}\u3000` : ''}
                {localTime(s.performedAt)}{'\u3000'}{s.performedBy}{'\u3000'}{s.notes}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {incident.status === 'open' ? (
        <div className="rq-step-form" data-testid="step-form">
          <h4>{rqt(lang, 'recordStepTitle')}</h4>
          <div className="grid-2 rq-step-pick">
            <div className="field">
              <label htmlFor="icStep">{rqt(lang, 'stepToRecord')}</label>
              <select id="icStep" value={step} onChange={(e) => { setStep(Number(e.target.value)); setOutcome('done'); }}>
                {incident.steps.filter((s) => s.outcome === null).map((s) => (
                  <option key={s.step} value={s.step}>
                    {rqt(lang, 'stepN', { step: s.step })} {stepName(s.step, lang)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="icOutcome">{rqt(lang, 'colStatus')}</label>
              <select id="icOutcome" value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome)}>
                <option value="done">{rqt(lang, 'outcomeDone')}</option>
                {optional ? <option value="not_applicable">{rqt(lang, 'outcomeNa')}</option> : null}
              </select>
            </div>
          </div>
          {stepEntry.fields}
          <div className="actions">
            <button type="button" className="primary" data-testid="record-step" onClick={() => void record()}>
              {rqt(lang, 'recordStep')}
            </button>
          </div>
        </div>
      ) : null}
      {incident.status === 'open' && !incident.serious ? (
        <div className="inline-form rq-mark-serious">
          <Input id="icSeriousReason" label={rqt(lang, 'reason')} value={reason} onChange={setReason} maxLength={2000} />
          <button type="button" className="danger" data-testid="mark-serious" onClick={() => void markSerious()}>
            {rqt(lang, 'markSerious')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
