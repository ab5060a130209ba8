import { useRef, useState } from 'react';
import type { ChannelOutput } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Tabs } from './Tabs';
import { MEDIA_TABS } from './tab-list';
import { mm, mt } from './text';

type Target = 'usbguard' | 'windows';

/**
 * The OS rules that block every stick not in the ledger, for IT to read and copy. The renderer cannot
 * write files (BL-2), so the text is shown read-only with its intended file name.
 */
export function OsPolicyScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [target, setTarget] = useState<Target>('usbguard');
  const [policy, setPolicy] = useState<ChannelOutput<'media.osPolicy'> | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const show = async (which: Target) => {
    setTarget(which);
    const r = await run(() => call('media.osPolicy', { target: which }));
    if (r) setPolicy(r);
  };
  const selectAll = () => area.current?.select();
  const copy = async () => {
    if (!policy) return;
    try {
      await navigator.clipboard.writeText(policy.text);
      useApp.getState().inform(mm('copied'));
    } catch {
      // Clipboard writes may be refused outside a secure context: selecting lets IT press Ctrl+C.
      selectAll();
    }
  };

  return (
    <section className="screen screen-media" data-testid="media-policy">
      <Tabs tabs={MEDIA_TABS} current="media-policy" />
      <h2>{mt(lang, 'osPolicyTitle')}</h2>
      <p className="muted small">{mt(lang, 'osPolicyLead')}</p>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="policyTarget">{mt(lang, 'target')}</label>
          <select id="policyTarget" value={target} onChange={(e) => setTarget(e.target.value as Target)}>
            <option value="usbguard">{mt(lang, 'usbguard')}</option>
            <option value="windows">{mt(lang, 'windows')}</option>
          </select>
        </div>
        <button type="button" className="primary" disabled={busy} onClick={() => void show(target)}>
          {mt(lang, 'show')}
        </button>
        {policy ? (
          <>
            <button type="button" onClick={selectAll}>
              {mt(lang, 'selectAll')}
            </button>
            <button type="button" onClick={() => void copy()}>
              {mt(lang, 'copy')}
            </button>
          </>
        ) : null}
      </div>
      {policy ? (
        <>
          <p className="result-count" data-testid="policy-file">
            {mt(lang, 'policyFor', { file: policy.fileName, count: policy.media })}
          </p>
          <textarea ref={area} className="policy-text" readOnly value={policy.text} spellCheck={false} data-testid="policy-text" />
        </>
      ) : null}
    </section>
  );
}
