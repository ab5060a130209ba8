// Log review (AU-3) and maintenance (AU-4) for the app's menu and route registry (renderer/app/nav.ts):
// the review has the menu button, maintenance is its tab (parent 'log-review').
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { MaintenanceScreen } from './MaintenanceScreen';
import { ReviewScreen } from './ReviewScreen';
import { REVIEW_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

export const REVIEW_SCREENS: readonly Screen[] = [
  { id: 'log-review', label: REVIEW_TEXT.menu, permissions: ['audit.review', 'audit.read'], component: ReviewScreen },
  { id: 'maintenance', label: REVIEW_TEXT.tabMaintenance, permissions: ['maintenance.record', 'audit.read'], component: MaintenanceScreen, parent: 'log-review' },
];
