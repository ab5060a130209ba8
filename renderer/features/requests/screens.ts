// The request screens for the app's menu and route registry (renderer/app/nav.ts).
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { DisclosureScreen } from './DisclosureScreen';
import { IncidentScreen } from './IncidentScreen';
import { InquiryScreen } from './InquiryScreen';
import { REQUEST_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

/** The menu button opens the register (RQ-1); 受付票 (RQ-2) and 漏えい事案 (RQ-3) are its tabs. */
export const REQUEST_SCREENS: readonly Screen[] = [
  { id: 'requests', label: REQUEST_TEXT.menu, permissions: ['requests.handle'], component: DisclosureScreen },
  { id: 'requests-inquiries', label: REQUEST_TEXT.tabInquiries, permissions: ['requests.handle'], component: InquiryScreen, parent: 'requests' },
  { id: 'requests-incidents', label: REQUEST_TEXT.tabIncidents, permissions: ['incident.manage'], component: IncidentScreen, parent: 'requests' },
];
