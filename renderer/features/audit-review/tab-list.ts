// Log review and maintenance are two tabs under one menu button, each shown with its permission (AC-11).
import type { TabEntry } from '../media/tab-list';
import { REVIEW_TEXT } from './text';

export const REVIEW_TABS: readonly TabEntry[] = [
  { id: 'log-review', label: REVIEW_TEXT.tabReview, permissions: ['audit.review', 'audit.read'] },
  { id: 'maintenance', label: REVIEW_TEXT.tabMaintenance, permissions: ['maintenance.record', 'audit.read'] },
];
