// What a system administrator does to one ID (AC-1, AC-4, AC-5), each with a reason for the log.
// Nobody acts on their own ID here; the main process refuses it as well (self_grant).
import { useState } from 'react';
import type { Message } from '../../../shared/i18n';
import type { AssignmentRow } from '../../../shared/rpc/channels/access';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { levelText, statusText, validityText } from './assignments';
import { complain, Input } from './controls';
import { am, at } from './text';

type Props = { row: AssignmentRow; today: string; canAdmin: boolean; onChanged(): Promise<void> };

export function UserActions({ row, today, canAdmin, onChanged }: Props) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const self = useApp((s) => s.session?.user.userId === row.userId);
  const [reason, setReason] = useState('');
  const [name, setName] = useState(row.name);
  const [department, setDepartment] = useState(row.department ?? '');
  const [temporary, setTemporary] = useState('');
  const [retiredOn, setRetiredOn] = useState(row.retiredOn ?? today);
  const userId = row.userId;

  /** Runs one change: a reason first, then the main process; the list reloads and says what happened. */
  const act = async (action: () => Promise<unknown>, done: Message) => {
    if (reason.trim() === '') {
      complain(am('reasonRequired'));
      return;
    }
    const r = await run(action);
    if (r === undefined) return;
    await onChanged();
    inform(done);
    setTemporary('');
  };

  return (
    <div className="panel-form" data-testid="user-actions">
      <h3>
        {row.name}（{row.userId}）
      </h3>
      <dl className="mini-facts">
        <div>
          <dt>{at(lang, 'status')}</dt>
          <dd data-testid="user-status">{statusText(lang, row)}</dd>
        </div>
        <div>
          <dt>{at(lang, 'currentGrant')}</dt>
          <dd>
            {levelText(lang, row.current)}{' '}{validityText(lang, row.current)}
          </dd>
        </div>
      </dl>
      {!canAdmin ? null : self ? (
        <p className="field-hint">{at(lang, 'selfNote')}</p>
      ) : (
        <>
          <Input id="actionReason" label={at(lang, 'reason')} value={reason} onChange={setReason} maxLength={200} hint={at(lang, 'reasonHint')} />

          <h4>{at(lang, 'editTitle')}</h4>
          <div className="inline-form">
            <Input id="editName" label={at(lang, 'name')} value={name} onChange={setName} maxLength={64} />
            <Input id="editDepartment" label={at(lang, 'department')} value={department} onChange={setDepartment} maxLength={64} />
            <button type="button" disabled={busy} onClick={() => void act(() => call('user.update', { userId, name, department, reason }), am('saved', { userId }))}>
              {at(lang, 'save')}
            </button>
          </div>

          <h4>{at(lang, 'statusTitle')}</h4>
          <div className="button-row">
            {row.status === 'locked' ? (
              <button type="button" data-testid="unlock-user" disabled={busy} onClick={() => void act(() => call('user.setStatus', { userId, action: 'unlock', reason }), am('unlocked', { userId }))}>
                {at(lang, 'unlock')}
              </button>
            ) : null}
            {row.status === 'disabled' ? (
              <button type="button" data-testid="enable-user" disabled={busy} onClick={() => void act(() => call('user.setStatus', { userId, action: 'enable', reason }), am('enabled', { userId }))}>
                {at(lang, 'enable')}
              </button>
            ) : row.status !== 'retired' ? (
              <button type="button" className="danger" data-testid="disable-user" disabled={busy} onClick={() => void act(() => call('user.setStatus', { userId, action: 'disable', reason }), am('disabled', { userId }))}>
                {at(lang, 'disable')}
              </button>
            ) : null}
          </div>

          <h4>{at(lang, 'resetTitle')}</h4>
          <div className="inline-form">
            <Input id="temporaryPassword" type="password" label={at(lang, 'temporaryPassword')} value={temporary} onChange={setTemporary} hint={at(lang, 'resetHint')} />
            <button type="button" disabled={busy || temporary === ''} onClick={() => void act(() => call('user.resetPassword', { userId, temporaryPassword: temporary, reason }), am('resetDone', { userId }))}>
              {at(lang, 'reset')}
            </button>
          </div>

          <h4>{at(lang, 'retireTitle')}</h4>
          <div className="inline-form">
            <Input id="retiredOn" type="date" label={at(lang, 'retiredOn')} value={retiredOn} onChange={setRetiredOn} hint={at(lang, 'retireHint')} />
            <button type="button" className="danger" disabled={busy || retiredOn === ''} onClick={() => void act(() => call('user.retire', { userId, retiredOn, reason }), am('retiredDone', { userId, date: retiredOn }))}>
              {at(lang, 'retire')}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
