// The import screens for the app's menu and route registry (renderer/app/nav.ts).
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { HistoryScreen } from './HistoryScreen';
import { ImportScreen } from './ImportScreen';
import { IMPORT_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string; business?: string };

export const IMPORT_SCREENS: readonly Screen[] = [
  { id: 'imports', label: IMPORT_TEXT.menu, permissions: ['import.preview'], component: ImportScreen, business: 'tekiyo' },
  { id: 'imports-history', label: IMPORT_TEXT.tabHistory, permissions: ['import.preview'], component: HistoryScreen, parent: 'imports', business: 'tekiyo' },
];
