// The linkage screens for the app's menu and route registry (renderer/app/nav.ts). Every entry is
// 情報連携 work: shown only while 情報連携 is declared (AC-7), and only with its permission (AC-11).
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { IdentityScreen } from './IdentityScreen';
import { InquiryBuilderScreen } from './InquiryBuilderScreen';
import { RecordsScreen } from './RecordsScreen';
import { LINKAGE_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string; business?: string };

export const LINKAGE_SCREENS: readonly Screen[] = [
  { id: 'linkage', label: LINKAGE_TEXT.menu, permissions: ['linkage.records'], component: RecordsScreen, business: 'renkei' },
  { id: 'linkage-identity', label: LINKAGE_TEXT.tabIdentity, permissions: ['linkage.inquiry'], component: IdentityScreen, parent: 'linkage', business: 'renkei' },
  { id: 'linkage-inquiry', label: LINKAGE_TEXT.tabInquiry, permissions: ['linkage.inquiry'], component: InquiryBuilderScreen, parent: 'linkage', business: 'renkei' },
];
