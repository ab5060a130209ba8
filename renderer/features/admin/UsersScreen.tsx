// 利用者管理 (AC-1, AC-4, AC-5): personal IDs for named staff, their status, password resets and
// retirement. The list is for user.read; every change needs user.admin, and the main process checks it.
import { useState } from 'react';
import { BUSINESS_LABELS, PRIVILEGE_LABELS, ROLE_LABELS } from '../../../shared/codes';
import type { AssignmentRow } from '../../../shared/rpc/channels/access';
import { useApp, usePermission } from '../../app/store';
import { useAssignments, statusText } from './assignments';
import { CreateUserForm } from './CreateUserForm';
import { UserActions } from './UserActions';
import { at } from './text';

export function UsersScreen() {
  const lang = useApp((s) => s.lang);
  const canAdmin = usePermission('user.admin');
  const { rows, asOf, reload } = useAssignments();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selected = rows?.find((r) => r.userId === selectedId) ?? null;

  const choose = (row: AssignmentRow) => {
    setCreating(false);
    setSelectedId(row.userId);
  };
  const afterCreate = async (userId: string) => {
    await reload();
    setCreating(false);
    setSelectedId(userId);
  };

  return (
    <section className="screen screen-users">
      <div className="screen-head">
        <h2>{at(lang, 'usersTitle')}</h2>
        {canAdmin ? (
          <button type="button" className="primary" data-testid="new-user" onClick={() => setCreating(true)}>
            {at(lang, 'newUser')}
          </button>
        ) : null}
      </div>
      <p className="lead">{at(lang, 'usersLead')}</p>
      <div className="admin-layout">
        <div className="plain-table-wrap">
          <table className="plain-table selectable" data-testid="users-table">
            <thead>
              <tr>
                <th>{at(lang, 'userId')}</th>
                <th>{at(lang, 'name')}</th>
                <th>{at(lang, 'employeeNo')}</th>
                <th>{at(lang, 'department')}</th>
                <th>{at(lang, 'status')}</th>
                <th>{at(lang, 'level')}</th>
                <th>{at(lang, 'businesses')}</th>
                <th>{at(lang, 'rolesTitle')}</th>
              </tr>
            </thead>
            <tbody>
              {(rows ?? []).map((u) => (
                <tr key={u.userId} className={u.userId === selectedId ? 'selected' : undefined} data-user-id={u.userId} onClick={() => choose(u)}>
                  <td>{u.userId}</td>
                  <td>{u.name}</td>
                  <td>{u.employeeNo}</td>
                  <td>{u.department ?? ''}</td>
                  <td className={`status-${u.status}`}>{statusText(lang, u)}</td>
                  <td>{PRIVILEGE_LABELS[u.current.level][lang]}</td>
                  <td>{u.current.businesses.map((b) => BUSINESS_LABELS[b][lang]).join('・')}</td>
                  <td>{u.roles.map((r) => ROLE_LABELS[r][lang]).join('・')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <aside className="side-panel" data-testid="user-panel">
          {creating && canAdmin ? <CreateUserForm onCreated={afterCreate} onCancel={() => setCreating(false)} /> : null}
          {!creating && selected && asOf ? <UserActions key={selected.userId} row={selected} today={asOf} canAdmin={canAdmin} onChanged={reload} /> : null}
          {!creating && !selected ? <p className="muted">{at(lang, 'chooseUser')}</p> : null}
        </aside>
      </div>
    </section>
  );
}
