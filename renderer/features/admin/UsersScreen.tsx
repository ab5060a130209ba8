import { useEffect, useState } from 'react';
import { BUSINESS_LABELS, PRIVILEGE_LABELS, ROLE_LABELS } from '../../../shared/codes';
import type { UserSummary } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { t } from '../../app/text';

/** AC-6: who holds which level in which businesses. */
export function UsersScreen() {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  useEffect(() => {
    void run(() => call('user.list', {})).then((r) => {
      if (r) setUsers(r.users);
    });
  }, [run]);

  return (
    <section className="screen screen-users">
      <h2>{t(lang, 'usersTitle')}</h2>
      <div className="plain-table-wrap">
        <table className="plain-table" data-testid="users-table">
          <thead>
            <tr>
              <th>{t(lang, 'userId')}</th>
              <th>{t(lang, 'staffName')}</th>
              <th>{t(lang, 'employeeNo')}</th>
              <th>{t(lang, 'colRoles')}</th>
              <th>{t(lang, 'colLevel')}</th>
              <th>{t(lang, 'colBusinesses')}</th>
            </tr>
          </thead>
          <tbody>
            {(users ?? []).map((u) => (
              <tr key={u.userId}>
                <td>{u.userId}</td>
                <td>{u.name}</td>
                <td>{u.employeeNo}</td>
                <td>{u.roles.map((r) => ROLE_LABELS[r][lang]).join('・')}</td>
                <td>{PRIVILEGE_LABELS[u.level][lang]}</td>
                <td>{u.businesses.map((b) => BUSINESS_LABELS[b][lang]).join('・')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
