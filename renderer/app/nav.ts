// The menu and route registry: one entry per screen. A feature adds its screen here (one entry) and
// nothing else in App.tsx or Banner.tsx needs to change. AC-11: an entry appears in the menu only when
// the session holds its permission; the router still decides every call the screen makes.
import { createElement, type ComponentType } from 'react';
import type { Message } from '../../shared/i18n';
import { AssignmentsScreen } from '../features/admin/AssignmentsScreen';
import { AuditScreen } from '../features/admin/AuditScreen';
import { GrantsScreen } from '../features/admin/GrantsScreen';
import { TerminalScreen } from '../features/admin/TerminalScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { MemberDetailScreen } from '../features/members/MemberDetailScreen';
import { SearchScreen } from '../features/members/SearchScreen';
import { IMPORT_SCREENS } from '../features/imports/screens';
import { MEDIA_SCREENS } from '../features/media/screens';
import { LINKAGE_SCREENS } from '../features/linkage/screens';
import { REQUEST_SCREENS } from '../features/requests/screens';
import { MyNumberFormScreen } from '../features/mynumber/MyNumberFormScreen';
import { QUALITY_SCREENS } from '../features/quality/screens';
import { REPORT_SCREENS } from '../features/reports/screens';
import { RETENTION_SCREENS } from '../features/retention/screens';
import { REVIEW_SCREENS } from '../features/audit-review/screens';
import { UPDATE_SCREENS } from '../features/updates/screens';
import { ConflictsScreen } from '../features/sync/ConflictsScreen';
import { CONFLICT_TEXT } from '../features/sync/text';
import { SyncScreen } from './screens/SyncScreen';

export type NavEntry = {
  /** The view id: `useApp().show(id)` opens it. */
  id: string;
  label: Message;
  /** Shown (in the menu) only with one of these permissions; empty = every logged-in user. */
  permissions: readonly string[];
  component: ComponentType;
  /** A sub-screen (a detail, a form) has no menu button of its own: it highlights this entry. */
  parent?: string;
  /** false: reachable (from a banner control) but not listed in the menu. */
  menu?: boolean;
  /** Work of one business (imports are 適用): shown only while that business is declared (AC-7). */
  business?: string;
};

export const NAV: readonly NavEntry[] = [
  { id: 'search', label: { ja: '加入者検索', en: 'Member search' }, permissions: ['member.search'], component: SearchScreen },
  { id: 'detail', label: { ja: '加入者詳細', en: 'Member' }, permissions: ['member.read'], component: MemberDetailScreen, parent: 'search' },
  {
    id: 'register',
    label: { ja: '個人番号登録', en: 'Register My Number' },
    permissions: ['mynumber.register'],
    component: () => createElement(MyNumberFormScreen, { mode: 'register' }),
    parent: 'search',
  },
  {
    id: 'correct',
    label: { ja: '個人番号訂正', en: 'Correct My Number' },
    permissions: ['mynumber.correct'],
    component: () => createElement(MyNumberFormScreen, { mode: 'correct' }),
    parent: 'search',
  },
  // Issues 5 and 6: employer-file imports and removable media (their tabs are entries with a parent).
  ...IMPORT_SCREENS,
  ...MEDIA_SCREENS,
  // Requests and incidents (RQ-1..RQ-3); information linkage, 情報連携 work only (LK-1..LK-4, AC-7).
  ...REQUEST_SCREENS,
  ...LINKAGE_SCREENS,
  // Data quality (DQ-3..DQ-5) and creator-only reports (DP-4).
  ...QUALITY_SCREENS,
  ...REPORT_SCREENS,
  { id: 'users', label: { ja: '利用者管理', en: 'Users' }, permissions: ['user.read'], component: UsersScreen },
  { id: 'grants', label: { ja: '権限設定', en: 'Access rights' }, permissions: ['grant.set'], component: GrantsScreen },
  { id: 'assignments', label: { ja: '割当状況一覧', en: 'Assignments' }, permissions: ['user.read'], component: AssignmentsScreen },
  { id: 'terminal', label: { ja: '端末指定', en: 'Terminal' }, permissions: ['terminal.admin'], component: TerminalScreen },
  { id: 'audit', label: { ja: '操作ログ', en: 'Operation log' }, permissions: ['audit.read'], component: AuditScreen },
  // Log review and maintenance (AU-3, AU-4), retention and refused qualifications (RT-1..RT-5), update verification (BL-1).
  ...REVIEW_SCREENS,
  ...RETENTION_SCREENS,
  ...UPDATE_SCREENS,
  // Issue 7: every logged-in user may see the link state; the banner's sync indicator opens it.
  { id: 'sync', label: { ja: '同期状況', en: 'Sync status' }, permissions: [], component: SyncScreen, menu: false },
  // Both versions of each sync conflict (whoever reads members); resolving needs EDIT, decided by the router.
  { id: 'sync-conflicts', label: CONFLICT_TEXT.menu, permissions: ['member.read'], component: ConflictsScreen, parent: 'sync', menu: false },
];

export function navEntry(id: string): NavEntry | undefined {
  return NAV.find((e) => e.id === id);
}

export function allowed(entry: NavEntry, permissions: readonly string[], business: string | null): boolean {
  if (entry.business !== undefined && entry.business !== business) return false;
  return entry.permissions.length === 0 || entry.permissions.some((p) => permissions.includes(p));
}

/** The menu: top-level entries the session may open, in registry order. */
export function menuEntries(permissions: readonly string[], business: string | null): NavEntry[] {
  return NAV.filter((e) => e.parent === undefined && e.menu !== false && allowed(e, permissions, business));
}
