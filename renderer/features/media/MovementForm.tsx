import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { Field } from '../../ui/Field';
import { runMedia } from './run';
import { mm, mt, type MediaTextKey } from './text';
import type { MediumView } from './views';

type Action = 'takeOut' | 'giveBack' | 'revoke' | 'dispose';

/** What the ledger keeper may record next for this medium (the main process checks it again). */
function actionsFor(m: MediumView): Action[] {
  if (m.status === 'disposed') return [];
  if (m.takenOut) return ['giveBack'];
  if (m.status === 'revoked') return ['dispose'];
  return ['takeOut', 'revoke', 'dispose'];
}

/** MD-8: take-out, return, revocation and disposal (with a witness) as ledger records. */
export function MovementForm({ medium, onDone }: { medium: MediumView; onDone(): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const actions = actionsFor(medium);
  const [action, setAction] = useState<Action | null>(null);
  const [text1, setText1] = useState('');
  const [text2, setText2] = useState('');
  if (actions.length === 0) return null;
  const current = action && actions.includes(action) ? action : null;

  const choose = (a: Action) => {
    setAction(a);
    setText1('');
    setText2('');
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!current) return;
    const { mediumId } = medium;
    const r =
      current === 'takeOut'
        ? await runMedia(() => call('media.takeOut', { mediumId, purpose: text1 }))
        : current === 'giveBack'
          ? await runMedia(() => call('media.return', { mediumId, note: text1 }))
          : current === 'revoke'
            ? await runMedia(() => call('media.revoke', { mediumId, reason: text1 }))
            : await runMedia(() => call('media.dispose', { mediumId, method: text1, witness: text2 }));
    if (!r) return;
    setAction(null);
    await onDone();
    useApp.getState().inform(mm('recorded', { mediumId, what: mt(lang, current) }));
  };

  const firstLabel: Record<Action, MediaTextKey> = { takeOut: 'purpose', giveBack: 'returnNote', revoke: 'revokeReason', dispose: 'disposalMethod' };
  const ready = current !== null && (current === 'giveBack' || text1.trim() !== '') && (current !== 'dispose' || text2.trim() !== '');

  return (
    <div className="movement-form no-print">
      <div className="actions actions-left">
        {actions.map((a) => (
          <button key={a} type="button" className={current === a ? 'primary' : ''} data-action={a} onClick={() => choose(a)}>
            {mt(lang, a)}
          </button>
        ))}
      </div>
      {current ? (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Field id="movementText1" label={mt(lang, firstLabel[current])} value={text1} onChange={setText1} maxLength={current === 'dispose' ? 100 : 200} autoFocus />
          {current === 'dispose' ? <Field id="movementWitness" label={mt(lang, 'witness')} value={text2} onChange={setText2} maxLength={64} /> : null}
          <div className="actions">
            <button type="button" onClick={() => setAction(null)}>
              {mt(lang, 'cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy || !ready}>
              {mt(lang, 'record')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
