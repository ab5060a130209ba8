// The media screens (one registry entry each, see screens.ts). Only the ledger has a menu button;
// the others are tabs under it, each shown only with its permission (AC-11: the router decides anyway).
import type { Message } from '../../../shared/i18n';
import { MEDIA_TEXT } from './text';

export type TabEntry = { id: string; label: Message; permissions: readonly string[] };

export const MEDIA_TABS: readonly TabEntry[] = [
  { id: 'media', label: MEDIA_TEXT.tabLedger, permissions: ['media.use', 'media.ledger'] },
  { id: 'media-drives', label: MEDIA_TEXT.tabDrives, permissions: ['media.use', 'media.ledger'] },
  { id: 'media-requests', label: MEDIA_TEXT.tabRequest, permissions: ['export.request'] },
  { id: 'media-approvals', label: MEDIA_TEXT.tabApprovals, permissions: ['export.approve'] },
  { id: 'media-wipe', label: MEDIA_TEXT.tabWipe, permissions: ['media.use'] },
  { id: 'media-crosscheck', label: MEDIA_TEXT.tabCrossCheck, permissions: ['media.ledger'] },
  { id: 'media-policy', label: MEDIA_TEXT.tabOsPolicy, permissions: ['media.ledger'] },
];

export function tabAllowed(tab: TabEntry, permissions: readonly string[]): boolean {
  return tab.permissions.some((p) => permissions.includes(p));
}
