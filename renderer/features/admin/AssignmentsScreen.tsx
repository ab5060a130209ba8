// 割当状況一覧 (AC-6): who holds which level, roles and businesses, for how long, when they last logged
// in and how old their password is; printable (it carries no My Number) and reviewed by a manager.
import { useState } from 'react';
import { BUSINESSES, BUSINESS_LABELS, PRIVILEGE_LABELS, PRIVILEGE_LEVELS, ROLE_LABELS, ROLES, type Business, type PrivilegeLevel, type Role } from '../../../shared/codes';
import type { AssignmentRow } from '../../../shared/rpc/channels/access';
import { formatTime } from '../../app/sync';
import { useApp, usePermission } from '../../app/store';
import { levelText, statusText, upcomingText, useAssignments, validityText, type AssignmentFilters } from './assignments';
import { Select } from './controls';
import { ReviewPanel } from './ReviewPanel';
import { at } from './text';

const STATUSES = ['active', 'locked', 'disabled', 'retired'] as const;
type Status = (typeof STATUSES)[number];

export function AssignmentsScreen() {
  const lang = useApp((s) => s.lang);
  const session = useApp((s) => s.session);
  const canReview = usePermission('assignment.review');
  const [level, setLevel] = useState<PrivilegeLevel | ''>('');
  const [business, setBusiness] = useState<Business | ''>('');
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const filters: AssignmentFilters = { ...(level && { level }), ...(business && { business }), ...(role && { role }), ...(status && { status }) };
  const { rows, asOf } = useAssignments(filters);
  const all = { value: '' as const, label: at(lang, 'all') };

  return (
    <section className="screen screen-assignments">
      <div className="screen-head">
        <h2>
          {at(lang, 'assignmentsTitle')} <small className="muted">{asOf ? at(lang, 'asOf', { date: asOf }) : null}</small>
        </h2>
        <button type="button" className="no-print" data-testid="print-assignments" onClick={() => window.print()}>
          {at(lang, 'print')}
        </button>
      </div>
      <p className="print-only print-meta">{session ? at(lang, 'printedBy', { name: session.user.name, userId: session.user.userId, terminal: session.terminalName }) : null}</p>
      <div className="filter-bar no-print" data-testid="assignment-filters">
        <Select id="filterLevel" label={at(lang, 'level')} value={level} options={[all, ...PRIVILEGE_LEVELS.map((l) => ({ value: l, label: PRIVILEGE_LABELS[l][lang] }))]} onChange={setLevel} />
        <Select id="filterBusiness" label={at(lang, 'businesses')} value={business} options={[all, ...BUSINESSES.map((b) => ({ value: b, label: BUSINESS_LABELS[b][lang] }))]} onChange={setBusiness} />
        <Select id="filterRole" label={at(lang, 'role')} value={role} options={[all, ...ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }))]} onChange={setRole} />
        <Select id="filterStatus" label={at(lang, 'status')} value={status} options={[all, ...STATUSES.map((s) => ({ value: s, label: at(lang, `status_${s}`) }))]} onChange={setStatus} />
        <span className="muted filter-count" data-testid="assignment-count">
          {rows ? at(lang, 'rows', { count: rows.length }) : null}
        </span>
      </div>
      <div className="assignments-body">
        <div className="plain-table-wrap print-table">
          <table className="plain-table" data-testid="assignments-table">
            <thead>
              <tr>
                <th>{at(lang, 'userId')}</th>
                <th>{at(lang, 'name')}</th>
                <th>{at(lang, 'employeeNo')}</th>
                <th>{at(lang, 'department')}</th>
                <th>{at(lang, 'rolesTitle')}</th>
                <th>{at(lang, 'currentGrant')}</th>
                <th>{at(lang, 'validity')}</th>
                <th>{at(lang, 'upcomingGrants')}</th>
                <th>{at(lang, 'status')}</th>
                <th>{at(lang, 'lastLogin')}</th>
                <th>{at(lang, 'passwordAge')}</th>
              </tr>
            </thead>
            <tbody>{(rows ?? []).map((r) => <Row key={r.userId} row={r} />)}</tbody>
          </table>
        </div>
        <ReviewPanel canRecord={canReview} />
      </div>
    </section>
  );
}

function Row({ row }: { row: AssignmentRow }) {
  const lang = useApp((s) => s.lang);
  return (
    <tr data-user-id={row.userId}>
      <td>{row.userId}</td>
      <td>{row.name}</td>
      <td>{row.employeeNo}</td>
      <td>{row.department ?? ''}</td>
      <td>{row.roles.map((r) => ROLE_LABELS[r][lang]).join('・')}</td>
      <td>{levelText(lang, row.current)}</td>
      <td>{validityText(lang, row.current)}</td>
      <td className="wrap">{row.upcoming.map((g) => upcomingText(lang, g)).join('、')}</td>
      <td className={`status-${row.status}`}>
        {statusText(lang, row)}
        {row.retiredOn ? `（${row.retiredOn}）` : ''}
      </td>
      <td>{formatTime(row.lastLoginAt) ?? at(lang, 'never')}</td>
      <td className="num">{at(lang, 'days', { days: row.passwordAgeDays })}</td>
    </tr>
  );
}
