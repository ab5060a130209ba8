// The request screens: the register has the menu button; slips and incidents are tabs under it, each
// shown only with its permission (AC-11: the router decides every call anyway).
import type { TabEntry } from '../media/tab-list';
import { REQUEST_TEXT } from './text';

export const REQUEST_TABS: readonly TabEntry[] = [
  { id: 'requests', label: REQUEST_TEXT.tabDisclosure, permissions: ['requests.handle'] },
  { id: 'requests-inquiries', label: REQUEST_TEXT.tabInquiries, permissions: ['requests.handle'] },
  { id: 'requests-incidents', label: REQUEST_TEXT.tabIncidents, permissions: ['incident.manage'] },
];
