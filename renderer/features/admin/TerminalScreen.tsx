// 端末指定 (AC-12): what this terminal is designated for, set by a system administrator with a reason.
import { useEffect, useState } from 'react';
import { DESIGNATION_LABELS, DESIGNATIONS, type Designation } from '../../../shared/codes';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Checks, complain, Input } from './controls';
import { OrgKeysPanel } from './OrgKeysPanel';
import { am, at } from './text';

export function TerminalScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const [name, setName] = useState<string | null>(null);
  const [designations, setDesignations] = useState<Designation[]>([]);
  const [reason, setReason] = useState('');
  useEffect(() => {
    void run(() => call('terminal.get', {})).then((r) => {
      if (!r) return;
      setName(r.name);
      setDesignations(r.designations);
    });
  }, [run]);

  const save = async () => {
    if (reason.trim() === '') return complain(am('reasonRequired'));
    const r = await run(() => call('terminal.setDesignations', { designations, reason }));
    if (!r) return;
    setDesignations(r.designations);
    setReason('');
    inform(am('designationsSaved'));
  };

  return (
    <section className="screen screen-terminal">
      <h2>{at(lang, 'terminalTitle')}</h2>
      <p className="lead">{at(lang, 'terminalLead')}</p>
      <div className="terminal-panels">
        <div className="panel-form narrow" data-testid="terminal-form">
          <dl className="mini-facts">
            <div>
              <dt>{at(lang, 'terminalName')}</dt>
              <dd data-testid="terminal-name">{name ?? ''}</dd>
            </div>
          </dl>
          <Checks name="designations" label={at(lang, 'terminalTitle')} values={DESIGNATIONS} selected={designations} labels={DESIGNATION_LABELS} onChange={setDesignations} />
          <Input id="designationReason" label={at(lang, 'reason')} value={reason} onChange={setReason} maxLength={200} hint={at(lang, 'reasonHint')} />
          <div className="actions">
            <button type="button" className="primary" data-testid="save-designations" disabled={busy || name === null} onClick={() => void save()}>
              {at(lang, 'save')}
            </button>
          </div>
        </div>
        <OrgKeysPanel />
      </div>
    </section>
  );
}
