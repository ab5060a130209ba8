// The linkage screens (情報連携 work, AC-7): records have the menu button; the identity answer and the
// inquiry builder are tabs under it, each shown only with its permission (AC-11).
import type { TabEntry } from '../media/tab-list';
import { LINKAGE_TEXT } from './text';

export const LINKAGE_TABS: readonly TabEntry[] = [
  { id: 'linkage', label: LINKAGE_TEXT.tabRecords, permissions: ['linkage.records'] },
  { id: 'linkage-identity', label: LINKAGE_TEXT.tabIdentity, permissions: ['linkage.inquiry'] },
  { id: 'linkage-inquiry', label: LINKAGE_TEXT.tabInquiry, permissions: ['linkage.inquiry'] },
];
