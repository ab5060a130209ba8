// The media screens for the app's menu and route registry (renderer/app/nav.ts): the ledger has the
// menu button; the other screens are its tabs (parent 'media').
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { ApprovalsScreen } from './ApprovalsScreen';
import { CrossCheckScreen } from './CrossCheckScreen';
import { DrivesScreen } from './DrivesScreen';
import { LedgerScreen } from './LedgerScreen';
import { OsPolicyScreen } from './OsPolicyScreen';
import { RequestScreen } from './RequestScreen';
import { MEDIA_TABS } from './tab-list';
import { MEDIA_TEXT } from './text';
import { WipeScreen } from './WipeScreen';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

const COMPONENTS: Record<string, ComponentType> = {
  media: LedgerScreen,
  'media-drives': DrivesScreen,
  'media-requests': RequestScreen,
  'media-approvals': ApprovalsScreen,
  'media-wipe': WipeScreen,
  'media-crosscheck': CrossCheckScreen,
  'media-policy': OsPolicyScreen,
};

/** The menu button (電子記録媒体) opens the ledger; each tab is its own route with its own permissions. */
export const MEDIA_SCREENS: readonly Screen[] = MEDIA_TABS.map((tab) =>
  tab.id === 'media'
    ? { ...tab, label: MEDIA_TEXT.menu, component: COMPONENTS[tab.id]! }
    : { ...tab, component: COMPONENTS[tab.id]!, parent: 'media' },
);
