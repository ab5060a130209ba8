// The data-quality screens are tabs under one menu button, each shown only with its permission (AC-11).
import type { TabEntry } from '../media/tab-list';
import { QUALITY_TEXT } from './text';

export const QUALITY_TABS: readonly TabEntry[] = [
  { id: 'quality', label: QUALITY_TEXT.tabLinks, permissions: ['quality.read'] },
  { id: 'quality-checks', label: QUALITY_TEXT.tabChecks, permissions: ['quality.read'] },
  { id: 'quality-queue', label: QUALITY_TEXT.tabQueue, permissions: ['quality.queue'] },
];
