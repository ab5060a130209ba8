// 権限設定 (AC-3, AC-4): a manager sets a level and its businesses from a start date (and to an end
// date), and roles. The manager's own ID is never offered; the main process refuses it anyway.
import { useState } from 'react';
import { BUSINESS_LABELS, BUSINESSES, PRIVILEGE_LABELS, PRIVILEGE_LEVELS, ROLE_LABELS, ROLES, type Business, type PrivilegeLevel, type Role } from '../../../shared/codes';
import type { AssignmentRow } from '../../../shared/rpc/channels/access';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { levelText, statusText, upcomingText, useAssignments, validityText } from './assignments';
import { Checks, complain, Input, Select } from './controls';
import { am, at } from './text';

export function GrantsScreen() {
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.session?.user.userId);
  const { rows, asOf, reload } = useAssignments();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const others = (rows ?? []).filter((r) => r.userId !== me && r.status !== 'retired');
  const selected = others.find((r) => r.userId === selectedId) ?? null;

  return (
    <section className="screen screen-grants">
      <h2>{at(lang, 'grantsTitle')}</h2>
      <p className="lead">{at(lang, 'grantsLead')}</p>
      <div className="admin-layout">
        <div className="plain-table-wrap">
          <table className="plain-table selectable" data-testid="grants-table">
            <thead>
              <tr>
                <th>{at(lang, 'userId')}</th>
                <th>{at(lang, 'name')}</th>
                <th>{at(lang, 'department')}</th>
                <th>{at(lang, 'status')}</th>
                <th>{at(lang, 'currentGrant')}</th>
                <th>{at(lang, 'upcomingGrants')}</th>
                <th>{at(lang, 'rolesTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {others.map((u) => (
                <tr key={u.userId} className={u.userId === selectedId ? 'selected' : undefined} data-user-id={u.userId} onClick={() => setSelectedId(u.userId)}>
                  <td>{u.userId}</td>
                  <td>{u.name}</td>
                  <td>{u.department ?? ''}</td>
                  <td className={`status-${u.status}`}>{statusText(lang, u)}</td>
                  <td>{levelText(lang, u.current)}</td>
                  <td className="wrap">{u.upcoming.map((g) => upcomingText(lang, g)).join('、')}</td>
                  <td className="wrap">{u.roles.map((r) => ROLE_LABELS[r][lang]).join('・')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="table-note muted">{at(lang, 'selfExcluded')}</p>
        </div>
        <aside className="side-panel" data-testid="grant-panel">
          {selected && asOf ? <GrantForms key={selected.userId} row={selected} today={asOf} onChanged={reload} /> : <p className="muted">{at(lang, 'chooseUser')}</p>}
        </aside>
      </div>
    </section>
  );
}

function GrantForms({ row, today, onChanged }: { row: AssignmentRow; today: string; onChanged(): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const [level, setLevel] = useState<PrivilegeLevel>(row.current.level);
  const [businesses, setBusinesses] = useState<Business[]>(row.current.businesses);
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState('');
  const [reason, setReason] = useState('');
  const [roles, setRoles] = useState<Role[]>(row.roles);
  const [roleReason, setRoleReason] = useState('');
  const userId = row.userId;

  const setGrant = async () => {
    if (level !== 'NONE' && businesses.length === 0) return complain(am('businessesRequired'));
    if (reason.trim() === '') return complain(am('reasonRequired'));
    const input = { userId, level, businesses: level === 'NONE' ? [] : businesses, validFrom, validTo: validTo === '' ? null : validTo, reason };
    if (!(await run(() => call('grant.set', input)))) return;
    await onChanged();
    inform({ ja: at('ja', 'grantDone', { userId, from: validFrom, level: PRIVILEGE_LABELS[level].ja }), en: at('en', 'grantDone', { userId, from: validFrom, level: PRIVILEGE_LABELS[level].en }) });
    setReason('');
  };

  const saveRoles = async () => {
    if (roleReason.trim() === '') return complain(am('reasonRequired'));
    if (!(await run(() => call('role.set', { userId, roles, reason: roleReason })))) return;
    await onChanged();
    inform(am('rolesDone', { userId }));
    setRoleReason('');
  };

  return (
    <div className="panel-form" data-testid="grant-forms">
      <h3>
        {row.name}（{row.userId}）
      </h3>
      <dl className="mini-facts">
        <div>
          <dt>{at(lang, 'currentGrant')}</dt>
          <dd data-testid="grant-current">
            {levelText(lang, row.current)}{' '}{validityText(lang, row.current)}
          </dd>
        </div>
        <div>
          <dt>{at(lang, 'upcomingGrants')}</dt>
          <dd data-testid="grant-upcoming">{row.upcoming.length === 0 ? at(lang, 'noUpcoming') : row.upcoming.map((g) => upcomingText(lang, g) + (g.validTo ? ` 〜 ${g.validTo}` : '')).join('、')}</dd>
        </div>
      </dl>
      <div className="grid-2">
        <Select id="grantLevel" label={at(lang, 'level')} value={level} options={PRIVILEGE_LEVELS.map((l) => ({ value: l, label: PRIVILEGE_LABELS[l][lang] }))} onChange={setLevel} />
        <div />
        <Input id="validFrom" type="date" label={at(lang, 'validFrom')} value={validFrom} onChange={setValidFrom} />
        <Input id="validTo" type="date" label={at(lang, 'validTo')} value={validTo} onChange={setValidTo} />
      </div>
      <p className="field-hint">{at(lang, 'validToHint')}</p>
      <Checks name="grantBusinesses" label={at(lang, 'businesses')} values={BUSINESSES} selected={level === 'NONE' ? [] : businesses} labels={BUSINESS_LABELS} disabled={level === 'NONE'} onChange={setBusinesses} />
      {level === 'NONE' ? <p className="field-hint">{at(lang, 'noneHasNoBusiness')}</p> : null}
      <Input id="grantReason" label={at(lang, 'reason')} value={reason} onChange={setReason} maxLength={200} hint={at(lang, 'reasonHint')} />
      <div className="actions">
        <button type="button" className="primary" data-testid="set-grant" disabled={busy} onClick={() => void setGrant()}>
          {at(lang, 'setGrant')}
        </button>
      </div>

      <h4>{at(lang, 'rolesTitle')}</h4>
      <Checks name="roles" label={at(lang, 'rolesTitle')} values={ROLES} selected={roles} labels={ROLE_LABELS} onChange={setRoles} />
      <Input id="roleReason" label={at(lang, 'reason')} value={roleReason} onChange={setRoleReason} maxLength={200} />
      <div className="actions">
        <button type="button" data-testid="set-roles" disabled={busy} onClick={() => void saveRoles()}>
          {at(lang, 'setRoles')}
        </button>
      </div>
    </div>
  );
}
